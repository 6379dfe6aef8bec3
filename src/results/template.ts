// The empty answer sheets `welkome-wijk results template` writes, per meeting: an XLSX with the header,
// the marks held to 1-10 by a data validation and a tab that explains how to fill it in, and a CSV twin
// with the same header row for those who prefer plain text or import into another tool.
import { loadLabels } from '../content/labels.js';
import { loadResultsTexts } from '../content/results.js';
import type { Lang } from '../languages.js';
import type { MeetingRef } from './answers.js';
import { writeCsv } from './csv.js';
import { columnLetter, formHeader, surveyOf } from './survey.js';
import { writeXlsx, type SheetSpec, type WriteCell } from './xlsx.js';

/** Rows the validation covers: more than any meeting's forms (at most 200 participants). */
export const TEMPLATE_ROWS = 500;

export interface TemplateMeeting extends MeetingRef {
  /** "dinsdag 24 maart 2026", in the project's language. */
  dateText: string;
  venue: string;
  expected: number;
}

/** The file name of a meeting's sheet, without extension: what `render results` recognises. */
export function templateName(meeting: MeetingRef): string {
  return `antwoorden-${meeting.key}`;
}

/** The header row of a meeting's sheet. */
export function headerRow(lang: Lang, meeting: MeetingRef): string[] {
  return surveyOf(lang).columns.map((c) => (c.kind === 'form' ? formHeader(lang, meeting.audience, meeting.date) : c.header));
}

/** A sheet name Excel accepts: at most 31 characters, none of [ ] : * ? / \. */
function sheetName(s: string): string {
  return s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Sheet1';
}

export function templateXlsx(lang: Lang, meeting: TemplateMeeting, opts: { headerFill: string; date: Date; title: string }): Uint8Array {
  const survey = surveyOf(lang);
  const texts = loadResultsTexts(lang).sheet;
  const labels = loadLabels(lang);
  const header: WriteCell[] = headerRow(lang, meeting).map((value) => ({ value, style: 'header' }));
  const last = TEMPLATE_ROWS + 1;
  const grades = survey.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'grade');
  const formCol = survey.columns.findIndex((c) => c.kind === 'form') + 1;
  const answers: SheetSpec = {
    name: sheetName(`${labels.audiences[meeting.audience].name} ${meeting.date}`),
    rows: [header],
    freezeRows: 1,
    columns: survey.columns.map((c) => (c.kind === 'open' ? { width: 48, wrap: true } : c.kind === 'grade' ? { width: 16, center: true } : { width: 22, center: true })),
    validations: [
      ...grades.map(({ i }) => ({
        min: survey.scale.min,
        max: survey.scale.max,
        ref: `${columnLetter(i + 1)}2:${columnLetter(i + 1)}${last}`,
        prompt: texts.gradePrompt,
        error: texts.gradeError,
      })),
      { min: 1, ref: `${columnLetter(formCol)}2:${columnLetter(formCol)}${last}`, prompt: texts.formPrompt },
    ],
  };
  const help: SheetSpec = {
    name: sheetName(texts.helpSheet),
    columns: [{ width: 24 }, { width: 90, wrap: true }],
    rows: [
      [{ value: texts.help.title, style: 'title' }],
      [],
      [{ value: texts.help.meeting, style: 'bold' }, `${labels.audiences[meeting.audience].name}, ${meeting.venue}`],
      [{ value: texts.help.date, style: 'bold' }, meeting.dateText],
      [{ value: texts.help.expected, style: 'bold' }, meeting.expected],
      [],
      [{ value: texts.help.howTitle, style: 'bold' }],
      ...texts.help.how.map((line, i): WriteCell[] => [String(i + 1), { value: line, style: 'wrap' }]),
      [],
      [null, { value: texts.help.privacy, style: 'wrap' }],
    ],
  };
  return writeXlsx([answers, help], opts);
}

/** The CSV twin: the same header row, in the separator Excel expects in the project's language. */
export function templateCsv(lang: Lang, meeting: MeetingRef): Uint8Array {
  return writeCsv([headerRow(lang, meeting)], loadResultsTexts(lang).sheet.csvSeparator);
}
