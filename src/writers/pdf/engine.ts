// pdfmake, loaded lazily once per process with its fonts, and rendering under a no-network, allow-listed file policy.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fontPath } from '../../document/coverage.js';
import { TYPEFACES, type FontFiles } from '../../document/theme.js';
import { InternalError } from '../../errors.js';

/** The part of pdfmake 0.3's Node singleton we use (the published types omit `virtualfs`). */
interface PdfMake {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  addFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions, options?: { bufferPages?: boolean }): PdfOutput;
}

interface PdfOutput {
  /** The laid-out pdfkit document, not yet ended. */
  getStream(): Promise<PdfKitDocument>;
  getBuffer(): Promise<Buffer>;
}

/** The part of pdfkit we touch to add print boxes (public pdfkit API, plus the page dictionary). */
interface PdfKitDocument {
  bufferedPageRange(): { start: number; count: number };
  switchToPage(n: number): { width: number; height: number; dictionary: { data: Record<string, unknown> } };
}

/** Pages of this size (pt) are a card plus `bleed` (pt) on every side: they get a TrimBox and BleedBox. */
export interface BleedPage {
  width: number;
  height: number;
  bleed: number;
}

export interface Engine {
  pdfmake: PdfMake;
  /** Absolute paths of the font files, which the local access policy always allows. */
  fontPaths: string[];
}

/** Name under which the font bytes live in pdfmake's in-memory file system. */
const VFS_DIR = 'welkome-wijk-fonts';

let engine: Promise<Engine> | undefined;

/** The part of a fontkit font object that shareDecodedTables touches. */
interface FontkitFont {
  stream: { buffer: Uint8Array };
  _tables: Record<string, unknown>;
  _getTable(table: { tag: string }): unknown;
}

/**
 * pdfkit makes a new fontkit font object for every document, and each one decodes the font's tables
 * again (the shaping tables GSUB and GPOS lazily, lookup by lookup): half of a document's CPU. The
 * decoded tables are a pure function of the font's bytes, so they are kept once per process, per
 * font file, and handed to every later font object made from the same bytes. Only the tables are
 * shared: each document keeps its own font object, glyph objects and layout cache (sharing the
 * whole font object broke the text layer of the PDFs: glyphs carry the code points of their first
 * use, and copied text read "18 45" for "18.45"). Output stays byte-identical.
 */
function shareDecodedTables(fontkit: { create(buffer: Uint8Array): unknown }, buffers: readonly Uint8Array[]): void {
  const proto = Object.getPrototypeOf(fontkit.create(buffers[0])) as FontkitFont & { __welkomeWijkShared?: WeakMap<Uint8Array, Map<string, unknown>> };
  // One patch per process, whichever module instance asks; the map is keyed by the bytes pdfmake hands over.
  if (proto.__welkomeWijkShared) {
    for (const b of buffers) if (!proto.__welkomeWijkShared.has(b)) proto.__welkomeWijkShared.set(b, new Map());
    return;
  }
  const shared = new WeakMap<Uint8Array, Map<string, unknown>>(buffers.map((b) => [b, new Map()]));
  const decode = proto._getTable;
  Object.defineProperty(proto, '__welkomeWijkShared', { value: shared });
  proto._getTable = function (this: FontkitFont, table: { tag: string }) {
    if (table.tag in this._tables) return this._tables[table.tag];
    const tables = shared.get(this.stream.buffer);
    if (!tables) return decode.call(this, table);
    if (tables.has(table.tag)) {
      this._tables[table.tag] = tables.get(table.tag);
      return this._tables[table.tag];
    }
    const decoded = decode.call(this, table);
    // A table that failed to decode is undefined: not kept, so the next font object tries itself.
    if (decoded !== undefined) tables.set(table.tag, decoded);
    return decoded;
  };
}

/** What laying out one piece of text in one font did, kept to be replayed (see replayLayouts). */
interface RecordedLayout {
  /** Every getGlyph(id, codePoints) call the layout made, in order. */
  calls: [number, number[]][];
  /** The run's glyph ids and positions (xAdvance, yAdvance, xOffset, yOffset), before pdfkit scales them. */
  glyphs: number[];
  positions: [number, number, number, number][];
  run: Record<string, unknown>;
}

interface LayoutFont {
  stream: { buffer: Uint8Array };
  getGlyph(id: number, codePoints?: number[]): { id: number; codePoints: number[] };
  layout(text: unknown, features?: unknown, ...rest: unknown[]): { glyphs: { id: number; codePoints: number[] }[]; positions: Record<string, number>[] } & Record<string, unknown>;
}

/** A bound on the memory the layout memo may take, per font file (a word with its glyphs: about 1 kB; emptied when full). */
const MAX_LAYOUTS = 10_000;

/**
 * Shaping a word (fontkit's layout: GSUB and GPOS lookups) is the biggest cost left once tables are
 * shared, and a batch shapes the same words in every document. Each layout is recorded once per
 * process, per font file: the glyphs it asked the font for and the positions it produced. Later, a
 * new font object (a new document) gets the same answer by replaying the same getGlyph calls in the
 * same order, so its glyph objects (and the code points each carries into the PDF's text layer) are
 * exactly those the real layout would have made, and the output stays byte-identical.
 */
function replayLayouts(fontkit: { create(buffer: Uint8Array): unknown }, buffers: readonly Uint8Array[]): void {
  const sample = fontkit.create(buffers[0]) as LayoutFont;
  const proto = Object.getPrototypeOf(sample) as LayoutFont & { __welkomeWijkLayouts?: WeakMap<Uint8Array, Map<string, RecordedLayout>> };
  if (proto.__welkomeWijkLayouts) {
    for (const b of buffers) if (!proto.__welkomeWijkLayouts.has(b)) proto.__welkomeWijkLayouts.set(b, new Map());
    return;
  }
  const memo = new WeakMap<Uint8Array, Map<string, RecordedLayout>>(buffers.map((b) => [b, new Map()]));
  Object.defineProperty(proto, '__welkomeWijkLayouts', { value: memo });
  const layout = proto.layout;
  // The classes of a run and a position, from a real layout, to make replayed ones of the same kind.
  const probe = layout.call(sample, 'a');
  const Run = Object.getPrototypeOf(probe) as object;
  const Position = Object.getPrototypeOf(probe.positions[0]) as object;

  proto.layout = function (this: LayoutFont, text: unknown, features?: unknown, ...rest: unknown[]) {
    const layouts = memo.get(this.stream.buffer);
    // Only what pdfkit asks: a string, and perhaps features; anything else is laid out as usual.
    if (!layouts || typeof text !== 'string' || rest.some((r) => r !== undefined)) return layout.call(this, text, features, ...rest);
    const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    const known = layouts.get(key);
    if (!known) {
      const calls: [number, number[]][] = [];
      const getGlyph = this.getGlyph;
      this.getGlyph = function (id: number, codePoints?: number[]) {
        calls.push([id, codePoints ?? []]);
        return getGlyph.call(this, id, codePoints);
      };
      let run;
      try {
        run = layout.call(this, text, features);
      } finally {
        delete (this as Partial<LayoutFont>).getGlyph;
      }
      if (layouts.size >= MAX_LAYOUTS) layouts.clear();
      // Copied now: pdfkit scales the positions in place as soon as it has the run.
      layouts.set(key, {
        calls: calls.map(([id, cps]) => [id, [...cps]]),
        glyphs: run.glyphs.map((g) => g.id),
        positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
        run: { script: run.script, language: run.language, direction: run.direction, features: run.features },
      });
      return run;
    }
    for (const [id, cps] of known.calls) this.getGlyph(id, cps.slice());
    const glyphs = new Array<ReturnType<LayoutFont['getGlyph']>>(known.glyphs.length);
    const positions = new Array<Record<string, number>>(known.positions.length);
    for (let i = 0; i < glyphs.length; i++) glyphs[i] = this.getGlyph(known.glyphs[i]);
    for (let i = 0; i < positions.length; i++) {
      const p = Object.create(Position) as Record<string, number>;
      const [xAdvance, yAdvance, xOffset, yOffset] = known.positions[i];
      p.xAdvance = xAdvance;
      p.yAdvance = yAdvance;
      p.xOffset = xOffset;
      p.yOffset = yOffset;
      positions[i] = p;
    }
    const run = Object.create(Run) as Record<string, unknown>;
    run.glyphs = glyphs;
    run.positions = positions;
    run.script = known.run.script;
    run.language = known.run.language;
    run.direction = known.run.direction;
    run.features = { ...(known.run.features as object) };
    return run as ReturnType<LayoutFont['layout']>;
  };
}

async function load(): Promise<Engine> {
  const mod = (await import('pdfmake')) as unknown as { default: PdfMake };
  const pdfmake = mod.default;
  const fontPaths: string[] = [];
  const fontBytes: Buffer[] = [];
  const families: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>> = {};
  // Every typeface under its own family name; the fallback pass (fallback.ts) picks one per run of text.
  for (const face of TYPEFACES) {
    const styles = { normal: 'regular', bold: 'bold', italics: 'italic', bolditalics: 'boldItalic' } as const;
    const family = {} as Record<keyof typeof styles, string>;
    for (const [style, file] of Object.entries(styles) as [keyof typeof styles, keyof FontFiles['files']][]) {
      const abs = fontPath(face, file);
      const name = `${VFS_DIR}/${path.basename(abs)}`;
      if (!fontPaths.includes(abs)) {
        fontPaths.push(abs);
        // Bytes go into the virtual file system once, so each document parses fonts from memory
        // instead of reading files from disk; pdfmake hands these very buffers to fontkit.
        const bytes = readFileSync(abs);
        fontBytes.push(bytes);
        pdfmake.virtualfs.writeFileSync(name, bytes);
      }
      family[style] = name;
    }
    families[face.family] = family;
  }
  pdfmake.addFonts(families);
  // The fontkit that pdfkit (pdfmake's PDF library) requires, not one of our own.
  const pkg = createRequire(import.meta.url).resolve('pdfmake/package.json');
  const fromPdfkit = createRequire(createRequire(pkg).resolve('pdfkit'));
  const fontkit = fromPdfkit('fontkit') as { create(buffer: Uint8Array): unknown };
  shareDecodedTables(fontkit, fontBytes);
  replayLayouts(fontkit, fontBytes);
  // Nothing we print needs the network; a URL smuggled into an image must never be fetched.
  pdfmake.setUrlAccessPolicy(() => false);
  return { pdfmake, fontPaths };
}

export function getEngine(): Promise<Engine> {
  engine ??= load().catch((err: unknown) => {
    engine = undefined;
    throw err;
  });
  return engine;
}

/**
 * Render a finished pdfmake definition. `allowedFiles` (plus the fonts) are the only local files
 * pdfmake may open; anything else fails instead of being read.
 */
export async function renderDefinition(
  definition: TDocumentDefinitions,
  allowedFiles: readonly string[],
  bleedPages: readonly BleedPage[] = [],
  /**
   * Asked once the document is laid out: false drops it unfinished (undefined is returned). A layout
   * made only to measure (a card deck that overflows) then skips embedding the fonts and closing the file.
   */
  finish: () => boolean = () => true,
): Promise<Uint8Array | undefined> {
  const { pdfmake, fontPaths } = await getEngine();
  const allowed = new Set([...fontPaths, ...allowedFiles.map((f) => path.resolve(f))]);
  // The policy is process-wide state on the pdfmake singleton, but createPdf captures it
  // synchronously, so setting it right before the call keeps concurrent renders apart.
  pdfmake.setLocalAccessPolicy((file) => allowed.has(path.resolve(file)));
  try {
    const output = pdfmake.createPdf(definition, { bufferPages: bleedPages.length > 0 });
    const kit = await output.getStream();
    if (!finish()) return undefined;
    if (bleedPages.length) addPrintBoxes(kit, bleedPages);
    return await output.getBuffer();
  } catch (err) {
    if (err instanceof Error && /resource access policy/.test(err.message)) {
      // The block builders check allowedFiles first, so reaching the policy means a writer bug.
      throw new InternalError(`PDF writer tried to read a file that is not allowed: ${err.message}`, { cause: err });
    }
    throw err;
  }
}

/**
 * pdfmake has no notion of bleed: it only sets the MediaBox. A print shop's software reads the
 * TrimBox to know where to cut, so pages with bleed get one (and a BleedBox, the whole sheet).
 */
function addPrintBoxes(kit: PdfKitDocument, bleedPages: readonly BleedPage[]): void {
  const { start, count } = kit.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    const page = kit.switchToPage(i);
    const match = bleedPages.find((b) => Math.abs(b.width - page.width) < 0.01 && Math.abs(b.height - page.height) < 0.01);
    if (!match || match.bleed <= 0) continue;
    const b = match.bleed;
    page.dictionary.data.BleedBox = [0, 0, page.width, page.height];
    page.dictionary.data.TrimBox = [b, b, page.width - b, page.height - b];
  }
}
