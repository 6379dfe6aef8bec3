// `welkome-wijk results template [file]` (empty answer sheets per meeting) and `welkome-wijk render
// results [file] --answers ...` (the report from the filled-in sheets). Problems in the answers are said
// like problems in the project file: file:row:column, the cell and its column, a plain message.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { formatDate } from '../templating/helpers.js';
import { UserError } from '../errors.js';
import { renderResults } from '../materials/results.js';
import { t, type Lang } from '../messages.js';
import { printable } from '../messages.js';
import { projectFolder, writeFileAtomic } from '../output/files.js';
import { writeOutputs } from '../output/outputs.js';
import { resolveProject, type ResolvedProject } from '../resolve/index.js';
import type { AnswerProblem, MeetingRef } from '../results/answers.js';
import { collectAnswers } from '../results/files.js';
import { columnLetter, surveyOf } from '../results/survey.js';
import { templateCsv, templateName, templateXlsx } from '../results/template.js';
import { palette } from '../document/theme.js';
import { paletteFor } from './colour.js';
import { loadForCommand } from './load-project.js';
import { checkOutFolder, humanSize, parseFormats, parsePdfEngine } from './render.js';

/** The folder `results template` writes to and `render results` reads from by default. */
export function answersFolder(out: string, ctx: ResolvedProject): string {
  return join(projectFolder(out, ctx.municipality, ctx.area.name), 'antwoorden');
}

function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function meetingRefs(ctx: ResolvedProject): MeetingRef[] {
  return ctx.meetings.map((m) => ({ key: m.fileSuffix, audience: m.audience, date: m.date }));
}

async function loadContext(file: string, lang: Lang, templates?: string[]): Promise<ResolvedProject | undefined> {
  const loaded = await loadForCommand(file, lang);
  if (!loaded) return undefined;
  const ctx = resolveProject(loaded.project, { baseDir: dirname(resolve(file)), templateDirs: templates });
  if (!ctx.meetings.length) throw new UserError(t(lang, 'answers_no_meetings'));
  return ctx;
}

export interface TemplateOptions {
  out: string;
  force: boolean;
  lang: Lang;
}

export async function resultsTemplateCommand(file: string, opts: TemplateOptions): Promise<number> {
  const { lang } = opts;
  const ctx = await loadContext(file, lang);
  if (!ctx) return 2;
  checkOutFolder(opts.out, lang);
  const folder = answersFolder(opts.out, ctx);
  const header = palette({ accent: ctx.accentColor }).accentTint;
  const lines: string[] = [t(lang, 'results_template_folder', { folder: shownPath(folder) })];
  const warnings: string[] = [];
  for (const meeting of ctx.meetings) {
    const ref: MeetingRef = { key: meeting.fileSuffix, audience: meeting.audience, date: meeting.date };
    const name = templateName(ref);
    const files: [string, () => Uint8Array][] = [
      [
        `${name}.xlsx`,
        () =>
          templateXlsx(ctx.lang, { ...ref, dateText: formatDate(meeting.date, ctx.lang), venue: meeting.venue.name, expected: meeting.expectedParticipants }, {
            headerFill: header,
            date: ctx.date,
            title: `Welkome Wijk ${ctx.area.name} - ${name}`,
          }),
      ],
      [`${name}.csv`, () => templateCsv(ctx.lang, ref)],
    ];
    for (const [fileName, make] of files) {
      const path = join(folder, fileName);
      // A sheet someone has typed forms into is never overwritten unasked.
      if (existsSync(path) && !opts.force) {
        warnings.push(t(lang, 'results_template_exists', { file: shownPath(path) }));
        continue;
      }
      const bytes = make();
      writeFileAtomic(path, bytes);
      lines.push(`  ${t(lang, 'render_written', { file: fileName, size: humanSize(bytes.byteLength) })}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (warnings.length) process.stderr.write(`${warnings.join('\n')}\n`);
  process.stdout.write(`${t(lang, 'results_template_next', { file: shownPath(file) })}\n`);
  return 0;
}

/** Problems in the answers, sorted by file and place, each as `file:row:col label  cell · header` and its message. */
export function formatAnswerProblems(problems: readonly AnswerProblem[], lang: Lang, colour = paletteFor(process.stderr)): string {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row || a.col - b.col || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return sorted
    .map((p) => {
      const label = p.severity === 'error' ? colour.error(t(lang, 'label_error')) : colour.warning(t(lang, 'label_warning'));
      const where = [t(lang, 'answers_cell', { cell: `${columnLetter(p.col)}${p.row}` }), p.header ? printable(p.header) : ''].filter(Boolean).join(' · ');
      return `${colour.bold(`${printable(p.file)}:${p.row}:${p.col}`)} ${label}  ${colour.dim(where)}\n  ${t(lang, p.key, p.params)}\n`;
    })
    .join('\n');
}

/** As with the project file: the first problems are what to fix first. */
const MAX_SHOWN = 50;

export interface RenderResultsOptions {
  answers?: string[];
  /** As for `render`: --pdf-engine, else WELKOME_WIJK_PDF_ENGINE, else the default. */
  pdfEngine?: string;
  format: string;
  out: string;
  templates?: string[];
  lang: Lang;
}

export async function renderResultsCommand(file: string, opts: RenderResultsOptions): Promise<number> {
  const { lang } = opts;
  const formats = parseFormats(opts.format, lang);
  const engine = parsePdfEngine(opts.pdfEngine ?? process.env.WELKOME_WIJK_PDF_ENGINE, lang);
  const ctx = await loadContext(file, lang, opts.templates);
  if (!ctx) return 2;
  checkOutFolder(opts.out, lang);
  let values = opts.answers?.length ? opts.answers : undefined;
  if (!values) {
    const folder = answersFolder(opts.out, ctx);
    if (!existsSync(folder)) throw new UserError(t(lang, 'answers_folder_missing', { folder: shownPath(folder) }));
    values = [folder];
  }
  const collected = collectAnswers(values, meetingRefs(ctx), surveyOf(ctx.lang), (p) => shownPath(resolve(p)));
  const errors = collected.problems.filter((p) => p.severity === 'error').length;
  const warnings = collected.problems.length - errors;
  if (collected.problems.length) {
    const shown = collected.problems.filter((p) => p.severity === 'error').concat(collected.problems.filter((p) => p.severity === 'warning')).slice(0, MAX_SHOWN);
    process.stderr.write(`${formatAnswerProblems(shown, lang)}\n`);
  }
  if (errors) {
    process.stderr.write(`${t(lang, 'answers_summary', { errors, warnings })}\n`);
    return 2;
  }
  if (warnings) process.stderr.write(`${t(lang, 'answers_summary_warnings', { warnings })}\n`);
  let warned = false;
  const onFallback = (_from: unknown, _to: unknown, reason: Error) => {
    if (!warned) process.stderr.write(`${t(lang, 'pdf_engine_fallback', { detail: reason.message })}\n`);
    warned = true;
  };
  const written = await writeOutputs(ctx, renderResults(ctx, collected.meetings), { formats, outDir: opts.out, preferredWriters: engine ? [engine] : [], onFallback });
  for (const f of written) process.stdout.write(`${t(lang, 'render_written', { file: shownPath(f.path), size: humanSize(f.bytes) })}\n`);
  process.stdout.write(`${t(lang, 'render_summary', { count: written.length, area: ctx.area.name })}\n`);
  return 0;
}
