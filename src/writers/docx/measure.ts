// How wide a text is and how many lines it takes in Word, estimated before Word lays it out: Word has
// no "measure this" the writer could ask, yet a card's foot must be given its room, a short table kept
// on one page and a title kept to the lines the PDF gives it. Measured with Arial's advance widths
// (those of Liberation Sans, made to match Arial's, SIL OFL 1.1) for Latin text; a character beyond
// them is measured in Atkinson Hyperlegible Next, the PDFs' face, which sets about as wide.
import type { Inline } from '../../document/model.js';
import { drawingFont } from '../../document/coverage.js';

/**
 * Arial's advance widths (2048 units to the em) for U+0020 to U+017F (Basic Latin, Latin-1 and
 * Latin Extended-A: Dutch, Frisian, Turkish and Polish names), three base-36 digits each; 0 for none.
 */
const ARIAL = {
  regular: '0ft0ft0k70vn0vn1el11y0av0iy0iy0m50x80ft0iy0ft0ft0vn0vn0vn0vn0vn0vn0vn0vn0vn0vn0ft0ft0x80x80x80vn1lr11y11y15315311y0yr1891530ft0sg11y0vn1be15318911y18915311y0yr15311y1hp11y11y0yr0ft0ft0ft0qp0vn0iy0vn0vn0sg0vn0vn0ft0vn0vn0cn0cn0sg0cn1be0vn0vn0vn0vn0iy0sg0ft0vn0sg1530sg0sg0sg0j00es0j00x80000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000ft0iy0vn0vn0vn0vn0es0vn0iy15x0l20vn0x80iy15x0vf0mr0v80iy0iy0iy0ws0uk0iy0iy0iy0ks0vn1bg1bg1bg0yr11y11y11y11y11y11y1kw15311y11y11y11y0ft0ft0ft0ft1531531891891891891890x818915315315315311y11y0yr0vn0vn0vn0vn0vn0vn1el0sg0vn0vn0vn0vn0ft0ft0ft0ft0vn0vn0vn0vn0vn0vn0vn0v80yr0vn0vn0vn0vn0sg0vn0sg11y0vn11y0vn11y0vn1530sg1530sg1530sg1530sg1530yz1530vn11y0vn11y0vn11y0vn11y0vn11y0vn1890vn1890vn1890vn1890vn1530vn1530vn0ft0ft0ft0ft0ft0ft0ft0cn0ft0ft15t0p90sg0cn11y0sg0sg0vn0cn0vn0cn0vn0gl0vn0j00vn0cn1530vn1530vn1530vn0yd1550vn1890vn1890vn1890vn1kw1hp1530iy1530iy1530iy11y0sg11y0sg11y0sg11y0sg0yr0ft0yr0lc0yr0ft1530vn1530vn1530vn1530vn1530vn1530vn1hp15311y0sg11y0yr0sg0yr0sg0yr0sg0cn',
  bold: '0ft0iy0qz0vn0vn1el1530dj0iy0iy0m50x80ft0iy0ft0ft0vn0vn0vn0vn0vn0vn0vn0vn0vn0vn0iy0iy0x80x80x80yr1jh15315315315311y0yr1891530ft0vn1530yr1be15318911y18915311y0yr15311y1hp11y11y0yr0iy0ft0iy0x80vn0iy0vn0yr0vn0yr0vn0iy0yr0yr0ft0ft0vn0ft1el0yr0yr0yr0yr0m50vn0iy0yr0vn1890vn0vn0sg0m50fx0m50x80000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000ft0iy0vn0vn0vn0vn0fx0vn0iy15x0l20vn0x80iy15x0vf0mr0v80iy0iy0iy0ws0vn0iy0iy0iy0ks0vn1bg1bg1bg0yr1531531531531531531kw15311y11y11y11y0ft0ft0ft0ft1531531891891891891890x818915315315315311y11y0yr0vn0vn0vn0vn0vn0vn1el0vn0vn0vn0vn0vn0ft0ft0ft0ft0yr0yr0yr0yr0yr0yr0yr0v80yr0yr0yr0yr0yr0vn0yr0vn1530vn1530vn1530vn1530vn1530vn1530vn1530vn15314w1530yr11y0vn11y0vn11y0vn11y0vn11y0vn1890yr1890yr1890yr1890yr1530yr1530yr0ft0ft0ft0ft0ft0ft0ft0ft0ft0ft18n0vn0vn0ft1530vn0vn0yr0ft0yr0ft0yr0lx0yr0r90yr0ft1530yr1530yr1530yr14b1550yr1890yr1890yr1890yr1kw1hp1530m51530m51530m511y0vn11y0vn11y0vn11y0vn0yr0iy0yr0r90yr0iy1530yr1530yr1530yr1530yr1530yr1530yr1hp18911y0vn11y0yr0sg0yr0sg0yr0sg0ft',

} as const;
const ARIAL_FIRST = 32;
const ARIAL_UNITS = 2048;

function arialAdvance(codePoint: number, bold: boolean): number {
  const i = codePoint - ARIAL_FIRST;
  if (i < 0 || i * 3 >= ARIAL.regular.length) return 0;
  return parseInt((bold ? ARIAL.bold : ARIAL.regular).slice(i * 3, i * 3 + 3), 36);
}

/** The width of `text` in points at `sizePt`, as Word sets it in Arial. */
export function textWidth(text: string, sizePt: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const arial = arialAdvance(cp, bold);
    if (arial > 0) em += arial / ARIAL_UNITS;
    else {
      const f = drawingFont(bold ? 'bold' : 'regular');
      em += f.advance(f.glyphOf(cp)) / f.unitsPerEm;
    }
  }
  return em * sizePt;
}

/**
 * The width of `text` in points at `sizePt` as the PDF sets it, in Atkinson Hyperlegible Next; its
 * kerning (not read here) takes about a hundredth off a line.
 */
export function pdfTextWidth(text: string, sizePt: number, bold = false): number {
  const f = drawingFont(bold ? 'bold' : 'regular');
  return (f.measure(text) / f.unitsPerEm) * sizePt * 0.99;
}

/**
 * Lines `content` takes in a column `widthPt` wide at `sizePt`, broken greedily at spaces as word
 * processors break ragged text (a word longer than the line takes lines of its own); in Word's Arial,
 * or in the PDF's face with `face: 'pdf'`.
 */
export function countLines(content: readonly Inline[], sizePt: number, widthPt: number, bold = false, face: 'word' | 'pdf' = 'word'): number {
  const measure = face === 'pdf' ? pdfTextWidth : textWidth;
  let lines = 1;
  let x = 0;
  const space = measure(' ', sizePt);
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
      const w = measure(word, sizePt, heavy);
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
