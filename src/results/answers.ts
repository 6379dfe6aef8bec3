// Reads one answer sheet for one meeting: finds the columns by their headers, checks every mark, and
// says what is wrong where (file:row:column, in plain words), so a mistake is never averaged in.
import type { MessageKey } from '../message-keys.js';
import type { MessageParam } from '../messages.js';
import type { Audience } from '../project/schema.js';
import type { CellValue, Sheet } from './csv.js';
import { columnLetter, matchHeader, type MeetingMark, type Survey } from './survey.js';

/** A meeting as the answers are matched to it. */
export interface MeetingRef {
  /** The meeting's file suffix (`bewoners`, or `bewoners-2026-03-24` when an audience repeats). */
  key: string;
  audience: Audience;
  date: string;
}

/** One returned form: a mark per grade question (null when none was given) and the open answers. */
export interface AnswerForm {
  /** The row in the file, so a report can point back at it. */
  row: number;
  grades: Record<string, number | null>;
  open: Record<string, string>;
}

export interface AnswerProblem {
  severity: 'error' | 'warning';
  file: string;
  /** 1-based row and column in the sheet. */
  row: number;
  col: number;
  /** The column's header as the file has it, to show beside the cell reference. */
  header?: string;
  key: MessageKey;
  params?: Record<string, MessageParam>;
}

export interface SheetAnswers {
  forms: AnswerForm[];
  /** The meeting the form column's header names, if it names one. */
  mark?: MeetingMark;
  problems: AnswerProblem[];
}

const isEmpty = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A cell's value as the user typed it, for messages. */
function shown(v: CellValue): string {
  return typeof v === 'number' ? String(v) : String(v).trim();
}

type Grade = { ok: number | null } | { problem: MessageKey };

/** A mark from a cell: a whole number on the scale, or nothing; anything else is a problem, never a guess. */
export function readGrade(v: CellValue | undefined, scale: { min: number; max: number }): Grade {
  if (isEmpty(v)) return { ok: null };
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const s = v.trim();
    if (/^[+]?\d+([.,]0+)?$/.test(s)) n = Number(s.replace(',', '.'));
    else if (/^[+-]?\d*[.,]\d+$/.test(s) || /^-\d+$/.test(s)) n = Number(s.replace(',', '.'));
    else return { problem: 'answers_grade_text' };
  } else return { problem: 'answers_grade_text' };
  if (!Number.isFinite(n)) return { problem: 'answers_grade_text' };
  // A spreadsheet may store 7 as 7.000000000000001 after a formula; that is still a 7.
  const whole = Math.round(n);
  if (Math.abs(n - whole) > 1e-9) return { problem: 'answers_grade_fraction' };
  if (whole < scale.min || whole > scale.max) return { problem: 'answers_grade_range' };
  return { ok: whole };
}

/**
 * Reads the forms of a sheet. The header row is the first row with anything in it; rows after it with
 * at least one answer are forms (a row with only a form number, or nothing, is not).
 */
export function readSheet(sheet: Sheet, file: string, survey: Survey, meeting: MeetingRef | undefined): SheetAnswers {
  const problems: AnswerProblem[] = [];
  const problem = (p: Omit<AnswerProblem, 'file'>) => problems.push({ file, ...p });
  const headerIndex = sheet.rows.findIndex((row) => row.some((v) => !isEmpty(v)));
  if (headerIndex < 0) {
    problem({ severity: 'error', row: 1, col: 1, key: 'answers_empty_sheet' });
    return { forms: [], problems };
  }
  const headerRow = headerIndex + 1;
  const header = sheet.rows[headerIndex];
  const columnOf = new Map<string, number>();
  let mark: MeetingMark | undefined;
  let known = 0;
  header.forEach((value, i) => {
    const col = i + 1;
    if (isEmpty(value)) return;
    const text = shown(value!);
    const match = matchHeader(text, survey.lang);
    switch (match.kind) {
      case 'column': {
        const first = columnOf.get(match.id);
        if (first !== undefined) {
          problem({ severity: 'error', row: headerRow, col, header: text, key: 'answers_duplicate_column', params: { first: columnLetter(first) } });
          return;
        }
        columnOf.set(match.id, col);
        known++;
        return;
      }
      case 'form':
        if (!columnOf.has('form')) columnOf.set('form', col);
        mark = match.meeting.audience || match.meeting.date ? match.meeting : undefined;
        if (meeting && mark && ((mark.audience && mark.audience !== meeting.audience) || (mark.date && mark.date !== meeting.date))) {
          problem({
            severity: 'error',
            row: headerRow,
            col,
            header: text,
            key: 'answers_other_meeting',
            params: {
              other: [mark.audience ?? '', mark.date ?? ''].filter(Boolean).join(', '),
              meeting: `${meeting.audience}, ${meeting.date}`,
            },
          });
        }
        return;
      case 'personal':
        problem({ severity: 'warning', row: headerRow, col, header: text, key: 'answers_personal_column' });
        return;
      case 'empty':
        return;
      case 'unknown':
        problem({
          severity: 'warning',
          row: headerRow,
          col,
          header: text,
          key: match.suggestion ? 'answers_unknown_column_suggest' : 'answers_unknown_column',
          params: { suggestion: match.suggestion ?? '' },
        });
    }
  });
  if (known === 0) {
    problem({ severity: 'error', row: headerRow, col: 1, key: 'answers_no_columns', params: { columns: survey.columns.filter((c) => c.kind !== 'form').map((c) => c.header).join(', ') } });
    return { forms: [], mark, problems };
  }
  const lastCol = Math.max(1, header.length);
  for (const c of survey.columns) {
    if (c.kind === 'form' || columnOf.has(c.id)) continue;
    // Said at the end of the header row, where the column could be added.
    problem({ severity: 'error', row: headerRow, col: lastCol + 1, key: 'answers_missing_column', params: { column: c.header } });
  }
  if (problems.some((p) => p.severity === 'error')) return { forms: [], mark, problems };

  const forms: AnswerForm[] = [];
  const headerText = (col: number) => shown(header[col - 1] ?? '');
  for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const answered = survey.columns.some((c) => c.kind !== 'form' && !isEmpty(row[columnOf.get(c.id)! - 1]));
    if (!answered) continue;
    const form: AnswerForm = { row: r + 1, grades: {}, open: {} };
    for (const c of survey.columns) {
      const col = columnOf.get(c.id);
      if (col === undefined) continue;
      const value = row[col - 1];
      if (c.kind === 'grade') {
        const grade = readGrade(value, survey.scale);
        if ('problem' in grade) {
          problem({ severity: 'error', row: r + 1, col, header: headerText(col), key: grade.problem, params: { value: shown(value!), min: survey.scale.min, max: survey.scale.max } });
          form.grades[c.id] = null;
        } else form.grades[c.id] = grade.ok;
      } else if (c.kind === 'open' && !isEmpty(value)) {
        form.open[c.id] = shown(value!);
      }
    }
    forms.push(form);
  }
  return { forms, mark, problems };
}
