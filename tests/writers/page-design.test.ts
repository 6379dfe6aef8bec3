// Every PDF of every example, read back with pdf.js as its reader would meet it: the type sizes on
// the page (nothing below 9 pt, what residents receive at 12 pt or more, one body size per card
// deck) and the page flow (no heading left as the last line of a page), with both PDF engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, Document } from '../../src/document/model.js';
import { MIN_TYPE, TYPE } from '../../src/document/theme.js';
import { MATERIAL_IDS, MATERIALS } from '../../src/materials/registry.js';
import { writeDocumentWith } from '../../src/writers/index.js';
import { EXAMPLES, loadExample } from '../materials/helpers.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** One line of text on a page: its words, its baseline (pt from the page's top) and its largest size. */
interface Line {
  text: string;
  top: number;
  size: number;
}

interface PageText {
  height: number;
  /** Text that runs past the page's left or right edge (clipped on paper). */
  offEdge: string[];
  lines: Line[];
  /** Characters per type size (pt, to 0.01), to find the body size as the most used one. */
  sizes: Map<number, number>;
}

interface Rendered {
  key: string;
  engine: string;
  doc: Document;
  pages: PageText[];
}

const ENGINES = ['typst', 'pdfmake'] as const;
const rendered: Rendered[] = [];
let pdfjs: PdfJs;

/** pdf.js's text items grouped into lines by baseline, top to bottom. */
async function readPages(bytes: Uint8Array): Promise<PageText[]> {
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: PageText[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const sizes = new Map<number, number>();
    const offEdge: string[] = [];
    const items: { text: string; top: number; x: number; size: number }[] = [];
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      // The size is the length of the text matrix's vertical vector: right for unrotated text.
      const size = Math.round(Math.hypot(item.transform[2], item.transform[3]) * 100) / 100;
      sizes.set(size, (sizes.get(size) ?? 0) + item.str.trim().length);
      items.push({ text: item.str, top: height - item.transform[5], x: item.transform[4], size });
      if (item.transform[4] < -0.5 || item.transform[4] + item.width > width + 0.5) offEdge.push(item.str);
    }
    items.sort((a, b) => a.top - b.top || a.x - b.x);
    const lines: Line[] = [];
    for (const item of items) {
      const last = lines.at(-1);
      if (last && Math.abs(last.top - item.top) < 2) {
        last.text += ` ${item.text}`;
        last.size = Math.max(last.size, item.size);
      } else lines.push({ text: item.text, top: item.top, size: item.size });
    }
    for (const line of lines) line.text = norm(line.text);
    pages.push({ height, offEdge, lines, sizes });
    page.cleanup();
  }
  await pdf.destroy();
  return pages;
}

const norm = (s: string) => s.replace(/\u00ad\s*/g, '').replace(/-\s+(?=\p{Ll})/gu, '-').replace(/\s+/g, ' ').trim();

/** The most used size over some pages: the body text's. */
function bodySize(pages: readonly PageText[]): number {
  const all = new Map<number, number>();
  for (const p of pages) for (const [size, n] of p.sizes) all.set(size, (all.get(size) ?? 0) + n);
  return [...all].sort((a, b) => b[1] - a[1])[0][0];
}

/** Every heading's text, also inside columns and callouts. */
function headings(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    if (b.kind === 'heading') return [norm(b.text)];
    if (b.kind === 'columns') return b.columns.flatMap((c) => headings(c.blocks));
    if (b.kind === 'callout') return headings(b.blocks);
    return [];
  });
}

beforeAll(async () => {
  pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  for (const example of EXAMPLES) {
    const { ctx } = loadExample(example);
    for (const id of MATERIAL_IDS) {
      for (const output of await (await MATERIALS[id].load())(ctx, {})) {
        if (output.kind !== 'document') continue;
        for (const engine of ENGINES) {
          const { bytes } = await writeDocumentWith(output.document, 'pdf', [engine]);
          rendered.push({ key: `${example.replace('.yaml', '')}--${output.name}`, engine, doc: output.document, pages: await readPages(bytes) });
        }
      }
    }
  }
}, 600_000);
afterAll(() => {
  rendered.length = 0;
});

const isDeck = (r: Rendered) => r.doc.blocks.some((b) => b.kind === 'cards');
/** What a resident is handed: their invitation (both sizes), programme and questionnaire. */
const forResidents = (r: Rendered) => /--(uitnodiging-bewoners(-a5)?|programma-bewoners|evaluatie-bewoners)$/.test(r.key);

describe.each(ENGINES)('every PDF of every example (%s)', (engine) => {
  const mine = () => rendered.filter((r) => r.engine === engine);

  it('has no text below 9 pt anywhere', () => {
    expect(mine().length).toBeGreaterThan(100);
    const small = mine().flatMap((r) =>
      r.pages.flatMap((p, i) => [...p.sizes.keys()].filter((s) => s < MIN_TYPE - 0.01).map((s) => `${r.key} p${i + 1}: ${s} pt`)),
    );
    expect(small).toEqual([]);
  });

  it('sets no text past the edge of the page (a margin note that runs off is cut off on paper)', () => {
    const off = mine().flatMap((r) => r.pages.flatMap((p, i) => p.offEdge.map((t) => `${r.key} p${i + 1}: '${t}'`)));
    expect(off).toEqual([]);
  });

  it("keeps each card sheet's printing note whole on one line of its margin", () => {
    const broken: string[] = [];
    for (const r of mine().filter(isDeck)) {
      const deck = r.doc.blocks.find((b): b is Extract<Block, { kind: 'cards' }> => b.kind === 'cards')!;
      if (!deck.printNote || deck.layout.kind === 'a6-single') continue;
      const note = norm(deck.printNote);
      // A note too long for its box wraps, and the box hides the second line: the first line then
      // holds only the note's beginning.
      if (!r.pages[0].lines.some((l) => l.text.includes(note))) broken.push(`${r.key}: '${note}'`);
    }
    expect(broken).toEqual([]);
  });

  it("sets what residents receive at a body size of 12 pt or more", () => {
    const residents = mine().filter(forResidents);
    // Invitation, A5 flyer, programme and form, for each of the four examples.
    expect(residents).toHaveLength(4 * EXAMPLES.length);
    const small = residents.filter((r) => bodySize(r.pages) < 12).map((r) => `${r.key}: ${bodySize(r.pages)} pt`);
    expect(small).toEqual([]);
    // And the other documents stay at the standard size, so the check above measures something.
    expect(bodySize(mine().find((r) => r.key.endsWith('--uitnodiging-professionals'))!.pages)).toBeLessThan(12);
  });

  it('gives every card of a deck one body size: the deck body size is on every sheet of fronts', () => {
    const decks = mine().filter(isDeck);
    expect(decks.length).toBeGreaterThan(EXAMPLES.length * 4);
    for (const r of decks) {
      // Fronts and backs alternate (duplex): the fronts are the odd pages. A card shrunk to fit
      // would set its body at a size of its own, and a sheet of such cards would lack the deck's.
      const fronts = r.pages.filter((_, i) => i % 2 === 0);
      const body = bodySize(fronts);
      const without = fronts.flatMap((p, i) => (p.sizes.has(body) ? [] : [`front sheet ${i + 1}: ${[...p.sizes.keys()].join(', ')}`]));
      expect(without, `${r.key}: body ${body} pt`).toEqual([]);
    }
  });

  it('never leaves a heading as the last line of a page', () => {
    const stranded: string[] = [];
    for (const r of mine().filter((x) => !isDeck(x))) {
      const texts = headings(r.doc.blocks).filter((h) => h.length >= 4);
      const [, , bottomMm] = r.doc.page.marginsMm;
      r.pages.forEach((p, i) => {
        if (i === r.pages.length - 1) return;
        // The footer sits in the bottom margin; the last line above it ends the page's text.
        const body = p.lines.filter((l) => l.top < p.height - (bottomMm * 72) / 25.4);
        const last = body.at(-1);
        // A heading is set at h3's size or larger (a table row may repeat a heading's words).
        if (!last || last.size < TYPE.h3 - 0.01) return;
        const heading = texts.find((h) => h === last.text || h.startsWith(`${last.text} `) || h.endsWith(` ${last.text}`));
        if (heading) stranded.push(`${r.key} p${i + 1}: '${heading}'`);
      });
    }
    expect(stranded).toEqual([]);
  });
});
