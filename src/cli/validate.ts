// `welkome-wijk validate [files...]`: check neighbourhood files and say, in plain words, what to fix.
// Many files (folders, patterns) are checked one after another: checking is fast, and every file's
// problems are printed the same way; JSON and GitHub annotations are for CI.
import { withSituationFit } from '../batch/card-fit.js';
import { expandInputs } from '../batch/files.js';
import { UserError } from '../errors.js';
import type { Lang } from '../messages.js';
import { t } from '../messages.js';
import { packageVersion } from '../paths.js';
import { loadProjectFile, type LoadResult } from '../project/load.js';
import { paletteFor } from './colour.js';
import { printProblems, shown } from './load-project.js';
import { annotation, annotationsWanted, jsonProblem, problemAnnotations } from './report.js';

export interface ValidateOptions {
  strict: boolean;
  json?: boolean;
  quiet?: boolean;
  lang: Lang;
}

export async function validateCommand(args: string | string[], opts: ValidateOptions): Promise<number> {
  const { lang } = opts;
  const files = expandInputs(typeof args === 'string' ? [args] : args.length ? args : ['welkome-wijk.yaml']);
  const out = opts.json ? process.stderr : process.stdout;
  const annotate = annotationsWanted();
  const annotations = (line: string) => (opts.json ? process.stderr : process.stdout).write(`${line}\n`);
  const report: { file: string; status: 'valid' | 'invalid'; problems: ReturnType<typeof jsonProblem>[]; warnings: ReturnType<typeof jsonProblem>[] }[] = [];
  let ok = 0;
  for (const file of files) {
    let result: LoadResult;
    try {
      // The file's own practice situations are laid out on their cards too: one that does not fit is
      // an error at its story, as when rendering.
      // Read by the name shown, so a file that is not there is named as the user gave it.
      result = await withSituationFit(loadProjectFile(file.shown, lang), file.path);
    } catch (err) {
      // A file that cannot be read: said plainly; with many files the others are still checked.
      if (!(err instanceof UserError) || files.length === 1) throw err;
      process.stderr.write(`${err.message}\n`);
      if (annotate) annotations(annotation('error', file.path, err.message));
      report.push({ file: file.shown, status: 'invalid', problems: [{ severity: 'error', message: err.message }], warnings: [] });
      continue;
    }
    // Problems keep the name the user gave (relative to the working folder).
    result = { ...result, file: file.shown };
    const { errors, warnings } = printProblems(result, lang);
    if (annotate) problemAnnotations(file.path, result.problems, lang).forEach(annotations);
    const usable = errors === 0 && !!result.project && !(opts.strict && warnings > 0);
    report.push({
      file: file.shown,
      status: usable ? 'valid' : 'invalid',
      problems: result.problems.filter((p) => p.severity === 'error').map((p) => jsonProblem(p, lang)),
      warnings: result.problems.filter((p) => p.severity === 'warning').map((p) => jsonProblem(p, lang)),
    });
    if (!usable) {
      const key = errors > 0 || !result.project ? 'validate_summary' : 'validate_summary_strict';
      process.stderr.write(`${t(lang, key, { errors, warnings, file: shown(file.path) })}\n`);
      continue;
    }
    ok++;
    if (opts.quiet) continue;
    const project = result.project!;
    // One closing line: "fine", or "usable, with the warnings above" — never both.
    const line = t(lang, warnings > 0 ? 'validate_ok_warnings' : 'validate_ok', {
      file: shown(file.path),
      area: project.area.name,
      municipality: project.municipality,
      meetings: project.meetings.length,
      people: project.team.livedExperience.length,
      warnings,
    });
    out.write(`${paletteFor(out).ok(line)}\n`);
  }
  if (files.length > 1) out.write(`${t(lang, 'validate_many_summary', { files: files.length, ok, invalid: files.length - ok })}\n`);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ tool: 'welkome-wijk', version: packageVersion(), command: 'validate', summary: { files: files.length, valid: ok, invalid: files.length - ok }, files: report }, null, 2)}\n`);
  }
  return ok === files.length ? 0 : 2;
}
