// Runs materials and writers for one project and writes the files: everything is rendered in memory
// first, then written atomically, so a failure halfway leaves no half-made set behind.
import { join } from 'node:path';
import type { MaterialContext, MaterialOptions, Output } from '../materials/context.js';
import { MATERIALS, type MaterialId } from '../materials/registry.js';
import { WRITERS, type Format } from '../writers/index.js';
import { projectFolder, writeFileAtomic } from './files.js';

export interface WrittenFile {
  path: string;
  material: MaterialId;
  bytes: number;
}

export interface RenderRequest {
  materials: MaterialId[];
  formats: Format[];
  outDir: string;
  options: MaterialOptions;
}

/** Render the requested materials in the requested formats; returns what was written. */
export async function renderProject(ctx: MaterialContext, req: RenderRequest): Promise<WrittenFile[]> {
  const folder = projectFolder(req.outDir, ctx.project.municipality, ctx.project.area.name);
  const pending: { path: string; material: MaterialId; bytes: Uint8Array }[] = [];
  for (const id of req.materials) {
    const material = MATERIALS[id];
    const render = await material.load();
    const outputs: Output[] = await render(ctx, material.perAudience ? req.options : {});
    for (const output of outputs) {
      if (output.kind === 'file') {
        pending.push({ path: join(folder, output.name), material: id, bytes: output.bytes });
        continue;
      }
      for (const format of req.formats) {
        pending.push({ path: join(folder, `${output.name}.${format}`), material: id, bytes: await WRITERS[format](output.document) });
      }
    }
  }
  for (const file of pending) writeFileAtomic(file.path, file.bytes);
  return pending.map((f) => ({ path: f.path, material: f.material, bytes: f.bytes.byteLength }));
}
