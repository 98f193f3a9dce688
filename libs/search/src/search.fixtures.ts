/** Test data for the search contract: a small bilingual Gorenjska catalogue. Not exported from index.ts. */
import type { IndexDefinition, SearchDocument } from './search.port.js';
import { normaliseForIndex } from './text/normalise.js';

export interface RawFixture {
  id: string;
  title: string;
  description: string;
  place: string;
  kind: 'challenge' | 'creative';
  disciplines: string[];
  municipality: string;
  language: string;
  createdAt?: number;
  budget?: number;
}

export function fixtureDefinition(name: string): IndexDefinition {
  return {
    name,
    searchableFields: ['title', 'place', 'description'],
    filterableFields: ['kind', 'disciplines', 'municipality', 'language'],
    sortableFields: ['createdAt', 'budget'],
  };
}

/**
 * Careful: contract assertions name these ids. Notable traps: c-alpina says "modrotisk" and
 * "usnje" but never "blueprint"/"leather"; cr-loka-blueprint is English only; cr-crna-keramika
 * has no budget (sorts last).
 */
export const RAW_FIXTURES: readonly RawFixture[] = [
  { id: 'c-alpina', title: 'Modrotisk na usnju za kolekcijo čevljev', description: 'Alpina išče oblikovalca, ki bi tradicionalni modrotisk prenesel na usnje za novo kolekcijo.', place: 'Žiri', kind: 'challenge', disciplines: ['textile', 'leather', 'footwear'], municipality: 'ziri', language: 'sl', createdAt: 1_000, budget: 8_000 },
  { id: 'cr-loka-blueprint', title: 'Blueprint textile studio', description: 'Indigo blueprint printing on linen, hand carved pear-wood blocks, small batches.', place: 'Škofja Loka', kind: 'creative', disciplines: ['textile'], municipality: 'skofja-loka', language: 'en', createdAt: 2_000, budget: 1_500 },
  { id: 'cr-kranj-keramika', title: 'Keramični atelje Kranj', description: 'Ročno izdelana keramika: skodelice, krožniki in vaze iz gorenjske gline.', place: 'Kranj', kind: 'creative', disciplines: ['ceramics'], municipality: 'kranj', language: 'sl', createdAt: 3_000, budget: 900 },
  { id: 'c-bled-ceramics', title: 'Ceramic tableware for a lakeside hotel', description: 'A Bled hotel wants handmade plates and cups for its restaurant.', place: 'Bled', kind: 'challenge', disciplines: ['ceramics', 'design'], municipality: 'bled', language: 'en', createdAt: 4_000, budget: 12_000 },
  { id: 'cr-crna-keramika', title: 'Črna keramika', description: 'Črni lonci, žgani v jami po starem postopku.', place: 'Kranj', kind: 'creative', disciplines: ['ceramics'], municipality: 'kranj', language: 'sl', createdAt: 5_000 },
  { id: 'c-trzic-predpasniki', title: 'Predpasniki za gostilno', description: 'Gostilna išče predpasnike iz tekstila z motivi modrotiska.', place: 'Tržič', kind: 'challenge', disciplines: ['textile'], municipality: 'trzic', language: 'sl', createdAt: 6_000, budget: 2_000 },
  { id: 'cr-trzic-usnje', title: 'Usnjene torbe in pasovi', description: 'Ročno šivani izdelki iz usnja, delavnica v starem mestnem jedru.', place: 'Tržič', kind: 'creative', disciplines: ['leather'], municipality: 'trzic', language: 'sl', createdAt: 7_000, budget: 3_000 },
  { id: 'cr-radovljica-foto', title: 'Produktna fotografija', description: 'Fotograf z lastnim studiem, fotografija izdelkov za spletne trgovine.', place: 'Radovljica', kind: 'creative', disciplines: ['photography'], municipality: 'radovljica', language: 'sl', createdAt: 8_000, budget: 600 },
  { id: 'c-loka-kozolec', title: 'Prenova kozolca', description: 'Občina išče arhitekta za prenovo kozolca na robu mesta.', place: 'Škofja Loka', kind: 'challenge', disciplines: ['architecture'], municipality: 'skofja-loka', language: 'sl', createdAt: 9_000, budget: 20_000 },
  { id: 'cr-kropa-kovastvo', title: 'Umetno kovaštvo', description: 'Kovane ograje, svečniki in okovje po naročilu.', place: 'Kropa', kind: 'creative', disciplines: ['blacksmithing'], municipality: 'radovljica', language: 'sl', createdAt: 10_000, budget: 4_000 },
  { id: 'c-kranj-startup', title: 'Brand design for a Kranj startup', description: 'We need a designer for our visual identity and packaging.', place: 'Kranj', kind: 'challenge', disciplines: ['design'], municipality: 'kranj', language: 'en', createdAt: 11_000, budget: 5_000 },
  { id: 'cr-zelezniki-cipka', title: 'Klekljana čipka', description: 'Sodobni vzorci klekljane čipke za modne dodatke.', place: 'Železniki', kind: 'creative', disciplines: ['textile', 'lace'], municipality: 'zelezniki', language: 'sl', createdAt: 12_000, budget: 700 },
  { id: 'c-ziri-photoshoot', title: 'Photography of handmade shoes', description: 'A shoemaker needs product photography for an online shop.', place: 'Žiri', kind: 'challenge', disciplines: ['photography', 'footwear'], municipality: 'ziri', language: 'en', createdAt: 13_000, budget: 1_200 },
  { id: 'cr-jesenice-nakit', title: 'Oblikovanje nakita', description: 'Unikatni nakit iz srebra in recikliranega stekla.', place: 'Jesenice', kind: 'creative', disciplines: ['jewellery', 'design'], municipality: 'jesenice', language: 'sl', createdAt: 14_000, budget: 800 },
  { id: 'c-kamnik-razstava', title: 'Razstava tekstilne dediščine', description: 'Muzej išče kustosa za razstavo o tekstilni dediščini regije.', place: 'Kamnik', kind: 'challenge', disciplines: ['textile', 'heritage'], municipality: 'kamnik', language: 'sl', createdAt: 15_000, budget: 6_000 },
];

export function toSearchDocument(raw: RawFixture): SearchDocument {
  const doc: SearchDocument = {
    id: raw.id,
    title: normaliseForIndex(raw.title),
    description: normaliseForIndex(raw.description),
    place: normaliseForIndex(raw.place),
    kind: raw.kind,
    disciplines: raw.disciplines,
    municipality: raw.municipality,
    language: raw.language,
  };
  if (raw.createdAt !== undefined) doc.createdAt = raw.createdAt;
  if (raw.budget !== undefined) doc.budget = raw.budget;
  return doc;
}

export const FIXTURE_DOCUMENTS: readonly SearchDocument[] = RAW_FIXTURES.map(toSearchDocument);
