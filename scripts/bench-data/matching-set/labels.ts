import { BRIEFS } from './briefs.js';
import { PROFILES } from './profiles.js';
import { PLACES, type BenchBrief, type BenchProfile } from './types.js';

export type Grade = 0 | 1 | 2 | 3;

/**
 * The fixed split, chosen when the set was written, before any tuning and before the bench was
 * first run: nothing may be tuned on HELD_OUT. It covers each kind of brief on both sides (material
 * craft, textile, municipality or on-site limits, students only, digital, heritage).
 */
export const HELD_OUT: readonly string[] = [
  'lace-festival-identity', 'glass-souvenir-line', 'old-town-wayfinding', 'beehive-panels-restoration', 'heritage-scarves',
  'recycling-animation-kids', 'hotel-uniforms', 'shoe-town-photo-book', 'student-footwear-concept',
];
export const TUNE: readonly string[] = BRIEFS.map((b) => b.key).filter((k) => !HELD_OUT.includes(k));

/** Why a profile cannot take part (rubric.md §2), or null when it can. */
export function ineligibility(brief: BenchBrief, profile: BenchProfile): string | null {
  const e = brief.eligibility;
  if (e?.creativeKinds && !e.creativeKinds.includes(profile.kind)) return `kind ${profile.kind} not in ${e.creativeKinds.join('/')}`;
  if (e?.municipalities && !e.municipalities.includes(profile.truth.place)) return `based in ${profile.truth.place}, outside the municipality limit`;
  if (e?.onSite && PLACES[profile.truth.place].region === 'far') return `on-site work, based far away in ${profile.truth.place}`;
  if (brief.workingLanguages && !brief.workingLanguages.some((l) => profile.languages.includes(l))) return `does not speak ${brief.workingLanguages.join('/')}`;
  return null;
}

/** The rubric (rubric.md) as a pure function of the ground truth: practices, combo, eligibility, availability. */
export function grade(brief: BenchBrief, profile: BenchProfile): Grade {
  if (ineligibility(brief, profile) !== null) return 0;
  const { main, side } = profile.truth;
  let g = 0;
  for (const p of main) g = Math.max(g, brief.needs[p] ?? 0);
  for (const p of side) g = Math.max(g, (brief.needs[p] ?? 0) - 1);
  if (brief.combo && brief.combo.every((p) => main.includes(p) || side.includes(p))) g = 3;
  if (profile.availability === 'UNAVAILABLE') g = Math.min(g, 1);
  return g as Grade;
}

/** Every (brief, profile) pair graded: LABELS[briefKey][profileKey]. */
export const LABELS: Readonly<Record<string, Readonly<Record<string, Grade>>>> = Object.fromEntries(
  BRIEFS.map((b) => [b.key, Object.fromEntries(PROFILES.map((p) => [p.key, grade(b, p)]))]),
);
