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
 * top-level key per file); a visit downloads only the language it shows.
 */
const FEATURE_CATALOGUES = import.meta.glob<Catalogue>('../features/*/i18n/*.json', { import: 'default' });

/** One language's whole catalogue: the shared one and every feature's, merged. */
export async function loadCatalogue(language: Language): Promise<Catalogue> {
  const features = Object.entries(FEATURE_CATALOGUES).filter(([path]) => path.endsWith(`/${language}.json`));
  const [shared, ...parts] = await Promise.all([CATALOGUES[language]().then((m) => m.default), ...features.map(([, load]) => load())]);
  return Object.assign({}, shared, ...parts) as Catalogue;
}

/** Loads a language's catalogue (once), then switches to it. */
export async function switchLanguage(instance: i18n, language: Language): Promise<void> {
  if (!instance.hasResourceBundle(language, 'translation')) {
    instance.addResourceBundle(language, 'translation', await loadCatalogue(language));
  }
  await instance.changeLanguage(language);
}

export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  const catalogue = await loadCatalogue(language);
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    resources: { [language]: { translation: catalogue } },
    interpolation: { escapeValue: false },
  });
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = language;
  return instance;
}
