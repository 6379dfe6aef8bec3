// Loads the neighbourhood file for a command and prints its problems; every command that reads the
// file goes through here, so validation output looks the same everywhere.
import { relative } from 'node:path';
import { withSituationFit } from '../batch/card-fit.js';
import { loadProjectFile, type LoadResult } from '../project/load.js';
import type { Lang } from '../messages.js';
import { t } from '../messages.js';
import { problemFormatter } from '../project/problems.js';
import type { Project } from '../project/schema.js';
import { paletteFor } from './colour.js';

/** More problems than this are counted, not shown: the first ones are what to fix first. */
export const MAX_SHOWN_PROBLEMS = 50;

export interface Loaded {
  project: Project;
  file: string;
  /** The name shown to the user: relative to the working folder when that is shorter. */
  shownFile: string;
  warnings: number;
}

export function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** Print the problems of a load result to stderr (the first MAX_SHOWN_PROBLEMS); returns the counts. */
export function printProblems(result: LoadResult, lang: Lang): { errors: number; warnings: number } {
  const format = problemFormatter({ lang, file: shown(result.file), source: result.source, colour: paletteFor(process.stderr) });
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  const out: string[] = [];
  for (const problem of result.problems.slice(0, MAX_SHOWN_PROBLEMS)) out.push(`${format(problem)}\n\n`);
  const hidden = result.problems.slice(MAX_SHOWN_PROBLEMS);
  if (hidden.length) {
    const hiddenErrors = hidden.filter((p) => p.severity === 'error').length;
    const params = { count: hidden.length, errors: hiddenErrors, warnings: hidden.length - hiddenErrors };
    out.push(`${t(lang, 'problems_more', params)}\n\n`);
  }
  process.stderr.write(out.join(''));
  return { errors, warnings };
}

/**
 * Load and check a file. Returns the project, or `undefined` after printing why it cannot be used
 * (the caller exits with code 2). With `measureCards`, the file's own practice situations are also
 * laid out on their cards, so one that does not fit is found before anything is written.
 */
export async function loadForCommand(file: string, lang: Lang, strict = false, opts: { measureCards?: boolean; templateDirs?: string[] } = {}): Promise<Loaded | undefined> {
  let result = loadProjectFile(file, lang);
  if (opts.measureCards) result = await withSituationFit(result, file, opts.templateDirs);
  const { errors, warnings } = printProblems(result, lang);
  if (errors > 0 || !result.project) {
    process.stderr.write(`${t(lang, 'validate_summary', { errors, warnings, file: shown(file) })}\n`);
    return undefined;
  }
  if (strict && warnings > 0) {
    process.stderr.write(`${t(lang, 'validate_summary_strict', { warnings, file: shown(file) })}\n`);
    return undefined;
  }
  return { project: result.project, file, shownFile: shown(file), warnings };
}
