import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['sl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'modrotisk.language';

/** Saved choice, else the browser's language if it is English, else Slovenian. */
export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'sl' || saved === 'en') return saved;
  } catch {
    // no storage: fall through
  }
  const browser = typeof navigator === 'undefined' ? '' : navigator.language.toLowerCase();
  return browser.startsWith('en') ? 'en' : 'sl';
}

export function saveLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not saved: the choice lasts for this page only
  }
}

type Catalogue = Record<string, unknown>;

/** The shared catalogue per language (layout, errors, common words), each its own chunk. */
const CATALOGUES: Record<Language, () => Promise<{ default: Catalogue }>> = {
  sl: () => import('./locales/sl.json'),
  en: () => import('./locales/en.json'),
};

/**
 * Each feature keeps its own words beside its code (`features/<name>/i18n/{sl,en}.json`, one
 * top-level key per file), each file its own chunk. A visit downloads the shared catalogue and
 * the features every page may show (ALWAYS); the signed-in area's words come with a session
 * (MEMBER_FEATURES) and a page that needs another feature's words loads them in its route
 * (ensureFeatures), so a visitor's first load carries none of the signed-in area's text.
 */
const FEATURE_CATALOGUES = import.meta.glob<Catalogue>('../features/*/i18n/*.json', { import: 'default' });

export const FEATURES = ['account', 'challenges', 'compliance', 'inbox', 'matches', 'me', 'mydata', 'onboarding', 'orgneeds', 'orgs', 'ourchallenges', 'profile', 'proposals', 'review', 'search', 'support'] as const;
export type Feature = (typeof FEATURES)[number];
const ALWAYS: readonly Feature[] = ['account', 'search', 'challenges'];
/** Loaded once someone is signed in: the header's inbox count and every /me page. */
export const MEMBER_FEATURES: readonly Feature[] = ['me', 'inbox', 'profile', 'mydata', 'matches', 'proposals', 'compliance', 'orgneeds', 'support', 'orgs', 'review', 'ourchallenges'];

/** Every feature asked for so far: a language switch loads the same set in the other language. */
const wanted = new Set<Feature>(ALWAYS);
const loaded: Record<Language, Set<Feature>> = { sl: new Set(), en: new Set() };

/** The shared catalogue (when not there yet) and the missing features of one language, merged into it. */
async function loadInto(instance: i18n, language: Language, features: readonly Feature[]): Promise<void> {
  const shared = instance.hasResourceBundle(language, 'translation') ? null : CATALOGUES[language]().then((m) => m.default);
  const missing = features.filter((f) => !loaded[language].has(f));
  if (!shared && missing.length === 0) return;
  const parts = await Promise.all([shared ?? {}, ...missing.map((f) => FEATURE_CATALOGUES[`../features/${f}/i18n/${language}.json`]?.() ?? {})]);
  instance.addResourceBundle(language, 'translation', Object.assign({}, ...parts) as Catalogue, true, true);
  for (const f of missing) loaded[language].add(f);
}

/** Makes these features' words available in the current language (and later in the other one). */
export async function ensureFeatures(instance: i18n, features: readonly Feature[]): Promise<void> {
  for (const f of features) wanted.add(f);
  await loadInto(instance, instance.language === 'en' ? 'en' : 'sl', features);
}

/** Loads a language's catalogue (once) with every feature asked for so far, then switches to it. */
export async function switchLanguage(instance: i18n, language: Language): Promise<void> {
  await loadInto(instance, language, [...wanted]);
  await instance.changeLanguage(language);
}

export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    // Re-render when a feature's words arrive (ensureFeatures adds them to the loaded bundle).
    react: { bindI18nStore: 'added' },
  });
  await loadInto(instance, language, [...wanted]);
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = language;
  return instance;
}
