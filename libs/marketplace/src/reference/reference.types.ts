/** Bilingual label: every user-facing string exists in Slovenian and English. */
export interface Label {
  sl: string;
  en: string;
}

/** One entry of a controlled vocabulary: a stable code (kebab-case, ASCII) and its labels. */
export interface ReferenceTerm {
  code: string;
  label: Label;
  /** Seed citation(s), e.g. "000:2520-2526", or "outside seeds" where the brief says so. */
  source: string;
}

export interface Municipality {
  /** kebab-case ASCII, e.g. "skofja-loka". */
  code: string;
  /** Official name with diacritics, e.g. "Škofja Loka". */
  name: string;
  /** Approximate town-centre coordinates (WGS84), used later for distance within the region. */
  lat: number;
  lon: number;
  /** true if the five seed documents name it; false if it comes from the outside-seeds list. */
  namedInSeeds: boolean;
}

export enum OrganisationKind {
  Company = 'COMPANY',
  Municipality = 'MUNICIPALITY',
  Museum = 'MUSEUM',
  School = 'SCHOOL',
  Faculty = 'FACULTY',
  CreativeCentre = 'CREATIVE_CENTRE',
  DevelopmentAgency = 'DEVELOPMENT_AGENCY',
  TouristOrganisation = 'TOURIST_ORGANISATION',
  Chamber = 'CHAMBER',
  Ngo = 'NGO',
  Other = 'OTHER',
}

export enum CreativeKind {
  Individual = 'INDIVIDUAL',
  SoleProprietor = 'SOLE_PROPRIETOR',
  StudioOrFirm = 'STUDIO_OR_FIRM',
  Student = 'STUDENT',
  Collective = 'COLLECTIVE',
}

export enum ChallengeKind {
  Industry = 'INDUSTRY',
  PublicService = 'PUBLIC_SERVICE',
  Tourism = 'TOURISM',
  StudentContest = 'STUDENT_CONTEST',
  YouthCommunity = 'YOUTH_COMMUNITY',
}

/** Who sees a challenge once it is published. */
export enum ChallengeVisibility {
  Public = 'PUBLIC',
  /** The owner's members, the creatives it invited and its jurors; never in search. */
  InviteOnly = 'INVITE_ONLY',
}

export enum ChallengeStatus {
  Draft = 'DRAFT',
  /** Open for submissions until the deadline. */
  Published = 'PUBLISHED',
  SubmissionsClosed = 'SUBMISSIONS_CLOSED',
  InReview = 'IN_REVIEW',
  Awarded = 'AWARDED',
  ClosedWithoutAward = 'CLOSED_WITHOUT_AWARD',
  Cancelled = 'CANCELLED',
}

/** Languages a creative can work in (ISO 639-1). */
export const LANGUAGE_CODES = ['sl', 'en', 'de', 'it', 'hr', 'sr', 'bs', 'fr', 'es', 'cs', 'pl', 'hu'] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export interface DemoOrganisation {
  /** Stable key used by challenges to name their owner, e.g. "alpina". */
  key: string;
  kind: OrganisationKind;
  name: string;
  municipality: string; // Municipality.code
  description: Label;
  website: string | null;
  source: string;
}

export interface DemoChallenge {
  key: string;
  ownerKey: string; // DemoOrganisation.key
  kind: ChallengeKind;
  title: Label;
  brief: Label;
  domains: string[]; // ReferenceTerm codes (CCS domains)
  techniques: string[];
  materials: string[];
  reward: Label | null; // null where the seeds state no reward (domain-brief §7)
  /** ISO date (YYYY-MM-DD) or null. */
  deadline: string | null;
  status: ChallengeStatus;
  source: string;
  /** Partner organisations (DemoOrganisation keys) and their roles, as the seeds name them. */
  partners?: { key: string; role: Label }[];
  rewards?: { kind: 'PRIZE_MONEY' | 'JOB_OFFER' | 'PRODUCTION' | 'GRANT' | 'EXHIBITION' | 'MENTORING'; description: Label }[];
  awardsCount?: number;
  criteria?: { name: Label; weight: number }[];
}

export interface DemoCreativeProfile {
  key: string;
  kind: CreativeKind;
  displayName: string;
  bio: Label;
  domains: string[];
  crafts: string[];
  techniques: string[];
  materials: string[];
  skills: string[]; // SOFT_SKILLS / professional skill codes
  municipality: string;
  languages: LanguageCode[];
  portfolioLinks: string[];
}
