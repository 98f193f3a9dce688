import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_CONFIG, ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { JobsModule } from '@app/jobs';
import { MarketplaceModule } from '@app/marketplace';
import { SearchModule } from '@app/search';
import * as path from 'node:path';
import { ApiAccessGuard } from './auth/api-access.guard.js';
import { ChallengesResolver } from './catalogue/challenges.resolver.js';
import { CreativesResolver } from './catalogue/creatives.resolver.js';
import { OrganisationsResolver } from './catalogue/organisations.resolver.js';
import { SearchResolver } from './catalogue/search.resolver.js';
import { formatError } from './graphql/graphql-errors.js';
import { GraphQLExceptionFilter } from './graphql/graphql-exception.filter.js';
import { GraphQLValidationPipe } from './graphql/validation.pipe.js';
import { HealthController } from './health/health.controller.js';
import { DemoSeedOnStart } from './demo-seed-on-start.js';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    JobsModule,
    SearchModule,
    MarketplaceModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        return {
          // The schema file is committed so API changes show in review; written in development only.
          autoSchemaFile: config.env === 'development' ? path.join(process.cwd(), 'apps/api/schema.gql') : true,
          sortSchema: true,
          introspection: config.env !== 'production',
          includeStacktraceInErrorResponses: false,
          hideSchemaDetailsFromClientErrors: config.env === 'production',
          playground: false,
          formatError,
          context: ({ req }: { req: unknown }) => ({ req }),
        };
      },
    }),
  ],
  controllers: [HealthController],
  providers: [
    OrganisationsResolver,
    CreativesResolver,
    ChallengesResolver,
    SearchResolver,
    DemoSeedOnStart,
    { provide: APP_GUARD, useClass: ApiAccessGuard },
    { provide: APP_PIPE, useClass: GraphQLValidationPipe },
    { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
  ],
})
export class AppModule {}
