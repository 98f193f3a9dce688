import { AccountEntity, AccountSessionEntity, AccountTokenEntity, InvitationEntity, MembershipEntity } from './account.entity.js';
import { AppMetaEntity } from './app-meta.entity.js';
import { AwardOutcomeEntity, ConflictDeclarationEntity, JuryMemberEntity, NotificationEntity, NotificationPreferenceEntity, ProposalAuthorEntity, ProposalEntity, ReviewScoreEntity } from './proposal.entity.js';
import { AttachmentEntity } from './attachment.entity.js';
import { ChallengeEntity } from './challenge.entity.js';
import { ChallengeCriterionEntity, ChallengeInviteeEntity, ChallengePartnerEntity, ChallengeQuestionEntity, ChallengeRewardEntity } from './challenge-terms.entity.js';
import { CreativeInvitationEntity, type CreativeInvitationData } from './creative-invitation.entity.js';
import { CreativeProfileEntity, MatchingConsentEventEntity, PortfolioItemEntity } from './creative-profile.entity.js';
import { OrganisationEntity } from './organisation.entity.js';
import { NeedEntity } from './need.entity.js';
import { OfferEntity } from './offer.entity.js';
import { OutboxEventEntity } from './outbox-event.entity.js';
import { SupportMeasureEntity } from './support-measure.entity.js';
import {
  EventEntity, EventMeetingEntity, EventParticipantEntity, EventSessionEntity, EventSlotEntity, MeetingFeedbackEntity, MeetingRequestEntity, ScheduleRunEntity,
  type ContactRule, type SessionBreak,
} from './event.entity.js';

export { AccountEntity, AccountSessionEntity, AccountTokenEntity, InvitationEntity, MembershipEntity };
export { AwardOutcomeEntity, ConflictDeclarationEntity, JuryMemberEntity, NotificationEntity, NotificationPreferenceEntity, ProposalAuthorEntity, ProposalEntity, ReviewScoreEntity };
export { AppMetaEntity, AttachmentEntity, ChallengeCriterionEntity, ChallengeInviteeEntity, ChallengeQuestionEntity, ChallengeEntity, ChallengePartnerEntity, ChallengeRewardEntity, CreativeProfileEntity, MatchingConsentEventEntity, NeedEntity, OfferEntity, OrganisationEntity, OutboxEventEntity, PortfolioItemEntity };
export { CreativeInvitationEntity, type CreativeInvitationData };
export { SupportMeasureEntity };
export { EventEntity, EventMeetingEntity, EventParticipantEntity, EventSessionEntity, EventSlotEntity, MeetingFeedbackEntity, MeetingRequestEntity, ScheduleRunEntity, type ContactRule, type SessionBreak };

export const ENTITIES = [OrganisationEntity, CreativeProfileEntity, PortfolioItemEntity, MatchingConsentEventEntity, ChallengeEntity, ChallengePartnerEntity, ChallengeRewardEntity, ChallengeCriterionEntity, ChallengeInviteeEntity, ChallengeQuestionEntity, NeedEntity, OfferEntity, OutboxEventEntity, AppMetaEntity, AttachmentEntity,
  AccountEntity, AccountSessionEntity, AccountTokenEntity, MembershipEntity, InvitationEntity, CreativeInvitationEntity,
  ProposalEntity, ProposalAuthorEntity, JuryMemberEntity, ConflictDeclarationEntity, ReviewScoreEntity, AwardOutcomeEntity, NotificationEntity, NotificationPreferenceEntity,
  EventEntity, EventSessionEntity, EventSlotEntity, EventParticipantEntity, MeetingRequestEntity, EventMeetingEntity, MeetingFeedbackEntity, ScheduleRunEntity,
  SupportMeasureEntity];
