import en from '../src/i18n/locales/en.json' with { type: 'json' };
import sl from '../src/i18n/locales/sl.json' with { type: 'json' };
import accountEn from '../src/features/account/i18n/en.json' with { type: 'json' };
import accountSl from '../src/features/account/i18n/sl.json' with { type: 'json' };
import meEn from '../src/features/me/i18n/en.json' with { type: 'json' };
import meSl from '../src/features/me/i18n/sl.json' with { type: 'json' };
import profileEn from '../src/features/profile/i18n/en.json' with { type: 'json' };
import profileSl from '../src/features/profile/i18n/sl.json' with { type: 'json' };
import myDataEn from '../src/features/mydata/i18n/en.json' with { type: 'json' };
import myDataSl from '../src/features/mydata/i18n/sl.json' with { type: 'json' };
import matchesEn from '../src/features/matches/i18n/en.json' with { type: 'json' };
import matchesSl from '../src/features/matches/i18n/sl.json' with { type: 'json' };
import inboxEn from '../src/features/inbox/i18n/en.json' with { type: 'json' };
import inboxSl from '../src/features/inbox/i18n/sl.json' with { type: 'json' };
import exploreEn from '../src/features/search/i18n/en.json' with { type: 'json' };
import exploreSl from '../src/features/search/i18n/sl.json' with { type: 'json' };
import challengeDetailEn from '../src/features/challenges/i18n/en.json' with { type: 'json' };
import challengeDetailSl from '../src/features/challenges/i18n/sl.json' with { type: 'json' };
import proposalsEn from '../src/features/proposals/i18n/en.json' with { type: 'json' };
import proposalsSl from '../src/features/proposals/i18n/sl.json' with { type: 'json' };
import onboardingEn from '../src/features/onboarding/i18n/en.json' with { type: 'json' };
import onboardingSl from '../src/features/onboarding/i18n/sl.json' with { type: 'json' };
import supportEn from '../src/features/support/i18n/en.json' with { type: 'json' };
import supportSl from '../src/features/support/i18n/sl.json' with { type: 'json' };
import complianceEn from '../src/features/compliance/i18n/en.json' with { type: 'json' };
import complianceSl from '../src/features/compliance/i18n/sl.json' with { type: 'json' };
import orgNeedsEn from '../src/features/orgneeds/i18n/en.json' with { type: 'json' };
import orgNeedsSl from '../src/features/orgneeds/i18n/sl.json' with { type: 'json' };
import orgsEn from '../src/features/orgs/i18n/en.json' with { type: 'json' };
import orgsSl from '../src/features/orgs/i18n/sl.json' with { type: 'json' };
import reviewEn from '../src/features/review/i18n/en.json' with { type: 'json' };
import reviewSl from '../src/features/review/i18n/sl.json' with { type: 'json' };
import ourChallengesEn from '../src/features/ourchallenges/i18n/en.json' with { type: 'json' };
import ourChallengesSl from '../src/features/ourchallenges/i18n/sl.json' with { type: 'json' };

/**
 * The words users read, per language, merged the way src/i18n/init.ts merges them: the shared
 * catalogue and each feature's own (one line per feature here keeps the type exact).
 */
export const slCatalogue = { ...sl, ...accountSl, ...meSl, ...profileSl, ...myDataSl, ...matchesSl, ...inboxSl, ...exploreSl, ...challengeDetailSl, ...proposalsSl, ...onboardingSl, ...complianceSl, ...orgNeedsSl, ...supportSl, ...orgsSl, ...reviewSl, ...ourChallengesSl };
export type Catalogue = typeof slCatalogue;
/** English has no dual or few plural forms, so its shape differs only in plural suffixes (checked by the catalogue test). */
export const enCatalogue = { ...en, ...accountEn, ...meEn, ...profileEn, ...myDataEn, ...matchesEn, ...inboxEn, ...exploreEn, ...challengeDetailEn, ...proposalsEn, ...onboardingEn, ...complianceEn, ...orgNeedsEn, ...supportEn, ...orgsEn, ...reviewEn, ...ourChallengesEn } as unknown as Catalogue;
