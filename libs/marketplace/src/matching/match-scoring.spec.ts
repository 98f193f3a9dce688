import { MATCH_FACTOR_KEYS } from '@app/config';
import { Availability, bestMatches, codeRarity, DEFAULT_MATCH_WEIGHTS, type Demand, distanceKm, MatchFactor, matchScore, scoreMatch, type Supply } from './match-scoring.js';

const ZIRI = { lat: 46.05, lon: 14.11, name: 'Žiri' };
const KRANJ = { lat: 46.24, lon: 14.36, name: 'Kranj' };
const labelOf = (code: string) => ({ sl: `${code}-sl`, en: `${code}-en` });

const demand: Demand = {
  domains: ['design-visual-arts', 'cultural-heritage'],
  making: ['blueprint', 'leather'],
  textTokens: new Set(['modrotisk', 'usnj', 'cevlj', 'illustration']),
  municipality: ZIRI,
  languages: ['sl'],
};

const supply = (over: Partial<Supply> = {}): Supply => ({
  domains: ['design-visual-arts'], making: ['blueprint'], skills: [], municipality: ZIRI, languages: ['sl', 'en'],
  availability: Availability.Available, awards: 0, outcomes: 0, ...over,
});

describe('scoreMatch', () => {
  it('explains every factor; contributions add up to the score', () => {
    const m = scoreMatch(demand, supply(), 0.8, DEFAULT_MATCH_WEIGHTS, labelOf);
    expect(m.factors.map((f) => f.factor).sort()).toEqual([
      MatchFactor.Availability, MatchFactor.Crafts, MatchFactor.Domains, MatchFactor.Languages, MatchFactor.Location, MatchFactor.PastOutcomes, MatchFactor.Text,
    ].sort());
    expect(m.factors.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(m.score, 10);
    expect(m.factors.find((f) => f.factor === MatchFactor.Crafts)).toMatchObject({ score: 0.5, reason: { en: 'Techniques and materials: blueprint-en.' } });
    expect(m.factors.find((f) => f.factor === MatchFactor.Location)?.score).toBe(1);
  });

  it('hints at what would raise the score, in both languages', () => {
    const m = scoreMatch(demand, supply({ languages: ['en'] }), 0.2, DEFAULT_MATCH_WEIGHTS, labelOf);
    expect(m.hints.map((h) => h.en)).toEqual(expect.arrayContaining([
      'Add the domain cultural-heritage-en if you work in it.',
      'Add leather-en work to your portfolio.',
      'Describe work like this in your profile.',
      'Add sl to your languages if you speak it.',
    ]));
    expect(m.hints.every((h) => h.sl.length > 0)).toBe(true);
  });

  it('ranks a fuller fit higher, and leaves out factors the demand says nothing about', () => {
    const full = scoreMatch(demand, supply({ domains: demand.domains, making: ['blueprint', 'leather'], awards: 2 }), 0.9, DEFAULT_MATCH_WEIGHTS, labelOf);
    const weak = scoreMatch(demand, supply({ domains: [], making: [], municipality: KRANJ, availability: Availability.Unavailable }), 0.1, DEFAULT_MATCH_WEIGHTS, labelOf);
    expect(full.score).toBeGreaterThan(0.9);
    expect(weak.score).toBeLessThan(0.25);
    const silent = scoreMatch({ ...demand, domains: [], making: [] }, supply(), 0.8, DEFAULT_MATCH_WEIGHTS, labelOf);
    expect(silent.factors.map((f) => f.factor)).not.toContain(MatchFactor.Domains);
    expect(silent.factors.map((f) => f.factor)).not.toContain(MatchFactor.Crafts);
    expect(silent.factors.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(silent.score, 10);
  });

  it('weighs a shared rare domain above a shared common one', () => {
    const rarity = codeRarity({ 'design-visual-arts': 50, 'cultural-heritage': 5 }, 60);
    const common = scoreMatch({ ...demand, domainWeights: rarity }, supply({ domains: ['design-visual-arts'] }), 0.5, DEFAULT_MATCH_WEIGHTS, labelOf);
    const rare = scoreMatch({ ...demand, domainWeights: rarity }, supply({ domains: ['cultural-heritage'] }), 0.5, DEFAULT_MATCH_WEIGHTS, labelOf);
    const domainScore = (m: typeof rare) => m.factors.find((f) => f.factor === MatchFactor.Domains)?.score ?? 0;
    expect(domainScore(rare)).toBeGreaterThan(0.7);
    expect(domainScore(common)).toBeLessThan(0.3);
  });

  it('counts skills the brief asks for', () => {
    const m = scoreMatch(demand, supply({ skills: [{ code: 'illustration', labels: [['ilustracij'], ['illustration']] }, { code: 'cad', labels: [['cad']] }] }), 0.5, DEFAULT_MATCH_WEIGHTS, labelOf);
    expect(m.factors.find((f) => f.factor === MatchFactor.Skills)).toMatchObject({ score: 0.5, reason: { en: 'The brief mentions your skills: illustration-en.' } });
  });

  it('follows the weights it is given (configuration, not code)', () => {
    const textOnly = Object.fromEntries(Object.values(MatchFactor).map((f) => [f, f === MatchFactor.Text ? 1 : 0])) as Record<MatchFactor, number>;
    expect(scoreMatch(demand, supply(), 0.37, textOnly, labelOf).score).toBeCloseTo(0.37, 10);
  });

  it('has the factors configuration knows (MATCH_WEIGHTS keys)', () => {
    expect([...MATCH_FACTOR_KEYS].sort()).toEqual(Object.values(MatchFactor).sort());
    expect([...MATCH_FACTOR_KEYS].sort()).toEqual(Object.keys(DEFAULT_MATCH_WEIGHTS).sort());
  });

  it('ranks with matchScore, which is exactly the score scoreMatch explains', () => {
    // Deterministic variety: every factor present or absent, shared or not, with and without rarity.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const some = <T>(items: readonly T[]) => items.filter(() => next() < 0.5);
    const domains = ['design-visual-arts', 'cultural-heritage', 'music', 'architecture'];
    const making = ['blueprint', 'leather', 'clay', 'wood', 'linen'];
    const skill = { code: 'illustration', labels: [['ilustracij'], ['illustration']] };
    const rarity = codeRarity({ 'design-visual-arts': 50, 'cultural-heritage': 5, music: 20 }, 60);
    for (let n = 0; n < 500; n += 1) {
      const d: Demand = {
        domains: some(domains), making: some(making), textTokens: next() < 0.5 ? demand.textTokens : new Set(), municipality: next() < 0.8 ? ZIRI : null,
        languages: some(['sl', 'en']), ...(next() < 0.5 ? { domainWeights: rarity } : {}),
      };
      const s = supply({
        domains: some(domains), making: some(making), skills: next() < 0.5 ? [skill] : [], municipality: next() < 0.8 ? KRANJ : null, languages: some(['sl', 'en']),
        availability: [Availability.Available, Availability.Limited, Availability.Unavailable][Math.floor(next() * 3)], awards: Math.floor(next() * 3), outcomes: Math.floor(next() * 3),
      });
      const text = next() < 0.2 ? null : next();
      expect(matchScore(d, s, text, DEFAULT_MATCH_WEIGHTS)).toBe(scoreMatch(d, s, text, DEFAULT_MATCH_WEIGHTS, labelOf).score);
    }
  });

  it('explains only the best candidates, best first', () => {
    const candidates = [0.1, 0.9, 0.5, 0.7].map((text, n) => ({ subject: n, supply: supply(), textScore: text }));
    const best = bestMatches(demand, candidates, DEFAULT_MATCH_WEIGHTS, labelOf, 2);
    expect(best.map((m) => m.subject)).toEqual([1, 3]);
    expect(best[0].explanation).toEqual(scoreMatch(demand, supply(), 0.9, DEFAULT_MATCH_WEIGHTS, labelOf));
  });

  it('measures distance within the region', () => {
    expect(distanceKm(ZIRI, KRANJ)).toBeGreaterThan(20);
    expect(distanceKm(ZIRI, KRANJ)).toBeLessThan(35);
  });
});
