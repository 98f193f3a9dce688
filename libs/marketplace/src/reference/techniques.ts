import { ReferenceTerm } from './reference.types.js';

/**
 * Techniques. Modrotisk (blueprint) and indigo dyeing are the two techniques the seeds tie to the
 * demo challenges; the seeds use both words for the apron contest (domain brief §7.1), so both exist.
 */
export const TECHNIQUES: readonly ReferenceTerm[] = [
  {
    code: 'blueprint',
    label: { sl: 'Modrotisk', en: 'Blueprint (indigo resist printing)' },
    source: '000:2520-2526, 3046-3050; 001:459-461',
  },
  {
    code: 'indigo-dyeing',
    label: { sl: 'Indigo barvanje', en: 'Indigo dyeing' },
    source: '000:810-811, 875-877',
  },
  {
    code: 'natural-dyeing',
    label: { sl: 'Barvanje z naravnimi barvili', en: 'Natural dyeing' },
    source: 'outside seeds (generalisation of indigo dyeing, 000:875-877)',
  },
  {
    code: 'screen-printing',
    label: { sl: 'Sitotisk', en: 'Screen printing' },
    source: 'outside seeds',
  },
  {
    code: 'e-textiles',
    label: { sl: 'E-tekstil', en: 'E-textiles' },
    source: '002:2276-2280 (e-tekstilni laboratorij)',
  },
  {
    code: 'kinetic-ceramics',
    label: { sl: 'Kinetična keramika', en: 'Kinetic ceramics' },
    source: '002:2296-2300',
  },
  {
    code: 'wheel-throwing',
    label: { sl: 'Vrtenje na lončarskem vretenu', en: 'Wheel throwing' },
    source: 'outside seeds',
  },
  {
    code: 'hand-forging',
    label: { sl: 'Ročno kovanje', en: 'Hand forging' },
    source: '000:500-502 (kroparsko kovaštvo)',
  },
  {
    code: 'sole-making',
    label: { sl: 'Izdelava podplatov', en: 'Sole making' },
    source: '000:520-522 (PGP INDE, proizvodnja podplatov)',
  },
  {
    code: 'laser-engraving',
    label: { sl: 'Lasersko graviranje', en: 'Laser engraving' },
    source: 'outside seeds',
  },
  {
    code: 'upcycling',
    label: { sl: 'Ponovna uporaba odpadnih materialov (upcycling)', en: 'Upcycling of waste materials' },
    source: '001:463 (waste material of a spinning mill for home furnishing)',
  },
  {
    code: 'prototyping',
    label: { sl: 'Izdelava prototipov', en: 'Prototyping' },
    source: '002:2276-2280 (prototipi); 002:2207 (testiranje mobilnega pohištva)',
  },
  {
    code: 'digital-fabrication',
    label: { sl: 'Digitalna izdelava (3D-tisk, CNC)', en: 'Digital fabrication (3D printing, CNC)' },
    source: 'outside seeds',
  },
  {
    code: 'street-intervention',
    label: { sl: 'Ulične intervencije', en: 'Street interventions' },
    source: '002:2284-2288 (KAOS)',
  },
];
