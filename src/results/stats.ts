// The numbers of the report, worked out once: how many marks of each value, the average and the lowest
// and highest mark. The average is the one a Dutch report card has (the sum divided by the count, one
// decimal); the spread shown with it is the range, because a project group reads "van 5 tot 10" at a
// glance where a standard deviation would need explaining. A form without a mark does not count.
import type { AnswerForm } from './answers.js';

export interface GradeStats {
  /** How many marks were given (forms without a mark for this question are not counted). */
  count: number;
  /** Forms that left this question empty. */
  missing: number;
  /** How many times each mark was given, from the scale's minimum up. */
  counts: number[];
  sum: number;
  /** Rounded to one decimal, half away from zero; null without marks. */
  average: number | null;
  min: number | null;
  max: number | null;
}

/**
 * The average to one decimal, from whole numbers: `sum * 10 / count` is rounded as a fraction, so 7.25
 * becomes 7.3 (not 7.2 as floating point would have it).
 */
export function roundedAverage(sum: number, count: number): number {
  return Math.round((sum * 10) / count) / 10;
}

export function gradeStats(forms: readonly AnswerForm[], id: string, scale: { min: number; max: number }): GradeStats {
  const counts = Array.from({ length: scale.max - scale.min + 1 }, () => 0);
  let sum = 0;
  let count = 0;
  let min: number | null = null;
  let max: number | null = null;
  for (const form of forms) {
    const g = form.grades[id];
    if (g === null || g === undefined) continue;
    counts[g - scale.min]++;
    sum += g;
    count++;
    min = min === null ? g : Math.min(min, g);
    max = max === null ? g : Math.max(max, g);
  }
  return { count, missing: forms.length - count, counts, sum, average: count ? roundedAverage(sum, count) : null, min, max };
}

/** How many forms say something for an open question. */
export function answeredCount(forms: readonly AnswerForm[], id: string): number {
  return forms.filter((f) => (f.open[id] ?? '').trim() !== '').length;
}

/** Returned forms as a whole percentage of the expected participants. */
export function responsePercent(forms: number, expected: number): number {
  return expected > 0 ? Math.round((forms * 100) / expected) : 0;
}
