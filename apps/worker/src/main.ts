import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createAppLogger, exitWithParent, getConfigOrExit } from '@app/config';
import { WorkerModule } from './worker.module.js';

async function bootstrap(): Promise<void> {
  const config = getConfigOrExit('worker');
  const logger = createAppLogger(config, 'worker');
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger });
  app.enableShutdownHooks();
  await app.init();
  logger.log('worker started');
  exitWithParent(() => app.close());
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
