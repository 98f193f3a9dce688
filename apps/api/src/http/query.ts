/**
 * Query strings as the API accepts them: each parameter at most once, as plain text. Express
 * turns a repeated key (`?token=a&token=b`) into an array and, with the `extended` parser,
 * `a[b]=c` into an object; neither reaches a controller (see http-setup.ts).
 */
export type QueryValue = string | undefined;

/** The names of the parameters that are not a single string (repeated keys, arrays, objects). */
export function malformedQueryKeys(query: unknown): string[] {
  if (query === undefined || query === null) return [];
  if (typeof query !== 'object') return ['?'];
  return Object.entries(query as Record<string, unknown>).filter(([, value]) => typeof value !== 'string').map(([key]) => key);
}

/** One parameter: its text, undefined when absent, null when malformed (repeated, array, object). */
export function singleQueryValue(value: unknown): QueryValue | null {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : null;
}
