// Loads the neighbourhood file for a command and prints its problems; every command that reads the
// file goes through here, so validation output looks the same everywhere.
import { relative } from 'node:path';
import chalk from 'chalk';
import { loadProjectFile, type LoadResult } from '../project/load.js';
import type { Lang } from '../messages.js';
import { t } from '../messages.js';
import { formatProblem } from '../project/problems.js';
import type { Project } from '../project/schema.js';

export interface Loaded {
  project: Project;
  file: string;
  /** The name shown to the user: relative to the working folder when that is shorter. */
  shownFile: string;
  warnings: number;
}

function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** Print every problem of a load result to stderr; returns the counts. */
export function printProblems(result: LoadResult, lang: Lang): { errors: number; warnings: number } {
  const colour = process.stderr.isTTY
    ? { error: chalk.red.bold, warning: chalk.yellow.bold, dim: chalk.dim, bold: chalk.bold }
    : undefined;
  for (const problem of result.problems) {
    process.stderr.write(`${formatProblem(problem, { lang, file: shown(result.file), source: result.source, colour })}\n\n`);
  }
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: result.problems.length - errors };
}

/**
 * Load and check a file. Returns the project, or `undefined` after printing why it cannot be used
 * (the caller exits with code 2).
 */
export function loadForCommand(file: string, lang: Lang, strict = false): Loaded | undefined {
  const result = loadProjectFile(file, lang);
  const { errors, warnings } = printProblems(result, lang);
  if (errors > 0 || (strict && warnings > 0) || !result.project) {
    process.stderr.write(`${t(lang, 'validate_summary', { errors, warnings, file: shown(file) })}\n`);
    return undefined;
  }
  return { project: result.project, file, shownFile: shown(file), warnings };
}
