// "Did you mean ...?": the allowed keys at a place in the schema, and the closest match to a typo.
import type { z } from 'zod';
import type { PathSegment } from './problems.js';

type AnySchema = z.core.$ZodType;

/** Unwrap optional/default/pipe wrappers down to the schema that has the shape. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else break;
  }
  return current;
}

/** The keys an object at `path` accepts, or [] when there is no object there. */
export function allowedKeysAt(root: AnySchema, path: PathSegment[]): string[] {
  let schema = unwrap(root);
  for (const seg of path) {
    const def = schema._zod.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema };
    if (def.type === 'object' && def.shape && typeof seg === 'string' && def.shape[seg]) schema = unwrap(def.shape[seg]);
    else if (def.type === 'array' && def.element && typeof seg === 'number') schema = unwrap(def.element);
    else return [];
  }
  const def = schema._zod.def as { type: string; shape?: Record<string, AnySchema> };
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** Edit distance (insertions, deletions, substitutions, and swaps of neighbours). */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The candidate nearest to `input`, when it is near enough to be a plausible typo. */
export function closest(input: string, candidates: string[]): string | undefined {
  if (!input) return undefined;
  // Dutch writers swap "ij" and "y" ("wyk" for "wijk"): compare them as one letter.
  const fold = (t: string) => t.toLowerCase().replace(/ij/g, 'y');
  const lower = fold(input);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const c = fold(candidate);
    // A different case or a prefix ("venu" for "venue") is the most likely meaning.
    // Lengths further apart than any accepted distance need no table (and a 10,000-letter typo none).
    const score = c === lower ? 0 : c.startsWith(lower) || lower.startsWith(c) ? 1 : Math.abs(c.length - lower.length) > 3 ? Infinity : distance(lower, c);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  const limit = Math.max(1, Math.min(3, Math.floor(input.length / 3)));
  return best !== undefined && bestScore <= limit ? best : undefined;
}
