export * from './reference.types.js';
export * from './ccs-domains.js';
export * from './crafts.js';
export * from './techniques.js';
export * from './materials.js';
export * from './skills.js';
export * from './municipalities.js';
export * from './places.js';

/** The codes of a reference list, in list order. */
export function termCodes(list: readonly { code: string }[]): string[] {
  return list.map((t) => t.code);
}
