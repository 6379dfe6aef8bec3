// Builds one bundle in memory: check the file, resolve it, render every material. The same function
// runs in a worker thread (many files) and in the main thread (one file), so both give the same
// bytes. It writes nothing: the main thread puts finished bundles in place (output/bundle.ts).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { MaterialId } from '../materials/registry.js';
import type { Lang } from '../messages.js';
import { bundleInputs, type BundleInputs, type FolderSums, type InputOptions } from '../output/inputs.js';
import { renderBundle, type BundleFile, type SkippedFile } from '../output/render.js';
import { checkProjectBytes } from '../project/load.js';
import type { Problem } from '../project/problems.js';
import type { Audience } from '../project/schema.js';
import { resolveProject } from '../resolve/index.js';
import { writerFor } from '../writers/index.js';
import { withSituationFit } from './card-fit.js';

export interface BuildJob {
  id: number;
  /** Absolute path of the project file. */
  file: string;
  lang: Lang;
  materials: MaterialId[];
  formats: string[];
  preferredWriters?: string[];
  audience?: Audience;
  /** Absolute template folders from the command line, searched before the file's own. */
  templates?: string[];
  outDir: string;
  /**
   * Lay the file's own practice situations out on their cards first (as `validate` and `render cards`
   * do): one that does not fit makes the file invalid, with the problem at its story.
   */
  measureCards?: boolean;
  /**
   * The options recorded in the manifest's inputs, as the planner computed them when it looked for
   * unchanged bundles: one value on both sides, so a bundle built now is found unchanged next time.
   */
  inputOptions: InputOptions;
}

/** The options that change a bundle's files, as recorded in its manifest (see output/inputs.ts). */
export function inputOptions(formats: string[], preferredWriters: string[] | undefined, audience: Audience | undefined): InputOptions {
  return {
    formats,
    // The writer that makes each format, so switching the PDF engine rebuilds.
    writers: formats.map((f) => writerFor(f, preferredWriters).id),
    audience: audience ?? null,
    sourceDateEpoch: process.env.SOURCE_DATE_EPOCH || null,
  };
}

/** An error as it crosses from a worker to the main thread, which words it. */
export type BuildError =
  | { kind: 'user'; message: string; ref?: UserError['ref'] }
  | { kind: 'fs'; message: string; code: string; syscall?: string; path?: string }
  | { kind: 'internal'; message: string; stack?: string };

export interface BuildResult {
  id: number;
  /** built: the bundle is in `files`; invalid: the file has errors (in `problems`); failed: `error` says why. */
  status: 'built' | 'invalid' | 'failed';
  /** The file's text, for showing problems with their line (absent when it could not be read). */
  source?: string;
  /** Errors and warnings, with positions. */
  problems: Problem[];
  folder?: string;
  files?: BundleFile[];
  inputs?: BundleInputs;
  /** Files a format passed over (team documents as web pages, the print-shop deck as DOCX), to be said. */
  skipped?: SkippedFile[];
  /** Why the preferred PDF engine could not run and pdfmake made the PDFs instead (said once per run). */
  fallback?: string;
  error?: BuildError;
  /** Wall-clock seconds this bundle took to check and render. */
  seconds: number;
}

/** Template folders checksummed in this thread; they rarely change during a run. */
const folderSums: FolderSums = new Map();

export function serialiseError(err: unknown): BuildError {
  if (err instanceof UserError) return { kind: 'user', message: err.message, ref: err.ref };
  const e = err as NodeJS.ErrnoException | undefined;
  if (e && typeof e.code === 'string' && typeof e.syscall === 'string') {
    return { kind: 'fs', message: e.message, code: e.code, syscall: e.syscall, path: (e as { dest?: string }).dest ?? e.path };
  }
  return { kind: 'internal', message: e instanceof Error ? e.message : String(err), stack: e instanceof Error ? e.stack : undefined };
}

/** Check and render one project file (see the module comment). Never throws: failures are results. */
export async function buildBundle(job: BuildJob, onMaterial?: (id: MaterialId, files: number) => void): Promise<BuildResult> {
  const started = performance.now();
  const done = (r: Omit<BuildResult, 'id' | 'seconds'>): BuildResult => ({ id: job.id, seconds: (performance.now() - started) / 1000, ...r });
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(job.file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const key = code === 'ENOENT' ? 'file_missing' : code === 'EISDIR' ? 'file_is_dir' : 'file_unreadable';
    return done({ status: 'failed', problems: [], error: { kind: 'user', message: key, ref: { key, params: { file: job.file } } } });
  }
  let loaded = checkProjectBytes(bytes, job.file);
  let { source, problems } = loaded;
  if (!loaded.project) return done({ status: 'invalid', source, problems });
  try {
    if (job.measureCards) {
      loaded = await withSituationFit(loaded, job.file, job.templates);
      ({ source, problems } = loaded);
      if (!loaded.project) return done({ status: 'invalid', source, problems });
    }
    const project = loaded.project;
    const ctx = resolveProject(project, { baseDir: dirname(resolve(job.file)), templateDirs: job.templates });
    const inputs = bundleInputs(
      {
        source: bytes,
        templateDirs: ctx.templateDirs,
        logo: ctx.logo,
        photo: ctx.photo?.path,
        options: job.inputOptions,
      },
      folderSums,
    );
    const skipped: SkippedFile[] = [];
    let fallback: string | undefined;
    const bundle = await renderBundle(ctx, {
      materials: job.materials,
      formats: job.formats,
      preferredWriters: job.preferredWriters,
      outDir: job.outDir,
      options: { audience: job.audience },
      manifest: true,
      inputs,
      onMaterial,
      onFallback: (_from, _to, reason) => (fallback ??= reason.message),
      onSkipped: (file) => skipped.push(file),
    });
    return done({ status: 'built', source, problems, folder: bundle.folder, files: bundle.files, inputs, skipped, fallback });
  } catch (err) {
    return done({ status: 'failed', source, problems, error: serialiseError(err) });
  }
}
