// Runs materials and writers for one project and writes the files: everything is rendered in memory
// first, then written atomically, so a failure halfway leaves no half-made set behind.
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import type { MaterialContext, MaterialOptions, Output } from '../materials/context.js';
import { MATERIALS, type MaterialId } from '../materials/registry.js';
import { WRITERS, type Format } from '../writers/index.js';
import { projectFolder, writeFileAtomic } from './files.js';

export interface WrittenFile {
  path: string;
  material: MaterialId | 'manifest';
  bytes: number;
}

export interface RenderRequest {
  materials: MaterialId[];
  formats: Format[];
  outDir: string;
  options: MaterialOptions;
  /** Also write manifest.json listing every file with its checksum (for complete bundles). */
  manifest?: boolean;
  /** Called when a material is rendered (before anything is written), for progress on a terminal. */
  onMaterial?: (id: MaterialId, files: number) => void;
}

/** Render the requested materials in the requested formats; returns what was written. */
export async function renderProject(ctx: MaterialContext, req: RenderRequest): Promise<WrittenFile[]> {
  const folder = projectFolder(req.outDir, ctx.project.municipality, ctx.project.area.name);
  const pending: { path: string; material: MaterialId | 'manifest'; bytes: Uint8Array }[] = [];
  for (const id of req.materials) {
    const material = MATERIALS[id];
    const render = await material.load();
    const outputs: Output[] = await render(ctx, material.perAudience ? req.options : {});
    const before = pending.length;
    for (const output of outputs) {
      if (output.kind === 'file') {
        pending.push({ path: join(folder, output.name), material: id, bytes: output.bytes });
        continue;
      }
      for (const format of req.formats) {
        pending.push({ path: join(folder, `${output.name}.${format}`), material: id, bytes: await WRITERS[format](output.document) });
      }
    }
    req.onMaterial?.(id, pending.length - before);
  }
  if (req.manifest) pending.push({ path: join(folder, 'manifest.json'), material: 'manifest', bytes: manifest(ctx, folder, pending) });
  for (const file of pending) writeFileAtomic(file.path, file.bytes);
  return pending.map((f) => ({ path: f.path, material: f.material, bytes: f.bytes.byteLength }));
}

/**
 * What a bundle holds, with checksums, so a CI pipeline can see what changed between runs. No
 * timestamps: the same input gives the same manifest.
 */
function manifest(ctx: MaterialContext, folder: string, files: { path: string; material: MaterialId | 'manifest'; bytes: Uint8Array }[]): Uint8Array {
  const { project } = ctx;
  const body = {
    municipality: project.municipality,
    area: project.area.name,
    language: ctx.lang,
    date: ctx.date.toISOString(),
    files: files.map((f) => ({
      file: relative(folder, f.path).split(sep).join('/'),
      material: f.material,
      bytes: f.bytes.byteLength,
      sha256: createHash('sha256').update(f.bytes).digest('hex'),
    })),
  };
  return new TextEncoder().encode(`${JSON.stringify(body, null, 2)}\n`);
}
