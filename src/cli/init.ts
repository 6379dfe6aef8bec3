// `welkome-wijk init`: a guide to a first neighbourhood file. It asks in the handbook's order, checks
// each answer as it is typed, proposes dates and practice situations, and writes the file with its
// JSON Schema beside it. `--answers FILE` takes the answers from a file, `--yes` asks nothing.
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { isLang } from '../languages.js';
import type { Lang } from '../messages.js';
import { hasMessage, t } from '../messages.js';
import { decodeSource } from '../project/encoding.js';
import { checkProjectSource } from '../project/load.js';
import { formatPath, problemFormatter } from '../project/problems.js';
import { today as todayOf } from '../project/rules.js';
import { paletteFor } from './colour.js';
import { shown } from './load-project.js';
import { answersFromText, answersSchema, checkAnswers, completeAnswers, PLACEHOLDER_PHONE, placeholderAnswers, type RawAnswers } from './init/answers.js';
import { commandName, examplePath } from './init/install.js';
import { keepAnswers, projectYaml, writeProjectFiles } from './init/write.js';
import { fileSystemMessage } from './usage-errors.js';

export interface InitOptions {
  force: boolean;
  lang: Lang;
  /** A YAML or JSON file with the answers (`-`: standard input). */
  answers?: string;
  /** Ask nothing: proposals and placeholders. */
  yes?: boolean;
}

export async function initCommand(file: string, opts: InitOptions): Promise<number> {
  const lang = opts.lang;
  if (opts.answers !== undefined && opts.yes) throw new UserError(t(lang, 'init_answers_and_yes'));
  if (existsSync(file) && !opts.force) throw new UserError(t(lang, 'init_exists', { file }));
  const today = todayOf();
  const ctx: Finish = { file, lang, command: commandName(), placeholders: [] };

  if (opts.answers !== undefined) {
    const from = opts.answers === '-' ? '-' : resolve(opts.answers);
    const shownAnswers = from === '-' ? t(lang, 'init_stdin') : shown(from);
    const bytes = readAnswers(from, shownAnswers, lang);
    const decoded = decodeSource(bytes);
    const checked = decoded.problem ? { source: decoded.source, problems: [decoded.problem], project: undefined } : checkAnswers(decoded.source, shownAnswers, file, { lang, today });
    const format = problemFormatter({ lang, file: shownAnswers, source: checked.source, colour: paletteFor(process.stderr) });
    process.stderr.write(checked.problems.map((p) => `${format(p)}\n\n`).join(''));
    if (!checked.project) {
      const errors = checked.problems.filter((p) => p.severity === 'error').length;
      process.stderr.write(`${t(lang, 'init_answers_problems', { errors, file: shownAnswers })}\n`);
      return 2;
    }
    return finish(checked.project, answersFromText(decoded.source), ctx);
  }

  if (opts.yes) {
    ctx.placeholders = [t(lang, 'init_placeholder'), t(lang, 'init_person_a'), t(lang, 'init_person_b'), PLACEHOLDER_PHONE];
    return completeAndFinish(placeholderAnswers(lang), today, ctx);
  }

  // Without a terminal the prompts cannot be answered, and @inquirer would end quietly with exit 0.
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UserError(t(lang, 'init_no_terminal'));
  let raw: RawAnswers;
  try {
    const { askAnswers } = await import('./init/prompts.js');
    raw = await askAnswers({ lang, today });
  } catch (err) {
    if (err instanceof Error && err.name === 'ExitPromptError') {
      process.stderr.write(`\n${t(lang, 'init_cancelled')}\n`);
      return 130;
    }
    throw err;
  }
  return completeAndFinish(raw, today, ctx);
}

/** The answers file's bytes; a missing or unreadable file is a plain message. */
function readAnswers(from: string, shownName: string, lang: Lang): Uint8Array {
  try {
    return readFileSync(from === '-' ? 0 : from);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(t(lang, code === 'ENOENT' ? 'init_answers_missing' : code === 'EISDIR' ? 'file_is_dir' : 'file_unreadable', { file: shownName }));
  }
}

/**
 * Answers from the prompts or --yes: checked with the answers schema, proposals filled in, written.
 * They were checked one by one as they were typed; should the whole still not fit, they are kept.
 */
function completeAndFinish(raw: RawAnswers, today: string, ctx: Finish): number {
  const parsed = answersSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const field = String(issue.path[issue.path.length - 1] ?? '');
      const key = issue.message.startsWith('msg:') ? issue.message.slice(4) : '';
      return `  ${formatPath(issue.path as (string | number)[])}: ${hasMessage(key) ? t(ctx.lang, key, { field, got: '' }) : issue.message}`;
    });
    return failed(lines, raw, ctx);
  }
  return finish(completeAnswers(raw, parsed.data, { lang: ctx.lang, today }), raw, ctx);
}

interface Finish {
  file: string;
  lang: Lang;
  command: string;
  /** The placeholders --yes wrote, named in the file's header. */
  placeholders: string[];
}

/**
 * Check the whole file as `validate` will, then write it and its schema. If the check or the
 * writing fails, the answers are kept in a file and the message says where.
 */
export function finish(project: Record<string, unknown>, answers: RawAnswers, ctx: Finish): number {
  const language = isLang(project.language) ? project.language : ctx.lang;
  const shownFile = shown(ctx.file);
  // The default file needs no name after the command: `npx welkome-wijk validate`.
  const fileArg = shownFile === 'welkome-wijk.yaml' ? '' : ` ${shownFile}`;
  const text = projectYaml(project, language, { command: ctx.command, fileArg, example: examplePath(resolve(ctx.file, '..')), placeholders: ctx.placeholders });
  const check = checkProjectSource(text, ctx.file);
  if (!check.project) {
    const errors = check.problems.filter((p) => p.severity === 'error');
    return failed(errors.map((p) => `  ${formatPath(p.path)}: ${t(ctx.lang, p.key, p.params)}`), answers, ctx);
  }
  try {
    writeProjectFiles(ctx.file, text, language);
  } catch (err) {
    const refusal = fileSystemMessage(err, ctx.lang);
    if (!refusal) throw err;
    const kept = keepAnswers(ctx.file, answers, tmpdir());
    process.stderr.write(`${refusal}\n${t(ctx.lang, 'init_answers_kept', { answers: kept, command: ctx.command })}\n`);
    return 2;
  }
  const c = paletteFor(process.stdout);
  const warnings = check.problems.length;
  const lines = [c.ok(t(ctx.lang, 'init_done', { file: shownFile, command: ctx.command, fileArg }))];
  if (ctx.placeholders.length) lines.push(t(ctx.lang, 'init_yes_done', { command: ctx.command, fileArg }));
  else if (warnings) lines.push(t(ctx.lang, 'init_warnings', { count: warnings, command: ctx.command, fileArg }));
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** The file would not validate: nothing is written but the answers, and the message says where. */
function failed(problems: string[], answers: RawAnswers, ctx: Finish): number {
  const kept = keepAnswers(ctx.file, answers, tmpdir());
  process.stderr.write(`${t(ctx.lang, 'init_failed', { problems: problems.join('\n') })}\n${t(ctx.lang, 'init_answers_kept', { answers: shown(kept), command: ctx.command })}\n`);
  return 2;
}
