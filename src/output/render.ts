// Runs materials and writers for one project. A whole bundle (`render all`) is rendered in memory and
// handed to bundle.ts, which puts it in place as one folder; a single material's files are written
// one by one, each atomically, and make the bundle's manifest stale (so it is removed).
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { MaterialContext, MaterialOptions, Output } from '../materials/context.js';
import { MATERIALS, type MaterialId } from '../materials/registry.js';
import { packageVersion } from '../paths.js';
import { WRITERS, writeDocumentWith, writerFor, type Writer, type WriterId } from '../writers/index.js';
import { projectFolder, writeFileAtomic } from './files.js';
import type { BundleInputs } from './inputs.js';

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
  /** What the bundle was made from, recorded in the manifest so a later run can skip it (inputs.ts). */
  inputs?: BundleInputs;
  /** Called when a preferred writer cannot run here and another takes over (the Typst engine without its native package). */
  onFallback?: (from: Writer<'document'>, to: Writer<'document'>, reason: Error) => void;
  /** Called when a material is rendered (before anything is written), for progress on a terminal. */
  onMaterial?: (id: MaterialId, files: number) => void;
  /** Called for each team document a public-only writer (HTML) passed over. */
  onSkipped?: (file: SkippedFile) => void;
}

/** One file of a bundle, rendered and not yet written. */
export interface BundleFile {
  /** The file name inside the bundle folder. */
  name: string;
  material: MaterialId | 'manifest';
  writer?: WriterId;
  bytes: Uint8Array;
  sha256: string;
}

/** A bundle in memory: the folder it belongs in and its files, manifest.json last when asked for. */
export interface RenderedBundle {
  folder: string;
  files: BundleFile[];
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

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Render the requested materials in the requested formats, in memory. */
export async function renderBundle(ctx: MaterialContext, req: RenderRequest): Promise<RenderedBundle> {
  const folder = projectFolder(req.outDir, ctx.municipality, ctx.area.name);
  const files: BundleFile[] = [];
  for (const id of req.materials) {
    const material = MATERIALS[id];
    const render = await material.load();
    const outputs = await render(ctx, material.perAudience ? req.options : {});
    const before = files.length;
    for (const output of outputs) {
      for (const result of await writeOutput(output, req)) {
        const name = `${output.name}.${result.writer.extension}`;
        if ('skipped' in result) req.onSkipped?.({ path: join(folder, name), material: id, writer: result.writer.id as WriterId, reason: result.skipped });
        // A ready file had no writer, like the manifest.
        else files.push({ name, material: id, writer: result.writer.id === 'file' ? undefined : (result.writer.id as WriterId), bytes: result.bytes, sha256: sha256(result.bytes) });
      }
    }
    req.onMaterial?.(id, files.length - before);
  }
  if (req.manifest) {
    const bytes = manifest(ctx, files, req.inputs);
    files.push({ name: MANIFEST, material: 'manifest', bytes, sha256: sha256(bytes) });
  }
  return { folder, files };
}

/** The name of a bundle's list of files. */
export const MANIFEST = 'manifest.json';

/**
 * Render and write single materials file by file, each atomically. The bundle's manifest no longer
 * describes the folder after that (a file may now come from other templates or options), so it is
 * removed: the next `render all` rebuilds the bundle instead of trusting it.
 */
export async function renderProject(ctx: MaterialContext, req: RenderRequest): Promise<WrittenFile[]> {
  const { folder, files } = await renderBundle(ctx, { ...req, manifest: false });
  const stale = join(folder, MANIFEST);
  if (files.length && existsSync(stale)) rmSync(stale, { force: true });
  for (const file of files) writeFileAtomic(join(folder, file.name), file.bytes);
  return files.map((f) => ({ path: join(folder, f.name), material: f.material, writer: f.writer, bytes: f.bytes.byteLength }));
}

/** The manifest as a later run reads it (see bundle.ts and inputs.ts). */
export interface Manifest {
  municipality: string;
  area: string;
  language: string;
  date: string;
  tool?: { name: string; version: string };
  inputs?: BundleInputs;
  files: { file: string; material: string; writer?: string; bytes: number; sha256: string }[];
}

/**
 * What a bundle holds, with checksums, so a CI pipeline can see what changed between runs, and what
 * it was made from, so a later run can tell it is still current. No timestamps and no paths of the
 * machine: the same input gives the same manifest.
 */
function manifest(ctx: MaterialContext, files: BundleFile[], inputs: BundleInputs | undefined): Uint8Array {
  const body: Manifest = {
    municipality: ctx.municipality,
    area: ctx.area.name,
    language: ctx.lang,
    date: ctx.date.toISOString(),
    tool: { name: 'welkome-wijk', version: packageVersion() },
    inputs,
    files: files.map((f) => ({ file: f.name, material: f.material, writer: f.writer, bytes: f.bytes.byteLength, sha256: f.sha256 })),
  };
  return new TextEncoder().encode(`${JSON.stringify(body, null, 2)}\n`);
}
