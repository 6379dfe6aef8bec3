// Which of our typefaces draws a character: read from each font file's cmap, so every writer picks the same face.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { TrueTypeFont, unicodeCmap } from '../raster/font.js';
import { TYPEFACES, type FontFiles } from './theme.js';

/** The code points a font file maps to a glyph (its Unicode cmap subtable, format 4 or 12). */
export function cmapCodePoints(font: Uint8Array): Set<number> {
  return new Set(unicodeCmap(font).keys());
}

/** The path of one face of a typeface, inside its npm package. */
export function fontPath(face: FontFiles, style: keyof FontFiles['files']): string {
  const root = path.dirname(createRequire(import.meta.url).resolve(`${face.package}/package.json`));
  return path.join(root, face.files[style]);
}

const outlines = new Map<string, TrueTypeFont>();

/**
 * The documents' first typeface (Atkinson Hyperlegible Next) for drawing and measuring in code: the
 * DOCX writer's widths, chart pictures, the social-media picture. Read once per process and style.
 */
export function drawingFont(style: 'regular' | 'bold' = 'regular'): TrueTypeFont {
  let font = outlines.get(style);
  if (!font) outlines.set(style, (font = new TrueTypeFont(readFileSync(fontPath(TYPEFACES[0], style)))));
  return font;
}

let covered: Set<number>[] | undefined;

/** Per typeface (in TYPEFACES order), the characters its regular face draws; read once per process. */
function coverage(): Set<number>[] {
  covered ??= TYPEFACES.map((face) => cmapCodePoints(readFileSync(fontPath(face, 'regular'))));
  return covered;
}

/** Characters no font has to draw: spaces and joiners are laid out, not drawn. */
function invisible(cp: number): boolean {
  return cp <= 0x20 || cp === 0xad || (cp >= 0x200b && cp <= 0x200f) || cp === 0x2060 || cp === 0xfeff;
}

/** Index into TYPEFACES of the first face that draws `cp`, or -1 when none does. */
export function faceFor(cp: number): number {
  if (invisible(cp)) return 0;
  return coverage().findIndex((set) => set.has(cp));
}

/** The characters of `text` that none of our typefaces can draw (each once, in order). */
export function missingCharacters(text: string): string[] {
  const out = new Set<string>();
  for (const ch of text) if (faceFor(ch.codePointAt(0)!) < 0) out.add(ch);
  return [...out];
}

/** Index of the first typeface that draws every character of `word`, or -1. */
function faceForWord(word: string): number {
  const sets = coverage();
  const cps = [...word].map((ch) => ch.codePointAt(0)!).filter((cp) => !invisible(cp));
  return sets.findIndex((set) => cps.every((cp) => set.has(cp)));
}

/**
 * `text` cut into runs that one typeface draws whole: the primary face wherever it can, and a
 * word it cannot draw completely goes whole to the first face that can, so "Nguyễn" does not mix
 * two designs inside one word. A word no single face draws is split per character; a character
 * nobody draws stays with the run before it (it will show as a gap, as everywhere).
 */
export function splitByFace(text: string): { text: string; face: number }[] {
  const out: { text: string; face: number }[] = [];
  const push = (piece: string, face: number) => {
    const last = out[out.length - 1];
    if (last && last.face === face) last.text += piece;
    else out.push({ text: piece, face });
  };
  for (const piece of text.split(/(\s+)/)) {
    if (piece === '') continue;
    const whole = /^\s+$/.test(piece) ? (out[out.length - 1]?.face ?? 0) : faceForWord(piece);
    if (whole >= 0) {
      push(piece, whole);
      continue;
    }
    for (const ch of piece) {
      const face = faceFor(ch.codePointAt(0)!);
      push(ch, face < 0 ? (out[out.length - 1]?.face ?? 0) : face);
    }
  }
  return out;
}
