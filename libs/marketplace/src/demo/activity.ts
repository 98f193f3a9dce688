import { ChallengeKind } from '../reference/index.js';
import type { LocalizedText } from '../common/localized.js';

/**
 * Demo people and what they do on the platform, for development only: one login per role, the
 * proposals, Q&A, jury and award history the demo challenges need to be explored end to end.
 * Every account uses DEMO_PASSWORD and an address under DEMO_EMAIL_DOMAIN (never seeded in
 * production). Invented for the demo; the organisations and challenges are from the seeds.
 */
export const DEMO_EMAIL_DOMAIN = 'demo.modrotisk.si';
export const DEMO_PASSWORD = 'modrotisk-demo-2026';

export type DemoRole = 'admin' | 'organiser' | 'owner' | 'reviewer' | 'creative' | 'juror';

export interface DemoAccount {
  key: string;
  email: string;
  displayName: string;
  role: DemoRole;
  /** What this login is for, shown in the README table. */
  purpose: string;
  platformRoles?: ('admin' | 'organiser')[];
  /** DemoOrganisation key and the role in it. */
  membership?: { organisationKey: string; role: 'owner' | 'editor' | 'reviewer' };
  /** Display name of the demo creative profile this account owns. */
  creativeProfile?: string;
}

const at = (local: string) => `${local}@${DEMO_EMAIL_DOMAIN}`;

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { key: 'admin', email: at('admin'), displayName: 'Demo skrbnik', role: 'admin', purpose: 'platform admin: every draft, platform roles', platformRoles: ['admin'] },
  { key: 'organiser', email: at('organizator'), displayName: 'Demo organizator (BSC Kranj)', role: 'organiser', purpose: 'regional organiser: compliance board, outcome CSV', platformRoles: ['organiser'], membership: { organisationKey: 'bsc-kranj', role: 'owner' } },
  { key: 'alpina', email: at('alpina'), displayName: 'Demo Alpina', role: 'owner', purpose: 'company owner: the modrotisk-on-leather challenge, its proposals and Q&A', membership: { organisationKey: 'alpina', role: 'owner' } },
  { key: 'alpina-reviewer', email: at('alpina-ocenjevalka'), displayName: 'Demo ocenjevalka Alpina', role: 'reviewer', purpose: "company reviewer: reads Alpina's proposals, writes nothing", membership: { organisationKey: 'alpina', role: 'reviewer' } },
  { key: 'ras', email: at('ras'), displayName: 'Demo RA Sora', role: 'owner', purpose: 'agency owner: the awarded CCI4TOURISM call, its pool and outcomes', membership: { organisationKey: 'ra-sora', role: 'owner' } },
  { key: 'skofja-loka', email: at('skofja-loka'), displayName: 'Demo Občina Škofja Loka', role: 'owner', purpose: 'municipality owner: its yearly public-service challenge', membership: { organisationKey: 'obcina-skofja-loka', role: 'owner' } },
  { key: 'meta', email: at('meta'), displayName: 'Meta Modrinjak', role: 'creative', purpose: 'creative: submitted and awarded proposals, a team proposal', creativeProfile: 'Meta Modrinjak' },
  { key: 'neza', email: at('neza'), displayName: 'Neža Usnjevec', role: 'creative', purpose: 'creative: a draft proposal, a question answered publicly', creativeProfile: 'Neža Usnjevec' },
  { key: 'nitnica', email: at('nitnica'), displayName: 'Studio Nitnica', role: 'creative', purpose: 'creative studio: proposals in review', creativeProfile: 'Studio Nitnica' },
  { key: 'juror', email: at('zirant'), displayName: 'Demo žirant', role: 'juror', purpose: 'juror on the blueprint-apron contest: blind review in progress' },
];

export interface DemoProposal {
  author: string;
  coAuthors?: string[];
  title: Partial<LocalizedText>;
  body: Partial<LocalizedText>;
  requestedEur?: number;
  submit: boolean;
}

/** Proposals on the seeded Alpina challenge (still open). */
export const ALPINA_PROPOSALS: readonly DemoProposal[] = [
  {
    author: 'meta', coAuthors: ['neza'], submit: true, requestedEur: 4500,
    title: { sl: 'Modri odtis poti', en: 'Blue print of the trail' },
    body: {
      sl: 'Vzorec iz modrotiskarskih model gorenjskih delavnic, prenesen na rastlinsko strojeno usnje s šablonskim rezervažnim tiskom; vzorec se ponovi na jeziku in peti pohodnega čevlja.',
      en: 'A pattern from the printing blocks of Gorenjska workshops, transferred to vegetable-tanned leather with stencilled resist printing; repeated on the tongue and heel of the hiking shoe.',
    },
  },
  {
    author: 'nitnica', submit: false,
    title: { sl: 'Indigo na podplatu' },
    body: { sl: 'Osnutek: modrotisk kot reliefni vzorec podplata.' },
  },
];

export const ALPINA_QUESTION = {
  asker: 'neza',
  language: 'sl' as const,
  question: 'Ali lahko uporabimo rastlinsko strojeno usnje, ali morajo biti vzorci na usnju, ki ga Alpina že uporablja?',
  answer: {
    sl: 'Rastlinsko strojeno usnje je dobrodošlo; vzorci naj bodo izvedljivi tudi na našem obstoječem usnju.',
    en: 'Vegetable-tanned leather is welcome; designs should also work on the leather we already use.',
  },
};

/** The blueprint-apron contest: submissions closed, jury review in progress. */
export const APRON_PROPOSALS: readonly DemoProposal[] = [
  { author: 'meta', submit: true, title: { sl: 'Predpasnik z zvezdami iz modela' }, body: { sl: 'Zvezdni vzorec iz starega modela, tiskan ročno na lan.' } },
  { author: 'neza', submit: true, title: { sl: 'Usnjeni žep na modrem lanu' }, body: { sl: 'Predpasnik v modrotisku z usnjenim žepom za šuštarje.' } },
  { author: 'nitnica', submit: true, title: { en: 'Apron for two colours' }, body: { en: 'Indigo and undyed linen in one resist print, made to measure.' } },
];

/** CCI4TOURISM (domain brief §2.6): 5 best ideas, 15,000 EUR in total. Re-run as a demo, decided. */
export const CCI4TOURISM = {
  key: 'cci4tourism',
  ownerKey: 'ra-sora',
  kind: ChallengeKind.Tourism,
  title: {
    sl: 'CCI4TOURISM: inovativne ideje, ki povezujejo KKS s turizmom (demo)',
    en: 'CCI4TOURISM: innovative ideas linking the CCS with tourism (demo)',
  },
  brief: {
    sl: 'Poziv za nove inovativne rešitve, produkte in storitve za turistični trg, ki temeljijo na ustvarjalnosti in prenovljeni viziji kulturne dediščine. RAS bo podprla 5 najboljših idej v skupni vrednosti 15.000,00 EUR.',
    en: 'A call for new innovative solutions, products and services for the tourism market, based on creativity and a renewed vision of cultural heritage. RAS will support the 5 best ideas with a total value of 15,000.00 EUR.',
  },
  domains: ['cultural-tourism', 'cultural-heritage'],
  totalBudgetEur: 15_000,
  awardsCount: 5,
  criteria: [
    { name: { sl: 'Inovativnost', en: 'Innovation' }, weight: 60 },
    { name: { sl: 'Povezava s turizmom', en: 'Link with tourism' }, weight: 40 },
  ],
  proposals: [
    { author: 'meta', submit: true, title: { sl: 'Modrotiskarska pot po Gorenjski' }, body: { sl: 'Turistična pot po modrotiskarskih delavnicah z delavnico tiska.' }, requestedEur: 4000 },
    { author: 'nitnica', submit: true, title: { sl: 'Spominki iz odpadne preje' }, body: { sl: 'Serija spominkov iz odpadne preje predilnice.' }, requestedEur: 3000 },
    { author: 'neza', submit: true, title: { sl: 'Usnjeni zemljevid' }, body: { sl: 'Zemljevid kulturne dediščine, vtisnjen v usnje.' }, requestedEur: 3000 },
  ] satisfies DemoProposal[],
  /** Awards by proposal author, within the pool. */
  awards: [
    { author: 'meta', amountEur: 4000, reason: { sl: 'Povezuje dediščino, delavnice in obiskovalce.', en: 'Connects heritage, workshops and visitors.' } },
    { author: 'nitnica', amountEur: 3000, reason: { sl: 'Krožni spominek z jasnim trgom.', en: 'A circular souvenir with a clear market.' } },
  ],
  decision: {
    sl: 'Komisija je podprla dve ideji; preostanek sredstev ostaja za naslednji krog.',
    en: 'The committee supported two ideas; the rest of the pool remains for the next round.',
  },
  outcome: { author: 'meta', kind: 'CONTRACT' as const, description: 'Pogodba z lokalno turistično organizacijo za poletno sezono.', valueEur: 6000 },
};

/** Compliance history: one municipality published last year and closed without award (demo). */
export const LAST_YEAR_PUBLIC_SERVICE = {
  ownerKey: 'obcina-ziri',
  title: { sl: 'Klopi za čipkarski park v Žireh (demo, lani)', en: 'Benches for the lace park in Žiri (demo, last year)' },
  brief: { sl: 'Oblikovanje klopi z motivom žirovske čipke za javni park.', en: 'Benches with a Žiri lace motif for a public park.' },
  domains: ['design-visual-arts'],
};
