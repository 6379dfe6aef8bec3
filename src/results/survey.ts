// The columns of an answer sheet, one per question of the survey, and how a header someone typed (or an
// online form tool wrote) is recognised: by the sheet's own header, the survey's question or its id,
// in any language of the table, whatever the case, accents, spacing and punctuation.
import { loadEvaluation } from '../content/evaluation.js';
import { loadLabels } from '../content/labels.js';
import { loadResultsTexts } from '../content/results.js';
import { languageCodes, type Lang } from '../languages.js';
import { AUDIENCES, type Audience } from '../project/schema.js';
import { closest } from '../project/suggest.js';

export type ColumnKind = 'form' | 'grade' | 'open';

export interface SurveyColumn {
  /** `form`, or a question id from evaluation.yaml (`meeting`, `leader`, `experts`, `takeaway`, `remarks`). */
  id: string;
  kind: ColumnKind;
  /** The header the sheet writes, in the project's language. */
  header: string;
}

export interface Survey {
  lang: Lang;
  columns: SurveyColumn[];
  scale: { min: number; max: number };
}

/** The sheet's columns in order: the form number, the grades, the open questions. */
export function surveyOf(lang: Lang): Survey {
  const evaluation = loadEvaluation(lang).survey;
  const texts = loadResultsTexts(lang).sheet;
  const header = (id: string) => {
    const found = texts.columns[id];
    if (!found) throw new Error(`content/${lang}/results.yaml has no column header for the survey question '${id}'`);
    return found;
  };
  return {
    lang,
    columns: [
      { id: 'form', kind: 'form', header: header('form') },
      ...evaluation.grades.map((q) => ({ id: q.id, kind: 'grade' as const, header: header(q.id) })),
      ...evaluation.open.map((q) => ({ id: q.id, kind: 'open' as const, header: header(q.id) })),
    ],
    scale: { min: evaluation.gradeScale.min, max: evaluation.gradeScale.max },
  };
}

/**
 * A header as compared: without accents, case, punctuation, the scale ("(1-10)", "1 tot 10") and
 * spacing. "Cijfer  bijeenkomst (1–10)" and "cijfer bijeenkomst" are the same column.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\d{4}-\d{2}-\d{2}/g, ' ')
    .replace(/\(?\s*\b1\s*(?:-|–|—|tot|to|t\/m|until)\s*10\b\s*\)?/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Which meeting a form column's header names: "Formulier · Buurtbewoners · 2026-03-24". */
export interface MeetingMark {
  audience?: Audience;
  date?: string;
}

export type HeaderMatch =
  | { kind: 'column'; id: string }
  | { kind: 'form'; meeting: MeetingMark }
  /** Names or contact details (an online form's "Naam", "E-mail"): never read. */
  | { kind: 'personal' }
  | { kind: 'empty' }
  | { kind: 'unknown'; suggestion?: string };

interface Aliases {
  /** Normalised header → column id. */
  columns: Map<string, string>;
  formWords: string[];
  personalWords: string[];
  /** Normalised audience words (any language) → audience. */
  audiences: [string, Audience][];
  /** The headers in the project's language, for "did you mean". */
  shown: string[];
}

const cache = new Map<Lang, Aliases>();

/** Every way a column may be headed, from every language of the table. */
function aliases(lang: Lang): Aliases {
  const cached = cache.get(lang);
  if (cached) return cached;
  const found: Aliases = { columns: new Map(), formWords: [], personalWords: [], audiences: [], shown: surveyOf(lang).columns.map((c) => c.header) };
  for (const l of languageCodes()) {
    const survey = surveyOf(l);
    const evaluation = loadEvaluation(l).survey;
    const texts = loadResultsTexts(l);
    const labels = loadLabels(l);
    for (const c of survey.columns) {
      found.columns.set(normaliseHeader(c.header), c.id);
      found.columns.set(normaliseHeader(c.id), c.id);
    }
    for (const q of [...evaluation.grades, ...evaluation.open]) found.columns.set(normaliseHeader(q.question), q.id);
    for (const [id, name] of Object.entries({ ...texts.report.gradeNames, ...texts.report.openNames })) found.columns.set(normaliseHeader(name), id);
    found.formWords.push(...texts.sheet.formWords.map(normaliseHeader));
    found.personalWords.push(...texts.sheet.personalWords.map(normaliseHeader));
    for (const audience of AUDIENCES) {
      const label = labels.audiences[audience];
      for (const word of [audience, label.name, label.people, label.invitee]) found.audiences.push([normaliseHeader(word), audience]);
    }
  }
  // The form column's own header is recognised by its first word; a grade column is never a form column.
  found.formWords = [...new Set(found.formWords)].filter((w) => !found.columns.has(w) || found.columns.get(w) === 'form');
  cache.set(lang, found);
  return found;
}

const startsWithWord = (text: string, word: string) => text === word || text.startsWith(`${word} `);
const hasWord = (text: string, word: string) => ` ${text} `.includes(` ${word} `);

/** What a header in row 1 of an answer sheet is. `lang` is the language "did you mean" answers in. */
export function matchHeader(header: string, lang: Lang): HeaderMatch {
  const a = aliases(lang);
  const n = normaliseHeader(header);
  if (!n) return { kind: 'empty' };
  const id = a.columns.get(n);
  if (id && id !== 'form') return { kind: 'column', id };
  if (a.personalWords.some((w) => startsWithWord(n, w) || n.endsWith(` ${w}`))) return { kind: 'personal' };
  if (id === 'form' || a.formWords.some((w) => startsWithWord(n, w))) {
    const date = /(\d{4}-\d{2}-\d{2})/.exec(header)?.[1];
    // The longest audience word that appears ("buurtbewoners" before "bewoners").
    const audience = [...a.audiences].sort((x, y) => y[0].length - x[0].length).find(([word]) => hasWord(n, word))?.[1];
    return { kind: 'form', meeting: { audience, date } };
  }
  // Compared without the scale and punctuation, so "Cijfer bijeenkomts" is near "Cijfer bijeenkomst (1-10)".
  const near = closest(n, a.shown.map(normaliseHeader));
  const suggestion = near === undefined ? undefined : a.shown.find((h) => normaliseHeader(h) === near);
  return suggestion ? { kind: 'unknown', suggestion } : { kind: 'unknown' };
}

/** The form column's header in a template: the meeting it is for, so a sheet typed for another one is caught. */
export function formHeader(lang: Lang, audience: Audience, date: string): string {
  const texts = loadResultsTexts(lang).sheet;
  return `${texts.columns.form} · ${loadLabels(lang).audiences[audience].name} · ${date}`;
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
