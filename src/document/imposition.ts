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
  /** Card slots on the front, in reading order. */
  slots: Rect[];
  /** The same slots on the back, mirrored for long-edge duplex: slot i's back is `backSlots[i]`. */
  backSlots: Rect[];
  /** Cut marks in the margins (empty for single-card pages, which are trimmed by the print shop). */
  cutMarks: CutMark[];
  /** Extra area around the sheet's trim box that printing may cover (bleed), 0 when none. */
  bleed: number;
}

const A4 = PAGE_MM.A4;
/** Cards are a little smaller than true A6/A5 so the marks fit in the printable margin. */
const MARGIN_X = 7;
const MARGIN_Y = 10.5;
/** Length of a cut mark, and the gap between the mark and the card edge. */
const MARK_LENGTH = 5;
const MARK_GAP = 1.5;

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

/** The geometry of one sheet for a card layout. */
export function sheetGeometry(layout: CardLayout): SheetGeometry {
  if (layout.kind === 'a6-single') {
    const b = layout.bleedMm;
    const slot = { x: b, y: b, w: 105, h: 148 };
    return { width: 105 + 2 * b, height: 148 + 2 * b, slots: [slot], backSlots: [slot], cutMarks: [], bleed: b };
  }
  const cols = layout.kind === 'a4-four' ? 2 : 1;
  const rows = 2;
  const w = (A4.width - 2 * MARGIN_X) / cols;
  const h = (A4.height - 2 * MARGIN_Y) / rows;
  const slots: Rect[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) slots.push({ x: MARGIN_X + c * w, y: MARGIN_Y + r * h, w, h });
  }
  const xs = Array.from({ length: cols + 1 }, (_, i) => MARGIN_X + i * w);
  const ys = Array.from({ length: rows + 1 }, (_, i) => MARGIN_Y + i * h);
  const cutMarks: CutMark[] = [];
  for (const x of xs) {
    // vertical marks above and below the grid, on every vertical cut line
    cutMarks.push({ x1: x, y1: MARGIN_Y - MARK_GAP - MARK_LENGTH, x2: x, y2: MARGIN_Y - MARK_GAP });
    const bottom = A4.height - MARGIN_Y;
    cutMarks.push({ x1: x, y1: bottom + MARK_GAP, x2: x, y2: bottom + MARK_GAP + MARK_LENGTH });
  }
  for (const y of ys) {
    // horizontal marks left and right of the grid, on every horizontal cut line
    cutMarks.push({ x1: MARGIN_X - MARK_GAP - MARK_LENGTH, y1: y, x2: MARGIN_X - MARK_GAP, y2: y });
    const right = A4.width - MARGIN_X;
    cutMarks.push({ x1: right + MARK_GAP, y1: y, x2: right + MARK_GAP + MARK_LENGTH, y2: y });
  }
  return {
    ...A4,
    slots,
    backSlots: slots.map((s) => mirrorForBack(s, A4.width)),
    cutMarks,
    bleed: 0,
  };
}
