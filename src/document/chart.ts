// The layout of a bar chart, computed once for every writer: bars, base line and texts in mm, so the
// PDF (pdfmake and Typst), the DOCX image and a web page draw the same picture from the same numbers.
import type { Chart } from './model.js';
import { TYPE } from './theme.js';

/**
 * The typeface's line box per point of size, split at the baseline (Roboto: hhea ascender 1900 and
 * descender 500 per 2048). Texts are placed by the top of their line box, as pdfmake places them.
 */
export const CHART_FONT = { ascender: 1900 / 2048, descender: 500 / 2048 } as const;

/** Type sizes (pt) of the chart: the title above it, the numbers on it, the unit in its corner. */
export const CHART_TYPE = {
  title: TYPE.body,
  value: TYPE.label,
  category: TYPE.label,
  unit: TYPE.small,
} as const;

/** Lines in pt; lengths in mm. */
const BASELINE_PT = 0.8;
const GAP_MM = 1.2;
/** A bar takes this share of its slot, but never more than `MAX_BAR_MM`: ten bars read as ten, not as a wall. */
const BAR_SHARE = 0.62;
const MAX_BAR_MM = 14;
/** Below this the numbers would collide with the bars; a smaller `heightMm` is raised to it. */
export const MIN_CHART_HEIGHT_MM = 24;

const PT_TO_MM = 25.4 / 72;

/** Height of a line of text of `sizePt`, in mm. */
export function lineBoxMm(sizePt: number): number {
  return sizePt * (CHART_FONT.ascender + CHART_FONT.descender) * PT_TO_MM;
}

export interface ChartText {
  text: string;
  /** Where the text is anchored horizontally: its centre (`middle`) or its left end (`start`). */
  x: number;
  anchor: 'middle' | 'start';
  /** Top of the text's line box; the baseline is `top + ascender * size`. */
  top: number;
  sizePt: number;
  /** `text` for the numbers, `muted` for labels and the unit. */
  tone: 'text' | 'muted';
  /** Width of the slot a centred text belongs to, for writers that centre text in a box. */
  slot: number;
}

export interface ChartRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Everything of a chart's drawing (not its title), in mm from its top left corner. */
export interface ChartLayout {
  width: number;
  height: number;
  bars: ChartRect[];
  baseline: { x1: number; x2: number; y: number; widthPt: number };
  texts: ChartText[];
}

/** Where everything of `chart` goes in a drawing `widthMm` wide. */
export function layoutChart(chart: Chart, widthMm: number): ChartLayout {
  const height = Math.max(MIN_CHART_HEIGHT_MM, chart.heightMm);
  const n = Math.max(1, chart.categories.length);
  const slot = widthMm / n;
  const barWidth = Math.min(slot * BAR_SHARE, MAX_BAR_MM);
  const unitBox = lineBoxMm(CHART_TYPE.unit);
  const valueBox = lineBoxMm(CHART_TYPE.value);
  const categoryBox = lineBoxMm(CHART_TYPE.category);
  // From the top: the unit's row, room for the tallest bar's number, the bars, the base line, the labels.
  const tallestTop = unitBox + GAP_MM + valueBox + GAP_MM * 0.6;
  const base = height - categoryBox - GAP_MM;
  const room = Math.max(1, base - tallestTop);
  const max = Math.max(1, ...chart.values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0)));
  const bars: ChartRect[] = [];
  const texts: ChartText[] = [{ text: chart.unit, x: 0, anchor: 'start', top: 0, sizePt: CHART_TYPE.unit, tone: 'muted', slot: widthMm }];
  chart.categories.forEach((category, i) => {
    const centre = slot * i + slot / 2;
    const value = chart.values[i] ?? 0;
    if (Number.isFinite(value) && value > 0) {
      const h = (room * value) / max;
      bars.push({ x: centre - barWidth / 2, y: base - h, w: barWidth, h });
      texts.push({ text: formatValue(value), x: centre, anchor: 'middle', top: base - h - GAP_MM * 0.6 - valueBox, sizePt: CHART_TYPE.value, tone: 'text', slot });
    }
    texts.push({ text: category, x: centre, anchor: 'middle', top: base + GAP_MM, sizePt: CHART_TYPE.category, tone: 'muted', slot });
  });
  return { width: widthMm, height, bars, baseline: { x1: 0, x2: widthMm, y: base, widthPt: BASELINE_PT }, texts };
}

/** Counts are whole; anything else is shown as it is, never rounded away. */
function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 10) / 10);
}
