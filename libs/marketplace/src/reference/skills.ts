import { ReferenceTerm } from './reference.types.js';

/**
 * Soft skills named in the x-Inno Radar concept (seed 004, domain brief §3.4).
 * Slovenian labels follow the Slovenian part of 004 where it names the skill.
 */
export const SOFT_SKILLS: readonly ReferenceTerm[] = [
  {
    code: 'critical-thinking',
    label: { sl: 'Kritično mišljenje', en: 'Critical thinking' },
    source: '004:37-39 (53 % of experts), 004:276-277, 979',
  },
  {
    code: 'communication',
    label: { sl: 'Komunikacija', en: 'Communication' },
    source: '004:37-43, 51-53, 937',
  },
  {
    code: 'intercultural-competence',
    label: { sl: 'Medkulturna kompetenca', en: 'Intercultural competence' },
    source: '004:37-39 (47 % of experts), 004:979 (medkulturna komunikacija)',
  },
  {
    code: 'teamwork',
    label: { sl: 'Timsko delo', en: 'Teamwork' },
    source: '004:55, 913, 939',
  },
  {
    code: 'problem-solving',
    label: { sl: 'Reševanje problemov', en: 'Problem solving' },
    source: '004:41-43, 57, 468, 979-980',
  },
  {
    code: 'creativity',
    label: { sl: 'Ustvarjalnost', en: 'Creativity' },
    source: '004:468, 937-939, 1055',
  },
  {
    code: 'initiative',
    label: { sl: 'Pobuda in samoiniciativnost', en: 'Initiative' },
    source: '004:468, 912-913, 939, 1056',
  },
  {
    code: 'empathy',
    label: { sl: 'Empatija', en: 'Empathy' },
    source: '004:937, 960',
  },
  {
    code: 'adaptability',
    label: { sl: 'Prilagodljivost', en: 'Adaptability' },
    source: '004:257, 263-265, 979',
  },
  {
    code: 'leadership',
    label: { sl: 'Vodenje', en: 'Leadership' },
    source: '004:279-280, 913, 1060',
  },
  {
    code: 'digital-literacy',
    label: { sl: 'Digitalna pismenost', en: 'Digital literacy' },
    source: '004:257, 269-271, 916',
  },
  {
    code: 'entrepreneurial-thinking',
    label: { sl: 'Podjetniško razmišljanje', en: 'Entrepreneurial thinking' },
    source: '004:266-268, 468-470, 916',
  },
  {
    code: 'financial-literacy',
    label: { sl: 'Finančna pismenost', en: 'Financial literacy' },
    source: '004:916-917, 1063',
  },
  {
    code: 'project-planning',
    label: { sl: 'Načrtovanje projektov', en: 'Project planning' },
    source: '004:913',
  },
  {
    code: 'networking',
    label: { sl: 'Sodelovanje in mreženje', en: 'Collaboration and networking' },
    source: '004:272-274, 623-624',
  },
  {
    code: 'public-speaking',
    label: { sl: 'Javno nastopanje', en: 'Public speaking' },
    source: '004:623-624',
  },
  {
    code: 'strategic-thinking',
    label: { sl: 'Strateško razmišljanje', en: 'Strategic thinking' },
    source: '004:279, 624-625, 1063',
  },
  {
    code: 'risk-taking',
    label: { sl: 'Prevzemanje tveganja', en: 'Risk taking' },
    source: '004:1056',
  },
  {
    code: 'lifelong-learning',
    label: { sl: 'Vseživljenjsko učenje', en: 'Lifelong learning' },
    source: '004:263',
  },
];

/**
 * Professional skills a creative profile needs. Most are general knowledge ("outside seeds");
 * where the seeds name the activity, the line range is cited.
 */
export const PROFESSIONAL_SKILLS: readonly ReferenceTerm[] = [
  {
    code: 'graphic-design',
    label: { sl: 'Grafično oblikovanje', en: 'Graphic design' },
    source: '000:1135-1137 (grafični oblikovalci)',
  },
  {
    code: 'product-design',
    label: { sl: 'Oblikovanje izdelkov', en: 'Product design' },
    source: '000:2448-2450 (oblikovalski natečaji za izdelke)',
  },
  {
    code: 'fashion-design',
    label: { sl: 'Modno oblikovanje', en: 'Fashion design' },
    source: 'outside seeds',
  },
  {
    code: 'footwear-design',
    label: { sl: 'Oblikovanje obutve', en: 'Footwear design' },
    source: '000:2520-2526; 001:988-989 (design of hiking shoes)',
  },
  {
    code: 'textile-design',
    label: { sl: 'Oblikovanje tekstilij', en: 'Textile design' },
    source: '002:1258-1266, 2268-2272',
  },
  {
    code: 'pattern-design',
    label: { sl: 'Oblikovanje vzorcev', en: 'Surface pattern design' },
    source: '000:3046-3050 (vzorec modrotiska)',
  },
  {
    code: 'illustration',
    label: { sl: 'Ilustracija', en: 'Illustration' },
    source: '002:2288',
  },
  {
    code: 'branding',
    label: { sl: 'Oblikovanje blagovnih znamk', en: 'Branding' },
    source: '000:1139-1143 (nove blagovne znamke), 000:2004-2018',
  },
  {
    code: 'ux-ui-design',
    label: { sl: 'Oblikovanje uporabniške izkušnje in vmesnikov (UX/UI)', en: 'UX/UI design' },
    source: 'outside seeds',
  },
  {
    code: 'cad-modelling',
    label: { sl: '3D-modeliranje in CAD', en: '3D modelling and CAD' },
    source: 'outside seeds',
  },
  {
    code: 'photography',
    label: { sl: 'Fotografija', en: 'Photography' },
    source: '002:2260, 2528-2532',
  },
  {
    code: 'video-production',
    label: { sl: 'Video produkcija', en: 'Video production' },
    source: '002:2288 (video)',
  },
  {
    code: 'copywriting',
    label: { sl: 'Pisanje besedil', en: 'Copywriting' },
    source: 'outside seeds',
  },
  {
    code: 'exhibition-design',
    label: { sl: 'Oblikovanje razstav', en: 'Exhibition design' },
    source: 'derived from 000:881-883, 1108-1112 (razstave, razstavni prostor)',
  },
  {
    code: 'interior-design',
    label: { sl: 'Notranje oblikovanje', en: 'Interior design' },
    source: '002:2270-2272 (notranja oprema)',
  },
  {
    code: 'architecture',
    label: { sl: 'Arhitektura', en: 'Architecture' },
    source: '000:1996-2000 (arhitekti), 000:3142',
  },
  {
    code: 'urban-design',
    label: { sl: 'Urbanizem in oblikovanje javnega prostora', en: 'Urban and public-space design' },
    source: '000:1996-2000 (urbanisti); 002:2202-2209 (Urbana akademija)',
  },
  {
    code: 'furniture-design',
    label: { sl: 'Oblikovanje pohištva', en: 'Furniture design' },
    source: '002:2207 (mobilno pohištvo)',
  },
  {
    code: 'game-development',
    label: { sl: 'Razvoj iger', en: 'Game development' },
    source: '002:48-74 (programska oprema in igre)',
  },
  {
    code: 'web-development',
    label: { sl: 'Razvoj spletnih strani in aplikacij', en: 'Web development' },
    source: 'outside seeds',
  },
  {
    code: 'marketing',
    label: { sl: 'Trženje', en: 'Marketing' },
    source: '000:1918-1924, 2530-2534',
  },
  {
    code: 'social-media',
    label: { sl: 'Upravljanje družbenih omrežij', en: 'Social media management' },
    source: 'outside seeds',
  },
  {
    code: 'heritage-interpretation',
    label: { sl: 'Interpretacija dediščine', en: 'Heritage interpretation' },
    source: '000:2215-2227',
  },
  {
    code: 'event-organisation',
    label: { sl: 'Organizacija dogodkov', en: 'Event organisation' },
    source: '002:2195-2196, 2237',
  },
  {
    code: 'workshop-facilitation',
    label: { sl: 'Vodenje delavnic', en: 'Workshop facilitation' },
    source: '000:2474-2478; 002:2539-2543',
  },
  {
    code: 'curating',
    label: { sl: 'Kuratorstvo', en: 'Curating' },
    source: 'outside seeds',
  },
  {
    code: 'sound-design',
    label: { sl: 'Oblikovanje zvoka in glasbena produkcija', en: 'Sound design and music production' },
    source: 'outside seeds',
  },
  {
    code: 'scenography',
    label: { sl: 'Scenografija', en: 'Scenography' },
    source: 'outside seeds',
  },
];

/** All skills a creative can list: soft skills first, then professional skills. */
export const SKILLS: readonly ReferenceTerm[] = [...SOFT_SKILLS, ...PROFESSIONAL_SKILLS];

/** Codes of the soft skills (a subset of SKILLS). */
export const SOFT_SKILL_CODES: readonly string[] = SOFT_SKILLS.map((t) => t.code);
