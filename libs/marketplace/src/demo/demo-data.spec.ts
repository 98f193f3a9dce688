import {
  ALL_PLACES,
  CCS_DOMAINS,
  ChallengeStatus,
  CRAFTS,
  CreativeKind,
  LANGUAGE_CODES,
  Label,
  MATERIALS,
  MUNICIPALITIES,
  OTHER_PLACES,
  ReferenceTerm,
  SKILLS,
  SOFT_SKILL_CODES,
  TECHNIQUES,
  termCodes,
} from '../reference/index.js';
import { DEMO_CHALLENGES, DEMO_CREATIVE_PROFILES, DEMO_MARKER, DEMO_ORGANISATIONS } from './index.js';

const REFERENCE_LISTS: Record<string, readonly ReferenceTerm[]> = {
  CCS_DOMAINS,
  CRAFTS,
  TECHNIQUES,
  MATERIALS,
  SKILLS,
};

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LACE = /\blace\b|čipk/i;

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

function unknown(used: readonly string[], known: readonly string[]): string[] {
  const set = new Set(known);
  return [...new Set(used.filter((c) => !set.has(c)))];
}

function allLabels(): { where: string; label: Label }[] {
  const out: { where: string; label: Label }[] = [];
  for (const [name, list] of Object.entries(REFERENCE_LISTS)) {
    for (const t of list) out.push({ where: `${name}:${t.code}`, label: t.label });
  }
  for (const o of DEMO_ORGANISATIONS) out.push({ where: `organisation:${o.key}`, label: o.description });
  for (const c of DEMO_CHALLENGES) {
    out.push({ where: `challenge:${c.key}:title`, label: c.title });
    out.push({ where: `challenge:${c.key}:brief`, label: c.brief });
    if (c.reward) out.push({ where: `challenge:${c.key}:reward`, label: c.reward });
  }
  for (const p of DEMO_CREATIVE_PROFILES) out.push({ where: `creative:${p.key}:bio`, label: p.bio });
  return out;
}

describe('reference data', () => {
  it('has exactly the 14 CzK domains and 18 Gorenjska municipalities', () => {
    expect(CCS_DOMAINS).toHaveLength(14);
    expect(MUNICIPALITIES).toHaveLength(18);
  });

  it.each(Object.entries(REFERENCE_LISTS))('%s: unique kebab-case codes, bilingual labels, a source', (_name, list) => {
    const codes = termCodes(list);
    expect(duplicates(codes)).toEqual([]);
    expect(codes.filter((c) => !KEBAB.test(c))).toEqual([]);
    for (const t of list) {
      expect(t.label.sl.trim()).not.toBe('');
      expect(t.label.en.trim()).not.toBe('');
      expect(t.source).toMatch(/\d{3}:\d+|outside seeds/);
    }
  });

  it('keeps soft skills a subset of SKILLS', () => {
    expect(SOFT_SKILL_CODES.length).toBeGreaterThanOrEqual(14);
    expect(unknown(SOFT_SKILL_CODES, termCodes(SKILLS))).toEqual([]);
    expect(SOFT_SKILL_CODES).toEqual(expect.arrayContaining(['critical-thinking', 'communication', 'intercultural-competence']));
  });

  it('contains the flagship techniques and materials', () => {
    expect(termCodes(TECHNIQUES)).toEqual(expect.arrayContaining(['blueprint', 'indigo-dyeing']));
    expect(termCodes(MATERIALS)).toEqual(expect.arrayContaining(['leather', 'textile', 'yarn', 'textile-waste']));
  });

  it('mentions lace / čipka nowhere (domain brief §7.10)', () => {
    for (const list of Object.values(REFERENCE_LISTS)) {
      for (const t of list) {
        expect(`${t.code} ${t.label.sl} ${t.label.en}`).not.toMatch(LACE);
      }
    }
    for (const { where, label } of allLabels()) {
      expect(`${where} ${label.sl} ${label.en}`).not.toMatch(LACE);
    }
  });

  it('has unique place codes with plausible coordinates, Ljubljana outside Gorenjska', () => {
    expect(duplicates(termCodes(ALL_PLACES))).toEqual([]);
    for (const m of [...MUNICIPALITIES, ...OTHER_PLACES]) {
      expect(m.code).toMatch(KEBAB);
      expect(m.lat).toBeGreaterThan(45.9);
      expect(m.lat).toBeLessThan(46.6);
      expect(m.lon).toBeGreaterThan(13.6);
      expect(m.lon).toBeLessThan(14.7);
    }
    expect(termCodes(OTHER_PLACES)).toEqual(['ljubljana']);
    expect(termCodes(MUNICIPALITIES)).not.toContain('ljubljana');
    const notNamed = MUNICIPALITIES.filter((m) => !m.namedInSeeds).map((m) => m.code);
    expect(notNamed.sort()).toEqual(['gorenja-vas-poljane', 'gorje', 'jezersko', 'sencur', 'zirovnica']);
  });
});

describe('demo data', () => {
  const orgKeys = DEMO_ORGANISATIONS.map((o) => o.key);
  const placeCodes = termCodes(ALL_PLACES);
  const gorenjskaCodes = termCodes(MUNICIPALITIES);

  it('has unique keys', () => {
    expect(duplicates(orgKeys)).toEqual([]);
    expect(duplicates(DEMO_CHALLENGES.map((c) => c.key))).toEqual([]);
    expect(duplicates(DEMO_CREATIVE_PROFILES.map((p) => p.key))).toEqual([]);
    expect(duplicates(DEMO_CREATIVE_PROFILES.map((p) => p.displayName))).toEqual([]);
  });

  it('gives every Label non-empty sl and en text', () => {
    const empty = allLabels().filter(({ label }) => !label.sl.trim() || !label.en.trim());
    expect(empty.map((e) => e.where)).toEqual([]);
  });

  it('places organisations in known places and invents no websites', () => {
    expect(unknown(DEMO_ORGANISATIONS.map((o) => o.municipality), placeCodes)).toEqual([]);
    expect(DEMO_ORGANISATIONS.filter((o) => o.website !== null).map((o) => o.key)).toEqual([]);
    expect(DEMO_ORGANISATIONS.find((o) => o.key === 'fakulteta-za-dizajn')?.municipality).toBe('ljubljana');
    expect(orgKeys).toEqual(
      expect.arrayContaining([
        'alpina',
        'gorenjska-predilnica',
        'odeja',
        'bsc-kranj',
        'kreativnice',
        'kovacnica',
        'layerjeva-hisa',
        'trziski-muzej',
        'loski-muzej',
        'gornjesavski-muzej',
        'gorenjski-muzej',
        'sc-kranj',
        'fakulteta-za-dizajn',
        'ra-sora',
        'lto-skofja-loka',
        'obrtna-zbornica-kranj',
        'gzs-oe-kranj',
        'obcina-skofja-loka',
        'obcina-kranj',
        'obcina-trzic',
        'obcina-jesenice',
        'obcina-ziri',
      ]),
    );
  });

  it('gives every challenge a known owner and known codes', () => {
    for (const c of DEMO_CHALLENGES) {
      expect(orgKeys).toContain(c.ownerKey);
      expect(unknown(c.domains, termCodes(CCS_DOMAINS))).toEqual([]);
      expect(unknown(c.techniques, termCodes(TECHNIQUES))).toEqual([]);
      expect(unknown(c.materials, termCodes(MATERIALS))).toEqual([]);
      expect(c.domains.length).toBeGreaterThan(0);
      expect(c.source).toMatch(/demo/);
      if (c.deadline !== null) expect(c.deadline).toMatch(/^2027-\d{2}-\d{2}$/);
      if (c.deadline !== null) expect(Number.isNaN(Date.parse(c.deadline))).toBe(false);
    }
  });

  it('has mostly published challenges and at least one draft', () => {
    const drafts = DEMO_CHALLENGES.filter((c) => c.status === ChallengeStatus.Draft).length;
    const published = DEMO_CHALLENGES.filter((c) => c.status === ChallengeStatus.Published).length;
    expect(drafts).toBeGreaterThanOrEqual(1);
    expect(published).toBeGreaterThan(drafts);
    expect(DEMO_CHALLENGES.some((c) => DEMO_ORGANISATIONS.find((o) => o.key === c.ownerKey)?.kind === 'MUNICIPALITY')).toBe(true);
  });

  it('has an Alpina challenge about modrotisk / blueprint on leather', () => {
    const alpina = DEMO_CHALLENGES.find((c) => c.ownerKey === 'alpina');
    expect(alpina).toBeDefined();
    expect(`${alpina!.title.sl} ${alpina!.brief.sl}`.toLowerCase()).toContain('modrotisk');
    expect(`${alpina!.title.en} ${alpina!.brief.en}`.toLowerCase()).toContain('blueprint');
    expect(alpina!.techniques).toContain('blueprint');
    expect(alpina!.materials).toContain('leather');
  });

  it('has at least 55 creatives using only known codes', () => {
    expect(DEMO_CREATIVE_PROFILES.length).toBeGreaterThanOrEqual(55);
    for (const p of DEMO_CREATIVE_PROFILES) {
      expect(p.key).toMatch(KEBAB);
      expect(unknown(p.domains, termCodes(CCS_DOMAINS))).toEqual([]);
      expect(unknown(p.crafts, termCodes(CRAFTS))).toEqual([]);
      expect(unknown(p.techniques, termCodes(TECHNIQUES))).toEqual([]);
      expect(unknown(p.materials, termCodes(MATERIALS))).toEqual([]);
      expect(unknown(p.skills, termCodes(SKILLS))).toEqual([]);
      expect(unknown(p.languages, LANGUAGE_CODES)).toEqual([]);
      expect(gorenjskaCodes).toContain(p.municipality);
      expect(p.domains.length).toBeGreaterThan(0);
      expect(p.skills.length).toBeGreaterThan(0);
      expect(p.languages).toContain('en');
      for (const link of p.portfolioLinks) expect(link).toMatch(/^https:\/\/example\.org\//);
    }
  });

  it('marks every creative bio as a fictional demo profile in both languages', () => {
    for (const p of DEMO_CREATIVE_PROFILES) {
      expect(p.bio.sl.endsWith(DEMO_MARKER.sl)).toBe(true);
      expect(p.bio.en.endsWith(DEMO_MARKER.en)).toBe(true);
      expect(p.bio.sl).toContain('(Izmišljen demo profil.)');
      expect(p.bio.en).toContain('(Fictional demo profile.)');
    }
  });

  it('names the town in every English bio', () => {
    const aliases: Record<string, string[]> = { radovljica: ['Kropa', 'Lesce'], 'gorenja-vas-poljane': ['Gorenja vas', 'Poljane'] };
    for (const p of DEMO_CREATIVE_PROFILES) {
      const m = MUNICIPALITIES.find((x) => x.code === p.municipality)!;
      const names = [m.name, ...(aliases[m.code] ?? [])];
      expect(names.some((n) => p.bio.en.includes(n))).toBe(true);
    }
  });

  it('covers every municipality, creative kind, CCS domain and craft', () => {
    const used = (f: (p: (typeof DEMO_CREATIVE_PROFILES)[number]) => string[]) => new Set(DEMO_CREATIVE_PROFILES.flatMap(f));
    expect(gorenjskaCodes.filter((c) => !used((p) => [p.municipality]).has(c))).toEqual([]);
    expect(Object.values(CreativeKind).filter((k) => !used((p) => [p.kind]).has(k))).toEqual([]);
    expect(termCodes(CCS_DOMAINS).filter((c) => !used((p) => p.domains).has(c))).toEqual([]);
    expect(termCodes(CRAFTS).filter((c) => !used((p) => p.crafts).has(c))).toEqual([]);
  });

  it('has creatives relevant to the flagship challenges', () => {
    const has = (f: (p: (typeof DEMO_CREATIVE_PROFILES)[number]) => boolean) => DEMO_CREATIVE_PROFILES.filter(f).length;
    expect(has((p) => p.materials.includes('leather') && p.techniques.includes('blueprint'))).toBeGreaterThanOrEqual(1);
    expect(has((p) => p.skills.includes('footwear-design'))).toBeGreaterThanOrEqual(2);
    expect(has((p) => p.materials.includes('textile-waste') || p.materials.includes('yarn'))).toBeGreaterThanOrEqual(2);
    expect(has((p) => p.skills.includes('furniture-design'))).toBeGreaterThanOrEqual(2);
  });

  it('names only known organisations as challenge partners, never the owner', () => {
    const keys = new Set(DEMO_ORGANISATIONS.map((o) => o.key));
    for (const c of DEMO_CHALLENGES) {
      for (const p of c.partners ?? []) {
        expect({ challenge: c.key, partner: p.key, known: keys.has(p.key), owner: p.key === c.ownerKey }).toEqual({ challenge: c.key, partner: p.key, known: true, owner: false });
        expect(p.role.sl && p.role.en).toBeTruthy();
      }
    }
    expect(DEMO_CHALLENGES.flatMap((c) => c.partners ?? []).length).toBeGreaterThanOrEqual(10);
  });
});
