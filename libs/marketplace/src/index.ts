export * from './reference/index.js';
export { MarketplaceErrorCode, MarketplaceException } from './common/marketplace.errors.js';
export { type LocalizedText } from './common/localized.js';
export { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, type Page, type PageRequest } from './common/pagination.js';
export { MAX_FREE_TERMS, MAX_FREE_TERM_LENGTH, REGION_GORENJSKA, Taxonomy, Vocabulary } from './common/taxonomy.js';
export { OrganisationsService, type OrganisationCommand } from './organisations/organisations.service.js';
export { CONSENT_EXPLANATION_VERSIONS, CreativesService, CURRENT_CONSENT_EXPLANATION, type CreativeProfileCommand } from './creatives/creatives.service.js';
export {
  CONSENT_EXPLANATION, CREATIVE_INVITATION_TTL_MS, CreativeInvitationStatus, CreativeInvitationsService, ImportRowStatus,
  type AcceptCreativeInvitationCommand, type AcceptedCreativeInvitation, type CreativeInvitationView, type ImportCommand, type ImportReport, type ImportRowResult,
} from './creatives/creative-invitations.service.js';
export { ImportFormat, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, parseImport } from './creatives/profile-import.parser.js';
export { MAX_PORTFOLIO_ITEMS, PortfolioService, type PortfolioItemCommand, type PortfolioItemWithImage } from './creatives/portfolio.service.js';
export { ChallengesService, canSeeChallenge, type ChallengeCommand, type ChallengeUpdate } from './challenges/challenges.service.js';
export { ChallengeQuestionsService, MAX_OPEN_QUESTIONS, type VisibleQuestion } from './challenges/challenge-questions.service.js';
export { ShortlistService } from './proposals/shortlist.service.js';
export {
  CatalogueSearchService, MAX_QUERY_LENGTH,
  type CatalogueFilters, type CatalogueSearchRequest, type CatalogueSearchResult, type FacetCount,
} from './search/catalogue-search.service.js';
export { CHALLENGES_INDEX, CREATIVES_INDEX, NEEDS_INDEX, OFFERS_INDEX, challengeDocument, creativeDocument, needDocument, offerDocument } from './search/catalogue-index.js';
export { SearchIndexes } from './search/search-indexes.js';
export { SearchSyncHandler } from './search/search-sync.handler.js';
export { SearchDriftCheck } from './search/search-drift.check.js';
export { DemoSeeder, type SeedReport } from './seeding/demo-seeder.js';
export { DEMO_ACCOUNTS, DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from './demo/activity.js';
export { ExchangeStatus, OfferKind } from './exchange/exchange.status.js';
export { NeedsService, type NeedCommand, type NeedUpdate } from './exchange/needs.service.js';
export { NEED_CONTACT_KIND, NeedContactsService } from './exchange/need-contacts.service.js';
export { OffersService, type OfferCommand, type OfferUpdate } from './exchange/offers.service.js';
export { MarketplaceModule, MarketplaceWorkerModule } from './marketplace.module.js';
export {
  FIRST_COMPLIANCE_YEAR, MunicipalComplianceService, type MunicipalComplianceBoard, type MunicipalComplianceRow, type MunicipalComplianceStatus, type ReminderReport,
} from './compliance/municipal-compliance.service.js';
export { IpTermsKind, RewardKind, type ChallengeTermsCommand } from './challenges/challenge-terms.js';
export { type PartnerWithOrganisation } from './challenges/challenge-terms.repository.js';
export { AttachmentsService, MAX_ATTACHMENTS_PER_CHALLENGE, type OpenAttachment } from './attachments/attachments.service.js';
export { ProposalsService, type ProposalCommand, type ProposalUpdate } from './proposals/proposals.service.js';
export { ProposalStatus, ProposalOutcome, OutcomeKind, ProposalView } from './proposals/proposal.rules.js';
export { type ProposalAuthorRow, type ProposalStatusCounts } from './proposals/proposal.repository.js';
export { type VisibleProposal } from './proposals/proposal-visibility.js';
export { JuryService, type JuryQueueEntry, type JuryRoom, type RubricScore } from './jury/jury.service.js';
export { ProposalReceivedHandler } from './proposals/proposal-received.handler.js';
export { type JurorRow } from './jury/jury.repository.js';
export { type RankedProposal, rankProposals } from './jury/scoring.js';
export { AwardsService, csvCell, type OutcomeCommand } from './jury/awards.service.js';
export { blindName } from './attachments/attachments.service.js';
export { MatchingService, MAX_MATCHES, type Match, type MatchVerdict } from './matching/matching.service.js';
export {
  Availability, bestMatches, codeRarity, coreConcepts, DEFAULT_MATCH_WEIGHTS, EvidenceSource, ineligibility, MatchAudience, MatchFactor, matchScore, rankMatches, scoreMatch,
  type Demand, type FactorScore, type MatchExplanation, type MatchWeights, type Supply,
} from './matching/match-scoring.js';
export { MatchRetrieval } from './matching/match-retrieval.js';
export { challengeDemand, creativeSupply, demandText, labelOf } from './matching/match-subjects.js';
export { DEMO_CHALLENGES, DEMO_CREATIVE_PROFILES, DEMO_ORGANISATIONS } from './demo/index.js';
export { PersonalDataService, PERSONAL_DATA_FORMAT, type PersonalDataExport } from './personal-data/personal-data.service.js';
export { AccountErasureService } from './personal-data/account-erasure.service.js';
export { ERASED_ACCOUNT_NAME, ERASED_AUTHOR_NAME, PERSONAL_DATA_TABLES, type PersonalDataSection, type PersonalDataTable } from './personal-data/personal-data.inventory.js';
export { MatchNotificationsHandler } from './matching/match-notifications.handler.js';
export { MunicipalReminderHandler } from './compliance/municipal-reminder.handler.js';
export { clean, localized } from './common/localized.js';
export { isUuid } from './common/pagination.js';
export { requireAccount, requireVerified } from './common/access.js';
export { addToInbox, addToInboxWithReasons, organisationEditors, organisationMembers, type InboxItem } from './common/inbox.js';
export { needDemand, offerSupply, tokens } from './matching/match-subjects.js';
export { SupportMeasuresService, canSeeSupportMeasure, type SupportMeasureCommand, type SupportMeasureUpdate } from './support/support-measures.service.js';
export { SupportMeasureSearchService, SUPPORT_FACETS, type SupportMeasureFilter, type SupportMeasureSearchRequest } from './support/support-measure-search.service.js';
export { SupportMatchingService, type SupportMeasureMatch } from './support/support-matching.service.js';
export { SupportNotificationsHandler } from './support/support-notifications.handler.js';
export { SupportAmountBand, SupportMeasureState, SupportMeasureStatus, stateOf as supportMeasureState } from './support/support-measure.rules.js';
export { SUPPORT_MEASURES_INDEX, supportMeasureDocument } from './search/catalogue-index.js';
