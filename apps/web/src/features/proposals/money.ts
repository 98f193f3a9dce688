/**
 * Whole euros from what the user typed ("4500", "4.500", "4 500", "4500 €", "4.500,00"), or null
 * for an empty field; NaN when it is not a whole number of euros.
 */
export function parseEuros(value: string): number | null {
  const compact = value.replace(/[\s\u00a0€]/g, '').replace(/,00$/, '');
  if (!compact) return null;
  // Thousands separators: "." (sl) or "," (en), only in groups of three.
  const digits = /^\d{1,3}([.,]\d{3})+$/.test(compact) ? compact.replace(/[.,]/g, '') : compact;
  return /^\d{1,9}$/.test(digits) ? Number(digits) : Number.NaN;
}
