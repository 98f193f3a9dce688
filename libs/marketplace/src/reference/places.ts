import { stem, tokenize } from '@app/search';
import { MUNICIPALITIES, OTHER_PLACES } from './municipalities.js';

/**
 * The place gazetteer: municipalities of Slovenia (all 18 of Gorenjska with their existing codes,
 * every municipality bordering Gorenjska, the Ljubljana urban region and the main towns of every
 * other statistical region) and settlements of Gorenjska, with the spellings and case forms people
 * type ("Škofja Loka", "skofja loka", "Loka", "v Škofji Loki", "Kranju", "na Bledu", "v Žireh").
 *
 * Coordinates (WGS84, 2 decimals ≈ 1 km) are town-centre positions written from general knowledge,
 * not surveyed: good for distances between places in the region. `approximate: true` marks the ones
 * that are a best guess (possibly 2–3 km off); verify those before using them for anything finer.
 * Outside seeds (domain brief §3.5).
 */

export type RegionSlug =
  | 'gorenjska' | 'osrednjeslovenska' | 'goriska' | 'obalno-kraska' | 'primorsko-notranjska'
  | 'jugovzhodna-slovenija' | 'posavska' | 'zasavska' | 'savinjska' | 'koroska' | 'podravska' | 'pomurska';

export interface Place {
  /** kebab-case, folded: "skofja-loka", "bohinjska-bistrica". */
  readonly code: string;
  /** Official name with diacritics. */
  readonly name: string;
  readonly region: RegionSlug;
  readonly lat: number;
  readonly lon: number;
  /** The municipality: its own code for a municipality, the seat's municipality for a settlement. */
  readonly municipalityCode: string;
  readonly kind: 'municipality' | 'settlement';
  /** The coordinates are a best guess (see the file comment). */
  readonly approximate: boolean;
}

type MunicipalityRow = readonly [code: string, name: string, region: RegionSlug, lat: number, lon: number, approximate: boolean, aliases?: readonly string[]];
type SettlementRow = readonly [name: string, municipalityCode: string, lat: number, lon: number, approximate: boolean, aliases?: readonly string[]];

/** Colloquial names and other spellings of the 18 Gorenjska municipalities (their rows come from MUNICIPALITIES). */
const GORENJSKA_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'skofja-loka': ['Loka', 'Škofja Loka', 'Skofja Loka'],
  radovljica: ['Radolca'],
  'gorenja-vas-poljane': ['Gorenja vas - Poljane', 'Gorenja vas Poljane', 'Občina Gorenja vas-Poljane'],
  'cerklje-na-gorenjskem': ['Cerklje'],
  'kranjska-gora': ['Kranjska gora'],
  sencur: ['Šenčurju', 'Šenčurja'],
};

const OTHER_MUNICIPALITIES: readonly MunicipalityRow[] = [
  // Osrednjeslovenska (Ljubljana urban region); Kamnik, Komenda, Vodice, Medvode, Dobrova–Polhov Gradec border Gorenjska
  ['ljubljana', 'Ljubljana', 'osrednjeslovenska', 46.05, 14.51, false, ['LJ', 'Ljubljano', 'prestolnica']],
  ['borovnica', 'Borovnica', 'osrednjeslovenska', 45.92, 14.36, true],
  ['brezovica', 'Brezovica', 'osrednjeslovenska', 46.03, 14.41, true],
  ['dobrepolje', 'Dobrepolje', 'osrednjeslovenska', 45.85, 14.68, true],
  ['dobrova-polhov-gradec', 'Dobrova - Polhov Gradec', 'osrednjeslovenska', 46.06, 14.42, true, ['Polhov Gradec', 'Dobrova']],
  ['dol-pri-ljubljani', 'Dol pri Ljubljani', 'osrednjeslovenska', 46.09, 14.64, true],
  ['domzale', 'Domžale', 'osrednjeslovenska', 46.14, 14.59, false],
  ['grosuplje', 'Grosuplje', 'osrednjeslovenska', 45.96, 14.66, false],
  ['horjul', 'Horjul', 'osrednjeslovenska', 46.02, 14.30, true],
  ['ig', 'Ig', 'osrednjeslovenska', 45.96, 14.53, true, ['Igu', 'Iga']],
  ['ivancna-gorica', 'Ivančna Gorica', 'osrednjeslovenska', 45.94, 14.80, true],
  ['kamnik', 'Kamnik', 'osrednjeslovenska', 46.23, 14.61, false],
  ['komenda', 'Komenda', 'osrednjeslovenska', 46.20, 14.54, true],
  ['litija', 'Litija', 'osrednjeslovenska', 46.06, 14.83, false],
  ['log-dragomer', 'Log - Dragomer', 'osrednjeslovenska', 46.02, 14.37, true],
  ['logatec', 'Logatec', 'osrednjeslovenska', 45.92, 14.23, true],
  ['lukovica', 'Lukovica', 'osrednjeslovenska', 46.17, 14.69, true],
  ['medvode', 'Medvode', 'osrednjeslovenska', 46.14, 14.41, false],
  ['menges', 'Mengeš', 'osrednjeslovenska', 46.17, 14.57, true, ['Mengšu', 'Mengša']],
  ['moravce', 'Moravče', 'osrednjeslovenska', 46.14, 14.75, true],
  ['skofljica', 'Škofljica', 'osrednjeslovenska', 45.98, 14.58, true],
  ['smartno-pri-litiji', 'Šmartno pri Litiji', 'osrednjeslovenska', 46.04, 14.84, true],
  ['trzin', 'Trzin', 'osrednjeslovenska', 46.13, 14.56, true],
  ['velike-lasce', 'Velike Lašče', 'osrednjeslovenska', 45.83, 14.64, true],
  ['vodice', 'Vodice', 'osrednjeslovenska', 46.19, 14.49, true],
  ['vrhnika', 'Vrhnika', 'osrednjeslovenska', 45.96, 14.30, false],
  // Goriška (Idrija, Cerkno, Tolmin, Bovec border Gorenjska)
  ['nova-gorica', 'Nova Gorica', 'goriska', 45.96, 13.65, false],
  ['ajdovscina', 'Ajdovščina', 'goriska', 45.89, 13.91, false],
  ['bovec', 'Bovec', 'goriska', 46.34, 13.55, false],
  ['brda', 'Brda', 'goriska', 45.99, 13.53, true, ['Goriška Brda']],
  ['cerkno', 'Cerkno', 'goriska', 46.13, 13.99, false],
  ['idrija', 'Idrija', 'goriska', 46.00, 14.03, false],
  ['kanal', 'Kanal ob Soči', 'goriska', 46.09, 13.64, true, ['Kanal']],
  ['kobarid', 'Kobarid', 'goriska', 46.25, 13.58, false],
  ['miren-kostanjevica', 'Miren - Kostanjevica', 'goriska', 45.90, 13.61, true, ['Miren']],
  ['sempeter-vrtojba', 'Šempeter - Vrtojba', 'goriska', 45.93, 13.64, true, ['Šempeter pri Gorici']],
  ['tolmin', 'Tolmin', 'goriska', 46.18, 13.73, false],
  ['vipava', 'Vipava', 'goriska', 45.85, 13.96, true],
  // Obalno-kraška
  ['koper', 'Koper', 'obalno-kraska', 45.55, 13.73, false, ['Kopru', 'Kopra']],
  ['izola', 'Izola', 'obalno-kraska', 45.54, 13.66, false],
  ['piran', 'Piran', 'obalno-kraska', 45.53, 13.57, false, ['Portorož']],
  ['ankaran', 'Ankaran', 'obalno-kraska', 45.58, 13.74, true],
  ['sezana', 'Sežana', 'obalno-kraska', 45.71, 13.87, false],
  ['divaca', 'Divača', 'obalno-kraska', 45.68, 13.97, true],
  ['hrpelje-kozina', 'Hrpelje - Kozina', 'obalno-kraska', 45.61, 13.94, true, ['Kozina', 'Hrpelje']],
  ['komen', 'Komen', 'obalno-kraska', 45.82, 13.75, true, ['Komnu', 'Komna']],
  // Primorsko-notranjska
  ['postojna', 'Postojna', 'primorsko-notranjska', 45.78, 14.21, false],
  ['cerknica', 'Cerknica', 'primorsko-notranjska', 45.79, 14.36, false],
  ['pivka', 'Pivka', 'primorsko-notranjska', 45.68, 14.20, true],
  ['ilirska-bistrica', 'Ilirska Bistrica', 'primorsko-notranjska', 45.57, 14.24, false],
  ['loska-dolina', 'Loška dolina', 'primorsko-notranjska', 45.71, 14.47, true, ['Stari trg pri Ložu']],
  ['bloke', 'Bloke', 'primorsko-notranjska', 45.77, 14.51, true],
  // Jugovzhodna Slovenija
  ['novo-mesto', 'Novo mesto', 'jugovzhodna-slovenija', 45.80, 15.17, false],
  ['kocevje', 'Kočevje', 'jugovzhodna-slovenija', 45.64, 14.86, false],
  ['ribnica', 'Ribnica', 'jugovzhodna-slovenija', 45.74, 14.73, false],
  ['crnomelj', 'Črnomelj', 'jugovzhodna-slovenija', 45.57, 15.19, false],
  ['metlika', 'Metlika', 'jugovzhodna-slovenija', 45.65, 15.31, false],
  ['trebnje', 'Trebnje', 'jugovzhodna-slovenija', 45.90, 15.01, true],
  ['semic', 'Semič', 'jugovzhodna-slovenija', 45.65, 15.18, true],
  ['sentjernej', 'Šentjernej', 'jugovzhodna-slovenija', 45.84, 15.34, true],
  ['dolenjske-toplice', 'Dolenjske Toplice', 'jugovzhodna-slovenija', 45.76, 15.06, true],
  ['zuzemberk', 'Žužemberk', 'jugovzhodna-slovenija', 45.83, 14.93, true],
  ['sodrazica', 'Sodražica', 'jugovzhodna-slovenija', 45.76, 14.64, true],
  // Posavska
  ['krsko', 'Krško', 'posavska', 45.96, 15.49, false],
  ['brezice', 'Brežice', 'posavska', 45.90, 15.59, false],
  ['sevnica', 'Sevnica', 'posavska', 46.01, 15.31, false],
  ['kostanjevica-na-krki', 'Kostanjevica na Krki', 'posavska', 45.85, 15.42, true],
  ['radece', 'Radeče', 'posavska', 46.07, 15.18, true],
  // Zasavska
  ['trbovlje', 'Trbovlje', 'zasavska', 46.15, 15.05, false],
  ['zagorje-ob-savi', 'Zagorje ob Savi', 'zasavska', 46.13, 14.99, false, ['Zagorje']],
  ['hrastnik', 'Hrastnik', 'zasavska', 46.14, 15.08, true],
  // Savinjska (Solčava borders Jezersko)
  ['celje', 'Celje', 'savinjska', 46.23, 15.26, false],
  ['velenje', 'Velenje', 'savinjska', 46.36, 15.11, false],
  ['zalec', 'Žalec', 'savinjska', 46.25, 15.16, false],
  ['sostanj', 'Šoštanj', 'savinjska', 46.38, 15.05, true],
  ['lasko', 'Laško', 'savinjska', 46.15, 15.24, false],
  ['slovenske-konjice', 'Slovenske Konjice', 'savinjska', 46.34, 15.42, true],
  ['rogaska-slatina', 'Rogaška Slatina', 'savinjska', 46.24, 15.64, true],
  ['sentjur', 'Šentjur', 'savinjska', 46.22, 15.40, true],
  ['mozirje', 'Mozirje', 'savinjska', 46.34, 14.96, true],
  ['solcava', 'Solčava', 'savinjska', 46.42, 14.69, true, ['Logarska dolina']],
  ['luce', 'Luče', 'savinjska', 46.36, 14.75, true],
  ['ljubno', 'Ljubno', 'savinjska', 46.34, 14.83, true, ['Ljubno ob Savinji']],
  ['gornji-grad', 'Gornji Grad', 'savinjska', 46.30, 14.81, true],
  ['nazarje', 'Nazarje', 'savinjska', 46.32, 14.95, true],
  ['smarje-pri-jelsah', 'Šmarje pri Jelšah', 'savinjska', 46.23, 15.52, true],
  ['vransko', 'Vransko', 'savinjska', 46.24, 14.95, true],
  // Koroška
  ['slovenj-gradec', 'Slovenj Gradec', 'koroska', 46.51, 15.08, false],
  ['ravne-na-koroskem', 'Ravne na Koroškem', 'koroska', 46.54, 14.97, false, ['Ravne']],
  ['dravograd', 'Dravograd', 'koroska', 46.59, 15.02, false],
  ['prevalje', 'Prevalje', 'koroska', 46.55, 14.92, true],
  ['mezica', 'Mežica', 'koroska', 46.52, 14.85, true],
  ['crna-na-koroskem', 'Črna na Koroškem', 'koroska', 46.47, 14.85, true],
  ['radlje-ob-dravi', 'Radlje ob Dravi', 'koroska', 46.61, 15.22, true],
  // Podravska
  ['maribor', 'Maribor', 'podravska', 46.56, 15.65, false],
  ['ptuj', 'Ptuj', 'podravska', 46.42, 15.87, false],
  ['ormoz', 'Ormož', 'podravska', 46.41, 16.15, false],
  ['slovenska-bistrica', 'Slovenska Bistrica', 'podravska', 46.39, 15.57, false],
  ['lenart', 'Lenart', 'podravska', 46.58, 15.83, true, ['Lenart v Slovenskih goricah']],
  ['ruse', 'Ruše', 'podravska', 46.54, 15.52, true],
  ['pesnica', 'Pesnica', 'podravska', 46.61, 15.68, true],
  // Pomurska
  ['murska-sobota', 'Murska Sobota', 'pomurska', 46.66, 16.17, false, ['Sobota']],
  ['lendava', 'Lendava', 'pomurska', 46.56, 16.45, false],
  ['ljutomer', 'Ljutomer', 'pomurska', 46.52, 16.20, false],
  ['gornja-radgona', 'Gornja Radgona', 'pomurska', 46.67, 15.99, false],
  ['radenci', 'Radenci', 'pomurska', 46.64, 16.04, true],
  ['moravske-toplice', 'Moravske Toplice', 'pomurska', 46.68, 16.22, true],
  ['beltinci', 'Beltinci', 'pomurska', 46.61, 16.24, true],
];

/** Settlements of Gorenjska (and a few around it) → their municipality. */
const SETTLEMENTS: readonly SettlementRow[] = [
  // Radovljica
  ['Lesce', 'radovljica', 46.36, 14.16, false],
  ['Begunje na Gorenjskem', 'radovljica', 46.37, 14.21, false, ['Begunje']],
  ['Kropa', 'radovljica', 46.29, 14.20, false],
  ['Kamna Gorica', 'radovljica', 46.31, 14.19, true],
  ['Lipnica', 'radovljica', 46.32, 14.18, true],
  ['Brezje', 'radovljica', 46.33, 14.23, false],
  ['Mošnje', 'radovljica', 46.35, 14.23, true],
  ['Podnart', 'radovljica', 46.29, 14.25, true],
  ['Lancovo', 'radovljica', 46.33, 14.18, true],
  // Bled
  ['Ribno', 'bled', 46.35, 14.12, true],
  ['Bohinjska Bela', 'bled', 46.34, 14.06, true],
  ['Zasip', 'bled', 46.39, 14.10, true],
  ['Mlino', 'bled', 46.36, 14.10, true],
  ['Koritno', 'bled', 46.35, 14.10, true],
  // Gorje
  ['Zgornje Gorje', 'gorje', 46.38, 14.07, false],
  ['Spodnje Gorje', 'gorje', 46.38, 14.08, true],
  ['Podhom', 'gorje', 46.38, 14.09, true],
  ['Krnica', 'gorje', 46.40, 14.05, true],
  // Žirovnica
  ['Breznica', 'zirovnica', 46.40, 14.15, false],
  ['Vrba', 'zirovnica', 46.39, 14.17, true],
  ['Zabreznica', 'zirovnica', 46.41, 14.15, true],
  ['Moste', 'zirovnica', 46.41, 14.16, true],
  ['Smokuč', 'zirovnica', 46.41, 14.17, true],
  // Jesenice
  ['Koroška Bela', 'jesenice', 46.43, 14.10, true],
  ['Hrušica', 'jesenice', 46.46, 14.01, true],
  ['Blejska Dobrava', 'jesenice', 46.40, 14.11, true],
  ['Slovenski Javornik', 'jesenice', 46.43, 14.08, true, ['Javornik']],
  ['Planina pod Golico', 'jesenice', 46.48, 14.05, true],
  // Kranjska Gora
  ['Mojstrana', 'kranjska-gora', 46.46, 13.94, false],
  ['Dovje', 'kranjska-gora', 46.46, 13.96, true],
  ['Rateče', 'kranjska-gora', 46.50, 13.72, true, ['Planica']],
  ['Gozd Martuljek', 'kranjska-gora', 46.48, 13.84, true, ['Martuljek']],
  ['Podkoren', 'kranjska-gora', 46.49, 13.76, true],
  // Bohinj
  ['Bohinjska Bistrica', 'bohinj', 46.27, 13.95, false],
  ['Stara Fužina', 'bohinj', 46.29, 13.89, true],
  ['Ribčev Laz', 'bohinj', 46.28, 13.88, true],
  ['Srednja vas v Bohinju', 'bohinj', 46.29, 13.92, true],
  ['Ukanc', 'bohinj', 46.28, 13.84, true],
  ['Studor', 'bohinj', 46.29, 13.91, true],
  ['Nomenj', 'bohinj', 46.27, 13.99, true],
  // Kranj
  ['Stražišče', 'kranj', 46.24, 14.34, true],
  ['Primskovo', 'kranj', 46.25, 14.37, true],
  ['Kokrica', 'kranj', 46.26, 14.36, true],
  ['Britof', 'kranj', 46.27, 14.38, true],
  ['Golnik', 'kranj', 46.33, 14.33, true],
  ['Predoslje', 'kranj', 46.27, 14.39, true],
  ['Bitnje', 'kranj', 46.23, 14.32, true],
  ['Čirče', 'kranj', 46.24, 14.39, true],
  ['Mavčiče', 'kranj', 46.19, 14.36, true],
  ['Žabnica', 'kranj', 46.21, 14.31, true],
  // Naklo
  ['Duplje', 'naklo', 46.30, 14.32, true],
  ['Podbrezje', 'naklo', 46.32, 14.30, true],
  ['Strahinj', 'naklo', 46.28, 14.32, true],
  // Tržič
  ['Križe', 'trzic', 46.34, 14.34, true],
  ['Bistrica pri Tržiču', 'trzic', 46.35, 14.31, true],
  ['Kovor', 'trzic', 46.34, 14.33, true],
  ['Podljubelj', 'trzic', 46.39, 14.29, true],
  ['Lom pod Storžičem', 'trzic', 46.37, 14.36, true],
  // Cerklje na Gorenjskem
  ['Brnik', 'cerklje-na-gorenjskem', 46.22, 14.46, true, ['Spodnji Brnik', 'Zgornji Brnik', 'letališče Brnik']],
  ['Velesovo', 'cerklje-na-gorenjskem', 46.24, 14.47, true],
  // Šenčur
  ['Visoko', 'sencur', 46.26, 14.43, true],
  ['Voklo', 'sencur', 46.24, 14.40, true],
  ['Voglje', 'sencur', 46.23, 14.44, true],
  ['Trboje', 'sencur', 46.21, 14.37, true],
  ['Olševek', 'sencur', 46.29, 14.45, true],
  // Preddvor
  ['Kokra', 'preddvor', 46.33, 14.49, true],
  ['Bašelj', 'preddvor', 46.31, 14.44, true],
  ['Tupaliče', 'preddvor', 46.29, 14.41, true],
  // Jezersko (its only settlement); Spodnje Jezersko below it belongs to Preddvor
  ['Zgornje Jezersko', 'jezersko', 46.39, 14.51, false],
  ['Spodnje Jezersko', 'preddvor', 46.37, 14.50, true],
  // Škofja Loka
  ['Trata', 'skofja-loka', 46.16, 14.33, true],
  ['Stara Loka', 'skofja-loka', 46.17, 14.30, true],
  ['Puštal', 'skofja-loka', 46.16, 14.30, true],
  ['Reteče', 'skofja-loka', 46.15, 14.36, true],
  ['Godešič', 'skofja-loka', 46.15, 14.36, true],
  ['Bodovlje', 'skofja-loka', 46.17, 14.26, true],
  ['Log nad Škofjo Loko', 'skofja-loka', 46.17, 14.28, true, ['Log']],
  // Železniki
  ['Selca', 'zelezniki', 46.21, 14.22, true],
  ['Dražgoše', 'zelezniki', 46.24, 14.17, true],
  ['Davča', 'zelezniki', 46.19, 14.06, true],
  ['Sorica', 'zelezniki', 46.22, 14.03, true, ['Zgornja Sorica', 'Spodnja Sorica']],
  ['Zali Log', 'zelezniki', 46.20, 14.08, true],
  ['Rudno', 'zelezniki', 46.23, 14.15, true],
  // Gorenja vas–Poljane
  ['Gorenja vas', 'gorenja-vas-poljane', 46.11, 14.15, false],
  ['Poljane nad Škofjo Loko', 'gorenja-vas-poljane', 46.12, 14.19, true, ['Poljane']],
  ['Hotavlje', 'gorenja-vas-poljane', 46.10, 14.12, true],
  ['Trebija', 'gorenja-vas-poljane', 46.13, 14.11, true],
  ['Sovodenj', 'gorenja-vas-poljane', 46.09, 14.05, true],
  ['Lučine', 'gorenja-vas-poljane', 46.09, 14.20, true],
  ['Javorje', 'gorenja-vas-poljane', 46.15, 14.18, true],
  ['Todraž', 'gorenja-vas-poljane', 46.09, 14.15, true],
  // Žiri
  ['Dobračeva', 'ziri', 46.05, 14.12, true],
];

/**
 * Known limitation: the guard is by stem, so "Visoka šola" after a preposition reads as the
 * settlement Visoko, and "Bled" without a preposition ("turizem Bled") is not found.
 *
 * Names that are also ordinary words (a meadow, a willow, "pale", "high", "calm", "parents", a
 * channel, "woe", crosses, an English verb...). In free text (`placesIn`) they count only when
 * capitalised AND right after a preposition ("v Logu", "na Bledu", "in Bled", "iz Vrbe").
 * `resolvePlace`, which is given a place field, accepts them as they are.
 */
export const GUARDED_PLACE_NAMES: readonly string[] = [
  'Bled', 'Log', 'Loka', 'Trata', 'Visoko', 'Selca', 'Vrba', 'Moste', 'Brda', 'Kanal', 'Bloke', 'Vodice', 'Borovnica',
  'Ig', 'Rudno', 'Kokra', 'Pivka', 'Luče', 'Britof', 'Zasip', 'Ribno', 'Koritno', 'Krnica', 'Javorje', 'Voglje',
  'Gorje', 'Križe', 'Duplje', 'Naklo', 'Poljane', 'Miren', 'Ravne', 'Sobota', 'Dobrova', 'Javornik', 'Planica',
  'Lenart', 'Zagorje', 'Cerklje', 'Begunje', 'Kropa', 'Lipnica', 'Studor', 'Mlino', 'Dovje', 'Golnik', 'Komen',
];

/** Words dropped before a place name: prepositions (sl/en) and "občina". */
const LEADING_WORDS = new Set([
  'v', 'na', 'iz', 'z', 's', 'pri', 'od', 'do', 'k', 'h', 'proti', 'ob', 'blizu', 'okolica', 'okolici', 'okolice',
  'obcina', 'obcine', 'obcini', 'obcino', 'mestna', 'mestne', 'mestni', 'mestno',
  'in', 'at', 'near', 'from', 'to', 'around', 'the', 'municipality', 'of', 'town', 'city',
]);
const PREPOSITIONS = new Set(['v', 'na', 'iz', 'z', 's', 'pri', 'od', 'do', 'k', 'h', 'proti', 'blizu', 'in', 'at', 'near', 'from', 'to', 'around']);

function placeKey(tokens: readonly string[]): string {
  return tokens.map(stem).join(' ');
}

function slug(name: string): string {
  return tokenize(name).join('-');
}

interface Gazetteer {
  readonly places: readonly Place[];
  readonly byCode: ReadonlyMap<string, Place>;
  /** Stemmed name/alias key → places, municipalities first. */
  readonly byKey: ReadonlyMap<string, readonly Place[]>;
  readonly guardedKeys: ReadonlySet<string>;
  readonly longestName: number;
}

function build(): Gazetteer {
  const places: Place[] = [];
  const aliases = new Map<string, readonly string[]>();
  for (const m of MUNICIPALITIES) {
    places.push({ code: m.code, name: m.name, region: 'gorenjska', lat: m.lat, lon: m.lon, municipalityCode: m.code, kind: 'municipality', approximate: false });
    aliases.set(m.code, GORENJSKA_ALIASES[m.code] ?? []);
  }
  const ljubljana = OTHER_PLACES.find((p) => p.code === 'ljubljana');
  for (const [code, name, region, lat, lon, approximate, extra] of OTHER_MUNICIPALITIES) {
    const coords = code === 'ljubljana' && ljubljana ? { lat: ljubljana.lat, lon: ljubljana.lon } : { lat, lon };
    places.push({ code, name, region, ...coords, municipalityCode: code, kind: 'municipality', approximate });
    aliases.set(code, extra ?? []);
  }
  const regionOf = new Map(places.map((p) => [p.code, p.region]));
  for (const [name, municipalityCode, lat, lon, approximate, extra] of SETTLEMENTS) {
    const code = slug(name);
    places.push({ code, name, region: regionOf.get(municipalityCode) ?? 'gorenjska', lat, lon, municipalityCode, kind: 'settlement', approximate });
    aliases.set(code, extra ?? []);
  }

  const byCode = new Map(places.map((p) => [p.code, p]));
  const byKey = new Map<string, Place[]>();
  let longestName = 1;
  for (const place of places) {
    for (const spelling of [place.name, place.code, ...(aliases.get(place.code) ?? [])]) {
      const tokens = tokenize(spelling).filter((t, i) => i > 0 || !LEADING_WORDS.has(t));
      if (tokens.length === 0) continue;
      longestName = Math.max(longestName, tokens.length);
      const key = placeKey(tokens);
      const list = byKey.get(key) ?? [];
      if (!list.includes(place)) list.push(place);
      byKey.set(key, list);
    }
  }
  // Ambiguous spellings prefer the municipality, then Gorenjska, then list order.
  for (const list of byKey.values()) {
    list.sort((a, b) => Number(b.kind === 'municipality') - Number(a.kind === 'municipality')
      || Number(b.region === 'gorenjska') - Number(a.region === 'gorenjska'));
  }
  const guardedKeys = new Set(GUARDED_PLACE_NAMES.map((n) => placeKey(tokenize(n))));
  return { places, byCode, byKey, guardedKeys, longestName };
}

let gazetteer: Gazetteer | null = null;
function gaz(): Gazetteer {
  gazetteer ??= build();
  return gazetteer;
}

/** Every place of the gazetteer: municipalities first, then settlements. */
export function allPlaces(): readonly Place[] {
  return gaz().places;
}

/** The place with this code (municipality or settlement), or null. */
export function placeByCode(code: string): Place | null {
  return gaz().byCode.get(code) ?? null;
}

/**
 * The place a person means by `input`: any case, with or without diacritics, extra spaces, hyphens
 * or dashes, a leading preposition or "občina", and case forms ("v Škofji Loki", "Kranju",
 * "na Jesenicah", "iz Radovljice", "Jezerskem"), colloquial names ("Loka", "Radolca") and codes
 * ("skofja-loka"). A settlement resolves to itself with its municipality's code. Where one
 * spelling fits several places the municipality wins, then the Gorenjska place. Null when unknown.
 */
export function resolvePlace(input: string): Place | null {
  const g = gaz();
  const trimmed = input.trim().toLowerCase();
  const byCode = g.byCode.get(trimmed);
  if (byCode) return byCode;
  const tokens = tokenize(input);
  let start = 0;
  while (start < tokens.length - 1 && LEADING_WORDS.has(tokens[start])) start += 1;
  const rest = tokens.slice(start);
  if (rest.length === 0) return null;
  return g.byKey.get(placeKey(rest))?.[0] ?? null;
}

interface Word {
  readonly raw: string;
  readonly stemmed: string;
  readonly capitalised: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Places mentioned in a free text ("delavnica bo v Škofji Loki", "on site in Kranj"), distinct, in
 * order of mention; the longest name wins ("Kranjska Gora" is not Kranj). Names in
 * GUARDED_PLACE_NAMES count only when capitalised and right after a preposition.
 */
export function placesIn(text: string): Place[] {
  const g = gaz();
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const capitalised = /^\p{Lu}/u.test(match[0]);
    for (const raw of tokenize(match[0])) words.push({ raw, stemmed: stem(raw), capitalised });
  }
  const found: Place[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    for (let n = Math.min(g.longestName, words.length - i); n >= 1 && matched === 0; n--) {
      const key = words.slice(i, i + n).map((w) => w.stemmed).join(' ');
      const place = g.byKey.get(key)?.[0];
      if (place === undefined) continue;
      if (g.guardedKeys.has(key) && !(words[i].capitalised && i > 0 && PREPOSITIONS.has(words[i - 1].raw))) continue;
      matched = n;
      if (!seen.has(place.code)) {
        seen.add(place.code);
        found.push(place);
      }
    }
    i += matched > 0 ? matched : 1;
  }
  return found;
}

/** Great-circle distance (haversine) in km between two places. */
export function placeDistanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Municipalities within `km` of the place `code`, nearest first. The place's own municipality is
 * left out (for a settlement too: nearbyMunicipalities('lesce', 5) lists Bled, not Radovljica).
 */
export function nearbyMunicipalities(code: string, km: number): Place[] {
  const from = placeByCode(code);
  if (from === null) return [];
  return gaz().places
    .filter((p) => p.kind === 'municipality' && p.code !== from.municipalityCode)
    .map((p) => ({ p, d: placeDistanceKm(from, p) }))
    .filter(({ d }) => d <= km)
    .sort((x, y) => x.d - y.d)
    .map(({ p }) => p);
}
