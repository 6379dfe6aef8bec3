// The native Typst compiler, loaded once per process, with our fonts and no way to reach files or packages we did not hand it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { InternalError } from '../../errors.js';
import { isOwnFont, typefaceBytes } from './fonts.js';

/** Exactly the version the template is written and tested against (Typst 0.14.2 inside). */
export const PACKAGE = '@myriaddreamin/typst-ts-node-compiler';

/**
 * Thrown when the native compiler cannot be loaded on this platform (no prebuilt binary, a libc
 * it was not built for, a broken install). The caller can catch it, by class or by `code`, and
 * use the pdfmake writer instead.
 */
export class TypstUnavailableError extends Error {
  override readonly name = 'TypstUnavailableError';
  readonly code = 'WELKOME_WIJK_TYPST_UNAVAILABLE';
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`The Typst PDF engine cannot run on this machine (${process.platform}-${process.arch}): ${detail}`, options);
  }
}

/** The part of the package's API we use (its own typings are CommonJS-only). */
interface NodeCompiler {
  compile(args: { mainFileContent: string; inputs?: Record<string, string> }): CompileResult;
  query(doc: TypstDocument, args: { selector: string; field?: string }): unknown;
  pdf(doc: TypstDocument, opts?: { pdfStandard?: string; pdfTags?: boolean; creationTimestamp?: number }): Buffer;
  fetchDiagnostics(err: unknown): { message?: string; severity?: number | string; range?: unknown }[];
  mapShadow(path: string, content: Buffer): void;
  unmapShadow(path: string): void;
  evictCache(maxAge: number): void;
}
interface CompileResult {
  readonly result: TypstDocument | null;
  takeDiagnostics(): unknown;
}
interface TypstDocument {
  readonly numOfPages: number;
}
interface NativeModule {
  NodeCompiler: { create(args?: { workspace?: string; fontArgs?: ({ fontBlobs: Buffer[] } | { fontPaths: string[] })[] }): NodeCompiler };
}

/**
 * The compiler's project root: a folder that does not exist. Typst resolves every path in a
 * document against its root and refuses paths that leave it, so with a root that holds nothing,
 * the only files a document can read are the ones we map into memory under it (shadow files).
 */
export const ROOT = path.resolve('/', '__welkome_wijk_typst_root_is_empty__');

/** Load the native package; any failure becomes a TypstUnavailableError. (A parameter so tests can name a missing one.) */
export function loadNative(specifier: string = PACKAGE): NativeModule {
  try {
    const require = createRequire(import.meta.url);
    const mod = require(specifier) as Partial<NativeModule>;
    if (typeof mod.NodeCompiler?.create !== 'function') throw new Error(`${specifier} has no NodeCompiler`);
    return mod as NativeModule;
  } catch (err) {
    throw new TypstUnavailableError(err instanceof Error ? err.message.split('\n')[0] : String(err), { cause: err });
  }
}

let compiler: NodeCompiler | undefined;

/**
 * The process-wide compiler. The package gives no switch to ignore system fonts (its font search
 * always adds them), so fonts are pinned another way: ours are added first (Typst prefers the
 * earliest of equal matches), the template names the family with `fallback: false` and asks only
 * for weights our files have, and `assertOwnFonts` checks every PDF afterwards.
 */
export function getCompiler(): NodeCompiler {
  if (compiler) return compiler;
  const native = loadNative();
  try {
    compiler = native.NodeCompiler.create({ workspace: ROOT, fontArgs: [{ fontBlobs: typefaceBytes() }] });
  } catch (err) {
    throw new TypstUnavailableError(err instanceof Error ? err.message.split('\n')[0] : String(err), { cause: err });
  }
  return compiler;
}

export interface CompileInput {
  /** The Typst program (ours, fixed). */
  source: string;
  /** Data for the program, read there with `json(bytes(sys.inputs.at(key)))`: never parsed as markup. */
  inputs: Record<string, string>;
  /** Files mapped under ROOT for the duration of this compile: virtual path ("/img/0.png") → bytes. */
  files: ReadonlyMap<string, Buffer>;
  /** Labels to query after layout, e.g. "<ww-overflow>"; each gives the `value` of every metadata element. */
  queries: readonly string[];
  /** Seconds since the epoch, written as creation and modification date. */
  timestamp: number;
  pdfStandard?: 'ua-1';
}

export interface CompileOutput {
  /** Undefined when `wantPdf` returned false: no need to export a document that will be rejected. */
  pdf?: Uint8Array;
  /** The standard the PDF was exported to: undefined when asked for none, or when PDF/UA-1 had to be given up (see `compile`). */
  standard?: 'ua-1';
  pages: number;
  results: Map<string, unknown[]>;
}

function diagnostics(c: NodeCompiler, err: unknown): string {
  try {
    return c
      .fetchDiagnostics(err)
      .map((d) => d.message ?? JSON.stringify(d))
      .join('; ');
  } catch {
    return String(err);
  }
}

/**
 * Compile, query, export. Synchronous on purpose: the shadow files are compiler-wide state, and
 * nothing else can run between mapping and unmapping them.
 */
export function compile(input: CompileInput, wantPdf: (results: Map<string, unknown[]>) => boolean = () => true): CompileOutput {
  const c = getCompiler();
  const mapped: string[] = [];
  try {
    for (const [virtual, bytes] of input.files) {
      const real = path.join(ROOT, virtual);
      c.mapShadow(real, bytes);
      mapped.push(real);
    }
    const res = c.compile({ mainFileContent: input.source, inputs: input.inputs });
    const diag = res.takeDiagnostics();
    const doc = res.result;
    // Warnings come back as diagnostics too; only a missing document means failure.
    if (!doc) throw new InternalError(`The Typst writer's template failed: ${diag ? diagnostics(c, diag) : 'no document'}`);
    const results = new Map<string, unknown[]>();
    for (const selector of input.queries) {
      const found = c.query(doc, { selector, field: 'value' });
      results.set(selector, Array.isArray(found) ? found : []);
    }
    if (!wantPdf(results)) return { pages: doc.numOfPages, results };
    let pdf: Buffer;
    let standard = input.pdfStandard;
    try {
      pdf = c.pdf(doc, { pdfStandard: standard, creationTimestamp: input.timestamp });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // PDF/UA-1 demands that every character be shown in a real glyph. Text our font lacks (a
      // name in Chinese, an emoji) would stop the whole file; it is better printed as a gap in a
      // tagged PDF that no longer claims PDF/UA. Any other PDF/UA error is our bug.
      if (!standard || !onlyMissingGlyphs(message)) throw new InternalError(`Typst could not export the PDF: ${message}`, { cause: err });
      standard = undefined;
      pdf = c.pdf(doc, { creationTimestamp: input.timestamp });
    }
    return { pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), pages: doc.numOfPages, results, standard };
  } finally {
    for (const real of mapped) c.unmapShadow(real);
    // Every document is new to the compiler, so its memo cache only grows: measured on a bundle of
    // 29 documents, dropping it after each costs no CPU and cuts RSS growth from ~75 to ~27 MB per
    // bundle. The rest is not returned by the native side: long batches must recycle the process.
    c.evictCache(0);
  }
}

/** Whether every PDF/UA error in a Typst export failure is about a character the font cannot show. */
export function onlyMissingGlyphs(message: string): boolean {
  const all = message.match(/PDF\/UA-1 error:/g)?.length ?? 0;
  const glyphs = message.match(/PDF\/UA-1 error: the text `[^`]*` could not be displayed with font/g)?.length ?? 0;
  return all > 0 && all === glyphs;
}

/**
 * Every font in the PDF must be ours. Font dictionaries are plain objects in Typst's output, so
 * their /BaseFont names ("/ABCDEF+Roboto-Medium") can be read without a PDF parser.
 */
export function assertOwnFonts(pdf: Uint8Array): void {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  for (const m of text.matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]()]+)/g)) {
    if (!isOwnFont(m[1])) throw new InternalError(`The Typst writer embedded a font that is not one of ours: ${m[1]}`);
  }
}
