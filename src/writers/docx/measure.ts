// How many lines a text takes, estimated before Word lays it out: Word has no "measure this" the writer
// could ask, yet a card's foot must be given its room and a short table kept on one page. Measured
// with Atkinson Hyperlegible Next, the PDFs' face, which sets as wide as Word's Arial (0.453 em a
// character on our texts, both): the estimate is the PDF's line count, near enough for Word's.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Inline } from '../../document/model.js';
import { TYPEFACES } from '../../document/theme.js';
import { TrueTypeFont } from '../raster/font.js';

let faces: { regular: TrueTypeFont; bold: TrueTypeFont } | undefined;

function load(): { regular: TrueTypeFont; bold: TrueTypeFont } {
  if (!faces) {
    const face = TYPEFACES[0];
    const dir = path.dirname(createRequire(import.meta.url).resolve(`${face.package}/package.json`));
    faces = {
      regular: new TrueTypeFont(readFileSync(path.join(dir, face.files.regular))),
      bold: new TrueTypeFont(readFileSync(path.join(dir, face.files.bold))),
    };
  }
  return faces;
}

/** The width of `text` in points at `sizePt`. */
export function textWidth(text: string, sizePt: number, bold = false): number {
  const f = bold ? load().bold : load().regular;
  return (f.measure(text) / f.unitsPerEm) * sizePt;
}

/**
 * Lines `content` takes in a column `widthPt` wide at `sizePt`, broken greedily at spaces as word
 * processors break ragged text (a word longer than the line takes lines of its own).
 */
export function countLines(content: readonly Inline[], sizePt: number, widthPt: number, bold = false): number {
  let lines = 1;
  let x = 0;
  const space = textWidth(' ', sizePt);
  for (const inline of content) {
    if (inline.kind === 'lineBreak') {
      lines++;
      x = 0;
      continue;
    }
    const heavy = bold || (inline.kind === 'text' && inline.bold === true);
    const words = inline.text.split(/(\s+)/);
    for (const word of words) {
      if (word === '') continue;
      if (/^\s+$/.test(word)) {
        if (x > 0) x += space * word.length;
        continue;
      }
      const w = textWidth(word, sizePt, heavy);
      if (x > 0 && x + w > widthPt) {
        lines++;
        x = 0;
      }
      if (w > widthPt) {
        lines += Math.floor(w / widthPt);
        x = w % widthPt;
      } else x += w;
    }
  }
  return lines;
}
