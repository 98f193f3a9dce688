import { AppMetaEntity } from './app-meta.entity.js';
import { ChallengeEntity } from './challenge.entity.js';
import { CreativeProfileEntity } from './creative-profile.entity.js';
import { OrganisationEntity } from './organisation.entity.js';
import { NeedEntity } from './need.entity.js';
import { OfferEntity } from './offer.entity.js';
import { OutboxEventEntity } from './outbox-event.entity.js';

export { AppMetaEntity, ChallengeEntity, CreativeProfileEntity, NeedEntity, OfferEntity, OrganisationEntity, OutboxEventEntity };

export const ENTITIES = [OrganisationEntity, CreativeProfileEntity, ChallengeEntity, NeedEntity, OfferEntity, OutboxEventEntity, AppMetaEntity];
