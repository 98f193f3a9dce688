import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_CONFIG, ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { JobsModule } from '@app/jobs';
import { AttachmentsService, AwardsService, ChallengeQuestionsService, ChallengesService, CreativesService, MarketplaceModule, OrganisationsService, PortfolioService, ProposalsService } from '@app/marketplace';
import { IdentityModule } from '@app/identity';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { SearchModule } from '@app/search';
import type { GraphQLError, ValidationContext } from 'graphql';
import * as path from 'node:path';
import { ApiAccessGuard } from './auth/api-access.guard.js';
import { ChallengesResolver } from './catalogue/challenges.resolver.js';
import { ChallengeParticipationResolver } from './catalogue/challenge-participation.resolver.js';
import { MatchingResolver } from './matching/matching.resolver.js';
import { NotificationSubjects } from './notifications/notification-subjects.js';
import { NotificationSubjectResolver, NotificationsResolver } from './notifications/notifications.resolver.js';
import { UnsubscribeController } from './notifications/unsubscribe.controller.js';
import { NotificationsModule } from '@app/notifications';
import { CreativesResolver } from './catalogue/creatives.resolver.js';
import { OrganisationsResolver } from './catalogue/organisations.resolver.js';
import { SearchResolver } from './catalogue/search.resolver.js';
import { NeedsResolver } from './catalogue/needs.resolver.js';
import { OffersResolver } from './catalogue/offers.resolver.js';
import { ComplianceResolver } from './catalogue/compliance.resolver.js';
import { SupportMeasuresResolver } from './support/support-measures.resolver.js';
import { formatError } from './graphql/graphql-errors.js';
import { GraphQLExceptionFilter } from './graphql/graphql-exception.filter.js';
import { GraphQLValidationPipe } from './graphql/validation.pipe.js';
import { StrictDateTimeScalar } from './graphql/input-safety.js';
import { maxFieldsRule } from './graphql/max-fields.rule.js';
import { HealthController } from './health/health.controller.js';
import { AttachmentsController } from './catalogue/attachments.controller.js';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { DemoSeedOnStart } from './demo-seed-on-start.js';
import { createLoaders } from './graphql/loaders.js';
import { AccountsResolver } from './accounts/accounts.resolver.js';
import { MembershipsResolver } from './accounts/memberships.resolver.js';
import { CreativeInvitationsResolver } from './onboarding/creative-invitations.resolver.js';
import { CreativeImportController } from './onboarding/creative-import.controller.js';
import { ProposalsResolver } from './proposals/proposals.resolver.js';
import { JuryResolver } from './proposals/jury.resolver.js';
import { ProposalFilesController } from './proposals/proposal-files.controller.js';
import { PersonalDataController } from './accounts/personal-data.controller.js';
import { PersonalDataResolver } from './accounts/personal-data.resolver.js';
import { EventsModule } from '@app/events';
import { EventParticipantResolver, EventsResolver } from './events/events.resolver.js';
import { EventScheduleResolver, MeetingRequestsResolver } from './events/meetings.resolver.js';
import { AgendaFilesController } from './events/agenda-files.controller.js';
import { BrowserSessionController } from './accounts/browser-session.controller.js';
import { AccountProfileResolver } from './catalogue/creatives.resolver.js';
import { OrganisationFilesController } from './catalogue/organisation-files.controller.js';
import { PortfolioFilesController } from './catalogue/portfolio-files.controller.js';
import { WebAppModule } from './web/web-app.js';

/**
 * Limits on one GraphQL operation. The largest screen query (apps/api/test/query-limits.e2e-spec.ts:
 * a page of 50 of any list, every field three levels deep, edges and nodes both, `__typename`
 * everywhere) costs 74,706, selects 335 fields in 474 tokens, 5 levels deep (the schema has at
 * most 7). The limits leave room above that and refuse abuse: deep nesting, thousands of aliases
 * or `__typename`s, fragments spread over and over, long documents (2,000 aliases, about 6,000
 * tokens, still reach validation and are refused there). Bodies over 100 kB are refused (413) by
 * the JSON body parser.
 */
export const GRAPHQL_LIMITS = { depth: 8, aliases: 15, cost: 100_000, fields: 600, tokens: 10_000 } as const;

/** Report a limit breach as a validation error (GRAPHQL_VALIDATION_FAILED), not a thrown internal error. */
const REPORT_AS_VALIDATION_ERROR = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    JobsModule,
    SearchModule,
    IdentityModule,
    MarketplaceModule,
    NotificationsModule,
    EventsModule,
    WebAppModule,
    // One file per request, in memory, at most MAX_ATTACHMENT_BYTES (larger: 413 before it is read in full).
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ storage: memoryStorage(), limits: { fileSize: config.attachments.maxBytes, files: 1, fields: 5 } }),
    }),
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [MarketplaceModule],
      inject: [APP_CONFIG, OrganisationsService, CreativesService, ChallengesService, AttachmentsService, ProposalsService, AwardsService, ChallengeQuestionsService, PortfolioService],
      useFactory: (
        config: AppConfig, organisations: OrganisationsService, creatives: CreativesService, challenges: ChallengesService, attachments: AttachmentsService,
        proposals: ProposalsService, awards: AwardsService, questions: ChallengeQuestionsService, portfolio: PortfolioService,
      ) => {
        return {
          // The schema file is committed so API changes show in review; written in development only.
          autoSchemaFile: config.env === 'development' ? path.join(process.cwd(), 'apps/api/schema.gql') : true,
          sortSchema: true,
          // `DateTime` parses strictly (real calendar dates, years 1900–2200); see input-safety.ts.
          buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: StrictDateTimeScalar }] },
          introspection: config.env !== 'production',
          includeStacktraceInErrorResponses: false,
          hideSchemaDetailsFromClientErrors: config.env === 'production',
          // GraphiQL at GET /graphql for integrators, in development only (production: no landing page).
          graphiql: config.env === 'development',
          formatError,
          // Checked before any resolver runs (OWASP GraphQL: depth, alias and cost limits).
          validationRules: [
            maxDepthRule({ n: GRAPHQL_LIMITS.depth, ...REPORT_AS_VALIDATION_ERROR }),
            // `__typename` aliases count like any other (the rule's default allow-list exempts them).
            maxAliasesRule({ n: GRAPHQL_LIMITS.aliases, allowList: [], ...REPORT_AS_VALIDATION_ERROR }),
            costLimitRule({ maxCost: GRAPHQL_LIMITS.cost, ...REPORT_AS_VALIDATION_ERROR }),
            maxFieldsRule(GRAPHQL_LIMITS.fields),
          ],
          // A longer document is refused while it is parsed (GRAPHQL_PARSE_FAILED), before validation.
          parseOptions: { maxTokens: GRAPHQL_LIMITS.tokens },
          context: ({ req }: { req: unknown }) => ({ req, loaders: createLoaders({ organisations, creatives, challenges, attachments, proposals, awards, questions, portfolio }) }),
        };
      },
    }),
  ],
  controllers: [HealthController, AttachmentsController, ProposalFilesController, PersonalDataController, UnsubscribeController, AgendaFilesController, BrowserSessionController, PortfolioFilesController, CreativeImportController, OrganisationFilesController],
  providers: [
    SupportMeasuresResolver,
    OrganisationsResolver,
    CreativesResolver,
    AccountProfileResolver,
    ChallengesResolver,
    ChallengeParticipationResolver,
    MatchingResolver,
    NotificationsResolver,
    NotificationSubjectResolver,
    NotificationSubjects,
    SearchResolver,
    NeedsResolver,
    OffersResolver,
    ComplianceResolver,
    AccountsResolver,
    MembershipsResolver,
    CreativeInvitationsResolver,
    PersonalDataResolver,
    ProposalsResolver,
    JuryResolver,
    EventsResolver,
    EventParticipantResolver,
    MeetingRequestsResolver,
    EventScheduleResolver,
    DemoSeedOnStart,
    { provide: APP_GUARD, useClass: ApiAccessGuard },
    { provide: APP_PIPE, useClass: GraphQLValidationPipe },
    { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
  ],
})
export class AppModule {}
