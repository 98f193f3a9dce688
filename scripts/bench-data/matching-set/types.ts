/**
 * Shapes of the independent matching set (see rubric.md). Practice keys and place keys are the
 * set's own ground truth: they are never sent to the API and are not the product's codes.
 */

/** What a person actually does, as a juror would classify it. Kept independent of the product's vocabulary. */
export const PRACTICES = [
  'footwear', 'leatherwork', 'blueprint', 'textile-print', 'weaving', 'knitting', 'textile-upcycling', 'fashion', 'lace',
  'woodcarving', 'furniture', 'forging', 'metal-design', 'glass', 'ceramics', 'folk-heritage-craft',
  'graphic-design', 'illustration', 'packaging', 'signage', 'photography', 'video', 'animation', 'podcast', 'oral-history',
  'exhibition-design', 'web', 'game', 'public-space', 'architecture', 'events', 'gastronomy', 'tourism', 'copywriting', 'social-media',
  // Hard negatives: the right words, the wrong craft.
  'upholstery', 'offset-print', 'welding-industrial', 'glazing', 'wedding-photo', 'it-support', 'catering', 'music',
] as const;
export type Practice = (typeof PRACTICES)[number];

export type CreativeKind = 'INDIVIDUAL' | 'STUDENT' | 'STUDIO_OR_FIRM' | 'SOLE_PROPRIETOR' | 'COLLECTIVE';
export type Availability = 'AVAILABLE' | 'LIMITED' | 'UNAVAILABLE';
export type Lang = 'sl' | 'en';
export interface Texts { sl?: string; en?: string }

/** Places the set uses; `gorenjska` is the region, `near` = within a reasonable daily commute of Gorenjska. */
export const PLACES = {
  kranj: { name: 'Kranj', region: 'gorenjska' },
  'skofja-loka': { name: 'Škofja Loka', region: 'gorenjska' },
  ziri: { name: 'Žiri', region: 'gorenjska' },
  zelezniki: { name: 'Železniki', region: 'gorenjska' },
  'gorenja-vas': { name: 'Gorenja vas - Poljane', region: 'gorenjska' },
  trzic: { name: 'Tržič', region: 'gorenjska' },
  radovljica: { name: 'Radovljica', region: 'gorenjska' },
  bled: { name: 'Bled', region: 'gorenjska' },
  bohinj: { name: 'Bohinj', region: 'gorenjska' },
  jesenice: { name: 'Jesenice', region: 'gorenjska' },
  'kranjska-gora': { name: 'Kranjska Gora', region: 'gorenjska' },
  zirovnica: { name: 'Žirovnica', region: 'gorenjska' },
  naklo: { name: 'Naklo', region: 'gorenjska' },
  sencur: { name: 'Šenčur', region: 'gorenjska' },
  cerklje: { name: 'Cerklje na Gorenjskem', region: 'gorenjska' },
  preddvor: { name: 'Preddvor', region: 'gorenjska' },
  medvode: { name: 'Medvode', region: 'near' },
  ljubljana: { name: 'Ljubljana', region: 'near' },
  maribor: { name: 'Maribor', region: 'far' },
  celje: { name: 'Celje', region: 'far' },
  koper: { name: 'Koper', region: 'far' },
  'nova-gorica': { name: 'Nova Gorica', region: 'far' },
  idrija: { name: 'Idrija', region: 'far' },
  vienna: { name: 'Wien', region: 'far' },
} as const;
export type PlaceKey = keyof typeof PLACES;

/** How much a brief needs a practice: 3 ideal, 2 good, 1 adjacent (unlisted: 0). */
export type NeedLevel = 1 | 2 | 3;

export interface BenchBrief {
  key: string;
  /** Who posts it (created through the API as this organisation). */
  organisation: { name: string; kind: 'COMPANY' | 'MUNICIPALITY' | 'MUSEUM' | 'TOURIST_ORGANISATION' | 'FACULTY' | 'NGO' | 'CREATIVE_CENTRE'; place: PlaceKey };
  challengeKind: 'INDUSTRY' | 'PUBLIC_SERVICE' | 'STUDENT_CONTEST' | 'TOURISM' | 'YOUTH_COMMUNITY';
  title: Texts;
  brief: Texts;
  /** Evaluation criteria as the organisation writes them (name, weight; weights add up to 100). */
  criteria: { name: Texts; weight: number }[];
  /** Optional product codes an organisation might pick (sent only if the API accepts them). */
  codes?: { domains?: string[]; techniques?: string[]; materials?: string[] };
  /** Sent to the API only where the schema has it; always applied by the grading. */
  eligibility?: {
    creativeKinds?: CreativeKind[];
    /** Municipality limit (applicants must be based in one of these). */
    municipalities?: PlaceKey[];
    /** Work on site: only people based in Gorenjska or next to it (region gorenjska/near) are eligible. */
    onSite?: boolean;
  };
  /** ISO 639-1; a profile without one of these languages is ineligible. */
  workingLanguages?: Lang[];
  /** Ground truth, never sent: the practices the brief needs and how much. */
  needs: Partial<Record<Practice, NeedLevel>>;
  /** Ground truth: a profile doing all of these (main or side) is ideal (3) even if each alone is less. */
  combo?: Practice[];
}

export interface PortfolioItem {
  title: Texts;
  description?: Texts;
  year?: number;
  client?: string;
  link?: string;
}

export interface BenchProfile {
  /** Stable key, also the e-mail local part. */
  key: string;
  displayName: string;
  kind: CreativeKind;
  /** The municipality as the person typed it. */
  municipality: string;
  languages: Lang[];
  availability: Availability;
  bio: Texts;
  crafts: string[];
  skills: string[];
  techniques: string[];
  portfolio: PortfolioItem[];
  /** Ground truth, never sent: where they are based, and what they really do (main first; `side` ones count one grade less). */
  truth: { place: PlaceKey; main: Practice[]; side: Practice[] };
}
