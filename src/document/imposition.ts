// Where cards sit on a printed sheet, and where the cut marks go: shared page geometry for both
// writers and for the test that checks marks sit exactly on the card edges. All values in mm,
// origin at the top-left corner of the sheet.
import type { CardLayout } from './model.js';
import { PAGE_MM } from './theme.js';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A short line segment in the sheet's margin, lined up with a card edge. */
export interface CutMark {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface SheetGeometry {
  /** Sheet size in mm (portrait). */
  width: number;
  height: number;
  /** Card slots on the front, in reading order (the cut edges). */
  slots: Rect[];
  /** The same slots on the back, mirrored for long-edge duplex: slot i's back is `backSlots[i]`. */
  backSlots: Rect[];
  /**
   * How far colour (a card's band, a back's tint) runs past each cut edge, so a cut or a duplex
   * print a little off still shows no white sliver: into the bleed of a print-shop page, into the
   * gutter between cards and the margin around them on an office sheet.
   */
  overrun: number;
  /** Cut marks in the margins (empty for single-card pages, which are trimmed by the print shop). */
  cutMarks: CutMark[];
  /**
   * Boxes in the sheet's top margin, clear of the cut marks and inside what office printers print:
   * the deck's title on the left, the printing note on the right (null on print-shop pages).
   */
  margin: { title: Rect; note: Rect } | null;
  /** Extra area around the sheet's trim box that printing may cover (bleed), 0 when none. */
  bleed: number;
}

const A4 = PAGE_MM.A4;
/**
 * Office printers leave about 5 mm of every edge blank. Cards start 10 mm in from the sides (12 mm
 * from top and bottom, room for a line of text above them), with 6 mm of gutter between them, cut on
 * both sides so colour can run into it. Marks are 3 mm long and stop 2 mm short of the card's edge,
 * clear of the colour that runs past it: the side marks run from 5 to 8 mm, inside what prints.
 */
export const PRINTABLE_MARGIN = 5;
const MARGIN_X = 10;
const MARGIN_Y = 12;
const GUTTER = 6;
const MARK_LENGTH = 3;
const MARK_GAP = 2;
/** Colour runs this far past a cut edge on an office sheet: less than the gap to the marks. */
const OVERRUN = 2;
/** A print-shop card: A6. */
const A6 = PAGE_MM.A6;

/** Mirror a slot for the back of the sheet: long-edge flip turns left into right. */
export function mirrorForBack(slot: Rect, sheetWidth: number): Rect {
  return { x: sheetWidth - slot.x - slot.w, y: slot.y, w: slot.w, h: slot.h };
}

/** Cards per sheet for a layout. */
export function cardsPerSheet(layout: CardLayout): number {
  switch (layout.kind) {
    case 'a4-four':
      return 4;
    case 'a4-two':
      return 2;
    case 'a6-single':
      return 1;
  }
}

/** A rectangle grown by `by` on every side. */
export function grow(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, w: r.w + 2 * by, h: r.h + 2 * by };
}

/** The geometry of one sheet for a card layout. */
export function sheetGeometry(layout: CardLayout): SheetGeometry {
  if (layout.kind === 'a6-single') {
    const b = layout.bleedMm;
    const slot = { x: b, y: b, w: A6.width, h: A6.height };
    return { width: A6.width + 2 * b, height: A6.height + 2 * b, slots: [slot], backSlots: [slot], overrun: b, cutMarks: [], margin: null, bleed: b };
  }
  const cols = layout.kind === 'a4-four' ? 2 : 1;
  const rows = 2;
  const w = (A4.width - 2 * MARGIN_X - (cols - 1) * GUTTER) / cols;
  const h = (A4.height - 2 * MARGIN_Y - (rows - 1) * GUTTER) / rows;
  const slots: Rect[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) slots.push({ x: MARGIN_X + c * (w + GUTTER), y: MARGIN_Y + r * (h + GUTTER), w, h });
  }
  // Every cut line: both edges of every card.
  const xs = [...new Set(slots.flatMap((s) => [s.x, s.x + s.w]))].sort((a, b) => a - b);
  const ys = [...new Set(slots.flatMap((s) => [s.y, s.y + s.h]))].sort((a, b) => a - b);
  const cutMarks: CutMark[] = [];
  for (const x of xs) {
    // vertical marks above and below the grid, on every vertical cut line
    cutMarks.push({ x1: x, y1: MARGIN_Y - MARK_GAP - MARK_LENGTH, x2: x, y2: MARGIN_Y - MARK_GAP });
    cutMarks.push({ x1: x, y1: A4.height - MARGIN_Y + MARK_GAP, x2: x, y2: A4.height - MARGIN_Y + MARK_GAP + MARK_LENGTH });
  }
  for (const y of ys) {
    // horizontal marks left and right of the grid, on every horizontal cut line
    cutMarks.push({ x1: MARGIN_X - MARK_GAP - MARK_LENGTH, y1: y, x2: MARGIN_X - MARK_GAP, y2: y });
    cutMarks.push({ x1: A4.width - MARGIN_X + MARK_GAP, y1: y, x2: A4.width - MARGIN_X + MARK_GAP + MARK_LENGTH, y2: y });
  }
  // The top margin between the marks: from where printing starts to just above the colour.
  const top = PRINTABLE_MARGIN;
  const height = MARGIN_Y - OVERRUN - 0.5 - top;
  const box = (from: number, to: number): Rect => ({ x: from + 3, y: top, w: to - from - 6, h: height });
  const margin =
    cols === 2 ? { title: box(xs[0], xs[1]), note: box(xs[2], xs[3]) } : { title: box(xs[0], xs[0] + (xs[1] - xs[0]) / 2), note: box(xs[0] + (xs[1] - xs[0]) / 2, xs[1]) };
  return {
    ...A4,
    slots,
    backSlots: slots.map((s) => mirrorForBack(s, A4.width)),
    overrun: OVERRUN,
    cutMarks,
    margin,
    bleed: 0,
  };
}
