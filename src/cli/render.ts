// `welkome-wijk render <material> [file]`: validate the file, render one material, write its files
// (`render all`, which takes many files and writes whole bundles, is render-all.ts).
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { MATERIALS, type MaterialId } from '../materials/registry.js';
import type { Lang } from '../messages.js';
import { t } from '../messages.js';
import { AUDIENCES, type Audience } from '../project/schema.js';
import { renderProject, type SkippedFile } from '../output/render.js';
import { localeOf } from '../languages.js';
import { resolveProject } from '../resolve/index.js';
import { documentFormats, PDF_ENGINES, WRITERS } from '../writers/index.js';
import { loadForCommand } from './load-project.js';
import { wrongChoice } from './usage-errors.js';

export interface RenderOptions {
  /** The PDF engine: --pdf-engine, else WELKOME_WIJK_PDF_ENGINE, else the default (Typst). */
  pdfEngine?: string;
  audience?: string;
  format: string;
  out: string;
  templates?: string[];
  lang: Lang;
}

export function parseFormats(value: string, lang: Lang): string[] {
  const known = documentFormats();
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const wrong = formats.filter((f) => !known.includes(f));
  if (wrong.length || !formats.length) throw wrongChoice(lang, 'cli_bad_format', wrong[0] ?? value, known);
  return [...new Set(formats)];
}

export function parseAudience(value: string | undefined, lang: Lang): Audience | undefined {
  if (value === undefined) return undefined;
  if (!(AUDIENCES as readonly string[]).includes(value)) throw wrongChoice(lang, 'cli_bad_audience', value, AUDIENCES);
  return value as Audience;
}

/**
 * Check the output folder before rendering, which takes seconds: a file in its place, or a folder
 * we may not write in, is said plainly now rather than as an error from deep inside a write.
 */
export function checkOutFolder(out: string, lang: Lang): void {
  const target = resolve(out);
  let nearest = target;
  while (!existsSync(nearest) && dirname(nearest) !== nearest) nearest = dirname(nearest);
  if (!statSync(nearest).isDirectory()) {
    throw new UserError(t(lang, nearest === target ? 'out_not_folder' : 'out_parent_not_folder', { path: out, parent: relative(process.cwd(), nearest) || nearest }));
  }
  try {
    accessSync(nearest, constants.W_OK);
  } catch {
    throw new UserError(t(lang, 'out_read_only', { path: relative(process.cwd(), nearest) || nearest }));
  }
}

export function parsePdfEngine(value: string | undefined, lang: Lang): string | undefined {
  if (value === undefined || value === '') return undefined;
  const engine = value.trim().toLowerCase();
  if (!PDF_ENGINES.includes(engine)) throw wrongChoice(lang, 'cli_bad_pdf_engine', engine, PDF_ENGINES);
  return engine;
}

export function humanSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} kB`;
}

/**
 * The lines that say which files a format passed over and why (web pages are made of public
 * documents only; the print-shop deck is PDF only), one per format and reason. Said, not silent:
 * someone who asked for a web page of every material should know which are missing and why.
 */
export function skippedLines(skipped: readonly Pick<SkippedFile, 'path' | 'writer' | 'reason'>[], formats: readonly string[], lang: Lang): string[] {
  const lines: string[] = [];
  for (const format of formats) {
    for (const reason of ['team', 'print'] as const) {
      const names = [...new Set(skipped.filter((f) => WRITERS[f.writer].format === format && f.reason === reason).map((f) => basename(f.path)))];
      const key = reason === 'team' ? 'render_skipped_team' : 'render_skipped_print';
      if (names.length) lines.push(t(lang, key, { format, count: names.length, files: names.join(', ') }));
    }
  }
  return lines;
}

/** The notice that pdfmake makes the PDFs where the native Typst package cannot load: said once per run. */
export function fallbackNotice(lang: Lang): (reason: { message: string }) => void {
  let warned = false;
  return (reason) => {
    if (!warned) process.stderr.write(`${t(lang, 'pdf_engine_fallback', { detail: reason.message })}\n`);
    warned = true;
  };
}

export async function renderCommand(what: MaterialId, file: string, opts: RenderOptions): Promise<number> {
  const { lang } = opts;
  const formats = parseFormats(opts.format, lang);
  const audience = parseAudience(opts.audience, lang);
  // Cards are measured only when situation cards are made (the file's own situations on them).
  const loaded = await loadForCommand(file, lang, false, { measureCards: what === 'cards', templateDirs: opts.templates });
  if (!loaded) return 2;
  const { project } = loaded;
  if (audience && !project.meetings.some((m) => m.audience === audience)) {
    throw new UserError(t(lang, 'cli_no_meeting_for', { audience }));
  }
  checkOutFolder(opts.out, lang);
  const ctx = resolveProject(project, { baseDir: dirname(resolve(file)), templateDirs: opts.templates });
  const materials = [what];
  // Progress only on a terminal: one line per material as it is done. Pipes and CI logs get only the summary.
  let started = performance.now();
  const onMaterial = process.stderr.isTTY
    ? (id: MaterialId, count: number) => {
        const seconds = ((performance.now() - started) / 1000).toLocaleString(localeOf(lang), { maximumFractionDigits: 1, minimumFractionDigits: 1 });
        process.stderr.write(`${t(lang, 'render_progress', { material: t(lang, MATERIALS[id].group), count, seconds })}\n`);
        started = performance.now();
      }
    : undefined;
  const skipped: SkippedFile[] = [];
  const engine = parsePdfEngine(opts.pdfEngine ?? process.env.WELKOME_WIJK_PDF_ENGINE, lang);
  const notice = fallbackNotice(lang);
  const written = await renderProject(ctx, {
    materials,
    formats,
    preferredWriters: engine ? [engine] : [],
    outDir: opts.out,
    options: { audience },
    onMaterial,
    onFallback: (_from, _to, reason) => notice(reason),
    onSkipped: (f) => skipped.push(f),
  });
  const shown = (path: string) => {
    const rel = relative(process.cwd(), path);
    return rel.startsWith('..') ? path : rel;
  };
  for (const f of written) process.stdout.write(`${t(lang, 'render_written', { file: shown(f.path), size: humanSize(f.bytes) })}\n`);
  for (const line of skippedLines(skipped, formats, lang)) process.stdout.write(`${line}\n`);
  process.stdout.write(`${t(lang, 'render_summary', { count: written.length, area: project.area.name })}\n`);
  return 0;
}
