// From `--answers` (folders, files, or `meeting=file`) to the forms of each meeting: reads CSV and XLSX,
// tells from the file's name (or the form column's header) which meeting a file is for, and refuses
// anything that would make a number wrong without saying so: a file of no meeting, two typed files for
// one meeting, a sheet of another meeting.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { loadLabels } from '../content/labels.js';
import { languageCodes } from '../languages.js';
import { readSheet, type AnswerForm, type AnswerProblem, type MeetingRef } from './answers.js';
import { decodeCsv, parseCsv, type Sheet } from './csv.js';
import { matchHeader, type Survey } from './survey.js';
import { readXlsx, WorkbookError } from './xlsx.js';

/** The extensions read as answer sheets. */
export const SHEET_EXTENSIONS = ['.xlsx', '.csv', '.tsv', '.txt'] as const;

/** No answer sheet of a meeting is this big; a larger file is something else. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface MeetingAnswers {
  meeting: MeetingRef;
  /** The file the forms came from; undefined when no file was given for the meeting. */
  file?: string;
  forms: AnswerForm[];
}

export interface CollectedAnswers {
  /** Per meeting of the project, in the project's order. */
  meetings: MeetingAnswers[];
  problems: AnswerProblem[];
}

interface Candidate {
  path: string;
  /** The name shown in messages. */
  shown: string;
  /** Set by `meeting=file`. */
  explicit?: MeetingRef;
}

const slugTokens = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Whether `needle` appears as a run of whole tokens in `hay`. */
function containsTokens(hay: string[], needle: string[]): boolean {
  if (!needle.length) return false;
  for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((t, j) => hay[i + j] === t)) return true;
  return false;
}

/**
 * Which meeting a file name points at: its key (`bewoners`, `bewoners-2026-03-24`), or an audience's
 * name in any language when that audience has one meeting. The longest match wins, so a dated key
 * beats the bare audience.
 */
export function meetingByName(name: string, meetings: readonly MeetingRef[]): MeetingRef | 'ambiguous' | undefined {
  const tokens = slugTokens(basename(name, extname(name)));
  let best: { meeting: MeetingRef; length: number }[] = [];
  for (const m of meetings) {
    const words = [m.key];
    if (meetings.filter((o) => o.audience === m.audience).length === 1) {
      for (const lang of languageCodes()) {
        const label = loadLabels(lang).audiences[m.audience];
        words.push(label.name, label.people);
      }
    }
    for (const word of words) {
      const needle = slugTokens(word);
      if (!containsTokens(tokens, needle)) continue;
      if (!best.length || needle.length > best[0].length) best = [{ meeting: m, length: needle.length }];
      else if (needle.length === best[0].length && !best.some((b) => b.meeting === m)) best.push({ meeting: m, length: needle.length });
    }
  }
  if (best.length > 1) return 'ambiguous';
  return best[0]?.meeting;
}

/** A meeting named on the command line (`bewoners=...`): by key, or by audience when it has one meeting. */
function meetingByKey(key: string, meetings: readonly MeetingRef[]): MeetingRef | undefined {
  const k = key.trim().toLowerCase();
  return meetings.find((m) => m.key === k) ?? (meetings.filter((m) => m.audience === k).length === 1 ? meetings.find((m) => m.audience === k) : undefined);
}

/** The sheets of a file, or the problem that stops reading it. */
export function readSheets(path: string, shown: string): { sheets: Sheet[] } | { problem: AnswerProblem } {
  const at = (key: AnswerProblem['key'], params?: AnswerProblem['params']) => ({ problem: { severity: 'error' as const, file: shown, row: 1, col: 1, key, params } });
  const ext = extname(path).toLowerCase();
  if (!(SHEET_EXTENSIONS as readonly string[]).includes(ext)) return at('answers_not_sheet', { ext: ext || '-' });
  if (statSync(path).size > MAX_FILE_BYTES) return at('answers_too_large');
  const bytes = readFileSync(path);
  if (ext === '.xlsx') {
    try {
      return { sheets: readXlsx(bytes) };
    } catch (err) {
      if (err instanceof WorkbookError) return at(err.reason === 'too-large' ? 'answers_too_large' : 'answers_not_xlsx');
      throw err;
    }
  }
  // A workbook saved with a .csv name (it happens) would read as noise.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03) return at('answers_xlsx_named_csv');
  return { sheets: [{ name: basename(path), rows: parseCsv(decodeCsv(bytes)) }] };
}

/**
 * The sheet that holds the answers: the first one whose header row has a column of the survey
 * (the template's explanation tab comes second, but a user may have moved it); else the first.
 */
function answerSheet(sheets: Sheet[], survey: Survey): Sheet | undefined {
  return (
    sheets.find((s) => {
      const header = s.rows.find((row) => row.some((v) => v !== null && String(v).trim() !== ''));
      return header?.some((v) => v !== null && matchHeader(String(v), survey.lang).kind === 'column');
    }) ?? sheets[0]
  );
}

/** Expand `--answers` values into files: folders give their sheet files, `meeting=path` names the meeting. */
function candidates(values: readonly string[], meetings: readonly MeetingRef[], shownPath: (p: string) => string, problems: AnswerProblem[]): Candidate[] {
  const out: Candidate[] = [];
  for (const value of values) {
    let path = value;
    let explicit: MeetingRef | undefined;
    const eq = value.indexOf('=');
    if (!existsSync(value) && eq > 0) {
      const key = value.slice(0, eq);
      path = value.slice(eq + 1);
      explicit = meetingByKey(key, meetings);
      if (!explicit) {
        problems.push({ severity: 'error', file: shownPath(path), row: 1, col: 1, key: 'answers_unknown_meeting', params: { key, meetings: meetings.map((m) => m.key).join(', ') } });
        continue;
      }
    }
    if (!existsSync(path)) {
      problems.push({ severity: 'error', file: shownPath(path), row: 1, col: 1, key: 'answers_not_found' });
      continue;
    }
    if (statSync(path).isDirectory()) {
      const files = readdirSync(path)
        .filter((f) => (SHEET_EXTENSIONS as readonly string[]).includes(extname(f).toLowerCase()) && !f.startsWith('~$') && !f.startsWith('.'))
        .sort();
      for (const f of files) out.push({ path: join(path, f), shown: shownPath(join(path, f)), explicit });
      continue;
    }
    out.push({ path, shown: shownPath(path), explicit });
  }
  return out;
}

/**
 * Read the answers for the project's meetings from `--answers` values. Problems come back located;
 * forms come back only for files without errors, so an error never hides inside an average.
 */
export function collectAnswers(values: readonly string[], meetings: readonly MeetingRef[], survey: Survey, shownPath: (p: string) => string = (p) => p): CollectedAnswers {
  const problems: AnswerProblem[] = [];
  const perMeeting = new Map<string, { file: string; forms: AnswerForm[] }[]>();
  for (const c of candidates(values, meetings, shownPath, problems)) {
    const read = readSheets(c.path, c.shown);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    const sheet = answerSheet(read.sheets, survey) ?? { name: '', rows: [] };
    let meeting = c.explicit;
    if (!meeting) {
      const byName = meetingByName(c.path, meetings);
      if (byName === 'ambiguous') {
        problems.push({ severity: 'error', file: c.shown, row: 1, col: 1, key: 'answers_ambiguous_meeting', params: { meetings: meetings.map((m) => m.key).join(', ') } });
        continue;
      }
      meeting = byName;
    }
    const answers = readSheet(sheet, c.shown, survey, meeting);
    if (!meeting && answers.mark) {
      // The file's name says nothing, but the template's form column names the meeting.
      const { audience, date } = answers.mark;
      const fits = meetings.filter((m) => (!audience || m.audience === audience) && (!date || m.date === date));
      if (fits.length === 1) meeting = fits[0];
    }
    if (!meeting) {
      const hasError = answers.problems.some((p) => p.severity === 'error');
      if (!hasError) problems.push({ severity: 'error', file: c.shown, row: 1, col: 1, key: 'answers_no_meeting', params: { example: `${meetings[0]?.key ?? 'bewoners'}` } });
      problems.push(...answers.problems);
      continue;
    }
    problems.push(...answers.problems);
    if (answers.problems.some((p) => p.severity === 'error')) continue;
    const list = perMeeting.get(meeting.key) ?? [];
    list.push({ file: c.shown, forms: answers.forms });
    perMeeting.set(meeting.key, list);
  }
  const result: MeetingAnswers[] = [];
  for (const meeting of meetings) {
    const files = perMeeting.get(meeting.key) ?? [];
    // The template comes as an .xlsx and a .csv twin: the one left empty is not a second source.
    const typed = files.filter((f) => f.forms.length > 0);
    if (typed.length > 1) {
      for (const extra of typed.slice(1)) {
        problems.push({ severity: 'error', file: extra.file, row: 1, col: 1, key: 'answers_two_files', params: { meeting: meeting.key, other: typed[0].file } });
      }
      result.push({ meeting, forms: [] });
      continue;
    }
    const chosen = typed[0] ?? files[0];
    if (chosen && chosen.forms.length === 0) problems.push({ severity: 'warning', file: chosen.file, row: 1, col: 1, key: 'answers_no_forms' });
    result.push({ meeting, file: chosen?.file, forms: chosen?.forms ?? [] });
  }
  return { meetings: result, problems };
}
