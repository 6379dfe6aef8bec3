// Runs materials and writers for one project and writes the files: everything is rendered in memory
// first, then written atomically, so a failure halfway leaves no half-made set behind.
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import type { MaterialContext, MaterialOptions, Output } from '../materials/context.js';
import { MATERIALS, type MaterialId } from '../materials/registry.js';
import { WRITERS, writeDocumentWith, writerFor, type Writer, type WriterId } from '../writers/index.js';
import { projectFolder, writeFileAtomic } from './files.js';

export interface WrittenFile {
  path: string;
  material: MaterialId | 'manifest';
  /** The writer that made the file (absent for the manifest). */
  writer?: WriterId;
  bytes: number;
}

/**
 * A file not written: its writer makes only public documents and this one is for the team (`team`), or
 * the document is made in other formats only (`print`: a print-shop deck, PDF only).
 */
export interface SkippedFile {
  /** Where it would have gone. */
  path: string;
  material: MaterialId;
  writer: WriterId;
  reason: 'team' | 'print';
}

export interface RenderRequest {
  materials: MaterialId[];
  /** Document formats to write (`pdf`, `docx`); calendars are always written as .ics. */
  formats: string[];
  /** Writer ids preferred where a format has several (e.g. a PDF engine). */
  preferredWriters?: string[];
  outDir: string;
  options: MaterialOptions;
  /** Also write manifest.json listing every file with its checksum (for complete bundles). */
  manifest?: boolean;
  /** Called when a preferred writer cannot run here and another takes over (the Typst engine without its native package). */
  onFallback?: (from: Writer<'document'>, to: Writer<'document'>, reason: Error) => void;
  /** Called when a material is rendered (before anything is written), for progress on a terminal. */
  onMaterial?: (id: MaterialId, files: number) => void;
  /** Called for each team document a public-only writer (HTML) passed over. */
  onSkipped?: (file: SkippedFile) => void;
}

interface Pending {
  path: string;
  material: MaterialId | 'manifest';
  writer?: WriterId;
  bytes: Uint8Array;
}

type Written = { writer: Pick<Writer, 'id' | 'extension'>; bytes: Uint8Array } | { writer: Pick<Writer, 'id' | 'extension'>; skipped: SkippedFile['reason'] };

/**
 * An output written by each writer it goes through: each requested format for documents, the
 * calendar writer for calendars. A team document is not given to a public-only writer: a web page
 * is made to be put online, and run sheets name people who did not agree to be named in public.
 */
async function writeOutput(output: Output, req: RenderRequest): Promise<Written[]> {
  if (output.kind === 'calendar') {
    const writer = WRITERS.ics;
    return [{ writer, bytes: await (await writer.load())(output.calendar) }];
  }
  // A ready file needs no writer: its bytes are what the material made.
  if (output.kind === 'file') return [{ writer: { id: 'file', extension: output.extension }, bytes: output.bytes }];
  const written: Written[] = [];
  for (const format of req.formats) {
    const writer = writerFor(format, req.preferredWriters);
    if (output.formats && !output.formats.includes(format)) written.push({ writer, skipped: 'print' });
    else if (writer.publicOnly && output.document.meta.visibility !== 'public') written.push({ writer, skipped: 'team' });
    else written.push(await writeDocumentWith(output.document, format, req.preferredWriters, req.onFallback));
  }
  return written;
}

/** Render the requested materials in the requested formats; returns what was written. */
export async function renderProject(ctx: MaterialContext, req: RenderRequest): Promise<WrittenFile[]> {
  const folder = projectFolder(req.outDir, ctx.municipality, ctx.area.name);
  const pending: Pending[] = [];
  for (const id of req.materials) {
    const material = MATERIALS[id];
    const render = await material.load();
    const outputs = await render(ctx, material.perAudience ? req.options : {});
    const before = pending.length;
    for (const output of outputs) {
      for (const result of await writeOutput(output, req)) {
        const path = join(folder, `${output.name}.${result.writer.extension}`);
        if ('skipped' in result) req.onSkipped?.({ path, material: id, writer: result.writer.id as WriterId, reason: result.skipped });
        // A ready file had no writer, like the manifest.
        else pending.push({ path, material: id, writer: result.writer.id === 'file' ? undefined : (result.writer.id as WriterId), bytes: result.bytes });
      }
    }
    req.onMaterial?.(id, pending.length - before);
  }
  if (req.manifest) pending.push({ path: join(folder, 'manifest.json'), material: 'manifest', bytes: manifest(ctx, folder, pending) });
  for (const file of pending) writeFileAtomic(file.path, file.bytes);
  return pending.map((f) => ({ path: f.path, material: f.material, writer: f.writer, bytes: f.bytes.byteLength }));
}

/**
 * What a bundle holds, with checksums, so a CI pipeline can see what changed between runs. No
 * timestamps: the same input gives the same manifest.
 */
function manifest(ctx: MaterialContext, folder: string, files: Pending[]): Uint8Array {
  const body = {
    municipality: ctx.municipality,
    area: ctx.area.name,
    language: ctx.lang,
    date: ctx.date.toISOString(),
    files: files.map((f) => ({
      file: relative(folder, f.path).split(sep).join('/'),
      material: f.material,
      writer: f.writer,
      bytes: f.bytes.byteLength,
      sha256: createHash('sha256').update(f.bytes).digest('hex'),
    })),
  };
  return new TextEncoder().encode(`${JSON.stringify(body, null, 2)}\n`);
}
