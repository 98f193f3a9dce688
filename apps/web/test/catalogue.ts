import en from '../src/i18n/locales/en.json' with { type: 'json' };
import sl from '../src/i18n/locales/sl.json' with { type: 'json' };
import accountEn from '../src/features/account/i18n/en.json' with { type: 'json' };
import accountSl from '../src/features/account/i18n/sl.json' with { type: 'json' };
import proposalsEn from '../src/features/proposals/i18n/en.json' with { type: 'json' };
import proposalsSl from '../src/features/proposals/i18n/sl.json' with { type: 'json' };

/**
 * The words users read, per language, merged the way src/i18n/init.ts merges them: the shared
 * catalogue and each feature's own (one line per feature here keeps the type exact).
 */
export const slCatalogue = { ...sl, ...accountSl, ...proposalsSl };
export type Catalogue = typeof slCatalogue;
/** English has no dual or few plural forms, so its shape differs only in plural suffixes (checked by the catalogue test). */
export const enCatalogue = { ...en, ...accountEn, ...proposalsEn } as unknown as Catalogue;
