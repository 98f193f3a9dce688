/** The offer form's own checks before it is sent (the API checks again and is the truth). */
export const MAX_EUR = 100_000_000;

export interface OfferValues {
  titleSl: string;
  titleEn: string;
  descriptionSl: string;
  descriptionEn: string;
  kind: 'PRODUCT' | 'SERVICE';
  domains: string[];
  crafts: string[];
  techniques: string[];
  materials: string[];
  priceFromEur: string;
}

export type OfferProblem = 'required' | 'price';

/** Field name -> what is wrong: a title in one language at least; a price in whole euros or nothing. */
export function checkOffer(values: OfferValues): Partial<Record<keyof OfferValues, OfferProblem>> {
  const problems: Partial<Record<keyof OfferValues, OfferProblem>> = {};
  if (!values.titleSl.trim() && !values.titleEn.trim()) problems.titleSl = 'required';
  const price = values.priceFromEur.trim();
  if (price && (!/^\d+$/.test(price) || Number(price) > MAX_EUR)) problems.priceFromEur = 'price';
  return problems;
}

/** The price field as the API wants it: whole euros, or null when empty. */
export function priceOf(value: string): number | null {
  const trimmed = value.trim();
  return trimmed ? Number(trimmed) : null;
}
