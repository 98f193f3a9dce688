/** Dates, numbers and money per locale; deadlines are Slovenian time. */
export const LOCALES = { sl: 'sl-SI', en: 'en-GB' } as const;
export const TIME_ZONE = 'Europe/Ljubljana';

export function localeOf(language: string): string {
  return language === 'en' ? LOCALES.en : LOCALES.sl;
}

export function formatDate(language: string, iso: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: TIME_ZONE }).format(new Date(iso));
}

export function formatDateTime(language: string, iso: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

export function formatEuro(language: string, amount: number): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount);
}

/** "in 3 days" / "čez 3 dni"; the largest unit that fits. */
export function formatRelative(language: string, target: Date, now: Date = new Date()): string {
  const seconds = Math.round((target.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(localeOf(language), { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

/** Bilingual content in the UI language, else the other one, with the language it is in. */
export function pickText(language: string, text: { sl?: string | null; en?: string | null } | null | undefined): { text: string; lang: string } | null {
  if (!text) return null;
  const first = language === 'en' ? text.en : text.sl;
  if (first) return { text: first, lang: language === 'en' ? 'en' : 'sl' };
  const other = language === 'en' ? text.sl : text.en;
  return other ? { text: other, lang: language === 'en' ? 'sl' : 'en' } : null;
}
