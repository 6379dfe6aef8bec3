// The one typeface the Typst writer uses, named once so a more legible face can replace it in one place.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface Typeface {
  /** The family name inside the font files: what Typst's `text(font: ...)` selects. */
  family: string;
  /** npm package that ships the files, and the folder inside it. */
  package: string;
  dir: string;
  /** The files; every weight/style the writer asks for must be one of them, or Typst would synthesise or look elsewhere. */
  files: readonly { file: string; weight: number; italic: boolean }[];
  /** Weight for body text and for "bold" text. */
  regular: number;
  bold: number;
  /**
   * The font's hhea ascender and descender per em. pdfmake's line box runs from one to the other,
   * and its line heights are multiples of that box; Typst's "ascender"/"descender" edges read other
   * metrics (Roboto's typographic ones span exactly 1 em), so the template sets these as lengths
   * to make a line height mean the same in both engines.
   */
  ascender: number;
  descender: number;
}

/**
 * Roboto from pdfmake, for parity with the pdfmake writer's PDFs. pdfmake ships Medium, not Bold;
 * asking for weight 500 (not "bold", 700) matters: a system-wide Roboto Bold would be a closer
 * match for 700 than our Medium, and the compiler can see system fonts (see compiler.ts).
 */
export const TYPEFACE: Typeface = {
  family: 'Roboto',
  package: 'pdfmake',
  dir: 'fonts/Roboto',
  files: [
    { file: 'Roboto-Regular.ttf', weight: 400, italic: false },
    { file: 'Roboto-Italic.ttf', weight: 400, italic: true },
    { file: 'Roboto-Medium.ttf', weight: 500, italic: false },
    { file: 'Roboto-MediumItalic.ttf', weight: 500, italic: true },
  ],
  regular: 400,
  bold: 500,
  ascender: 1900 / 2048,
  descender: 500 / 2048,
};

/** The bytes of every file of the typeface, read from its npm package (never from the system). */
export function typefaceBytes(face: Typeface = TYPEFACE): Buffer[] {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve(`${face.package}/package.json`));
  return face.files.map((f) => readFileSync(path.join(root, face.dir, f.file)));
}

/** The PostScript-name prefix every embedded font of the typeface has ("Roboto-Medium" → "Roboto"). */
export function postScriptPrefix(face: Typeface = TYPEFACE): string {
  return face.family.replace(/\s+/g, '');
}
