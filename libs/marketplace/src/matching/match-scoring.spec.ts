import { MATCH_FACTOR_KEYS } from '@app/config';
import {
  Availability, bestMatches, codeRarity, DEFAULT_MATCH_WEIGHTS, type Demand, type DemandConcept, distanceKm, type Evidence, EvidenceSource, ineligibility, MatchAudience, MatchFactor,
  matchScore, rankMatches, scoreMatch, type Supply,
} from './match-scoring.js';

const ZIRI = { lat: 46.05, lon: 14.11, name: 'Žiri' };
const KRANJ = { lat: 46.24, lon: 14.36, name: 'Kranj' };
const MARIBOR = { lat: 46.56, lon: 15.65, name: 'Maribor' };
const labelOf = (code: string) => ({ sl: `${code}-sl`, en: `${code}-en` });
const concept = (id: string, weight = 1, broader: string[] = []): DemandConcept => ({ id, weight, label: { sl: `${id}-sl`, en: `${id}-en` }, broader });

const demand: Demand = {
  domains: ['design-visual-arts', 'cultural-heritage'],
  concepts: [concept('blueprint-print', 1, ['textile-printing', 'textile']), concept('leather', 0.6, ['material'])],
  textTokens: new Set(['modrotisk', 'usnj', 'cevlj', 'illustration']),
  municipality: ZIRI,
  onSite: false,
  languages: ['sl'],
  eligibleKinds: [],
  eligibleMunicipalities: [],
};

const shown = (source: EvidenceSource, quote = 'Modrotisk na usnju (Alpina, 2023)'): Evidence => ({ source, quote: { sl: quote, en: quote } });

const supply = (over: Partial<Supply> = {}): Supply => ({
  domains: ['design-visual-arts'], concepts: new Map([['blueprint-print', shown(EvidenceSource.Portfolio)]]), under: new Map(), skills: [],
  municipality: ZIRI, municipalityCode: 'ziri', inGorenjska: true, kind: 'INDIVIDUAL', languages: ['sl', 'en'],
  availability: Availability.Available, openProposals: 0, awards: 0, outcomes: 0, ...over,
});

const factor = (m: ReturnType<typeof scoreMatch>, f: MatchFactor) => m.factors.find((x) => x.factor === f);

describe('scoreMatch', () => {
  it('explains every factor; contributions add up to the score', () => {
    const m = scoreMatch(demand, supply(), 0.8, DEFAULT_MATCH_WEIGHTS, labelOf, MatchAudience.Creative);
    expect(m.factors.map((f) => f.factor).sort()).toEqual([
      MatchFactor.Availability, MatchFactor.Crafts, MatchFactor.Domains, MatchFactor.Languages, MatchFactor.Location, MatchFactor.PastOutcomes, MatchFactor.Text,
    ].sort());
    expect(m.factors.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(m.score, 10);
    expect(factor(m, MatchFactor.Location)?.score).toBe(1);
  });

  it('counts shown work above listed claims above a mention in the statement, and quotes the evidence', () => {
    const at = (source: EvidenceSource) => scoreMatch(demand, supply({ concepts: new Map([['blueprint-print', shown(source)]]) }), 0.5, DEFAULT_MATCH_WEIGHTS, labelOf, MatchAudience.Organisation);
    const [portfolio, listed, statement] = [at(EvidenceSource.Portfolio), at(EvidenceSource.Listed), at(EvidenceSource.Statement)];
    expect(factor(portfolio, MatchFactor.Crafts)?.score).toBeGreaterThan(factor(listed, MatchFactor.Crafts)?.score ?? 1);
    expect(factor(listed, MatchFactor.Crafts)?.score).toBeGreaterThan(factor(statement, MatchFactor.Crafts)?.score ?? 1);
    expect(factor(portfolio, MatchFactor.Crafts)?.reason.en).toBe('Blueprint-print-en: their portfolio shows “Modrotisk na usnju (Alpina, 2023)”.');
    expect(factor(portfolio, MatchFactor.Crafts)?.reason.sl).toBe('Blueprint-print-sl: portfelj kaže »Modrotisk na usnju (Alpina, 2023)«.');
  });

  it('credits narrower work nearly in full and broader work only in part', () => {
    const narrower = supply({ concepts: new Map([['indigo-dyeing', shown(EvidenceSource.Portfolio)]]), under: new Map([['blueprint-print', ['indigo-dyeing']]]) });
    const broader = supply({ concepts: new Map([['textile-printing', shown(EvidenceSource.Portfolio)]]) });
    const none = supply({ concepts: new Map([['pottery', shown(EvidenceSource.Portfolio)]]) });
    const crafts = (s: Supply) => factor(scoreMatch(demand, s, 0, DEFAULT_MATCH_WEIGHTS, labelOf, MatchAudience.Creative), MatchFactor.Crafts)?.score ?? 0;
    expect(crafts(narrower)).toBeGreaterThan(crafts(broader));
    expect(crafts(broader)).toBeGreaterThan(crafts(none));
    expect(crafts(none)).toBe(0);
  });

  it('writes reasons to the reader: "your" to the creative, "their" to the organisation; hints only for the creative', () => {
    const toCreative = scoreMatch(demand, supply({ languages: ['en'] }), 0.2, DEFAULT_MATCH_WEIGHTS, labelOf, MatchAudience.Creative);
    const toOrganisation = scoreMatch(demand, supply({ languages: ['en'] }), 0.2, DEFAULT_MATCH_WEIGHTS, labelOf, MatchAudience.Organisation);
    expect(toCreative.score).toBe(toOrganisation.score);
    expect(factor(toCreative, MatchFactor.Crafts)?.reason.en).toContain('your portfolio shows');
    expect(factor(toCreative, MatchFactor.Text)?.reason.en).toMatch(/^Your profile/);
    expect(toOrganisation.factors.map((f) => f.reason.en).join(' ')).not.toMatch(/\byou(r)?\b/i);
    expect(toOrganisation.factors.map((f) => f.reason.sl).join(' ')).not.toMatch(/\bvaš|navajate|govorite\b/i);
    expect(toOrganisation.hints).toEqual([]);
    expect(toCreative.hints.map((h) => h.en)).toEqual(expect.arrayContaining([
      'Add the domain cultural-heritage-en if you work in it.',
      'Describe work like this in your profile or portfolio.',
      'Add sl to your languages if you speak it.',
    ]));
    expect(toCreative.hints.every((h) => h.sl.length > 0)).toBe(true);
  });

  it('ranks a fuller fit higher, and leaves out factors the demand says nothing about', () => {
    const full = scoreMatch(demand, supply({ domains: demand.domains, concepts: new Map([['blueprint-print', shown(EvidenceSource.Portfolio)], ['leather', shown(EvidenceSource.Portfolio)]]), awards: 2 }), 0.9, DEFAULT_MATCH_WEIGHTS, labelOf, MatchAudience.Creative);
    const weak = scoreMatch(demand, supply({ domains: [], concepts: new Map(), municipality: KRANJ, availability: Availability.Unavailable }), 0.1, DEFAULT_MATCH_WEIGHTS, labelOf, MatchAudience.Creative);
    expect(full.score).toBeGreaterThan(0.9);
    expect(weak.score).toBeLessThan(0.25);
    const silent = scoreMatch({ ...demand, domains: [], concepts: [] }, supply(), 0.8, DEFAULT_MATCH_WEIGHTS, labelOf, MatchAudience.Creative);
    expect(silent.factors.map((f) => f.factor)).not.toContain(MatchFactor.Domains);
    expect(silent.factors.map((f) => f.factor)).not.toContain(MatchFactor.Crafts);
    expect(silent.factors.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(silent.score, 10);
  });

  it('weighs a shared rare domain above a shared common one', () => {
    const rarity = codeRarity({ 'design-visual-arts': 50, 'cultural-heritage': 5 }, 60);
    const domainScore = (domains: string[]) => factor(scoreMatch({ ...demand, domainWeights: rarity }, supply({ domains }), 0.5, DEFAULT_MATCH_WEIGHTS, labelOf, MatchAudience.Creative), MatchFactor.Domains)?.score ?? 0;
    expect(domainScore(['cultural-heritage'])).toBeGreaterThan(0.7);
    expect(domainScore(['design-visual-arts'])).toBeLessThan(0.3);
  });

  it('makes distance count much more for on-site work', () => {
    const onSite = { ...demand, onSite: true };
    const local = supply({ municipality: ZIRI });
    const far = supply({ municipality: MARIBOR, concepts: new Map([['blueprint-print', shown(EvidenceSource.Portfolio)], ['leather', shown(EvidenceSource.Portfolio)]]) });
    // Off site, the fuller portfolio from far away wins; on site, the local creative does.
    expect(matchScore(demand, far, 0.5, DEFAULT_MATCH_WEIGHTS)).toBeGreaterThan(matchScore(demand, local, 0.5, DEFAULT_MATCH_WEIGHTS));
    expect(matchScore(onSite, local, 0.5, DEFAULT_MATCH_WEIGHTS)).toBeGreaterThan(matchScore(onSite, far, 0.5, DEFAULT_MATCH_WEIGHTS));
    expect(factor(scoreMatch(onSite, far, 0.5, DEFAULT_MATCH_WEIGHTS, labelOf, MatchAudience.Organisation), MatchFactor.Location)?.reason.en).toMatch(/^The work is on site\. Maribor is about \d+ km from Žiri\.$/);
  });

  it('takes availability down a little for every proposal in progress', () => {
    const free = factor(scoreMatch(demand, supply(), 0.5, DEFAULT_MATCH_WEIGHTS, labelOf, MatchAudience.Creative), MatchFactor.Availability)?.score ?? 0;
    const busy = factor(scoreMatch(demand, supply({ openProposals: 3 }), 0.5, DEFAULT_MATCH_WEIGHTS, labelOf, MatchAudience.Creative), MatchFactor.Availability);
    expect(busy?.score).toBeLessThan(free);
    expect(busy?.reason.en).toContain('Proposals in progress: 3.');
  });

  it('uses exactly the configured weights', () => {
    expect(Object.keys(DEFAULT_MATCH_WEIGHTS).sort()).toEqual([...MATCH_FACTOR_KEYS].sort());
    const textOnly = Object.fromEntries(Object.keys(DEFAULT_MATCH_WEIGHTS).map((k) => [k, k === MatchFactor.Text ? 1 : 0])) as typeof DEFAULT_MATCH_WEIGHTS;
    expect(scoreMatch(demand, supply(), 0.37, textOnly, labelOf, MatchAudience.Creative).score).toBeCloseTo(0.37, 10);
  });
});

describe('eligibility', () => {
  it('keeps out kinds and places the owner did not open the challenge to, and says why', () => {
    const studentsOnly = { ...demand, eligibleKinds: ['STUDENT'] };
    expect(ineligibility(studentsOnly, supply({ kind: 'STUDIO_OR_FIRM' }))?.en).toBe('Entries are open to students only.');
    expect(ineligibility(studentsOnly, supply({ kind: 'STUDENT' }))).toBeNull();
    const region = { ...demand, eligibleMunicipalities: ['gorenjska'] };
    expect(ineligibility(region, supply({ municipalityCode: 'ljubljana', inGorenjska: false }))).not.toBeNull();
    expect(ineligibility(region, supply())).toBeNull();
    const town = { ...demand, eligibleMunicipalities: ['kranj'] };
    expect(ineligibility(town, supply())).not.toBeNull();
    expect(ineligibility(town, supply({ municipalityCode: 'kranj' }))).toBeNull();
  });

  it('never ranks an ineligible candidate, however good', () => {
    const studentsOnly = { ...demand, eligibleKinds: ['STUDENT'] };
    const ranked = rankMatches(studentsOnly, [
      { subject: 'pro', supply: supply({ kind: 'STUDIO_OR_FIRM', awards: 5 }), textScore: 1 },
      { subject: 'student', supply: supply({ kind: 'STUDENT', concepts: new Map() }), textScore: 0.1 },
    ], DEFAULT_MATCH_WEIGHTS);
    expect(ranked.map((r) => r.candidate.subject)).toEqual(['student']);
  });
});

describe('matchScore', () => {
  it('is exactly the score scoreMatch explains, for many demand/supply pairs', () => {
    const supplies = [supply(), supply({ concepts: new Map(), domains: [], municipality: null, languages: [] }), supply({ availability: Availability.Limited, openProposals: 2, awards: 1, outcomes: 3 }),
      supply({ skills: [{ name: { sl: 'ilustracija', en: 'illustration' }, tokens: [['illustration']] }] })];
    const demands = [demand, { ...demand, onSite: true }, { ...demand, domains: [], languages: [] }, { ...demand, concepts: [] }];
    for (const d of demands) for (const s of supplies) for (const text of [null, 0, 0.42, 1]) {
      expect(matchScore(d, s, text, DEFAULT_MATCH_WEIGHTS)).toBe(scoreMatch(d, s, text, DEFAULT_MATCH_WEIGHTS, labelOf, MatchAudience.Organisation).score);
    }
  });

  it('bestMatches explains only the page shown, best first, after an offset', () => {
    const candidates = ['a', 'b', 'c'].map((subject, i) => ({ subject, supply: supply({ awards: i }), textScore: 0.5 }));
    const page = bestMatches(demand, candidates, DEFAULT_MATCH_WEIGHTS, labelOf, 1, MatchAudience.Organisation, 1);
    expect(page.map((m) => m.subject)).toEqual(['b']);
  });
});

describe('distanceKm', () => {
  it('is about 28 km from Žiri to Kranj', () => {
    expect(distanceKm(ZIRI, KRANJ)).toBeGreaterThan(20);
    expect(distanceKm(ZIRI, KRANJ)).toBeLessThan(35);
  });
});
