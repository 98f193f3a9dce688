import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const css = readFileSync(fileURLToPath(new URL('./tokens.css', import.meta.url)), 'utf8');
const tokens = Object.fromEntries([...css.matchAll(/--(c-[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** [foreground, background, minimum]: 4.5 for text, 3 for focus rings, borders of controls and large text. */
const PAIRS: [string, string, number][] = [
  ['c-ink', 'c-paper', 4.5],
  ['c-ink', 'c-surface', 4.5],
  ['c-indigo', 'c-paper', 4.5],
  ['c-indigo', 'c-surface', 4.5],
  ['c-indigo-link', 'c-paper', 4.5],
  ['c-indigo-link', 'c-surface', 4.5],
  ['c-muted', 'c-paper', 4.5],
  ['c-muted', 'c-surface', 4.5],
  ['c-on-indigo', 'c-indigo', 4.5],
  ['c-on-indigo', 'c-indigo-link', 4.5],
  ['c-on-accent', 'c-accent', 4.5],
  ['c-error', 'c-paper', 4.5],
  ['c-error', 'c-error-surface', 4.5],
  ['c-ink', 'c-success-surface', 4.5],
  ['c-ink', 'c-error-surface', 4.5],
  ['c-success', 'c-paper', 4.5],
  ['c-border', 'c-paper', 3],
  ['c-focus', 'c-paper', 3],
  ['c-focus', 'c-surface', 3],
  ['c-focus-on-indigo', 'c-indigo', 3],
];

describe('design tokens', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(PAIRS)('%s on %s reaches %s:1', (fg, bg, minimum) => {
    expect(tokens[fg]).toBeDefined();
    expect(tokens[bg]).toBeDefined();
    expect(contrast(tokens[fg], tokens[bg])).toBeGreaterThanOrEqual(minimum);
  });
});
