// Imposes a card deck onto sheets (fronts, then mirrored backs) and measures that no card overflows.
import type { CanvasElement, Content, ContentSection, CustomTableLayout } from 'pdfmake/interfaces.js';
import type { Block, Card, CardLayout, DocumentMeta } from '../../document/model.js';
import { cardsPerSheet, sheetGeometry, type Rect } from '../../document/imposition.js';
import { CARD_TYPE, cardTypeFactor, mmToPt, SIZE_MM, TYPE } from '../../document/theme.js';
import { renderBlocks, renderInlines, withMarker, type BlockContext } from './blocks.js';

export const CARD_MARKER_PREFIX = 'ww-card-';

type Face = 'front' | 'back';

/** What the layout pass told us about one card face. */
interface FaceMeasure {
  title: string;
  face: Face;
  /** Height the content may use, in pt. */
  available: number;
  start?: { page: number; top: number };
  end?: { page: number; top: number };
}

export interface Overflow {
  key: string;
  title: string;
  face: Face;
  /** How much too tall the content is, in mm; Infinity when it ran onto another page. */
  excessMm: number;
}

/**
 * Collects card content heights during layout. pdfmake draws absolutely positioned content
 * wherever it ends, so without measuring, a long card would silently run off its slot.
 * Each face's content is bracketed by two invisible sentinel lines whose positions the
 * `pageBreakBefore` hook reports; their distance is the content height.
 */
export class CardProbe {
  private readonly faces = new Map<string, FaceMeasure>();

  /** `scales` holds per-face font scales chosen by earlier attempts (see writePdf). */
  constructor(readonly scales: ReadonlyMap<string, number>) {}

  register(key: string, measure: FaceMeasure): void {
    this.faces.set(key, measure);
  }

  /** Called from `pageBreakBefore` for sentinel nodes; markers are `<prefix><key>:start|end`. */
  record(marker: string, page: number, top: number): void {
    const body = marker.slice(CARD_MARKER_PREFIX.length);
    const sep = body.lastIndexOf(':');
    const face = this.faces.get(body.slice(0, sep));
    if (!face) return;
    if (body.slice(sep + 1) === 'start') face.start = { page, top };
    else face.end = { page, top };
  }

  overflows(): Overflow[] {
    const out: Overflow[] = [];
    for (const [key, f] of this.faces) {
      // A face never reported means pdfmake changed how it lays out: fail loudly rather than guess.
      // Content far too long for the card is continued on a new page by pdfmake.
      const height = !f.start || !f.end || f.start.page !== f.end.page ? Infinity : f.end.top - f.start.top;
      const excess = height - f.available;
      if (excess > 0.5) out.push({ key, title: f.title, face: f.face, excessMm: (excess * 25.4) / 72 });
    }
    return out;
  }
}

function pt(r: Rect): Rect {
  return { x: mmToPt(r.x), y: mmToPt(r.y), w: mmToPt(r.w), h: mmToPt(r.h) };
}

const noLines: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

/** Near-zero-size text lines whose positions tell the probe where content starts and ends. */
function sentinel(marker: string): Content {
  return withMarker<Content>({ text: ' ', fontSize: 0.1, lineHeight: 1 }, marker);
}

interface DeckContext {
  block: BlockContext;
  probe: CardProbe;
  /** Distinguishes decks, so measurement keys stay unique. */
  deck: number;
  /** Upper-casing follows the document's language, not the machine's (Turkish i/İ). */
  language: DocumentMeta['language'];
}

/** The number of pages a deck takes: one front and one back page per sheet. */
export function deckPageCount(layout: CardLayout, cards: number): number {
  return 2 * Math.ceil(cards / cardsPerSheet(layout));
}

export function renderDeck(layout: CardLayout, cards: readonly Card[], dc: DeckContext): ContentSection {
  const geo = sheetGeometry(layout);
  const perSheet = cardsPerSheet(layout);
  const pages: Content[] = [];
  for (let first = 0; first < cards.length; first += perSheet) {
    const sheet = cards.slice(first, first + perSheet);
    const fronts: Content[] = [];
    const backs: Content[] = [];
    sheet.forEach((card, i) => {
      const n = first + i;
      fronts.push(...front(card, pt(geo.slots[i]), layout, geo.bleed, n, dc));
      backs.push(...back(card, pt(geo.backSlots[i]), layout, geo.bleed, n, dc));
    });
    if (geo.cutMarks.length) fronts.push(cutMarks(geo.cutMarks));
    pages.push({ stack: fronts, pageBreak: pages.length ? 'before' : undefined });
    // Backs sit at the mirrored slots so a long-edge duplex print puts each back behind its front.
    pages.push({ stack: backs, pageBreak: 'before' });
  }
  return {
    section: pages,
    pageSize: { width: mmToPt(geo.width), height: mmToPt(geo.height) },
    pageOrientation: 'portrait',
    pageMargins: [0, 0, 0, 0],
    // Running header and footer belong to the text pages; on a card sheet they would be cut into cards.
    header: null,
    footer: null,
  } as ContentSection;
}

function cutMarks(marks: ReturnType<typeof sheetGeometry>['cutMarks']): Content {
  const canvas: CanvasElement[] = marks.map((m) => ({
    type: 'line',
    x1: mmToPt(m.x1),
    y1: mmToPt(m.y1),
    x2: mmToPt(m.x2),
    y2: mmToPt(m.y2),
    lineWidth: 0.4,
    lineColor: '#000000',
  }));
  return { canvas, absolutePosition: { x: 0, y: 0 } };
}

/** Bleed-aware rectangle: on single-card pages colour runs past the trim edge into the bleed. */
function bleedOut(r: Rect, bleed: number, edges: { top?: boolean; bottom?: boolean }): Rect {
  if (bleed <= 0) return r;
  const b = mmToPt(bleed);
  const top = edges.top ? b : 0;
  const bottom = edges.bottom ? b : 0;
  return { x: r.x - b, y: r.y - top, w: r.w + 2 * b, h: r.h + top + bottom };
}

function front(card: Card, slot: Rect, layout: CardLayout, bleed: number, n: number, dc: DeckContext): Content[] {
  const key = `${dc.deck}-${n}-front`;
  const s = cardTypeFactor(layout) * (dc.probe.scales.get(key) ?? 1);
  const p = dc.block.palette;
  const pad = mmToPt(SIZE_MM.cardPad) * cardTypeFactor(layout);
  const band = mmToPt(SIZE_MM.cardBand) * cardTypeFactor(layout);
  const width = slot.w - 2 * pad;
  const top = slot.y + band + pad;
  dc.probe.register(key, { title: card.title, face: 'front', available: slot.y + slot.h - pad - top });

  const stack: Content[] = [sentinel(`${CARD_MARKER_PREFIX}${key}:start`)];
  if (card.kicker) {
    stack.push({
      text: card.kicker.toLocaleUpperCase(dc.language),
      fontSize: CARD_TYPE.kicker * s,
      bold: true,
      characterSpacing: 1.1 * s,
      color: p.accentText,
      margin: [0, 0, 0, 3 * s],
    });
  }
  stack.push({ text: card.title, fontSize: CARD_TYPE.title * s, bold: true, color: p.text, lineHeight: 1.05 });
  if (card.subtitle?.length) {
    stack.push({ text: renderInlines(card.subtitle, p), fontSize: CARD_TYPE.subtitle * s, color: p.soft, lineHeight: 1.25, margin: [0, 4 * s, 0, 0] });
  }
  if (card.blocks.length) {
    stack.push({
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: mmToPt(10) * s, y2: 0, lineWidth: 1.2, lineColor: p.accent }],
      margin: [0, 9 * s, 0, 9 * s],
    });
    stack.push(...body(card.blocks, width, s, dc));
  }
  stack.push(sentinel(`${CARD_MARKER_PREFIX}${key}:end`));

  const bandRect = bleedOut({ ...slot, h: band }, bleed, { top: true });
  return [
    { canvas: [{ type: 'rect', x: 0, y: 0, w: bandRect.w, h: bandRect.h, color: p.accent, lineWidth: 0 }], absolutePosition: { x: bandRect.x, y: bandRect.y } },
    { columns: [{ width, stack }], absolutePosition: { x: slot.x + pad, y: top } },
  ];
}

function back(card: Card, slot: Rect, layout: CardLayout, bleed: number, n: number, dc: DeckContext): Content[] {
  const key = `${dc.deck}-${n}-back`;
  const s = cardTypeFactor(layout) * (dc.probe.scales.get(key) ?? 1);
  const p = dc.block.palette;
  const pad = mmToPt(SIZE_MM.cardPad) * cardTypeFactor(layout);
  const band = mmToPt(SIZE_MM.cardBand) * cardTypeFactor(layout) * 0.6;
  const width = slot.w - 2 * pad;
  const height = slot.h - band - 2 * pad;
  dc.probe.register(key, { title: card.title, face: 'back', available: height });

  const stack: Content[] = [
    sentinel(`${CARD_MARKER_PREFIX}${key}:start`),
    // pdfmake centres the canvas as a whole (the stack is centred), so the line starts at 0.
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: mmToPt(10) * s, y2: 0, lineWidth: 1.2, lineColor: p.accent }], margin: [0, 0, 0, 10 * s] },
    ...body(card.back, width, s, dc),
    sentinel(`${CARD_MARKER_PREFIX}${key}:end`),
  ];
  const tint = bleedOut(slot, bleed, { top: true, bottom: true });
  const bandRect = bleedOut({ ...slot, y: slot.y + slot.h - band, h: band }, bleed, { bottom: true });
  return [
    // A light tint on the whole back means a slightly misregistered duplex print shows no white slivers between cards.
    { canvas: [{ type: 'rect', x: 0, y: 0, w: tint.w, h: tint.h, color: p.accentTint, lineWidth: 0 }], absolutePosition: { x: tint.x, y: tint.y } },
    { canvas: [{ type: 'rect', x: 0, y: 0, w: bandRect.w, h: bandRect.h, color: p.accent, lineWidth: 0 }], absolutePosition: { x: bandRect.x, y: bandRect.y } },
    {
      table: { widths: [width], heights: [height], body: [[{ stack, verticalAlignment: 'middle', alignment: 'center' }]] },
      layout: noLines,
      absolutePosition: { x: slot.x + pad, y: slot.y + pad },
    },
  ];
}

function body(blocks: readonly Block[], width: number, scale: number, dc: DeckContext): Content[] {
  // The card's body size rather than the page's: an A6 card holds a few short lines, and the
  // smaller size keeps them from wrapping into a ragged column.
  return renderBlocks(blocks, { ...dc.block, width, scale: scale * (CARD_TYPE.body / TYPE.body), nested: true });
}
