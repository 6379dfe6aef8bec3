// A chart block as a picture, for formats without drawing of their own: a PNG (for DOCX, and for a web
// page that wants an <img>) and an SVG (for a web page). Both from the shared layout in
// document/chart.ts, with the PDFs' typeface, so every format shows the same chart.
import { CHART_FONT, layoutChart, type ChartLayout } from '../document/chart.js';
import { drawingFont } from '../document/coverage.js';
import type { Chart } from '../document/model.js';
import type { Palette } from '../document/theme.js';
import { Canvas } from '../raster/canvas.js';
import { encodePng } from '../raster/png.js';

/** Print resolution: sharp on paper, and a chart of a page's width stays near 30 kB. */
export const CHART_DPI = 200;


export interface ChartPicture {
  bytes: Uint8Array;
  /** The drawing's size on paper, for the writer to place it at exactly that size. */
  widthMm: number;
  heightMm: number;
  widthPx: number;
  heightPx: number;
}

const colourOf = (tone: 'text' | 'muted', p: Palette) => (tone === 'muted' ? p.muted : p.text);

/** The drawing of `chart` (not its title) as a PNG, `widthMm` wide at `dpi`. */
export function chartPng(chart: Chart, p: Palette, widthMm: number, dpi = CHART_DPI): ChartPicture {
  const layout = layoutChart(chart, widthMm);
  const px = (mm: number) => (mm * dpi) / 25.4;
  const widthPx = Math.max(1, Math.round(px(layout.width)));
  const heightPx = Math.max(1, Math.round(px(layout.height)));
  const canvas = new Canvas(widthPx, heightPx, '#ffffff');
  for (const bar of layout.bars) canvas.rect(px(bar.x), px(bar.y), px(bar.w), px(bar.h), p.accent);
  const line = Math.max(1, px((layout.baseline.widthPt * 25.4) / 72));
  canvas.rect(px(layout.baseline.x1), px(layout.baseline.y) - line / 2, px(layout.baseline.x2 - layout.baseline.x1), line, p.muted);
  const f = drawingFont();
  for (const t of layout.texts) {
    const size = (t.sizePt * dpi) / 72;
    const scale = size / f.unitsPerEm;
    const width = f.measure(t.text) * scale;
    let x = t.anchor === 'middle' ? px(t.x) - width / 2 : px(t.x);
    const baseline = px(t.top) + CHART_FONT.ascender * size;
    const polygons = [];
    for (const ch of t.text) {
      const glyph = f.glyphOf(ch.codePointAt(0)!);
      for (const contour of f.outline(glyph)) polygons.push(contour.map((pt) => ({ x: x + pt.x * scale, y: baseline - pt.y * scale })));
      x += f.advance(glyph) * scale;
    }
    canvas.fill(polygons, colourOf(t.tone, p));
  }
  return { bytes: encodePng(widthPx, heightPx, canvas.rgb, dpi), widthMm: layout.width, heightMm: layout.height, widthPx, heightPx };
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number) => String(Math.round(n * 100) / 100);

/**
 * The drawing of `chart` as an SVG in mm units, with the alt text as its accessible name
 * (`role="img"` and `<title>`), for a web page to put inline. Text is real text in the page's font
 * stack (`fontFamily`), so it is sharp at any zoom and can be found with the browser's search.
 */
export function chartSvg(chart: Chart, p: Palette, widthMm: number, alt: string, fontFamily = '"Atkinson Hyperlegible Next", Arial, sans-serif'): string {
  const layout: ChartLayout = layoutChart(chart, widthMm);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${num(layout.width)} ${num(layout.height)}" width="${num(layout.width)}mm" height="${num(layout.height)}mm">`,
    `<title>${xmlText(alt)}</title>`,
  ];
  for (const bar of layout.bars) parts.push(`<rect x="${num(bar.x)}" y="${num(bar.y)}" width="${num(bar.w)}" height="${num(bar.h)}" fill="${p.accent}"/>`);
  const b = layout.baseline;
  parts.push(`<line x1="${num(b.x1)}" y1="${num(b.y)}" x2="${num(b.x2)}" y2="${num(b.y)}" stroke="${p.muted}" stroke-width="${num((b.widthPt * 25.4) / 72)}"/>`);
  for (const t of layout.texts) {
    const size = (t.sizePt * 25.4) / 72;
    const y = t.top + CHART_FONT.ascender * size;
    parts.push(
      `<text x="${num(t.x)}" y="${num(y)}" font-size="${num(size)}" font-family="${xmlText(fontFamily)}" fill="${colourOf(t.tone, p)}" text-anchor="${t.anchor}" aria-hidden="true">${xmlText(t.text)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
