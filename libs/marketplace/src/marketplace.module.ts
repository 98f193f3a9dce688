import { Module } from '@nestjs/common';
import { ChallengeRepository } from './challenges/challenge.repository.js';
import { ChallengesService } from './challenges/challenges.service.js';
import { ChallengeDeadlineHandler } from './challenges/challenge-deadline.handler.js';
import { ChallengeTermsRepository } from './challenges/challenge-terms.repository.js';
import { AttachmentsService } from './attachments/attachments.service.js';
import { UnitOfWork } from './common/unit-of-work.js';
import { CreativeProfileRepository } from './creatives/creative-profile.repository.js';
import { CreativesService } from './creatives/creatives.service.js';
import { OrganisationRepository } from './organisations/organisation.repository.js';
import { OrganisationsService } from './organisations/organisations.service.js';
import { CatalogueSearchService } from './search/catalogue-search.service.js';
import { SearchDriftCheck } from './search/search-drift.check.js';
import { SearchIndexes } from './search/search-indexes.js';
import { SearchSyncHandler } from './search/search-sync.handler.js';
import { DemoSeeder } from './seeding/demo-seeder.js';
import { NeedRepository, OfferRepository } from './exchange/exchange.repositories.js';
import { NeedsService } from './exchange/needs.service.js';
import { OffersService } from './exchange/offers.service.js';
import { SearchProjections } from './search/search-projections.js';
import { MunicipalComplianceRepository } from './compliance/municipal-compliance.repository.js';
import { MunicipalComplianceService } from './compliance/municipal-compliance.service.js';

const REPOSITORIES = [OrganisationRepository, CreativeProfileRepository, ChallengeRepository, NeedRepository, OfferRepository, MunicipalComplianceRepository, ChallengeTermsRepository];
const SERVICES = [UnitOfWork, OrganisationsService, CreativesService, ChallengesService, NeedsService, OffersService, MunicipalComplianceService, AttachmentsService, CatalogueSearchService, SearchIndexes, DemoSeeder];

/** The catalogue for the API: services, search queries, demo seeding. Needs DatabaseModule, JobsModule, SearchModule. */
@Module({
  providers: [...REPOSITORIES, ...SERVICES],
  exports: SERVICES,
})
export class MarketplaceModule {}

/** The catalogue for the worker: search sync handlers and the start-up drift check. */
@Module({
  providers: [...REPOSITORIES, UnitOfWork, ChallengesService, ChallengeDeadlineHandler, SearchProjections, SearchIndexes, SearchSyncHandler, SearchDriftCheck],
  exports: [SearchSyncHandler, SearchDriftCheck, SearchIndexes],
})
export class MarketplaceWorkerModule {}
