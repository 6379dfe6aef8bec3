// What the results tests share: answers generated from a seed, written as the sheets a volunteer or an
// online form would make, and the report's numbers worked out again here (integers only), so the
// tests do not trust the code they check.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEvaluation } from '../../src/content/evaluation.js';
import type { Lang } from '../../src/languages.js';
import type { MeetingRef } from '../../src/results/answers.js';
import { writeCsv } from '../../src/results/csv.js';
import { headerRow } from '../../src/results/template.js';
import { writeXlsx } from '../../src/results/xlsx.js';

/** A small, fast, seeded generator (mulberry32): the same seed gives the same answers everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Case = 'none' | 'one' | 'tens' | 'random';

export interface GeneratedForm {
  grades: Record<string, number | null>;
  open: Record<string, string>;
}

const TAKEAWAYS = ['Luisteren zonder oordeel', 'Gewoon vragen hoe het gaat', 'Ik gebruik LSD bij mijn buren', 'Meer geduld met de buurman', 'Dat je niet alles hoeft op te lossen'];
const REMARKS = ['Graag een vervolg', 'Meer tijd voor de groepjes', 'Goed georganiseerd'];

/** Forms for one meeting in one case; `random` leaves some marks and texts empty, as real forms do. */
export function generateForms(lang: Lang, kind: Case, expected: number, next: () => number): GeneratedForm[] {
  const survey = loadEvaluation(lang).survey;
  const count = kind === 'none' ? 0 : kind === 'one' ? 1 : kind === 'tens' ? Math.max(2, Math.min(expected, 7)) : 3 + Math.floor(next() * Math.max(1, expected - 2));
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  return Array.from({ length: count }, () => {
    const grades: Record<string, number | null> = {};
    for (const q of survey.grades) {
      if (kind === 'tens') grades[q.id] = 10;
      else if (kind === 'one') grades[q.id] = 3 + Math.floor(next() * 8);
      else grades[q.id] = next() < 0.1 ? null : 4 + Math.floor(next() * 7);
    }
    const open: Record<string, string> = {};
    const [takeaway, remarks] = survey.open.map((q) => q.id);
    if (kind !== 'random' || next() < 0.8) open[takeaway] = pick(TAKEAWAYS);
    if (kind !== 'random' || next() < 0.5) open[remarks] = pick(REMARKS);
    return { grades, open };
  });
}

/** The rows of a sheet for these forms, under the template's header (form numbers in the first column). */
export function sheetRows(lang: Lang, meeting: MeetingRef, forms: readonly GeneratedForm[]): string[][] {
  const survey = loadEvaluation(lang).survey;
  return [
    headerRow(lang, meeting),
    ...forms.map((f, i) => [String(i + 1), ...survey.grades.map((q) => (f.grades[q.id] === null ? '' : String(f.grades[q.id]))), ...survey.open.map((q) => f.open[q.id] ?? '')]),
  ];
}

/** Write a sheet as CSV (the project language's separator) or XLSX (marks as numbers, as a spreadsheet stores them). */
export function writeSheet(dir: string, name: string, rows: string[][], format: 'csv' | 'xlsx', sep = ';'): string {
  const path = join(dir, `${name}.${format}`);
  if (format === 'csv') writeFileSync(path, writeCsv(rows, sep));
  else {
    const cells = rows.map((row, r) => row.map((v) => (r > 0 && /^\d+$/.test(v) ? Number(v) : v === '' ? null : v)));
    writeFileSync(path, writeXlsx([{ name: 'Antwoorden', rows: cells }], { headerFill: '#e7f0ef', date: new Date('2026-01-01T00:00:00Z'), title: name }));
  }
  return path;
}

/** One decimal, rounded half up, from integers: (2·10·sum + count) div (2·count) tenths. */
export function average(marks: readonly number[], lang: Lang): string {
  const sum = marks.reduce((a, b) => a + b, 0);
  const tenths = Math.floor((20 * sum + marks.length) / (2 * marks.length));
  return `${Math.floor(tenths / 10)}${lang === 'nl' ? ',' : '.'}${tenths % 10}`;
}

export function percent(forms: number, expected: number): number {
  return Math.floor((200 * forms + expected) / (2 * expected));
}

/** Whitespace-insensitive text; a word Typst hyphenated at a line end (a soft hyphen in the text) is joined again. */
export const flat = (s: string) => s.replace(/\u00ad\s*/g, '').replace(/\s+/g, ' ');

/** Text that matches `s` with any run of white space where `s` has a space. */
export function loose(s: string): RegExp {
  return new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
}
