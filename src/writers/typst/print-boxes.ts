// Gives print-shop pages a TrimBox and BleedBox, which Typst cannot write, by editing the finished PDF in place.
//
// A print shop's software reads the TrimBox to know where to cut; Typst only writes a MediaBox.
// Typst 0.14 writes a single-revision PDF with a classic cross-reference table and every page
// dictionary as a plain (uncompressed) object, so the boxes can be added to those dictionaries and
// the table's offsets shifted, without touching any stream, the structure tree or the metadata:
// the result stays tagged, PDF/UA and deterministic (the same input bytes give the same output).
// Anything other than that shape is refused with an InternalError rather than guessed at.
import { InternalError } from '../../errors.js';

/** Pages of this size (pt) are a card plus `bleed` (pt) on every side. */
export interface BleedPage {
  width: number;
  height: number;
  bleed: number;
}

interface XrefEntry {
  num: number;
  offset: number;
  gen: number;
  inUse: boolean;
}

function fail(why: string): never {
  throw new InternalError(`Cannot add print boxes to the PDF: ${why}.`);
}

/** Index just past the `>>` that closes the dictionary opening at `start` (which must be `<<`). */
export function dictEnd(s: string, start: number): number {
  if (s.slice(start, start + 2) !== '<<') fail('an object is not a dictionary where one was expected');
  let depth = 0;
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (c === '(') {
      // Literal string: balanced parentheses, backslash escapes.
      let nest = 0;
      for (; i < s.length; i++) {
        if (s[i] === '\\') i++;
        else if (s[i] === '(') nest++;
        else if (s[i] === ')' && --nest === 0) break;
      }
      i++;
    } else if (c === '%') {
      while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
    } else if (c === '<' && s[i + 1] === '<') {
      depth++;
      i += 2;
    } else if (c === '>' && s[i + 1] === '>') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else if (c === '<') {
      // Hex string.
      const close = s.indexOf('>', i);
      if (close < 0) fail('a hex string never ends');
      i = close + 1;
    } else {
      i++;
    }
  }
  return fail('a dictionary never ends');
}

function parseXref(s: string, at: number): { entries: XrefEntry[]; trailerStart: number } {
  if (!s.startsWith('xref', at)) fail('it has no classic cross-reference table (an xref stream, or a damaged file)');
  const entries: XrefEntry[] = [];
  const line = /[ \t]*(\d+)[ \t]+(\d+)[ \t]*\r?\n/y;
  const entry = /(\d{10}) (\d{5}) ([nf])[ \r\n]{1,2}/y;
  let i = at + 4;
  while (/[\r\n]/.test(s[i])) i++;
  while (!s.startsWith('trailer', i)) {
    line.lastIndex = i;
    const head = line.exec(s);
    if (!head) fail('its cross-reference table cannot be read');
    i = line.lastIndex;
    const first = Number(head[1]);
    const count = Number(head[2]);
    for (let k = 0; k < count; k++) {
      entry.lastIndex = i;
      const e = entry.exec(s);
      if (!e) fail('a cross-reference entry cannot be read');
      entries.push({ num: first + k, offset: Number(e[1]), gen: Number(e[2]), inUse: e[3] === 'n' });
      i = entry.lastIndex;
    }
  }
  return { entries, trailerStart: i };
}

const num = (v: number) => String(Math.round(v * 100000) / 100000);

/**
 * Return the PDF with a TrimBox (the card) and a BleedBox (the whole sheet) on every page whose
 * MediaBox matches one of `pages`. A PDF without such pages comes back unchanged.
 */
export function addPrintBoxes(pdf: Uint8Array, pages: readonly BleedPage[]): Uint8Array {
  const wanted = pages.filter((p) => p.bleed > 0);
  if (wanted.length === 0) return pdf;
  // latin1 maps every byte to one char and back, so binary streams survive untouched.
  const s = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(s);
  if (!tail) fail('it has no startxref at its end');
  const xrefAt = Number(tail[1]);
  const { entries, trailerStart } = parseXref(s, xrefAt);
  const trailerEnd = dictEnd(s, s.indexOf('<<', trailerStart));
  if (/\/Prev\b/.test(s.slice(trailerStart, trailerEnd))) fail('it has incremental updates');

  const inserts: { at: number; text: string }[] = [];
  for (const e of entries) {
    if (!e.inUse) continue;
    const head = new RegExp(`${e.num}\\s+${e.gen}\\s+obj\\s*`, 'y');
    head.lastIndex = e.offset;
    if (!head.exec(s)) fail(`object ${e.num} is not where the table says`);
    if (s.slice(head.lastIndex, head.lastIndex + 2) !== '<<') continue;
    const end = dictEnd(s, head.lastIndex);
    const dict = s.slice(head.lastIndex, end);
    // Only the page's own top-level keys matter; /Type /Pages (the tree) must not match.
    if (!/\/Type\s*\/Page(?![A-Za-z])/.test(dict)) continue;
    const box = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(dict);
    if (!box) continue;
    const raw = box.slice(1, 5);
    const [x0, y0, x1, y1] = raw.map(Number);
    const match = wanted.find((p) => Math.abs(x1 - x0 - p.width) < 0.01 && Math.abs(y1 - y0 - p.height) < 0.01);
    if (!match) continue;
    if (/\/(TrimBox|BleedBox)\b/.test(dict)) fail(`page object ${e.num} already has print boxes`);
    const b = match.bleed;
    inserts.push({
      at: end - 2,
      text: `  /TrimBox [${num(x0 + b)} ${num(y0 + b)} ${num(x1 - b)} ${num(y1 - b)}]\n  /BleedBox [${raw.join(' ')}]\n`,
    });
  }
  if (inserts.length === 0) return pdf;
  inserts.sort((a, b) => a.at - b.at);
  if (inserts[inserts.length - 1].at > xrefAt) fail('a page lies after the cross-reference table');

  const shift = (offset: number) => inserts.reduce((sum, ins) => (ins.at < offset ? sum + ins.text.length : sum), 0);
  let body = '';
  let from = 0;
  for (const ins of inserts) {
    body += s.slice(from, ins.at) + ins.text;
    from = ins.at;
  }
  body += s.slice(from, xrefAt);

  // The table keeps its shape (fixed-width entries); only the offsets of objects change.
  const xref = s
    .slice(xrefAt, trailerStart)
    .replace(/(\d{10}) (\d{5}) n/g, (_, offset: string, gen: string) => `${String(Number(offset) + shift(Number(offset))).padStart(10, '0')} ${gen} n`);
  const newXrefAt = xrefAt + shift(xrefAt);
  const out = body + xref + s.slice(trailerStart, tail.index) + `startxref\n${newXrefAt}\n%%EOF\n`;

  // Check our own work: every object must be where the new table says.
  const check = parseXref(out, newXrefAt);
  for (const e of check.entries) {
    if (e.inUse && !new RegExp(`^${e.num}\\s+${e.gen}\\s+obj`).test(out.slice(e.offset, e.offset + 24))) {
      fail(`object ${e.num} moved to the wrong place`);
    }
  }
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
