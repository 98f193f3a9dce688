import { FILLER_EN, FILLER_SL, GENERIC_SKILLS, POOLS, type Work } from './phrases.js';
import { PLACES, PRACTICES, type Availability, type BenchProfile, type CreativeKind, type Lang, type PlaceKey, type PortfolioItem, type Practice } from './types.js';

/**
 * The creative profiles of the set: generated deterministically (seeded) from the hand-written
 * phrase pools in phrases.ts, plus a few written out by hand below. Each profile's `truth` (place,
 * main and side practices) is what the grading uses; everything else is what a person would type.
 *
 * Where the evidence sits varies on purpose: in the skills boxes, only in the bio, or only in the
 * portfolio (the boxes then hold generic skills and the bio says nothing about the craft).
 * Municipalities are typed as people type them; some texts lose their diacritics or carry a typo.
 */

/** How people write their municipality (first entry: the plain name). */
const TYPED: Record<PlaceKey, string[]> = {
  kranj: ['Kranj', 'v Kranju', 'kranj', 'Kranj (Primskovo)', 'Stražišče pri Kranju'],
  'skofja-loka': ['Škofja Loka', 'skofja loka', 'Loka', 'Šk. Loka', 'v Škofji Loki'],
  ziri: ['Žiri', 'Ziri', 'v Žireh'],
  zelezniki: ['Železniki', 'Zelezniki', 'Selška dolina, Železniki'],
  'gorenja-vas': ['Gorenja vas', 'Poljanska dolina', 'Gorenja vas - Poljane'],
  trzic: ['Tržič', 'Trzic', 'v Tržiču'],
  radovljica: ['Radovljica', 'Radolca', 'radovljica', 'Lesce'],
  bled: ['Bled', 'na Bledu', 'BLED'],
  bohinj: ['Bohinj', 'Bohinjska Bistrica', 'Stara Fužina, Bohinj'],
  jesenice: ['Jesenice', 'na Jesenicah', 'Jesenice, Gorenjska'],
  'kranjska-gora': ['Kranjska Gora', 'Mojstrana', 'kranjska gora'],
  zirovnica: ['Žirovnica', 'Breznica'],
  naklo: ['Naklo', 'Duplje'],
  sencur: ['Šenčur', 'Sencur', 'Voklo, Šenčur'],
  cerklje: ['Cerklje na Gorenjskem', 'Cerklje'],
  preddvor: ['Preddvor'],
  medvode: ['Medvode', 'Medvodah'],
  ljubljana: ['Ljubljana', 'LJ', 'ljubljana', 'Lj. - Šiška'],
  maribor: ['Maribor', 'MB', 'v Mariboru'],
  celje: ['Celje'],
  koper: ['Koper', 'Koper/Capodistria'],
  'nova-gorica': ['Nova Gorica'],
  idrija: ['Idrija'],
  vienna: ['Vienna', 'Dunaj'],
};

const FIRST = ['Ana', 'Nina', 'Maja', 'Tina', 'Eva', 'Urška', 'Špela', 'Nika', 'Katja', 'Petra', 'Lucija', 'Manca', 'Tjaša', 'Zala', 'Neža', 'Alenka', 'Jan', 'Luka', 'Matej', 'Rok', 'Žiga', 'Tilen', 'Gašper', 'Blaž', 'Miha', 'Anže', 'Jure', 'Primož', 'Tomaž', 'Nejc', 'Sara', 'Lea', 'Ema', 'Jakob', 'Marko', 'Helena', 'Sophie', 'Lukas', 'Marta', 'Andrej'];
const LAST = ['Novak', 'Kralj', 'Zupan', 'Kos', 'Hribar', 'Jereb', 'Kavčič', 'Tavčar', 'Pintar', 'Šifrer', 'Demšar', 'Oblak', 'Kalan', 'Bernik', 'Jelenc', 'Mohorič', 'Rant', 'Žumer', 'Dolenc', 'Peternel', 'Thaler', 'Koželj', 'Bizjak', 'Logar', 'Rozman', 'Gartner', 'Mulej', 'Ažman', 'Benedik', 'Fister'];
const STUDIO = ['Studio', 'Atelje', 'Delavnica', 'Kolektiv', 'Zadruga'];
const STUDIO_WORD = ['Nit', 'Kopito', 'Iskra', 'Bukev', 'Modro', 'Kresnik', 'Vigenjc', 'Lipa', 'Smreka', 'Sova', 'Kamen', 'Oblak', 'Koza', 'Breza', 'Log', 'Tkalec', 'Kvadrat', 'Pika', 'Brv', 'Glina'];

/** mulberry32: small, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** One adjacent-letter swap in the longest word (a typo a hurried person makes). */
function typo(s: string): string {
  const words = s.split(' ');
  let i = 0;
  words.forEach((w, n) => { if (w.length > words[i].length) i = n; });
  const w = words[i];
  if (w.length < 5) return s;
  const at = Math.floor(w.length / 2);
  words[i] = w.slice(0, at - 1) + w[at] + w[at - 1] + w.slice(at + 1);
  return words.join(' ');
}

/** Profiles per practice (main practice). Hard negatives are fewer; practices many briefs lean on a few more. */
const COUNTS: Partial<Record<Practice, number>> = {
  glass: 13, ceramics: 10, fashion: 11, 'folk-heritage-craft': 9, footwear: 9, signage: 9, events: 9, web: 11, game: 8, animation: 8, 'public-space': 9,
  upholstery: 5, 'offset-print': 5, 'welding-industrial': 5, glazing: 4, 'wedding-photo': 5, 'it-support': 4, catering: 4, music: 5,
};
/** For students-only briefs: the first profiles of these practices are students. */
const STUDENT_FIRST: Partial<Record<Practice, number>> = { illustration: 5, 'graphic-design': 5, footwear: 4, fashion: 2, animation: 2, photography: 1 };
/** For the municipality-limited playground: the first public-space profiles live there. */
const PLACE_FIRST: Partial<Record<Practice, PlaceKey[]>> = { 'public-space': ['sencur', 'kranj', 'cerklje', 'naklo', 'kranj'], architecture: ['kranj', 'preddvor', 'sencur'], furniture: ['kranj', 'naklo'], packaging: ['bohinj', 'radovljica'] };
/** Practices that go together often (side practice drawn from here 2/3 of the time). */
const NEIGHBOURS: Partial<Record<Practice, Practice[]>> = {
  footwear: ['leatherwork', 'fashion', 'illustration'], leatherwork: ['footwear', 'upholstery', 'fashion'], blueprint: ['textile-print', 'weaving', 'leatherwork'],
  'textile-print': ['blueprint', 'illustration', 'fashion'], weaving: ['knitting', 'textile-upcycling'], knitting: ['weaving', 'textile-upcycling', 'social-media'],
  'textile-upcycling': ['fashion', 'knitting'], fashion: ['textile-upcycling', 'textile-print'], lace: ['graphic-design', 'fashion'], woodcarving: ['furniture', 'folk-heritage-craft'],
  furniture: ['woodcarving', 'architecture', 'metal-design'], forging: ['metal-design', 'welding-industrial', 'exhibition-design'], 'metal-design': ['forging', 'public-space', 'furniture'],
  glass: ['ceramics', 'glazing'], ceramics: ['glass', 'gastronomy'], 'folk-heritage-craft': ['woodcarving', 'illustration', 'gastronomy'], 'graphic-design': ['illustration', 'packaging', 'signage'],
  illustration: ['graphic-design', 'animation'], packaging: ['graphic-design', 'offset-print'], signage: ['graphic-design', 'architecture'], photography: ['video', 'wedding-photo'],
  video: ['photography', 'animation'], animation: ['illustration', 'video'], podcast: ['music', 'copywriting', 'oral-history'], 'oral-history': ['copywriting', 'exhibition-design'],
  'exhibition-design': ['architecture', 'oral-history'], web: ['game', 'it-support'], game: ['web', 'animation'], 'public-space': ['architecture', 'furniture'],
  architecture: ['public-space', 'furniture'], events: ['music', 'catering', 'tourism'], gastronomy: ['catering', 'tourism'], tourism: ['events', 'gastronomy'], copywriting: ['social-media', 'podcast'],
  'social-media': ['photography', 'copywriting'], upholstery: ['furniture'], 'offset-print': ['graphic-design'], 'welding-industrial': ['metal-design'], glazing: ['glass'],
  'wedding-photo': ['photography', 'video'], 'it-support': ['web'], catering: ['gastronomy', 'events'], music: ['podcast', 'events'],
};
/** People who do two things fully (ideal for briefs with a combo). */
const COMBOS: Practice[][] = [
  ['blueprint', 'leatherwork'], ['blueprint', 'leatherwork'], ['blueprint', 'leatherwork'], ['lace', 'graphic-design'], ['lace', 'graphic-design'], ['lace', 'graphic-design'],
  ['exhibition-design', 'game'], ['exhibition-design', 'game'], ['podcast', 'oral-history'], ['podcast', 'oral-history'], ['podcast', 'oral-history'],
  ['packaging', 'illustration'], ['packaging', 'illustration'], ['metal-design', 'public-space'], ['photography', 'oral-history'],
];

function generate(): BenchProfile[] {
  const rand = prng(20261203);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const chance = (p: number) => rand() < p;
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const gorenjska = (Object.keys(PLACES) as PlaceKey[]).filter((k) => PLACES[k].region === 'gorenjska');
  const near = (Object.keys(PLACES) as PlaceKey[]).filter((k) => PLACES[k].region === 'near');
  const far = (Object.keys(PLACES) as PlaceKey[]).filter((k) => PLACES[k].region === 'far');
  const used = new Set<string>();
  const profiles: BenchProfile[] = [];

  const make = (main: Practice[], index: number): BenchProfile => {
    const first = main[0];
    const student = index < (STUDENT_FIRST[first] ?? 0) && main.length === 1;
    const forcedPlace = main.length === 1 ? PLACE_FIRST[first]?.[index] : undefined;
    const anchored = index < 3; // the first three of a practice: in Gorenjska, speaking sl and en
    const kind: CreativeKind = student ? 'STUDENT' : pick(['INDIVIDUAL', 'INDIVIDUAL', 'SOLE_PROPRIETOR', 'SOLE_PROPRIETOR', 'STUDIO_OR_FIRM', 'COLLECTIVE', 'STUDENT']);
    const place: PlaceKey = forcedPlace ?? (anchored ? pick(gorenjska) : chance(0.72) ? pick(gorenjska) : chance(0.4) ? pick(near) : pick(far));
    const languages: Lang[] = anchored ? ['sl', 'en'] : place === 'vienna' || chance(0.08) ? ['en'] : chance(0.45) ? ['sl', 'en'] : chance(0.85) ? ['sl'] : ['en', 'sl'];
    const side: Practice[] = main.length > 1 || !chance(0.4) ? [] : [chance(0.67) && NEIGHBOURS[first] ? pick(NEIGHBOURS[first] as Practice[]) : pick(PRACTICES)].filter((p) => !main.includes(p));
    const person = `${pick(FIRST)} ${pick(LAST)}`;
    let displayName = kind === 'STUDIO_OR_FIRM' || kind === 'COLLECTIVE' ? `${pick(STUDIO)} ${pick(STUDIO_WORD)}` : kind === 'SOLE_PROPRIETOR' && chance(0.5) ? `${person} s.p.` : person;
    while (used.has(displayName)) displayName = `${displayName} ${pick(['II', 'mlajši', 'in partnerji', '2', 'design', 'art'])}`;
    used.add(displayName);

    const evidence = pick(['skills', 'skills', 'bio', 'bio', 'portfolio'] as const);
    const bioLangs: Lang[] = languages.length === 1 ? languages : pick([['sl'], ['en'], ['sl', 'en'], ['sl']] as Lang[][]);
    const sentence = (p: Practice, lang: Lang) => pick(POOLS[p][lang]);
    const mess = (s: string) => (chance(0.12) ? stripDiacritics(s) : chance(0.08) ? typo(s) : chance(0.1) ? s.toLowerCase() : s);
    const bio: { sl?: string; en?: string } = {};
    for (const lang of bioLangs) {
      const parts: string[] = [];
      if (evidence !== 'portfolio') for (const p of main) parts.push(sentence(p, lang));
      if (side.length > 0 && chance(0.5)) parts.push(sentence(side[0], lang));
      parts.push(pick(lang === 'sl' ? FILLER_SL : FILLER_EN));
      if (chance(0.4)) {
        const more = pick(lang === 'sl' ? FILLER_SL : FILLER_EN);
        if (!parts.includes(more)) parts.push(more);
      }
      bio[lang] = mess(parts.join(' '));
    }
    const terms: string[] = [];
    if (evidence === 'skills') for (const p of main) terms.push(...shuffle(POOLS[p].terms).slice(0, 2 + Math.floor(rand() * 2)));
    for (const p of side) terms.push(pick(POOLS[p].terms));
    const generic = shuffle(GENERIC_SKILLS).slice(0, evidence === 'skills' ? Math.floor(rand() * 2) : 1 + Math.floor(rand() * 3));
    const crafts: string[] = [];
    const techniques: string[] = [];
    const skills: string[] = [...generic];
    for (const t of [...new Set(terms)].map(mess)) (chance(0.5) ? crafts : chance(0.5) ? techniques : skills).push(t);

    const works: Work[] = [];
    const wantWorks = evidence === 'portfolio' ? 1 + Math.floor(rand() * 2) : Math.floor(rand() * 3);
    for (const p of main) works.push(...shuffle(POOLS[p].works).slice(0, wantWorks));
    if (side.length > 0 && chance(0.5)) works.push(pick(POOLS[side[0]].works));
    const portfolio: PortfolioItem[] = works.slice(0, 4).map((w) => ({
      title: { [w.lang]: w.title },
      description: { [w.lang]: mess(w.description) },
      year: 2012 + Math.floor(rand() * 14),
      ...(w.client ? { client: w.client } : {}),
    }));
    const availability: Availability = pick(['AVAILABLE', 'AVAILABLE', 'AVAILABLE', 'AVAILABLE', 'AVAILABLE', 'LIMITED', 'LIMITED', 'UNAVAILABLE']);
    return {
      key: `p${String(profiles.length + 1).padStart(3, '0')}`,
      displayName, kind, municipality: pick(TYPED[place]), languages, availability, bio,
      crafts, skills, techniques, portfolio,
      truth: { place, main, side },
    };
  };

  for (const practice of PRACTICES) {
    const n = COUNTS[practice] ?? 7;
    for (let i = 0; i < n; i += 1) profiles.push(make([practice], i));
  }
  COMBOS.forEach((pair, i) => profiles.push(make(pair, i)));
  return profiles;
}

/** Written out by hand: the hard cases named in the task. */
const HAND_WRITTEN: Omit<BenchProfile, 'key'>[] = [
  {
    displayName: 'Irena Pogačnik', kind: 'SOLE_PROPRIETOR', municipality: 'v Žireh', languages: ['sl'], availability: 'AVAILABLE',
    bio: { sl: 'Delam z usnjem že 20 let. Sedežne garniture, fotelji, avtosedeži – če je usnje, ga obnovim.' },
    crafts: ['usnje', 'šivanje'], skills: ['natančnost'], techniques: [],
    portfolio: [{ title: { sl: 'Usnjena sedežna za vilo na Bledu' }, description: { sl: 'Oblazinjenje in usnjena prevleka po meri.' }, year: 2023, client: 'zasebna stranka' }],
    truth: { place: 'ziri', main: ['upholstery'], side: [] },
  },
  {
    displayName: 'Marjeta Kovač', kind: 'INDIVIDUAL', municipality: 'Maribor', languages: ['sl'], availability: 'AVAILABLE',
    bio: { sl: 'Modrotisk, indigo, ročni tisk z modeli. Zadnja leta eksperimentiram z usnjem.' },
    crafts: ['modrotisk', 'tisk na usnje'], skills: [], techniques: ['indigo'],
    portfolio: [{ title: { en: 'Indigo leather panels' }, description: { en: 'Resist-printed indigo on calf leather for a bag maker.' }, year: 2024, client: 'bag maker' }],
    truth: { place: 'maribor', main: ['blueprint', 'leatherwork'], side: [] },
  },
  {
    displayName: 'Tom Becker', kind: 'INDIVIDUAL', municipality: 'Bled', languages: ['en'], availability: 'AVAILABLE',
    bio: { en: 'German potter living by the lake. Wheel-thrown stoneware, wood-fired when I can. I dig some of my clay near Bohinj.' },
    crafts: [], skills: ['wheel throwing'], techniques: ['wood firing'],
    portfolio: [{ title: { en: 'Plates for a farm-to-table dinner' }, description: { en: '120 plates and bowls for a pop-up restaurant.' }, year: 2025, client: 'pop-up restaurant' }],
    truth: { place: 'bled', main: ['ceramics'], side: [] },
  },
  {
    displayName: 'Ajda Rakovec', kind: 'STUDENT', municipality: 'Kranj', languages: ['sl', 'en'], availability: 'AVAILABLE',
    bio: { sl: 'Študentka oblikovanja. Rišem, kar vidim.' },
    crafts: [], skills: ['Procreate', 'InDesign'], techniques: [],
    portfolio: [
      { title: { sl: 'Plakat za šolski koncert' }, description: { sl: 'Ilustriran plakat in objava za Instagram.' }, year: 2025, client: 'gimnazija' },
      { title: { en: 'Type poster series' }, description: { en: 'Three typographic posters for a student exhibition.' }, year: 2024 },
    ],
    truth: { place: 'kranj', main: ['illustration', 'graphic-design'], side: [] },
  },
  {
    displayName: 'Studio Vigenjc Kropa', kind: 'STUDIO_OR_FIRM', municipality: 'Kropa', languages: ['sl', 'en'], availability: 'LIMITED',
    bio: { sl: 'Mala delavnica v Kropi. Žeblji, kljuke, okovje.' },
    crafts: [], skills: [], techniques: [],
    portfolio: [{ title: { sl: 'Kovani žeblji za obnovo kozolca' }, description: { sl: '2.000 ročno kovanih žebljev po starem.' }, year: 2022, client: 'zavod za varstvo kulturne dediščine' }],
    truth: { place: 'radovljica', main: ['forging'], side: [] },
  },
  {
    displayName: 'Nataša Erjavec', kind: 'INDIVIDUAL', municipality: 'Nova Gorica', languages: ['sl', 'en'], availability: 'AVAILABLE',
    bio: { sl: 'Oblikujem table in usmerjevalne sisteme za mesta in parke.' },
    crafts: ['signalizacija'], skills: ['wayfinding'], techniques: [],
    portfolio: [],
    truth: { place: 'nova-gorica', main: ['signage'], side: [] },
  },
];

export const PROFILES: readonly BenchProfile[] = [
  ...generate(),
  ...HAND_WRITTEN.map((p, i) => ({ ...p, key: `h${String(i + 1).padStart(2, '0')}` })),
];
