// `welkome-wijk render <material> [file]`: validate the file, render the materials, write them.
import { dirname, relative, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { MATERIAL_IDS, MATERIALS, type MaterialId } from '../materials/registry.js';
import type { Lang } from '../messages.js';
import { t } from '../messages.js';
import { AUDIENCES, type Audience } from '../project/schema.js';
import { renderProject } from '../output/render.js';
import { resolveProject } from '../resolve/index.js';
import { documentFormats } from '../writers/index.js';
import { loadForCommand } from './load-project.js';

export interface RenderOptions {
  audience?: string;
  format: string;
  out: string;
  templates?: string[];
  lang: Lang;
}

function parseFormats(value: string, lang: Lang): string[] {
  const known = documentFormats();
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const wrong = formats.filter((f) => !known.includes(f));
  if (wrong.length || !formats.length) throw new UserError(t(lang, 'cli_bad_format', { got: wrong.join(', ') || value, allowed: known.join(', ') }));
  return [...new Set(formats)];
}

function parseAudience(value: string | undefined, lang: Lang): Audience | undefined {
  if (value === undefined) return undefined;
  if (!(AUDIENCES as readonly string[]).includes(value)) throw new UserError(t(lang, 'cli_bad_audience', { got: value, allowed: AUDIENCES.join(', ') }));
  return value as Audience;
}

function humanSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} kB`;
}

export async function renderCommand(what: MaterialId | 'all', file: string, opts: RenderOptions): Promise<number> {
  const formats = parseFormats(opts.format, opts.lang);
  const audience = parseAudience(opts.audience, opts.lang);
  const loaded = loadForCommand(file, opts.lang);
  if (!loaded) return 2;
  const { project } = loaded;
  if (audience && !project.meetings.some((m) => m.audience === audience) && what !== 'all') {
    throw new UserError(t(opts.lang, 'cli_no_meeting_for', { audience }));
  }
  const ctx = resolveProject(project, { baseDir: dirname(resolve(file)), templateDirs: opts.templates });
  const materials = what === 'all' ? MATERIAL_IDS : [what];
  const written = await renderProject(ctx, { materials, formats, outDir: opts.out, options: { audience }, manifest: what === 'all' });
  const shown = (path: string) => {
    const rel = relative(process.cwd(), path);
    return rel.startsWith('..') ? path : rel;
  };
  if (what === 'all') {
    // A bundle is dozens of files: say where they are and how many of each kind.
    process.stdout.write(`${t(opts.lang, 'render_folder', { folder: shown(dirname(written[0].path)) })}\n`);
    for (const id of [...MATERIAL_IDS, 'manifest'] as const) {
      const files = written.filter((f) => f.material === id);
      const group = id === 'manifest' ? 'material_manifest' : MATERIALS[id].group;
      if (files.length) process.stdout.write(`${t(opts.lang, 'render_group', { material: t(opts.lang, group), count: files.length })}\n`);
    }
  } else {
    for (const f of written) process.stdout.write(`${t(opts.lang, 'render_written', { file: shown(f.path), size: humanSize(f.bytes) })}\n`);
  }
  process.stdout.write(`${t(opts.lang, 'render_summary', { count: written.length, area: project.area.name })}\n`);
  return 0;
}
