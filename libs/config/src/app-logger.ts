import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { AppConfig } from './app-config.js';

const LEVELS: Record<AppConfig['log']['level'], LogLevel[]> = {
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  info: ['fatal', 'error', 'warn', 'log'],
  warn: ['fatal', 'error', 'warn'],
  error: ['fatal', 'error'],
};

/** Structured logs: one JSON object a line by default (LOG_FORMAT=pretty for humans). */
export function createAppLogger(config: AppConfig, processName: string): ConsoleLogger {
  return new ConsoleLogger(processName, {
    json: config.log.format === 'json',
    colors: config.log.format === 'pretty',
    logLevels: LEVELS[config.log.level],
    prefix: 'modrotisk',
  });
}
