import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { dataSourceOptions } from './data-source.js';
import { RetryingDataSource } from './retrying-data-source.js';

/** The TypeORM connection for an app. DATABASE_URL must be known here (the launcher sets it). */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.database.url) {
          throw new Error('DATABASE_URL is not set: start the product with `npm start` (embedded PostgreSQL) or set DATABASE_URL');
        }
        return dataSourceOptions(config.database.url);
      },
      // Every transaction of the app retries serialisation failures and deadlocks (see RetryingDataSource).
      dataSourceFactory: async (options) => {
        if (!options) throw new Error('TypeORM options are missing');
        return new RetryingDataSource(options).initialize();
      },
    }),
  ],
  exports: [TypeOrmModule],
})
export class DatabaseModule {}
