import { ReferenceTerm } from './reference.types.js';

/**
 * Crafts and artistic practices a creative can list on a profile.
 * Seed-grounded entries cite the seed lines (domain brief §3.1 and §3.3); a few common practices
 * that the seeds do not name are marked "outside seeds".
 * Lace (čipka) is deliberately absent: no seed mentions it (domain brief §7.10).
 */
export const CRAFTS: readonly ReferenceTerm[] = [
  {
    code: 'shoemaking',
    label: { sl: 'Čevljarstvo', en: 'Shoemaking' },
    source: '000:506-522, 2548-2552 (Tržič, Žiri, "Obrt in umetnost")',
  },
  {
    code: 'leatherwork',
    label: { sl: 'Usnjarstvo in obdelava usnja', en: 'Leatherwork' },
    source: '000:975-977 (čevljarsko/usnjarska industrija), 000:2520-2526 (modrotisk na usnju)',
  },
  {
    code: 'artistic-blacksmithing',
    label: { sl: 'Umetniško kovaštvo', en: 'Artistic blacksmithing' },
    source: '000:500-502 (UKO Kropa, kroparsko kovaštvo)',
  },
  {
    code: 'metalworking',
    label: { sl: 'Kovinarstvo', en: 'Metalworking' },
    source: '000:414-416, 483-485',
  },
  {
    code: 'textile-processing',
    label: { sl: 'Obdelava tekstila', en: 'Textile processing' },
    source: '002:2539-2543; 000:1108-1112',
  },
  {
    code: 'spinning',
    label: { sl: 'Predilstvo', en: 'Spinning' },
    source: '000:1129-1143; 001:469-471 (Gorenjska predilnica, spinning mill)',
  },
  {
    code: 'weaving',
    label: { sl: 'Tkanje', en: 'Weaving' },
    source: 'outside seeds (the seeds name the textile industry, 000:414-416, but not weaving as such)',
  },
  {
    code: 'sewing-tailoring',
    label: { sl: 'Šiviljstvo in krojaštvo', en: 'Sewing and tailoring' },
    source: 'outside seeds',
  },
  {
    code: 'hat-making',
    label: { sl: 'Izdelava klobukov', en: 'Hat making' },
    source: '000:1108-1110, 2540-2542 (Tovarna klobukov Šešir)',
  },
  {
    code: 'handicrafts',
    label: { sl: 'Rokodelstvo', en: 'Handicrafts (arts and crafts)' },
    source: '002:1278-1290, 2524-2526 (Rokodelski center DUO; OOZ Škofja Loka)',
  },
  {
    code: 'textile-art',
    label: { sl: 'Tekstilna umetnost', en: 'Textile art' },
    source: '002:2268-2280 (BIEN, bienale tekstilne umetnosti)',
  },
  {
    code: 'ceramics',
    label: { sl: 'Keramika', en: 'Ceramics' },
    source: '002:2288-2290, 2296-2300',
  },
  {
    code: 'woodworking',
    label: { sl: 'Obdelava lesa', en: 'Woodworking' },
    source: '000:414-416, 483-485, 975; 004:153 (lesarstvo)',
  },
  {
    code: 'furniture-making',
    label: { sl: 'Izdelava pohištva', en: 'Furniture making' },
    source: '000:444 (stol Rex); 002:2207 (mobilno pohištvo)',
  },
  {
    code: 'photography',
    label: { sl: 'Fotografija', en: 'Photography' },
    source: '002:2260, 2528-2532 (fotografske delavnice)',
  },
  {
    code: 'painting',
    label: { sl: 'Slikarstvo', en: 'Painting' },
    source: '002:2260, 2528-2532 (slikarske delavnice)',
  },
  {
    code: 'collage',
    label: { sl: 'Kolaž', en: 'Collage' },
    source: '002:2284-2292 (KAOS)',
  },
  {
    code: 'illustration',
    label: { sl: 'Ilustracija', en: 'Illustration' },
    source: '002:2288',
  },
  {
    code: 'printmaking',
    label: { sl: 'Grafika (umetniški tisk)', en: 'Printmaking' },
    source: 'outside seeds',
  },
  {
    code: 'jewellery-making',
    label: { sl: 'Izdelava nakita', en: 'Jewellery making' },
    source: 'outside seeds',
  },
];
