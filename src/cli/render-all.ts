// `welkome-wijk render all [files...]`: every material of one project file, or of hundreds. Plans the
// run (which files, which shard, what is unchanged since the last run), builds the rest on worker
// threads, puts each finished bundle in place whole, and reports per bundle: lines for people, a
// progress bar on a terminal, JSON and GitHub annotations for CI, and zips per municipality.
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { buildBundle, inputOptions, type BuildError, type BuildJob, type BuildResult } from '../batch/build.js';
import { expandInputs, parseShard, shardOf, shownPath, type BatchFile } from '../batch/files.js';
import { peekProject, type Peek } from '../batch/peek.js';
import { Pool } from '../batch/pool.js';
import { writeMunicipalityZip, type ZipBundle } from '../batch/zip.js';
import { UserError } from '../errors.js';
import { localeOf } from '../languages.js';
import { MATERIAL_IDS, MATERIALS } from '../materials/registry.js';
import { t, type Lang } from '../messages.js';
import { bundleIsCurrent, foreignEntries, foreignError, readManifest, recoverBundles, writeBundle } from '../output/bundle.js';
import { projectFolder, slug } from '../output/files.js';
import { bundleInputs, type FolderSums } from '../output/inputs.js';
import type { Manifest } from '../output/render.js';
import { packageInfo, packageVersion } from '../paths.js';
import { problemFormatter } from '../project/problems.js';
import { WRITERS } from '../writers/index.js';
import { paletteFor } from './colour.js';
import { checkOutFolder, parseAudience, parseFormats, parsePdfEngine, skippedLines } from './render.js';
import { annotation, annotationsWanted, jsonProblem, problemAnnotations, type JsonProblem } from './report.js';
import { fileSystemMessage } from './usage-errors.js';

export interface RenderAllOptions {
  format: string;
  out: string;
  templates?: string[];
  audience?: string;
  lang: Lang;
  jobs?: string;
  shard?: string;
  json?: boolean;
  zip?: boolean;
  quiet?: boolean;
  force?: boolean;
  /** The PDF engine: --pdf-engine, else WELKOME_WIJK_PDF_ENGINE, else the default (Typst). */
  pdfEngine?: string;
}

type Status = 'built' | 'unchanged' | 'invalid' | 'failed' | 'interrupted';

interface Entry {
  file: BatchFile;
  peek: Peek;
  /** The bundle folder: planned from the peek, then the one the build reports. */
  folder?: string;
  status?: Status;
  result?: BuildResult;
  manifest?: Manifest;
  /** Why the bundle was not made, worded. */
  reason?: string;
  internal?: boolean;
}

/** Threads are replaced after this many bundles (WELKOME_WIJK_WORKER_BUNDLES), or when memory passes the limits below. */
const WORKER_BUNDLES = 100;
/** Resident memory allowed per thread, in MB (WELKOME_WIJK_WORKER_MB); the process may hold this times --jobs, plus the main thread. */
const WORKER_MB = 300;
const MAIN_MB = 150;
/** V8's heap limit per thread (see pool.ts): keeps a thread near 200 MB resident instead of 350. */
const HEAP_LIMIT_MB = 256;

function envNumber(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function parseJobs(value: string | undefined, lang: Lang): number {
  const max = 256;
  if (value === undefined) return Math.max(1, availableParallelism());
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!(n >= 1 && n <= max)) throw new UserError(t(lang, 'batch_bad_jobs', { got: value, max }));
  return n;
}

/** A worker's error, worded: the user's own problem (exit 2) or a fault in welkome-wijk (exit 1). */
function describe(error: BuildError | undefined, lang: Lang): { reason: string; internal: boolean } {
  if (!error) return { reason: '', internal: true };
  if (error.kind === 'user') return { reason: error.ref ? t(lang, error.ref.key, error.ref.params) : error.message, internal: false };
  if (error.kind === 'fs') {
    const refusal = fileSystemMessage(Object.assign(new Error(error.message), { code: error.code, syscall: error.syscall, path: error.path }), lang);
    if (refusal) return { reason: refusal, internal: false };
  }
  return { reason: error.kind === 'internal' ? (error.stack ?? error.message) : error.message, internal: true };
}

function seconds(lang: Lang, s: number): string {
  return s.toLocaleString(localeOf(lang), { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

/** A progress bar on the terminal's last line, cleared whenever another line is written. */
class Progress {
  private drawn = false;
  private timer?: NodeJS.Timeout;
  private state = { done: 0, built: 0, failed: 0 };
  constructor(
    private enabled: boolean,
    private readonly total: number,
    private readonly lang: Lang,
    private readonly started: number,
  ) {}

  write(stream: NodeJS.WriteStream, text: string): void {
    this.clear();
    stream.write(text);
    this.draw();
  }

  /** Draw the bar now and redraw it every second (the seconds run on between bundles). */
  start(): void {
    if (!this.enabled) return;
    this.draw();
    this.timer = setInterval(() => {
      this.clear();
      this.draw();
    }, 1000);
    this.timer.unref();
  }

  /** The new counts, shown with the next line written (or the next tick). */
  set(state: { done: number; built: number; failed: number }): void {
    this.state = state;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.clear();
    this.enabled = false;
  }

  clear(): void {
    if (this.drawn) process.stderr.write('\r\u001b[K');
    this.drawn = false;
  }

  private draw(): void {
    if (!this.enabled) return;
    const width = 24;
    const filled = Math.round((width * this.state.done) / Math.max(1, this.total));
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
    const elapsed = seconds(this.lang, (performance.now() - this.started) / 1000);
    process.stderr.write(t(this.lang, 'batch_progress', { bar, done: this.state.done, total: this.total, built: this.state.built, failed: this.state.failed, seconds: elapsed }));
    this.drawn = true;
  }
}

export async function renderAllCommand(args: string[], opts: RenderAllOptions): Promise<number> {
  const { lang } = opts;
  const started = performance.now();
  const formats = parseFormats(opts.format, lang);
  const audience = parseAudience(opts.audience, lang);
  const engine = parsePdfEngine(opts.pdfEngine ?? process.env.WELKOME_WIJK_PDF_ENGINE, lang);
  const preferredWriters = engine ? [engine] : [];
  const jobs = parseJobs(opts.jobs, lang);
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  const all = expandInputs(args.length ? args : ['welkome-wijk.yaml']);
  checkOutFolder(opts.out, lang);

  // With --json, standard output carries only the report.
  const out = opts.json ? process.stderr : process.stdout;
  const err = process.stderr;
  const annotate = annotationsWanted();
  const annotations = (line: string) => (opts.json ? err : process.stdout).write(`${line}\n`);
  const shown = (path: string) => shownPath(path);

  // Plan: peek into every file (all of them when sharding: a shard is cut by municipality).
  const peeks = new Map<string, Peek>();
  const peekOf = (f: BatchFile) => {
    let p = peeks.get(f.path);
    if (!p) peeks.set(f.path, (p = peekProject(f.path)));
    return p;
  };
  let selection = all;
  if (shard) {
    selection = shardOf(all, (f) => (peekOf(f).municipality ? `m:${slug(peekOf(f).municipality!, 'gemeente')}` : `f:${f.shown}`), shard.index, shard.count);
    if (!selection.length && !opts.quiet) out.write(`${t(lang, 'batch_shard_empty', { shard: `${shard.index}/${shard.count}`, count: all.length })}\n`);
  }
  const templates = opts.templates?.map((d) => resolve(d));
  const options = inputOptions(formats, preferredWriters, audience);
  const sums: FolderSums = new Map();
  const claimed = new Map<string, Entry>();
  const recovered = new Set<string>();
  const entries: Entry[] = selection.map((file) => ({ file, peek: peekOf(file) }));
  const toBuild: Entry[] = [];
  for (const entry of entries) {
    const { peek } = entry;
    if (peek.municipality && peek.area) {
      entry.folder = projectFolder(opts.out, peek.municipality, peek.area);
      const other = claimed.get(entry.folder);
      if (other) {
        entry.status = 'failed';
        entry.reason = t(lang, 'batch_same_folder', { other: other.file.shown, folder: shown(entry.folder) });
        continue;
      }
      claimed.set(entry.folder, entry);
      // A killed run may have left a bundle moved aside: put it back before asking whether it is current.
      const parent = dirname(entry.folder);
      if (!recovered.has(parent)) {
        recovered.add(parent);
        recoverBundles(parent);
      }
      if (!opts.force && peek.bytes) {
        const inputs = bundleInputs({ source: peek.bytes, templateDirs: [...(templates ?? []), ...(peek.templates ? [peek.templates] : [])], logo: peek.logo, photo: peek.photo, options }, sums);
        const current = inputs && bundleIsCurrent(entry.folder, inputs.key);
        if (current) {
          entry.status = 'unchanged';
          entry.manifest = current;
          continue;
        }
      }
    }
    // A bundle folder holding someone's own files is refused now, not after seconds of rendering
    // (known only with a manifest; without one, writeBundle checks against the new files).
    if (entry.folder && readManifest(entry.folder)) {
      const foreign = foreignEntries(entry.folder, new Set());
      if (foreign.length) {
        entry.status = 'failed';
        const ref = foreignError(entry.folder, foreign).ref!;
        entry.reason = t(lang, ref.key, { ...ref.params, folder: shown(entry.folder) });
        continue;
      }
    }
    toBuild.push(entry);
  }

  const single = selection.length === 1;
  const tty = !!err.isTTY && !opts.quiet && !single;
  const progress = new Progress(tty, toBuild.length, lang, started);
  const errColour = paletteFor(err);
  const counts = () => ({
    built: entries.filter((e) => e.status === 'built').length,
    unchanged: entries.filter((e) => e.status === 'unchanged').length,
    failed: entries.filter((e) => e.status === 'invalid' || e.status === 'failed').length,
  });

  // Said once per run, not per bundle: where the native Typst package cannot load, pdfmake makes the PDFs.
  let fallbackSaid = false;
  /** A finished build: put the bundle in place and report it. Synchronous, so a signal waits for it. */
  const finish = (entry: Entry, result: BuildResult) => {
    entry.result = result;
    if (result.fallback && !fallbackSaid) {
      fallbackSaid = true;
      progress.write(err, `${t(lang, 'pdf_engine_fallback', { detail: result.fallback })}\n`);
    }
    const problems = result.problems;
    if (problems.length && result.source !== undefined && !(opts.quiet && result.status === 'built')) {
      const format = problemFormatter({ lang, file: entry.file.shown, source: result.source, colour: errColour });
      const shownProblems = problems.slice(0, 50).map((p) => `${format(p)}\n\n`).join('');
      progress.write(err, shownProblems);
    }
    if (annotate) problemAnnotations(entry.file.path, problems, lang).forEach(annotations);
    if (result.status === 'built' && result.folder && result.files) {
      const other = claimed.get(result.folder);
      if (other && other !== entry) {
        entry.status = 'failed';
        entry.reason = t(lang, 'batch_same_folder', { other: other.file.shown, folder: shown(result.folder) });
      } else {
        claimed.set(result.folder, entry);
        entry.folder = result.folder;
        try {
          writeBundle({ folder: result.folder, files: result.files });
          entry.status = 'built';
          entry.manifest = JSON.parse(new TextDecoder().decode(result.files[result.files.length - 1].bytes)) as Manifest;
        } catch (e) {
          entry.status = 'failed';
          if (e instanceof UserError && e.ref) entry.reason = t(lang, e.ref.key, { ...e.ref.params, folder: shown(result.folder) });
          else {
            const refusal = fileSystemMessage(e, lang);
            entry.reason = refusal ?? String((e as Error)?.stack ?? e);
            entry.internal = !refusal;
          }
        }
      }
    } else if (result.status === 'invalid') {
      entry.status = 'invalid';
    } else {
      entry.status = 'failed';
      const d = describe(result.error, lang);
      entry.reason = d.reason;
      entry.internal = d.internal;
    }
    progress.set({ done: toBuild.filter((e) => e.status).length, ...counts() });
    reportEntry(entry);
  };

  const reportEntry = (entry: Entry) => {
    const r = entry.result;
    if (entry.status === 'built' && entry.folder && r?.files) {
      if (opts.quiet) return;
      if (single) {
        // One bundle: where it is and how many files of each kind, as a single render always said.
        const lines = [t(lang, 'render_folder', { folder: shown(entry.folder) })];
        for (const id of [...MATERIAL_IDS, 'manifest'] as const) {
          const n = r.files.filter((f) => f.material === id).length;
          const group = id === 'manifest' ? 'material_manifest' : MATERIALS[id].group;
          if (n) lines.push(t(lang, 'render_group', { material: t(lang, group), count: n }));
        }
        lines.push(...skippedLines(r.skipped ?? [], formats, lang));
        lines.push(t(lang, 'render_summary', { count: r.files.length, area: entry.manifest?.area ?? basename(entry.folder) }));
        progress.write(out, `${lines.join('\n')}\n`);
      } else {
        progress.write(out, `${t(lang, 'batch_built', { folder: shown(entry.folder), count: r.files.length, seconds: seconds(lang, r.seconds) })}\n`);
      }
      return;
    }
    if (entry.status === 'invalid' && r) {
      const errors = r.problems.filter((p) => p.severity === 'error').length;
      const warnings = r.problems.length - errors;
      progress.write(err, `${single ? t(lang, 'validate_summary', { errors, warnings, file: entry.file.shown }) : t(lang, 'batch_failed_problems', { file: entry.file.shown, errors })}\n`);
      return;
    }
    if (entry.status === 'failed') {
      if (annotate) annotations(annotation('error', entry.file.path, entry.internal ? t(lang, 'batch_internal', { file: entry.file.shown, where: bugsUrl() }) : (entry.reason ?? '')));
      if (entry.internal) progress.write(err, `${t(lang, 'batch_internal', { file: entry.file.shown, where: bugsUrl() })}\n\n${entry.reason}\n`);
      else progress.write(err, `${single ? entry.reason : t(lang, 'batch_failed', { file: entry.file.shown, reason: entry.reason ?? '' })}\n`);
    }
  };

  // Files found unusable while planning are reported first.
  for (const entry of entries) if (entry.status === 'failed') reportEntry(entry);
  if (single && entries[0]?.status === 'unchanged' && !opts.quiet) out.write(`${t(lang, 'render_unchanged', { folder: shown(entries[0].folder!) })}\n`);

  // Build. A signal stops the run between bundles: nothing is half-written (writes are synchronous and
  // happen whole, see output/bundle.ts), threads are stopped, and the process exits 128 + signal.
  let interrupted: NodeJS.Signals | undefined;
  let stop: (signal: NodeJS.Signals) => void = () => {};
  const stopped = new Promise<void>((resolveStop) => {
    stop = (signal) => {
      if (interrupted) process.exit(signal === 'SIGTERM' ? 143 : 130);
      interrupted = signal;
      resolveStop();
    };
  });
  const onSignal = (signal: NodeJS.Signals) => stop(signal);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const job = (entry: Entry, id: number): BuildJob => ({
    id,
    file: entry.file.path,
    lang,
    materials: MATERIAL_IDS,
    formats,
    audience,
    templates,
    outDir: opts.out,
    preferredWriters,
    // The file's own practice situations are measured on their cards in the thread that builds it.
    measureCards: true,
    inputOptions: options,
  });
  let pool: Pool | undefined;
  progress.start();
  try {
    let work: Promise<unknown>;
    if (toBuild.length === 1) {
      // One bundle: in this thread, with a line per material on a terminal as before.
      const entry = toBuild[0];
      let last = performance.now();
      const onMaterial =
        single && err.isTTY && !opts.quiet
          ? (id: (typeof MATERIAL_IDS)[number], count: number) => {
              err.write(`${t(lang, 'render_progress', { material: t(lang, MATERIALS[id].group), count, seconds: seconds(lang, (performance.now() - last) / 1000) })}\n`);
              last = performance.now();
            }
          : undefined;
      work = buildBundle(job(entry, 0), onMaterial).then((r) => {
        if (!interrupted) finish(entry, r);
      });
    } else if (toBuild.length > 1) {
      const size = Math.min(jobs, toBuild.length);
      pool = new Pool({
        size,
        maxBundles: envNumber('WELKOME_WIJK_WORKER_BUNDLES', WORKER_BUNDLES),
        maxHeapBytes: envNumber('WELKOME_WIJK_WORKER_MB', WORKER_MB) * 2 ** 20,
        maxRssBytes: (envNumber('WELKOME_WIJK_WORKER_MB', WORKER_MB) * size + MAIN_MB) * 2 ** 20,
        heapLimitMb: envNumber('WELKOME_WIJK_WORKER_HEAP_MB', HEAP_LIMIT_MB),
      });
      const p = pool;
      work = Promise.all(
        toBuild.map((entry, i) =>
          p.run(job(entry, i)).then((r) => {
            if (!interrupted) finish(entry, r);
          }),
        ),
      );
    } else {
      work = Promise.resolve();
    }
    await Promise.race([work, stopped]);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await pool?.close();
    progress.stop();
  }

  if (interrupted) {
    for (const e of toBuild) e.status ??= 'interrupted';
    const c = counts();
    err.write(`${t(lang, 'batch_interrupted', { signal: interrupted, built: c.built, unchanged: c.unchanged, left: toBuild.filter((e) => e.status === 'interrupted').length })}\n`);
    if (opts.json) process.stdout.write(`${JSON.stringify(report(), null, 2)}\n`);
    // Stop now: a bundle still rendering in this thread must not be waited for (it would not be written).
    process.exit(interrupted === 'SIGTERM' ? 143 : 130);
  }

  // Files a format passed over (team documents as web pages, the print-shop deck as DOCX): said once for
  // the run, not per bundle, since every bundle passes over the same documents. One bundle said it above.
  if (!single && !opts.quiet) {
    const skipped = entries.flatMap((e) => (e.status === 'built' ? (e.result?.skipped ?? []) : []));
    for (const line of skippedLines(skipped, formats, lang)) out.write(`${line}\n`);
  }

  // One zip per municipality, of the bundles this run made or found unchanged.
  const zips: { file: string; bundles: number; status: 'written' | 'unchanged' }[] = [];
  if (opts.zip) {
    const byMunicipality = new Map<string, ZipBundle[]>();
    for (const e of entries) {
      if ((e.status !== 'built' && e.status !== 'unchanged') || !e.folder || !e.manifest) continue;
      const dir = dirname(e.folder);
      const list = byMunicipality.get(dir) ?? [];
      list.push({ folder: e.folder, name: basename(e.folder), manifest: e.manifest });
      byMunicipality.set(dir, list);
    }
    for (const [dir, bundles] of [...byMunicipality].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const file = join(dirname(dir), `${basename(dir)}.zip`);
      const status = writeMunicipalityZip(file, bundles);
      zips.push({ file, bundles: bundles.length, status });
      if (status === 'written' && !opts.quiet) out.write(`${t(lang, 'batch_zip', { file: shown(file), count: bundles.length })}\n`);
    }
  }

  const c = counts();
  if (!single || opts.quiet) {
    out.write(`${t(lang, 'batch_summary', { seconds: seconds(lang, (performance.now() - started) / 1000), ...c })}\n`);
  }
  if (c.built === 0 && c.failed === 0 && c.unchanged > 0 && !zips.some((z) => z.status === 'written') && !(single && !opts.quiet)) {
    out.write(`${t(lang, 'batch_nothing_written')}\n`);
  }
  if (opts.json) process.stdout.write(`${JSON.stringify(report(), null, 2)}\n`);
  if (entries.some((e) => e.internal)) return 1;
  return c.failed > 0 ? 2 : 0;

  function report() {
    const c2 = counts();
    return {
      tool: 'welkome-wijk',
      version: packageVersion(),
      command: 'render all',
      shard: shard ? `${shard.index}/${shard.count}` : null,
      jobs,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      summary: { files: entries.length, ...c2, interrupted: entries.filter((e) => e.status === 'interrupted').length },
      files: entries.map((e) => {
        const problems = e.result?.problems ?? [];
        const json = (severity: 'error' | 'warning'): JsonProblem[] => problems.filter((p) => p.severity === severity).map((p) => jsonProblem(p, lang));
        return {
          file: e.file.shown,
          status: e.status ?? 'interrupted',
          folder: e.folder ? shown(e.folder) : null,
          seconds: e.result ? Math.round(e.result.seconds * 100) / 100 : null,
          // Not checked again when unchanged: its inputs are those of the last build.
          problems: e.status === 'unchanged' ? null : [...json('error'), ...(e.reason ? [{ severity: 'error' as const, message: e.reason }] : [])],
          warnings: e.status === 'unchanged' ? null : json('warning'),
          files: e.manifest ? e.manifest.files.map((f) => ({ file: f.file, bytes: f.bytes, sha256: f.sha256 })) : [],
          // Passed over by a format (web pages are of public documents only; the print-shop deck is PDF only).
          skipped: e.status === 'built' ? (e.result?.skipped ?? []).map((f) => ({ file: basename(f.path), format: WRITERS[f.writer].format, reason: f.reason })) : null,
        };
      }),
      zips: zips.map((z) => ({ file: shown(z.file), bundles: z.bundles, status: z.status })),
    };
  }
}

function bugsUrl(): string {
  return packageInfo().bugs ?? 'welkome-wijk';
}
