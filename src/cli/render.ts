// `welkome-wijk render <material> [file]`: validate the file, render one material, write its files
// (`render all`, which takes many files and writes whole bundles, is render-all.ts).
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { MATERIAL_IDS, MATERIALS, type MaterialId } from '../materials/registry.js';
import type { Lang } from '../messages.js';
import { t } from '../messages.js';
import { AUDIENCES, type Audience } from '../project/schema.js';
import { renderProject } from '../output/render.js';
import { localeOf } from '../languages.js';
import { resolveProject } from '../resolve/index.js';
import { documentFormats } from '../writers/index.js';
import { loadForCommand } from './load-project.js';
import { wrongChoice } from './usage-errors.js';

export interface RenderOptions {
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

export function humanSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} kB`;
}

export async function renderCommand(what: MaterialId, file: string, opts: RenderOptions): Promise<number> {
  const { lang } = opts;
  const formats = parseFormats(opts.format, lang);
  const audience = parseAudience(opts.audience, lang);
  const loaded = loadForCommand(file, lang);
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
  const written = await renderProject(ctx, { materials, formats, outDir: opts.out, options: { audience }, onMaterial });
  const shown = (path: string) => {
    const rel = relative(process.cwd(), path);
    return rel.startsWith('..') ? path : rel;
  };
  for (const f of written) process.stdout.write(`${t(lang, 'render_written', { file: shown(f.path), size: humanSize(f.bytes) })}\n`);
  process.stdout.write(`${t(lang, 'render_summary', { count: written.length, area: project.area.name })}\n`);
  return 0;
}
