import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createAppLogger, exitWithParent, getConfigOrExit } from '@app/config';
import { AppModule } from './app.module.js';
import { configureHttp } from './http/http-setup.js';

async function bootstrap(): Promise<void> {
  const config = getConfigOrExit('api');
  const logger = createAppLogger(config, 'api');
  const app = await NestFactory.create(AppModule, { logger });
  configureHttp(app, config);
  app.enableShutdownHooks();
  await app.listen(config.http.port, config.http.host);
  logger.log(`GraphQL on http://${config.http.host}:${config.http.port}/graphql`);
  exitWithParent(() => app.close());
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`api failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
