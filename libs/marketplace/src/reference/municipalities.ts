import { Municipality } from './reference.types.js';

/**
 * The 18 municipalities of the Gorenjska statistical region.
 * The list itself is outside the seeds (domain brief §3.5 "[outside seeds] Full list"); `namedInSeeds`
 * is true only where a seed names the municipality or its town (citations in MUNICIPALITY_SOURCES).
 * Coordinates are approximate town-centre positions (WGS84, 2 decimals; outside seeds), good enough
 * for distance estimates within the region. For municipalities without a town of the same name the
 * seat is used: Bohinj → Bohinjska Bistrica, Gorenja vas–Poljane → Gorenja vas, Gorje → Zgornje Gorje,
 * Jezersko → Zgornje Jezersko, Žirovnica → Breznica.
 */
export const MUNICIPALITIES: readonly Municipality[] = [
  { code: 'bled', name: 'Bled', lat: 46.37, lon: 14.11, namedInSeeds: true },
  { code: 'bohinj', name: 'Bohinj', lat: 46.27, lon: 13.95, namedInSeeds: true },
  { code: 'cerklje-na-gorenjskem', name: 'Cerklje na Gorenjskem', lat: 46.25, lon: 14.49, namedInSeeds: true },
  { code: 'gorenja-vas-poljane', name: 'Gorenja vas–Poljane', lat: 46.11, lon: 14.15, namedInSeeds: false },
  { code: 'gorje', name: 'Gorje', lat: 46.38, lon: 14.07, namedInSeeds: false },
  { code: 'jesenice', name: 'Jesenice', lat: 46.43, lon: 14.06, namedInSeeds: true },
  { code: 'jezersko', name: 'Jezersko', lat: 46.39, lon: 14.51, namedInSeeds: false },
  { code: 'kranj', name: 'Kranj', lat: 46.24, lon: 14.36, namedInSeeds: true },
  { code: 'kranjska-gora', name: 'Kranjska Gora', lat: 46.48, lon: 13.79, namedInSeeds: true },
  { code: 'naklo', name: 'Naklo', lat: 46.27, lon: 14.32, namedInSeeds: true },
  { code: 'preddvor', name: 'Preddvor', lat: 46.3, lon: 14.42, namedInSeeds: true },
  { code: 'radovljica', name: 'Radovljica', lat: 46.34, lon: 14.17, namedInSeeds: true },
  { code: 'sencur', name: 'Šenčur', lat: 46.24, lon: 14.42, namedInSeeds: false },
  { code: 'skofja-loka', name: 'Škofja Loka', lat: 46.17, lon: 14.31, namedInSeeds: true },
  { code: 'trzic', name: 'Tržič', lat: 46.36, lon: 14.31, namedInSeeds: true },
  { code: 'zelezniki', name: 'Železniki', lat: 46.22, lon: 14.17, namedInSeeds: true },
  { code: 'ziri', name: 'Žiri', lat: 46.05, lon: 14.11, namedInSeeds: true },
  { code: 'zirovnica', name: 'Žirovnica', lat: 46.4, lon: 14.15, namedInSeeds: false },
];

/**
 * Places outside Gorenjska that the demo data needs. NOT Gorenjska municipalities: do not count them
 * in per-municipality reporting. Ljubljana is where the seeds place the Faculty for Design (001:465)
 * and the CzK offices (002:1096-1098).
 */
export const OTHER_PLACES: readonly Municipality[] = [
  { code: 'ljubljana', name: 'Ljubljana', lat: 46.05, lon: 14.51, namedInSeeds: true },
];

/**
 * Cities across the border where creatives of the region live or work (outside seeds; town-centre
 * coordinates, 2 decimals). Slovenian exonyms and local names resolve to them (PLACE_ALIASES).
 */
export const ABROAD: readonly Municipality[] = [
  { code: 'abroad-vienna', name: 'Dunaj (Wien)', lat: 48.21, lon: 16.37, namedInSeeds: false },
  { code: 'abroad-graz', name: 'Gradec (Graz)', lat: 47.07, lon: 15.44, namedInSeeds: false },
  { code: 'abroad-klagenfurt', name: 'Celovec (Klagenfurt)', lat: 46.62, lon: 14.31, namedInSeeds: false },
  { code: 'abroad-villach', name: 'Beljak (Villach)', lat: 46.61, lon: 13.85, namedInSeeds: false },
  { code: 'abroad-zagreb', name: 'Zagreb', lat: 45.81, lon: 15.98, namedInSeeds: false },
  { code: 'abroad-trieste', name: 'Trst (Trieste)', lat: 45.65, lon: 13.78, namedInSeeds: false },
  { code: 'abroad-udine', name: 'Videm (Udine)', lat: 46.06, lon: 13.24, namedInSeeds: false },
];

/** Other ways people write a place: exonyms, car-plate letters, valleys named for their municipality. */
export const PLACE_ALIASES: Readonly<Record<string, string>> = {
  dunaj: 'abroad-vienna', wien: 'abroad-vienna', vienna: 'abroad-vienna', dunaju: 'abroad-vienna',
  gradec: 'abroad-graz', graz: 'abroad-graz', celovec: 'abroad-klagenfurt', klagenfurt: 'abroad-klagenfurt',
  beljak: 'abroad-villach', villach: 'abroad-villach', zagreb: 'abroad-zagreb', zagrebu: 'abroad-zagreb',
  trst: 'abroad-trieste', trieste: 'abroad-trieste', trstu: 'abroad-trieste', videm: 'abroad-udine', udine: 'abroad-udine',
  lj: 'ljubljana', mb: 'maribor', kr: 'kranj', ce: 'celje', kp: 'koper', nm: 'novo-mesto', go: 'nova-gorica', ms: 'murska-sobota', po: 'postojna', sg: 'slovenj-gradec', kk: 'krsko',
  'poljanska dolina': 'gorenja-vas-poljane', 'poljanski dolini': 'gorenja-vas-poljane', 'selska dolina': 'zelezniki', 'selski dolini': 'zelezniki',
  'zgornjesavska dolina': 'kranjska-gora', 'bohinjska dolina': 'bohinj', 'dolina kokre': 'preddvor', 'tuhinjska dolina': 'kamnik',
};

/** Gorenjska municipalities followed by the places outside the region. */
export const ALL_PLACES: readonly Municipality[] = [...MUNICIPALITIES, ...OTHER_PLACES, ...ABROAD];

/** Where the seeds name each place ("outside seeds" where they do not). */
export const MUNICIPALITY_SOURCES: Readonly<Record<string, string>> = {
  bled: '000:2887 (Občina Bled); 002:1332',
  bohinj: '000:2891 (Turizem Bohinj); 004:310',
  'cerklje-na-gorenjskem': '000:2889 (Občina Cerklje na Gorenjskem)',
  'gorenja-vas-poljane': 'outside seeds (the seeds name only Poljanska dolina, 000:498)',
  gorje: 'outside seeds',
  jesenice: '000:416-418, 1032; 002:2840 (Občina Jesenice)',
  jezersko: 'outside seeds',
  kranj: '000:416, 1032; 002:1252 (Občina Kranj)',
  'kranjska-gora': '004:310',
  naklo: '000:2889 (Občina Naklo)',
  preddvor: '000:2889 (Občina Preddvor)',
  radovljica: '000:416-418, 2887-2889 (muzeji radovljiške občine)',
  sencur: 'outside seeds',
  'skofja-loka': '000:416, 1032, 3129 (Občina Škofja Loka); 002:1268-1270',
  trzic: '000:416-418, 1032, 3131 (Občina Tržič)',
  zelezniki: '000:420',
  ziri: '000:420, 3142 (Občina Žiri)',
  zirovnica: 'outside seeds',
  ljubljana: '001:465 (Faculty for Design Ljubljana); 002:1096-1098 (CzK) — outside Gorenjska',
};
