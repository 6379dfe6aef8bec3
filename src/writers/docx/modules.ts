// Lazy, per-process handles on the heavy dependencies of the DOCX writer (docx, the embedded fonts).
// They are loaded on the first render only, so commands that never write DOCX (and `--help`) stay fast.
import type * as DocxNamespace from 'docx';

export type Docx = typeof DocxNamespace;

/** The four faces of the font we embed; Word maps "bold" onto the Medium face. */
export interface FontFaces {
  regular: Buffer;
  bold: Buffer;
  italic: Buffer;
  boldItalic: Buffer;
}

/** The family we embed and the document uses. */
export const EMBEDDED_FONT = 'Roboto';
/** The family used when embedding is off: installed with every Word, with full Latin Extended-A coverage. */
export const SYSTEM_FONT = 'Arial';

let docxModule: Promise<Docx> | undefined;
let fontFaces: Promise<FontFaces> | undefined;

export function loadDocx(): Promise<Docx> {
  docxModule ??= import('docx');
  return docxModule;
}

/**
 * Roboto as shipped with pdfmake (already a dependency for the PDF writer): full Latin Extended coverage
 * (ş ğ ı İ ł ń ż ...), Apache-2.0, so it may be embedded. Bold is the Medium face, as in the PDF.
 */
export function loadFonts(): Promise<FontFaces> {
  fontFaces ??= (async () => {
    const [{ createRequire }, { dirname, join }, { readFile }] = await Promise.all([
      import('node:module'),
      import('node:path'),
      import('node:fs/promises'),
    ]);
    const dir = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
    const [regular, bold, italic, boldItalic] = await Promise.all(
      ['Roboto-Regular.ttf', 'Roboto-Medium.ttf', 'Roboto-Italic.ttf', 'Roboto-MediumItalic.ttf'].map((f) => readFile(join(dir, f))),
    );
    return { regular, bold, italic, boldItalic };
  })();
  // A failed read should not poison the cache for the rest of the process.
  fontFaces.catch(() => {
    fontFaces = undefined;
  });
  return fontFaces;
}
