import { CreateCatalogue1763900000000 } from './1763900000000-CreateCatalogue.js';
import { CreateNeedsAndOffers1763900100000 } from './1763900100000-CreateNeedsAndOffers.js';
import { AddChallengeKind1763900200000 } from './1763900200000-AddChallengeKind.js';
import { ChallengeLifecycle1763900300000 } from './1763900300000-ChallengeLifecycle.js';
import { ChallengeTerms1763900400000 } from './1763900400000-ChallengeTerms.js';
import { CreateAttachments1763900500000 } from './1763900500000-CreateAttachments.js';
import { CreateAccounts1763900600000 } from './1763900600000-CreateAccounts.js';
import { ProposalsAndJury1763900700000 } from './1763900700000-ProposalsAndJury.js';
import { InviteOnlyQuestionsShortlist1763900800000 } from './1763900800000-InviteOnlyQuestionsShortlist.js';
import { PersonalData1763900900000 } from './1763900900000-PersonalData.js';
import { MatchingConsent1763901000000 } from './1763901000000-MatchingConsent.js';
import { Notifications1763901100000 } from './1763901100000-Notifications.js';
import { MatchmakingEvents1763901200000 } from './1763901200000-MatchmakingEvents.js';
import { JobRunCounters1763901300000 } from './1763901300000-JobRunCounters.js';
import { WipeErasedProfileAttributes1763901400000 } from './1763901400000-WipeErasedProfileAttributes.js';
import { PortfolioItemsAndConsentHistory1763901600000 } from './1763901600000-PortfolioItemsAndConsentHistory.js';
import { FreeTextProfilesAndEligibility1763901800000 } from './1763901800000-FreeTextProfilesAndEligibility.js';
import { CreativeInvitations1763902400000 } from './1763902400000-CreativeInvitations.js';
import { ScheduleRunProgress1763903000000 } from './1763903000000-ScheduleRunProgress.js';
import { OrganisationLogos1763903100000 } from './1763903100000-OrganisationLogos.js';
import { SupportMeasures1763903500000 } from './1763903500000-SupportMeasures.js';

/** Every migration, in order. Listed explicitly (no globs) so build, jest and the CLI agree. */
export const MIGRATIONS = [CreateCatalogue1763900000000, CreateNeedsAndOffers1763900100000, AddChallengeKind1763900200000, ChallengeLifecycle1763900300000, ChallengeTerms1763900400000, CreateAttachments1763900500000, CreateAccounts1763900600000, ProposalsAndJury1763900700000, InviteOnlyQuestionsShortlist1763900800000, PersonalData1763900900000, MatchingConsent1763901000000, Notifications1763901100000, MatchmakingEvents1763901200000, JobRunCounters1763901300000, WipeErasedProfileAttributes1763901400000, PortfolioItemsAndConsentHistory1763901600000, FreeTextProfilesAndEligibility1763901800000, CreativeInvitations1763902400000, ScheduleRunProgress1763903000000, OrganisationLogos1763903100000, SupportMeasures1763903500000];
