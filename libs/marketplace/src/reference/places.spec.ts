import { Taxonomy } from '../common/taxonomy.js';
import { ALL_PLACES, MUNICIPALITIES } from './municipalities.js';
import {
  allPlaces, GUARDED_PLACE_NAMES, nearbyMunicipalities, placeByCode, placeDistanceKm, placesIn, resolvePlace,
} from './places.js';

const municipalities = allPlaces().filter((p) => p.kind === 'municipality');
const settlements = allPlaces().filter((p) => p.kind === 'settlement');

describe('place gazetteer data', () => {
  it('holds at least 80 municipalities and 80 settlements with unique kebab codes', () => {
    expect(municipalities.length).toBeGreaterThanOrEqual(80);
    expect(settlements.length).toBeGreaterThanOrEqual(80);
    const codes = allPlaces().map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('keeps all 18 Gorenjska municipalities with their codes and coordinates, in region gorenjska', () => {
    for (const m of MUNICIPALITIES) {
      expect(placeByCode(m.code)).toMatchObject({ name: m.name, lat: m.lat, lon: m.lon, region: 'gorenjska', municipalityCode: m.code, kind: 'municipality' });
    }
    expect(municipalities.filter((p) => p.region === 'gorenjska')).toHaveLength(18);
  });

  it('places every settlement in a known municipality of its region, and every point inside Slovenia', () => {
    for (const s of settlements) {
      const municipality = placeByCode(s.municipalityCode);
      expect(municipality?.kind).toBe('municipality');
      expect(s.region).toBe(municipality?.region);
      // a settlement is near its municipality's seat (within 25 km)
      expect(placeDistanceKm(s, municipality ?? s)).toBeLessThan(25);
    }
    for (const p of allPlaces()) {
      expect(p.lat).toBeGreaterThan(45.4);
      expect(p.lat).toBeLessThan(46.9);
      expect(p.lon).toBeGreaterThan(13.3);
      expect(p.lon).toBeLessThan(16.7);
      expect(Math.round(p.lat * 100) / 100).toBe(p.lat);
      expect(Math.round(p.lon * 100) / 100).toBe(p.lon);
    }
  });

  it('covers every statistical region', () => {
    expect(new Set(municipalities.map((m) => m.region)).size).toBe(12);
  });
});

describe('resolvePlace', () => {
  it.each([
    ['Škofja Loka', 'skofja-loka'], ['skofja loka', 'skofja-loka'], ['SKOFJA LOKA', 'skofja-loka'], ['Loka', 'skofja-loka'],
    ['v Škofji Loki', 'skofja-loka'], ['iz Škofje Loke', 'skofja-loka'], ['skofja-loka', 'skofja-loka'], ['  Škofja   Loka ', 'skofja-loka'],
    ['Škofja-Loka', 'skofja-loka'], ['Občina Škofja Loka', 'skofja-loka'],
    ['Kranj', 'kranj'], ['Kranju', 'kranj'], ['v Kranju', 'kranj'], ['iz Kranja', 'kranj'], ['MO Kranj'.replace('MO ', 'Mestna občina '), 'kranj'],
    ['Bled', 'bled'], ['na Bledu', 'bled'], ['Bleda', 'bled'], ['z Bleda', 'bled'],
    ['Jesenice', 'jesenice'], ['na Jesenicah', 'jesenice'], ['z Jesenic', 'jesenice'],
    ['Žiri', 'ziri'], ['Ziri', 'ziri'], ['v Žireh', 'ziri'], ['iz Žirov', 'ziri'],
    ['Kranjska Gora', 'kranjska-gora'], ['v Kranjski Gori', 'kranjska-gora'], ['kranjska-gora', 'kranjska-gora'],
    ['Jezersko', 'jezersko'], ['Jezerskem', 'jezersko'], ['na Jezerskem', 'jezersko'],
    ['Preddvor', 'preddvor'], ['v Preddvoru', 'preddvor'],
    ['Radovljica', 'radovljica'], ['iz Radovljice', 'radovljica'], ['v Radovljici', 'radovljica'], ['Radolca', 'radovljica'],
    ['Gorenja vas-Poljane', 'gorenja-vas-poljane'], ['Gorenja vas – Poljane', 'gorenja-vas-poljane'], ['gorenja-vas-poljane', 'gorenja-vas-poljane'],
    ['Tržič', 'trzic'], ['v Tržiču', 'trzic'], ['Trzic', 'trzic'],
    ['Železniki', 'zelezniki'], ['v Železnikih', 'zelezniki'],
    ['Šenčur', 'sencur'], ['v Šenčurju', 'sencur'],
    ['Naklo', 'naklo'], ['v Naklem', 'naklo'],
    ['Cerklje na Gorenjskem', 'cerklje-na-gorenjskem'], ['v Cerkljah na Gorenjskem', 'cerklje-na-gorenjskem'],
    ['Gorje', 'gorje'], ['v Gorjah', 'gorje'], ['Bohinj', 'bohinj'], ['v Bohinju', 'bohinj'],
    ['Žirovnica', 'zirovnica'], ['na Žirovnici', 'zirovnica'],
    ['Ljubljana', 'ljubljana'], ['v Ljubljani', 'ljubljana'], ['Maribor', 'maribor'], ['v Mariboru', 'maribor'],
    ['Novo mesto', 'novo-mesto'], ['v Novem mestu', 'novo-mesto'], ['Kamnik', 'kamnik'], ['v Kamniku', 'kamnik'],
    ['Idrija', 'idrija'], ['v Idriji', 'idrija'], ['Murska Sobota', 'murska-sobota'], ['v Murski Soboti', 'murska-sobota'],
    ['Koper', 'koper'], ['v Kopru', 'koper'], ['na Igu', 'ig'], ['v Mengšu', 'menges'], ['v Bovcu', 'bovec'], ['v Logatcu', 'logatec'],
    ['v Slovenj Gradcu', 'slovenj-gradec'], ['v Žalcu', 'zalec'], ['na Ptuju', 'ptuj'], ['na Vranskem', 'vransko'], ['Celje', 'celje'], ['v Celju', 'celje'],
  ])('%j → municipality %s', (input, code) => {
    const place = resolvePlace(input);
    expect(place?.code).toBe(code);
    expect(place?.kind).toBe('municipality');
    expect(place?.municipalityCode).toBe(code);
  });

  it.each([
    ['Lesce', 'lesce', 'radovljica'], ['v Lescah', 'lesce', 'radovljica'],
    ['Begunje na Gorenjskem', 'begunje-na-gorenjskem', 'radovljica'], ['v Begunjah', 'begunje-na-gorenjskem', 'radovljica'],
    ['Kropa', 'kropa', 'radovljica'], ['v Kropi', 'kropa', 'radovljica'], ['Kamna Gorica', 'kamna-gorica', 'radovljica'],
    ['Brezje', 'brezje', 'radovljica'], ['na Brezjah', 'brezje', 'radovljica'],
    ['Mojstrana', 'mojstrana', 'kranjska-gora'], ['v Mojstrani', 'mojstrana', 'kranjska-gora'], ['Rateče', 'ratece', 'kranjska-gora'],
    ['Gozd Martuljek', 'gozd-martuljek', 'kranjska-gora'], ['Bohinjska Bistrica', 'bohinjska-bistrica', 'bohinj'],
    ['v Bohinjski Bistrici', 'bohinjska-bistrica', 'bohinj'], ['Stara Fužina', 'stara-fuzina', 'bohinj'], ['Ribčev Laz', 'ribcev-laz', 'bohinj'],
    ['Zgornje Gorje', 'zgornje-gorje', 'gorje'], ['Breznica', 'breznica', 'zirovnica'], ['Vrba', 'vrba', 'zirovnica'],
    ['Koroška Bela', 'koroska-bela', 'jesenice'], ['na Koroški Beli', 'koroska-bela', 'jesenice'], ['Hrušica', 'hrusica', 'jesenice'],
    ['Stražišče', 'strazisce', 'kranj'], ['Primskovo', 'primskovo', 'kranj'], ['na Golniku', 'golnik', 'kranj'],
    ['Duplje', 'duplje', 'naklo'], ['Križe', 'krize', 'trzic'], ['Bistrica pri Tržiču', 'bistrica-pri-trzicu', 'trzic'],
    ['Brnik', 'brnik', 'cerklje-na-gorenjskem'], ['na Brniku', 'brnik', 'cerklje-na-gorenjskem'], ['Visoko', 'visoko', 'sencur'],
    ['Poljane nad Škofjo Loko', 'poljane-nad-skofjo-loko', 'gorenja-vas-poljane'], ['Poljane', 'poljane-nad-skofjo-loko', 'gorenja-vas-poljane'],
    ['Gorenja vas', 'gorenja-vas', 'gorenja-vas-poljane'], ['v Gorenji vasi', 'gorenja-vas', 'gorenja-vas-poljane'],
    ['Trata', 'trata', 'skofja-loka'], ['Sorica', 'sorica', 'zelezniki'], ['Selca', 'selca', 'zelezniki'], ['v Selcih', 'selca', 'zelezniki'],
    ['Dražgoše', 'drazgose', 'zelezniki'], ['v Dražgošah', 'drazgose', 'zelezniki'], ['Davča', 'davca', 'zelezniki'],
    ['Log', 'log-nad-skofjo-loko', 'skofja-loka'], ['Zgornje Jezersko', 'zgornje-jezersko', 'jezersko'],
  ])('%j → settlement %s in %s', (input, code, municipalityCode) => {
    const place = resolvePlace(input);
    expect(place).toMatchObject({ code, municipalityCode, kind: 'settlement', region: 'gorenjska' });
  });

  it.each(['', '   ', 'Atlantida', 'v', 'na Luni', 'Kranjc', 'usnje', 'Springfield'])('%j resolves to nothing', (input) => {
    expect(resolvePlace(input)).toBeNull();
  });
});

describe('placesIn', () => {
  it('finds places in briefs in either language, longest name first', () => {
    expect(placesIn('Delavnica bo v Škofji Loki, gradivo pošljemo iz Kranja.').map((p) => p.code)).toEqual(['skofja-loka', 'kranj']);
    expect(placesIn('on site in Kranj, with a visit to Kranjska Gora').map((p) => p.code)).toEqual(['kranj', 'kranjska-gora']);
    expect(placesIn('Razstava v Kranjski Gori').map((p) => p.code)).toEqual(['kranjska-gora']);
    expect(placesIn('delavnice na Bledu in v Lescah').map((p) => p.code)).toEqual(['bled', 'lesce']);
  });

  it('reads guarded names only when capitalised after a preposition', () => {
    expect(placesIn('Srečanje bo v Logu.').map((p) => p.code)).toEqual(['log-nad-skofjo-loko']);
    expect(placesIn('a log of changes, the loka and vrba trees').map((p) => p.code)).toEqual([]);
    expect(placesIn('bled obraz; visoko nad dolino; trata za igro').map((p) => p.code)).toEqual([]);
    expect(placesIn('Bled je lep').map((p) => p.code)).toEqual([]);
    expect(placesIn('Festival na Bledu').map((p) => p.code)).toEqual(['bled']);
    for (const name of GUARDED_PLACE_NAMES) expect(resolvePlace(name)).not.toBeNull();
  });

  it('finds nothing in text without places', () => {
    expect(placesIn('Iščemo oblikovalca embalaže za nove čevlje.')).toEqual([]);
    expect(placesIn('')).toEqual([]);
  });
});

describe('distances and Taxonomy', () => {
  it('measures distances between places', () => {
    const kranj = resolvePlace('Kranj');
    const ziri = resolvePlace('Žiri');
    if (kranj === null || ziri === null) throw new Error('missing places');
    expect(placeDistanceKm(kranj, ziri)).toBeGreaterThan(20);
    expect(placeDistanceKm(kranj, ziri)).toBeLessThan(35);
    expect(placeDistanceKm(kranj, kranj)).toBe(0);
  });

  it('lists nearby municipalities, nearest first', () => {
    const near = nearbyMunicipalities('kranj', 12).map((p) => p.code);
    expect(near).toEqual(expect.arrayContaining(['naklo', 'sencur', 'preddvor']));
    expect(near).not.toContain('kranj');
    expect(near).not.toContain('maribor');
    const kranj = placeByCode('kranj');
    const distances = nearbyMunicipalities('kranj', 12).map((p) => placeDistanceKm(kranj ?? p, p));
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(nearbyMunicipalities('lesce', 5).map((p) => p.code)).toContain('bled');
    expect(nearbyMunicipalities('lesce', 5).map((p) => p.code)).not.toContain('radovljica');
    expect(nearbyMunicipalities('nowhere', 50)).toEqual([]);
  });

  it('Taxonomy.place answers every old code unchanged and the new codes too', () => {
    for (const p of ALL_PLACES) expect(Taxonomy.place(p.code)).toBe(p);
    expect(Taxonomy.place('maribor')).toMatchObject({ code: 'maribor', name: 'Maribor', namedInSeeds: false });
    expect(Taxonomy.place('lesce')?.name).toBe('Lesce');
    expect(Taxonomy.place('atlantis')).toBeNull();
    expect(Taxonomy.municipality('maribor', 'municipality')).toBe('maribor');
    // A settlement stands for its municipality.
    expect(Taxonomy.municipality('lesce', 'municipality')).toBe('radovljica');
    expect(Taxonomy.municipality('v Kropi', 'municipality')).toBe('radovljica');
    expect(() => Taxonomy.municipality('atlantis', 'municipality')).toThrow();
  });
});

describe('Taxonomy.municipality: places as people type them in a form', () => {
  it.each([
    ['Šk. Loka', 'skofja-loka'], ['šk.loka', 'skofja-loka'], ['MB', 'maribor'], ['Lj. - Šiška', 'ljubljana'], ['Poljanska dolina', 'gorenja-vas-poljane'],
    ['Voklo, Šenčur', 'sencur'], ['Jesenice, Gorenjska', 'jesenice'], ['Kranj (Primskovo)', 'kranj'], ['Stražišče pri Kranju', 'kranj'],
    ['Selška dolina, Železniki', 'zelezniki'], ['Stara Fužina, Bohinj', 'bohinj'], ['Dunaj', 'abroad-vienna'], ['Vienna', 'abroad-vienna'], ['v Kropi', 'radovljica'],
  ])('%s → %s', (typed, code) => {
    expect(Taxonomy.municipality(typed, 'municipality')).toBe(code);
  });

  it('still refuses what is no place', () => {
    for (const typed of ['Atlantida', 'xyz', '---']) expect(() => Taxonomy.municipality(typed, 'municipality')).toThrow(/unknown municipality/);
  });
});
