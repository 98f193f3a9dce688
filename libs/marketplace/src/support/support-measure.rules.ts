import { CreativeKind, OrganisationKind, type Label } from '../reference/index.js';

export enum SupportMeasureStatus {
  Draft = 'DRAFT',
  Published = 'PUBLISHED',
  /** Closed by its provider, or by the hourly sweep once the deadline has passed. */
  Closed = 'CLOSED',
}

/** Whether a measure still takes applications, as the directory's facet counts it. */
export enum SupportMeasureState {
  Open = 'OPEN',
  Closed = 'CLOSED',
}

/** Amount bands of the directory's facet (by the largest amount named). */
export enum SupportAmountBand {
  None = 'NONE',
  UpTo5000 = 'UP_TO_5000',
  UpTo50000 = 'UP_TO_50000',
  Over50000 = 'OVER_50000',
}

export const MAX_TITLE = 200;
export const MAX_SUMMARY = 500;
export const MAX_TEXT = 10_000;
export const MAX_URL = 500;
export const MAX_AMOUNT_EUR = 100_000_000;

export function amountBand(min: number | null, max: number | null): SupportAmountBand {
  const top = max ?? min;
  if (top === null) return SupportAmountBand.None;
  if (top <= 5000) return SupportAmountBand.UpTo5000;
  if (top <= 50_000) return SupportAmountBand.UpTo50000;
  return SupportAmountBand.Over50000;
}

export function stateOf(measure: { status: string; deadline: Date | null }, now: Date): SupportMeasureState {
  return measure.status === SupportMeasureStatus.Published && (!measure.deadline || measure.deadline > now) ? SupportMeasureState.Open : SupportMeasureState.Closed;
}

/** Words for the reasons (the reader's side: "you can apply as a student"). */
export const CREATIVE_KIND_WORDS: Readonly<Record<CreativeKind, Label>> = {
  [CreativeKind.Individual]: { sl: 'samostojni ustvarjalec', en: 'an individual creative' },
  [CreativeKind.SoleProprietor]: { sl: 'samostojni podjetnik', en: 'a sole proprietor' },
  [CreativeKind.StudioOrFirm]: { sl: 'studio ali podjetje', en: 'a studio or firm' },
  [CreativeKind.Student]: { sl: 'študent', en: 'a student' },
  [CreativeKind.Collective]: { sl: 'kolektiv', en: 'a collective' },
};

export const ORGANISATION_KIND_WORDS: Readonly<Record<OrganisationKind, Label>> = {
  [OrganisationKind.Company]: { sl: 'podjetje', en: 'a company' },
  [OrganisationKind.Municipality]: { sl: 'občina', en: 'a municipality' },
  [OrganisationKind.Museum]: { sl: 'muzej', en: 'a museum' },
  [OrganisationKind.School]: { sl: 'šola', en: 'a school' },
  [OrganisationKind.Faculty]: { sl: 'fakulteta', en: 'a faculty' },
  [OrganisationKind.CreativeCentre]: { sl: 'kreativni center', en: 'a creative centre' },
  [OrganisationKind.DevelopmentAgency]: { sl: 'razvojna agencija', en: 'a development agency' },
  [OrganisationKind.TouristOrganisation]: { sl: 'turistična organizacija', en: 'a tourist organisation' },
  [OrganisationKind.Chamber]: { sl: 'zbornica', en: 'a chamber' },
  [OrganisationKind.Ngo]: { sl: 'nevladna organizacija', en: 'an NGO' },
  [OrganisationKind.Other]: { sl: 'druga organizacija', en: 'another kind of organisation' },
};
