import { ReferenceTerm } from './reference.types.js';

/** Materials. Entries the seeds only imply are marked "derived"; the rest not in the seeds "outside seeds". */
export const MATERIALS: readonly ReferenceTerm[] = [
  {
    code: 'leather',
    label: { sl: 'Usnje', en: 'Leather' },
    source: '000:2520-2526; 000:975-977',
  },
  {
    code: 'textile',
    label: { sl: 'Tekstil in blago', en: 'Textile and fabric' },
    source: '000:1135-1139 (blago Gorenjske predilnice); 002:1258-1266',
  },
  {
    code: 'yarn',
    label: { sl: 'Preja', en: 'Yarn' },
    source: 'derived from 000:1129-1143 and 001:469-471 (spinning mill)',
  },
  {
    code: 'textile-waste',
    label: { sl: 'Tekstilni odpadki', en: 'Textile waste' },
    source: '001:463 (waste material of a spinning mill)',
  },
  {
    code: 'cotton-linen',
    label: { sl: 'Bombaž in lan', en: 'Cotton and linen' },
    source: 'outside seeds',
  },
  {
    code: 'wool-felt',
    label: { sl: 'Volna in klobučevina', en: 'Wool and felt' },
    source: 'outside seeds (hat making, 000:1108-1110, implies felt)',
  },
  {
    code: 'indigo-dye',
    label: { sl: 'Indigo barvilo', en: 'Indigo dye' },
    source: '000:810-811, 875-877',
  },
  {
    code: 'wood',
    label: { sl: 'Les', en: 'Wood' },
    source: '000:414-416, 483-485, 975',
  },
  {
    code: 'iron-steel',
    label: { sl: 'Železo in jeklo', en: 'Iron and steel' },
    source: '000:414-416, 975-977; 004:153',
  },
  {
    code: 'rubber-polymers',
    label: { sl: 'Guma in polimeri', en: 'Rubber and polymers' },
    source: '000:975-977',
  },
  {
    code: 'electronic-components',
    label: { sl: 'Elektronske komponente', en: 'Electronic components' },
    source: 'derived from 002:2276-2280 (e-textiles) and 000:414-416 (elektro industry)',
  },
  {
    code: 'clay',
    label: { sl: 'Glina', en: 'Clay' },
    source: 'derived from 002:2288-2300 (ceramics)',
  },
  {
    code: 'paper',
    label: { sl: 'Papir', en: 'Paper' },
    source: 'outside seeds (collage, 002:2284-2292, implies it)',
  },
  {
    code: 'glass',
    label: { sl: 'Steklo', en: 'Glass' },
    source: 'outside seeds',
  },
];
