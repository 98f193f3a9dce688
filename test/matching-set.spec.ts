import { BRIEFS } from '../scripts/bench-data/matching-set/briefs.js';
import { grade, HELD_OUT, ineligibility, LABELS, TUNE } from '../scripts/bench-data/matching-set/labels.js';
import { PROFILES } from '../scripts/bench-data/matching-set/profiles.js';
import { PRACTICES, type BenchBrief, type BenchProfile } from '../scripts/bench-data/matching-set/types.js';

/** The shape of the independent matching set (scripts/bench-data/matching-set, rubric.md). */
describe('matching set', () => {
  const brief = (over: Partial<BenchBrief>): BenchBrief => ({
    key: 'b', organisation: { name: 'O', kind: 'COMPANY', place: 'kranj' }, challengeKind: 'INDUSTRY', title: { sl: 't' }, brief: { sl: 'b' }, criteria: [],
    needs: { blueprint: 3, leatherwork: 2, footwear: 1 }, ...over,
  });
  const profile = (over: Partial<BenchProfile> & { main?: BenchProfile['truth']['main']; side?: BenchProfile['truth']['side']; place?: BenchProfile['truth']['place'] }): BenchProfile => ({
    key: 'p', displayName: 'P', kind: 'INDIVIDUAL', municipality: 'Kranj', languages: ['sl'], availability: 'AVAILABLE', bio: {}, crafts: [], skills: [], techniques: [], portfolio: [],
    truth: { place: over.place ?? 'kranj', main: over.main ?? ['blueprint'], side: over.side ?? [] }, ...over,
  });

  it('has at least 24 briefs and 300 profiles, with unique keys and names', () => {
    expect(BRIEFS.length).toBeGreaterThanOrEqual(24);
    expect(PROFILES.length).toBeGreaterThanOrEqual(300);
    expect(new Set(BRIEFS.map((b) => b.key)).size).toBe(BRIEFS.length);
    expect(new Set(PROFILES.map((p) => p.key)).size).toBe(PROFILES.length);
    expect(new Set(PROFILES.map((p) => p.displayName)).size).toBe(PROFILES.length);
    expect(new Set(BRIEFS.map((b) => `${b.title.sl ?? ''}|${b.title.en ?? ''}`)).size).toBe(BRIEFS.length);
  });

  it('grades every pair, and every brief has at least 3 ideal and 10 relevant profiles', () => {
    for (const b of BRIEFS) {
      const grades = PROFILES.map((p) => LABELS[b.key][p.key]);
      expect(grades.every((g) => g === 0 || g === 1 || g === 2 || g === 3)).toBe(true);
      expect({ brief: b.key, ideal: grades.filter((g) => g === 3).length >= 3, relevant: grades.filter((g) => g >= 2).length >= 10 })
        .toEqual({ brief: b.key, ideal: true, relevant: true });
    }
  });

  it('has a fixed, disjoint split covering every brief, with at least 8 held out', () => {
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(8);
    expect(TUNE.filter((k) => HELD_OUT.includes(k))).toEqual([]);
    expect([...TUNE, ...HELD_OUT].sort()).toEqual(BRIEFS.map((b) => b.key).sort());
  });

  it('writes profiles as people do: a typed municipality, some text, a practice from the set', () => {
    for (const p of PROFILES) {
      expect(p.municipality.trim()).not.toBe('');
      expect(Boolean(p.bio.sl || p.bio.en || p.portfolio.length || p.crafts.length)).toBe(true);
      expect(p.truth.main.every((x) => (PRACTICES as readonly string[]).includes(x))).toBe(true);
      expect(p.portfolio.length).toBeLessThanOrEqual(4);
    }
    // Spellings differ from the canonical names, and some evidence sits only in a portfolio.
    expect(PROFILES.filter((p) => /^(v |na )|Loka$|^Radolca$|^Ziri$/.test(p.municipality)).length).toBeGreaterThan(10);
    expect(PROFILES.filter((p) => p.crafts.length + p.techniques.length === 0 && p.portfolio.length > 0).length).toBeGreaterThan(30);
    expect(PROFILES.filter((p) => !p.bio.sl && p.bio.en).length).toBeGreaterThan(20);
    expect(BRIEFS.filter((b) => !b.brief.en).length).toBeGreaterThan(3);
    expect(BRIEFS.filter((b) => !b.brief.sl).length).toBeGreaterThan(3);
  });

  it('has hard negatives: ineligible profiles with the right craft, and right words for the wrong craft', () => {
    let ineligibleIdeal = 0;
    for (const b of BRIEFS) for (const p of PROFILES) if (ineligibility(b, p) && p.truth.main.some((x) => b.needs[x] === 3)) ineligibleIdeal += 1;
    expect(ineligibleIdeal).toBeGreaterThanOrEqual(20);
    const shoe = BRIEFS.find((b) => b.key === 'shoe-indigo-leather') as BenchBrief;
    const upholsterers = PROFILES.filter((p) => p.truth.main.includes('upholstery'));
    expect(upholsterers.length).toBeGreaterThan(3);
    expect(upholsterers.every((p) => LABELS[shoe.key][p.key] <= 1)).toBe(true);
  });

  describe('grade()', () => {
    it('takes the best practice, a side practice one grade lower, and a combo as ideal', () => {
      expect(grade(brief({}), profile({ main: ['blueprint'] }))).toBe(3);
      expect(grade(brief({}), profile({ main: ['leatherwork'] }))).toBe(2);
      expect(grade(brief({}), profile({ main: ['weaving'], side: ['blueprint'] }))).toBe(2);
      expect(grade(brief({}), profile({ main: ['weaving'], side: ['leatherwork'] }))).toBe(1);
      expect(grade(brief({}), profile({ main: ['weaving'] }))).toBe(0);
      expect(grade(brief({ combo: ['leatherwork', 'footwear'] }), profile({ main: ['footwear'], side: ['leatherwork'] }))).toBe(3);
      expect(grade(brief({}), profile({ main: ['blueprint'], availability: 'UNAVAILABLE' }))).toBe(1);
    });

    it('grades an ineligible profile 0 however good', () => {
      expect(grade(brief({ eligibility: { creativeKinds: ['STUDENT'] } }), profile({}))).toBe(0);
      expect(grade(brief({ eligibility: { creativeKinds: ['STUDENT'] } }), profile({ kind: 'STUDENT' }))).toBe(3);
      expect(grade(brief({ eligibility: { onSite: true } }), profile({ place: 'maribor' }))).toBe(0);
      expect(grade(brief({ eligibility: { onSite: true } }), profile({ place: 'ljubljana' }))).toBe(3);
      expect(grade(brief({ eligibility: { municipalities: ['sencur'] } }), profile({ place: 'kranj' }))).toBe(0);
      expect(grade(brief({ workingLanguages: ['en'] }), profile({ languages: ['sl'] }))).toBe(0);
      expect(grade(brief({ workingLanguages: ['en'] }), profile({ languages: ['sl', 'en'] }))).toBe(3);
    });
  });
});
