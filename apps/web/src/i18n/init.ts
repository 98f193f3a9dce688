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

/** One catalogue per language, each its own chunk: a visit downloads only the language it shows. */
const CATALOGUES: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  sl: () => import('./locales/sl.json'),
  en: () => import('./locales/en.json'),
};

/** Loads a language's catalogue (once), then switches to it. */
export async function switchLanguage(instance: i18n, language: Language): Promise<void> {
  if (!instance.hasResourceBundle(language, 'translation')) {
    instance.addResourceBundle(language, 'translation', (await CATALOGUES[language]()).default);
  }
  await instance.changeLanguage(language);
}

export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  const catalogue = (await CATALOGUES[language]()).default;
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
