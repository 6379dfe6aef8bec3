// pdfmake, loaded lazily once per process with its fonts, and rendering under a no-network, allow-listed file policy.
import { readFileSync } from 'node:fs';
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

async function load(): Promise<Engine> {
  const mod = (await import('pdfmake')) as unknown as { default: PdfMake };
  const pdfmake = mod.default;
  const fontPaths: string[] = [];
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
        // instead of reading files from disk.
        pdfmake.virtualfs.writeFileSync(name, readFileSync(abs));
      }
      family[style] = name;
    }
    families[face.family] = family;
  }
  pdfmake.addFonts(families);
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
): Promise<Uint8Array> {
  const { pdfmake, fontPaths } = await getEngine();
  const allowed = new Set([...fontPaths, ...allowedFiles.map((f) => path.resolve(f))]);
  // The policy is process-wide state on the pdfmake singleton, but createPdf captures it
  // synchronously, so setting it right before the call keeps concurrent renders apart.
  pdfmake.setLocalAccessPolicy((file) => allowed.has(path.resolve(file)));
  try {
    const output = pdfmake.createPdf(definition, { bufferPages: bleedPages.length > 0 });
    if (bleedPages.length) addPrintBoxes(await output.getStream(), bleedPages);
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
