/** A bilingual text: Slovenian and English, either may be missing but not both (where required). */
export interface LocalizedText {
  sl: string | null;
  en: string | null;
}

export function localized(sl: string | null | undefined, en: string | null | undefined): LocalizedText {
  return { sl: clean(sl), en: clean(en) };
}

/** Trims; empty becomes null. */
export function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function bothLanguages(text: LocalizedText): string {
  return [text.sl, text.en].filter(Boolean).join(' \n ');
}
