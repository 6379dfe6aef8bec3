// The chart block in every writer: one layout; vectors with real text in both PDF engines (the
// numbers where the bars are), a PNG in the DOCX that decodes to the same picture, an SVG for the web.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, unzlibSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutChart } from '../../src/document/chart.js';
import type { Chart, Document } from '../../src/document/model.js';
import { palette } from '../../src/document/theme.js';
import { chartPng, chartSvg } from '../../src/writers/chart-image.js';
import { WRITERS } from '../../src/writers/index.js';
import { crc32 } from '../../src/raster/png.js';

const work = mkdtempSync(join(tmpdir(), 'ww-chart-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const chart: Chart = { type: 'bar', title: 'Cijfer voor de bijeenkomst', categories: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], values: [0, 0, 1, 0, 2, 3, 6, 9, 4, 13], unit: 'aantal keer gegeven', heightMm: 36 };
const p = palette({ accent: '#0b6e69' });

const doc: Document = {
  meta: { title: 'Grafiek', author: 'test', language: 'nl-NL', visibility: 'public', date: new Date('2026-01-01T00:00:00Z') },
  page: { size: 'A4', orientation: 'portrait', marginsMm: [17, 19, 19, 19] },
  theme: { accent: '#0b6e69' },
  allowedFiles: [],
  blocks: [
    { kind: 'heading', level: 1, text: 'Uitslagen' },
    { kind: 'chart', chart, alt: 'Staafdiagram: cijfer 8 negen keer' },
    { kind: 'columns', columns: [{ width: 1, blocks: [{ kind: 'chart', chart: { ...chart, title: 'Links' }, alt: 'links' }] }, { width: 1, blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: 'Rechts' }] }] }] },
  ],
};

describe('the layout', () => {
  const layout = layoutChart(chart, 170);
  it('has a bar and a number for every count above zero, proportional, and a label for every category', () => {
    expect(layout.bars).toHaveLength(chart.values.filter((v) => v > 0).length);
    const tallest = Math.max(...layout.bars.map((b) => b.h));
    const nonZero = chart.values.filter((v) => v > 0);
    layout.bars.forEach((b, i) => expect(b.h / tallest).toBeCloseTo(nonZero[i] / 13, 6));
    const texts = layout.texts.map((t) => t.text);
    for (const c of chart.categories) expect(texts).toContain(c);
    for (const v of nonZero) expect(texts).toContain(String(v));
    expect(texts).toContain(chart.unit);
    // Everything stays inside the drawing.
    for (const b of layout.bars) expect(b.y).toBeGreaterThan(0);
    expect(layout.baseline.y).toBeLessThan(layout.height);
  });
});

/** Words and their positions as poppler sees them. */
function words(pdf: string): { text: string; x: number; y: number }[] {
  const out = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return [...out.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ text: m[3], x: Number(m[1]), y: Number(m[2]) }));
}

describe.each(['pdfmake', 'typst'] as const)('%s', (id) => {
  it('writes the numbers as text above their bars and the categories under them, left to right', async () => {
    const pdf = join(work, `${id}.pdf`);
    writeFileSync(pdf, await (await WRITERS[id].load())(doc));
    const all = words(pdf);
    expect(all.map((w) => w.text).join(' ')).toContain('Cijfer voor de bijeenkomst');
    // The first chart: categories on one line, in order.
    const title = all.find((w) => w.text === 'Cijfer')!;
    const below = all.filter((w) => w.y > title.y && w.y < title.y + 120);
    const categories = below.filter((w) => /^\d+$/.test(w.text)).sort((a, b) => b.y - a.y).slice(0, 10);
    expect(categories.sort((a, b) => a.x - b.x).map((w) => w.text)).toEqual(chart.categories);
    // The count 13 stands highest (its bar is the tallest), over the category 10.
    const thirteen = below.find((w) => w.text === '13')!;
    const ten = categories.find((w) => w.text === '10')!;
    expect(Math.abs(thirteen.x - ten.x)).toBeLessThan(6);
    expect(thirteen.y).toBe(Math.min(...below.filter((w) => /^\d+$/.test(w.text)).map((w) => w.y)));
  });
});

describe('the PNG (DOCX)', () => {
  const picture = chartPng(chart, p, 170, 100);
  it('is a valid PNG of the drawing, at the size of the layout', () => {
    const b = picture.bytes;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    let at = 8;
    const idat: Uint8Array[] = [];
    while (at < b.length) {
      const len = view.getUint32(at);
      const type = String.fromCharCode(...b.subarray(at + 4, at + 8));
      expect(view.getUint32(at + 8 + len), `CRC of ${type}`).toBe(crc32(b, at + 4, at + 8 + len));
      if (type === 'IDAT') idat.push(b.subarray(at + 8, at + 8 + len));
      at += 12 + len;
    }
    expect(view.getUint32(16)).toBe(picture.widthPx);
    expect(view.getUint32(20)).toBe(picture.heightPx);
    expect(picture.widthPx).toBe(Math.round((170 * 100) / 25.4));
    // Undo the "Up" filter and look at the middle of the tallest bar: the accent colour.
    const raw = unzlibSync(idat[0]);
    const stride = picture.widthPx * 3;
    const rows: Uint8Array[] = [];
    for (let y = 0; y < picture.heightPx; y++) {
      const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
      rows.push(y === 0 ? line.slice() : line.map((v, i) => (v + rows[y - 1][i]) & 0xff));
    }
    const bar = layoutChart(chart, 170).bars.at(-1)!;
    const px = (mm: number) => Math.round((mm * 100) / 25.4);
    const pixel = rows[px(bar.y + bar.h / 2)].subarray(px(bar.x + bar.w / 2) * 3, px(bar.x + bar.w / 2) * 3 + 3);
    expect('#' + [...pixel].map((v) => v.toString(16).padStart(2, '0')).join('')).toBe(p.accent);
    expect([...rows[0].subarray(stride - 3)]).toEqual([255, 255, 255]);
  });

  it('is the same bytes every time', () => {
    expect(Buffer.from(chartPng(chart, p, 170, 100).bytes).equals(Buffer.from(picture.bytes))).toBe(true);
  });

  it('goes into the DOCX as a picture with the title as text and the alt text as its description', async () => {
    const docx = unzipSync(await (await WRITERS.docx.load())(doc));
    const xml = new TextDecoder().decode(docx['word/document.xml']);
    expect(xml).toContain('descr="Staafdiagram: cijfer 8 negen keer"');
    expect(xml).toMatch(/<w:t[^>]*>Cijfer voor de bijeenkomst<\/w:t>/);
    expect(Object.keys(docx).filter((n) => n.startsWith('word/media/'))).toHaveLength(2);
  });
});

describe('the SVG (for a web page)', () => {
  it('is an image with the alt text as its name, a rect per bar and the numbers as text', () => {
    const svg = chartSvg(chart, p, 170, 'Staafdiagram <van> de cijfers');
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('<title>Staafdiagram &lt;van&gt; de cijfers</title>');
    expect(svg.match(/<rect /g)).toHaveLength(chart.values.filter((v) => v > 0).length);
    expect(svg).toContain('>13</text>');
  });
});
