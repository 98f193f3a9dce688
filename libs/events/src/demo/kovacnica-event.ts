import { ParticipationType } from '../events/event.rules.js';

/**
 * The demo match-making event: creative firms and creatives meet companies and a municipality at
 * Kovačnica in Kranj, three weeks from the day the demo is loaded. Everything here is fictional
 * demo content on top of the demo catalogue (organisations by key, creatives by display name).
 */
export const KOVACNICA_EVENT = {
  title: { sl: 'Match-making: kreativci in industrija v Kovačnici', en: 'Match-making: creatives meet industry at Kovačnica' },
  description: {
    sl: 'Kratki sestanki 1:1 med oblikovalci, kreativnimi podjetji in gorenjskimi podjetji ter občinami. Urnik sestankov pripravi organizator. (Demo dogodek.)',
    en: '1:1 meetings between designers, creative firms, Gorenjska companies and municipalities. The organiser schedules the meetings. (Demo event.)',
  },
  hostKey: 'bsc-kranj',
  venueKey: 'kovacnica',
  venueAddress: 'Tavčarjeva ulica 9, 4000 Kranj',
  daysAhead: 21,
  capacity: 60,
  maxRequestsPerParticipant: 8,
  maxMeetingsPerSession: 4,
  /** Sessions in Slovenian local time; the morning has a coffee break. */
  sessions: [
    { name: 'Dopoldne / Morning', start: '09:00', end: '11:40', slotMinutes: 20, breaks: [{ start: '10:20', end: '10:40' }], tables: 5 },
    { name: 'Popoldne / Afternoon', start: '13:00', end: '14:40', slotMinutes: 20, breaks: [], tables: 5 },
  ],
  participationTypes: [ParticipationType.Company, ParticipationType.Municipality, ParticipationType.CreativeFirm, ParticipationType.Creative],
  /** Designers and firms meet companies and municipalities, in both directions; nobody cold-calls a competitor. */
  contactRules: [
    ...[ParticipationType.Company, ParticipationType.Municipality].flatMap((o) => [ParticipationType.Creative, ParticipationType.CreativeFirm].flatMap((c) => [{ from: o, to: c }, { from: c, to: o }])),
  ],
  organisations: [
    { key: 'alpina', type: ParticipationType.Company, seeks: 'Modrotisk na usnju za pohodne čevlje; usnje, vzorci, blueprint print on leather', unavailable: [] as number[] },
    { key: 'gorenjska-predilnica', type: ParticipationType.Company, seeks: 'Oblikovanje preje in tekstilnih vzorcev, embalaža', unavailable: [0, 1] },
    { key: 'odeja', type: ParticipationType.Company, seeks: 'Tekstilni vzorci za odeje, modrotisk, indigo', unavailable: [8, 9, 10] },
    { key: 'bpt-trzic', type: ParticipationType.Company, seeks: 'Tekstil in industrijska dediščina tovarne, razstava', unavailable: [5, 6] },
    { key: 'peko', type: ParticipationType.Company, seeks: 'Obutev, usnje, fotografija izdelkov', unavailable: [] },
    { key: 'obcina-kranj', type: ParticipationType.Municipality, seeks: 'Urbana oprema in javni prostor, javni izziv', unavailable: [0, 7, 8] },
  ],
  /** Creatives by demo display name; `account` marks those with a demo login. */
  creatives: [
    { name: 'Meta Modrinjak', type: ParticipationType.Creative, offers: 'Modrotisk in indigo tisk na tekstilu in usnju', unavailable: [3] },
    { name: 'Neža Usnjevec', type: ParticipationType.Creative, offers: 'Usnjarstvo, obutev, ročno šivanje', unavailable: [] },
    { name: 'Studio Nitnica', type: ParticipationType.CreativeFirm, offers: 'Tekstilno oblikovanje, preja, vzorci', unavailable: [9, 10] },
    { name: 'Tilen Podplatar', type: ParticipationType.Creative, offers: 'Oblikovanje obutve in podplatov', unavailable: [0, 1, 2] },
    { name: 'Atelje Tri niti', type: ParticipationType.CreativeFirm, offers: 'Tkanje, tekstilni vzorci, modrotisk', unavailable: [6] },
    { name: 'Tjaša Šivnik', type: ParticipationType.Creative, offers: 'Šiviljstvo in tekstil', unavailable: [4, 5] },
    { name: 'Kolektiv Tri kopita', type: ParticipationType.CreativeFirm, offers: 'Obutev in usnjeni izdelki', unavailable: [] },
    { name: 'Matic Kadrovec', type: ParticipationType.Creative, offers: 'Produktna fotografija in video', unavailable: [7, 8] },
    { name: 'Studio Pikselj', type: ParticipationType.CreativeFirm, offers: 'Grafično oblikovanje in embalaža', unavailable: [2] },
    { name: 'Anže Lesovšek', type: ParticipationType.Creative, offers: 'Les, urbana oprema', unavailable: [9] },
    { name: 'Studio Veslo', type: ParticipationType.CreativeFirm, offers: 'Oblikovanje prostora in razstav', unavailable: [0] },
    { name: 'Hana Barvinc', type: ParticipationType.Creative, offers: 'Barvanje tekstila, naravna barvila', unavailable: [1, 10] },
  ],
  /** [from, to] by key or display name; `accept` false leaves it pending, 'decline' declines it. Reverse pairs become mutual. */
  requests: [
    ['alpina', 'Meta Modrinjak', 'accept'], ['alpina', 'Neža Usnjevec', 'accept'], ['alpina', 'Tilen Podplatar', 'accept'], ['alpina', 'Kolektiv Tri kopita', 'accept'],
    ['alpina', 'Matic Kadrovec', 'accept'], ['Meta Modrinjak', 'alpina', 'mutual'], ['Neža Usnjevec', 'peko', 'accept'],
    ['gorenjska-predilnica', 'Studio Nitnica', 'accept'], ['gorenjska-predilnica', 'Atelje Tri niti', 'accept'], ['gorenjska-predilnica', 'Studio Pikselj', 'accept'],
    ['gorenjska-predilnica', 'Hana Barvinc', 'accept'], ['odeja', 'Meta Modrinjak', 'accept'], ['odeja', 'Atelje Tri niti', 'accept'], ['odeja', 'Hana Barvinc', 'accept'],
    ['odeja', 'Tjaša Šivnik', 'accept'], ['Studio Nitnica', 'odeja', 'accept'], ['bpt-trzic', 'Studio Veslo', 'accept'], ['bpt-trzic', 'Matic Kadrovec', 'accept'],
    ['bpt-trzic', 'Studio Nitnica', 'accept'], ['peko', 'Tilen Podplatar', 'accept'], ['peko', 'Kolektiv Tri kopita', 'accept'], ['peko', 'Matic Kadrovec', 'accept'],
    ['peko', 'Studio Pikselj', 'decline'], ['obcina-kranj', 'Anže Lesovšek', 'accept'], ['obcina-kranj', 'Studio Veslo', 'accept'], ['Anže Lesovšek', 'obcina-kranj', 'mutual'],
    ['Tjaša Šivnik', 'gorenjska-predilnica', 'pending'], ['Studio Pikselj', 'alpina', 'accept'], ['Hana Barvinc', 'bpt-trzic', 'pending'],
  ] as const,
};
