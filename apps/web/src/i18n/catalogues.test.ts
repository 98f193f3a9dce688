import { describe, expect, it } from 'vitest';
import { createInstance } from 'i18next';
import en from './locales/en.json';
import sl from './locales/sl.json';
import { FEATURES, MEMBER_FEATURES } from './init.js';

/** Every feature's catalogue (`features/<name>/i18n/{sl,en}.json`), the way init.ts merges them. */
const features = import.meta.glob<Record<string, unknown>>('../features/*/i18n/*.json', { import: 'default', eager: true });
function merged(language: 'sl' | 'en', shared: Record<string, unknown>): Tree {
  const parts = Object.entries(features).filter(([path]) => path.endsWith(`/${language}.json`));
  for (const [path, part] of parts) {
    const keys = Object.keys(part);
    // One top-level key per feature file, never one the shared catalogue or another feature has.
    expect([path, keys.length]).toEqual([path, 1]);
    expect([path, keys[0] in shared]).toEqual([path, false]);
  }
  return Object.assign({}, shared, ...parts.map(([, part]) => part)) as Tree;
}

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)))),
  );
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const FORMS: Record<string, string[]> = { sl: ['one', 'two', 'few', 'other'], en: ['one', 'other'] };
const catalogues = { sl: flatten(merged('sl', sl)), en: flatten(merged('en', en)) };
const base = (keys: string[]) => new Set(keys.map((k) => k.replace(PLURAL, '')));

describe('translation catalogues', () => {
  it('have the same keys in Slovenian and English (plural suffixes aside)', () => {
    expect([...base(Object.keys(catalogues.en))].sort()).toEqual([...base(Object.keys(catalogues.sl))].sort());
  });

  it.each(Object.entries(FORMS))('give every plural every CLDR form of %s (and only those)', (language, forms) => {
    expect(new Intl.PluralRules(language).resolvedOptions().pluralCategories.filter((c) => c !== 'many' && c !== 'zero').sort()).toEqual([...forms].sort());
    const keys = Object.keys(catalogues[language as 'sl' | 'en']);
    const plurals = new Set(keys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    expect(plurals.size).toBeGreaterThan(0);
    for (const plural of plurals) {
      expect([plural, keys.filter((k) => k.replace(PLURAL, '') === plural).map((k) => PLURAL.exec(k)?.[1]).sort()]).toEqual([plural, [...forms].sort()]);
    }
  });

  it('chooses the Slovenian dual and plural forms by count (1, 2, 3, 5, 101, 102)', async () => {
    const i18n = createInstance();
    await i18n.init({ lng: 'sl', resources: { sl: { translation: merged('sl', sl) } }, initAsync: false });
    expect([1, 2, 3, 4, 5, 0, 101, 102, 103, 105].map((count) => i18n.t('search.tab.challenges', { count }))).toEqual([
      '1 izziv', '2 izziva', '3 izzivi', '4 izzivi', '5 izzivov', '0 izzivov', '101 izziv', '102 izziva', '103 izzivi', '105 izzivov',
    ]);
  });

  it('keep interpolation names the same in both languages', () => {
    const names = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(catalogues.sl)) {
      if (PLURAL.test(key)) continue;
      expect([key, names(catalogues.en[key] ?? '')]).toEqual([key, names(text)]);
    }
  });

  it('name every feature catalogue folder in init.ts, so each can be loaded (and the signed-in ones are features)', () => {
    const folders = [...new Set(Object.keys(features).map((path) => /features\/([^/]+)\/i18n\//.exec(path)?.[1]))].sort();
    expect(folders).toEqual([...FEATURES].sort());
    for (const f of MEMBER_FEATURES) expect(FEATURES).toContain(f);
  });
});
