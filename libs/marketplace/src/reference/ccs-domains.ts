import { ReferenceTerm } from './reference.types.js';

/**
 * The fourteen core areas of the cultural and creative sector (KKS) as defined by the
 * Centre for Creativity (Center za kreativnost, CzK) and quoted in the Gorenjska CCI policy
 * (seed 002). Slovenian labels follow the seed wording (002:48-74, 897-905), in the nominative.
 */
const CZK_SOURCE = '002:48-74, 897-905';

export const CCS_DOMAINS: readonly ReferenceTerm[] = [
  { code: 'architecture', label: { sl: 'Arhitektura', en: 'Architecture' }, source: CZK_SOURCE },
  { code: 'advertising', label: { sl: 'Oglaševanje', en: 'Advertising' }, source: CZK_SOURCE },
  {
    code: 'design-visual-arts',
    label: { sl: 'Oblikovanje in vizualne umetnosti', en: 'Design and visual arts' },
    source: CZK_SOURCE,
  },
  { code: 'cultural-heritage', label: { sl: 'Kulturna dediščina', en: 'Cultural heritage' }, source: CZK_SOURCE },
  {
    code: 'archives-libraries',
    label: { sl: 'Arhivska dejavnost in knjižnična dejavnost', en: 'Archives and libraries' },
    source: CZK_SOURCE,
  },
  { code: 'books', label: { sl: 'Knjiga', en: 'Books and publishing' }, source: CZK_SOURCE },
  {
    code: 'cultural-arts-education',
    label: { sl: 'Kulturno-umetnostna vzgoja', en: 'Cultural and arts education' },
    source: CZK_SOURCE,
  },
  { code: 'music', label: { sl: 'Glasbene umetnosti', en: 'Music' }, source: CZK_SOURCE },
  {
    code: 'performing-intermedia-arts',
    label: { sl: 'Uprizoritvene in intermedijske umetnosti', en: 'Performing and intermedia arts' },
    source: CZK_SOURCE,
  },
  { code: 'media', label: { sl: 'Mediji', en: 'Media' }, source: CZK_SOURCE },
  {
    code: 'software-games',
    label: { sl: 'Programska oprema in igre', en: 'Software and games' },
    source: CZK_SOURCE,
  },
  {
    code: 'film-audiovisual',
    label: { sl: 'Film in avdiovizualna dejavnost', en: 'Film and audiovisual' },
    source: CZK_SOURCE,
  },
  { code: 'cultural-tourism', label: { sl: 'Kulturni turizem', en: 'Cultural tourism' }, source: CZK_SOURCE },
  {
    code: 'other-artistic-creation',
    label: { sl: 'Drugo umetniško ustvarjanje', en: 'Other artistic creation' },
    source: CZK_SOURCE,
  },
];
