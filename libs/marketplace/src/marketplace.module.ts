import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { ChallengeRepository } from './challenges/challenge.repository.js';
import { ChallengesService } from './challenges/challenges.service.js';
import { ChallengeQuestionsService } from './challenges/challenge-questions.service.js';
import { ShortlistService } from './proposals/shortlist.service.js';
import { DemoActivitySeeder } from './seeding/demo-activity.seeder.js';
import { DomainRarity, MatchRetrieval } from './matching/match-retrieval.js';
import { MatchingService } from './matching/matching.service.js';
import { MatchNotificationsHandler } from './matching/match-notifications.handler.js';
import { MunicipalReminderHandler } from './compliance/municipal-reminder.handler.js';
import { ChallengeDeadlineHandler } from './challenges/challenge-deadline.handler.js';
import { ChallengeTermsRepository } from './challenges/challenge-terms.repository.js';
import { AttachmentsService } from './attachments/attachments.service.js';
import { UnitOfWork } from './common/unit-of-work.js';
import { CreativeProfileRepository } from './creatives/creative-profile.repository.js';
import { CreativesService } from './creatives/creatives.service.js';
import { CreativeInvitationsService } from './creatives/creative-invitations.service.js';
import { PortfolioRepository } from './creatives/portfolio.repository.js';
import { PortfolioService } from './creatives/portfolio.service.js';
import { OrganisationRepository } from './organisations/organisation.repository.js';
import { OrganisationActivityRepository } from './organisations/organisation-activity.repository.js';
import { OrganisationsService } from './organisations/organisations.service.js';
import { CatalogueSearchService } from './search/catalogue-search.service.js';
import { SearchDriftCheck } from './search/search-drift.check.js';
import { SearchIndexes } from './search/search-indexes.js';
import { SearchSyncHandler } from './search/search-sync.handler.js';
import { DemoSeeder } from './seeding/demo-seeder.js';
import { NeedRepository, OfferRepository } from './exchange/exchange.repositories.js';
import { NeedsService } from './exchange/needs.service.js';
import { NeedContactsService } from './exchange/need-contacts.service.js';
import { OffersService } from './exchange/offers.service.js';
import { SearchProjections } from './search/search-projections.js';
import { MunicipalComplianceRepository } from './compliance/municipal-compliance.repository.js';
import { MunicipalComplianceService } from './compliance/municipal-compliance.service.js';
import { ProposalRepository } from './proposals/proposal.repository.js';
import { ProposalVisibility } from './proposals/proposal-visibility.js';
import { ProposalsService } from './proposals/proposals.service.js';
import { JuryRepository } from './jury/jury.repository.js';
import { JuryService } from './jury/jury.service.js';
import { AwardsService } from './jury/awards.service.js';
import { ProposalOutcomeHandler } from './jury/proposal-outcome.handler.js';
import { ProposalReceivedHandler } from './proposals/proposal-received.handler.js';
import { PersonalDataRepository } from './personal-data/personal-data.repository.js';
import { PersonalDataService } from './personal-data/personal-data.service.js';
import { AccountErasureRepository } from './personal-data/account-erasure.repository.js';
import { AccountErasureService } from './personal-data/account-erasure.service.js';
import { SupportMeasureRepository } from './support/support-measure.repository.js';
import { SupportMeasuresService } from './support/support-measures.service.js';
import { SupportMeasureSearchService } from './support/support-measure-search.service.js';
import { SupportMatchingService } from './support/support-matching.service.js';
import { SupportNotificationsHandler } from './support/support-notifications.handler.js';

const REPOSITORIES = [OrganisationRepository, OrganisationActivityRepository, CreativeProfileRepository, ChallengeRepository, NeedRepository, OfferRepository, MunicipalComplianceRepository, ChallengeTermsRepository, ProposalRepository, JuryRepository, PortfolioRepository, SupportMeasureRepository];
const SERVICES = [UnitOfWork, OrganisationsService, CreativesService, ChallengesService, NeedsService, NeedContactsService, OffersService, MunicipalComplianceService, AttachmentsService, CatalogueSearchService, SearchIndexes, DemoSeeder,
  ProposalVisibility, ProposalsService, JuryService, AwardsService, ChallengeQuestionsService, ShortlistService, DemoActivitySeeder, MatchRetrieval, DomainRarity, MatchingService, PortfolioService, CreativeInvitationsService,
  SupportMeasuresService, SupportMeasureSearchService, SupportMatchingService];

/** GDPR export and erasure (API only: a person asks for them). */
const PERSONAL_DATA = [PersonalDataService, AccountErasureService];

/** The catalogue for the API: services, search queries, demo seeding. Needs DatabaseModule, JobsModule, SearchModule. */
@Module({
  imports: [IdentityModule],
  providers: [...REPOSITORIES, ...SERVICES, PersonalDataRepository, AccountErasureRepository, ...PERSONAL_DATA],
  exports: [...SERVICES, ...PERSONAL_DATA],
})
export class MarketplaceModule {}

/** The catalogue for the worker: search sync handlers and the start-up drift check. */
@Module({
  imports: [IdentityModule],
  providers: [
    ...REPOSITORIES, UnitOfWork, ChallengesService, ChallengeDeadlineHandler, SearchProjections, SearchIndexes, SearchSyncHandler, SearchDriftCheck, ProposalOutcomeHandler, ProposalReceivedHandler,
    MatchRetrieval, DomainRarity, MatchingService, MatchNotificationsHandler, MunicipalComplianceService, MunicipalReminderHandler,
    SupportMeasuresService, SupportMatchingService, SupportNotificationsHandler,
  ],
  exports: [SearchSyncHandler, SearchDriftCheck, SearchIndexes, ProposalOutcomeHandler, ProposalReceivedHandler, MatchNotificationsHandler, MunicipalReminderHandler, SupportNotificationsHandler],
})
export class MarketplaceWorkerModule {}
