// Imposes a card deck onto sheets (fronts, then mirrored backs) and measures that no card overflows.
import path from 'node:path';
import type { CanvasElement, Content, ContentSection, CustomTableLayout } from 'pdfmake/interfaces.js';
import { iconTile } from '../../document/icons.js';
import type { Block, Brand, Card, CardLayout, DocumentMeta, PageSetup } from '../../document/model.js';
import { cardsPerSheet, sheetGeometry, type Rect } from '../../document/imposition.js';
import { BRAND, CARD_TYPE, cardTypeFactor, inLineBoxes, LINE, mmToPt, SIZE_MM, TYPE } from '../../document/theme.js';
import type { Overflow } from '../card-fit.js';
import { renderBlocks, renderInlines, withMarker, type BlockContext } from './blocks.js';

export const CARD_MARKER_PREFIX = 'ww-card-';

type Face = 'front' | 'back';

/** What the layout pass told us about one card face: where each measured part started and ended. */
interface FaceMeasure {
  card: Card;
  face: Face;
  /** Height the content may use, in pt, and the least gap between its parts. */
  available: number;
  gap: number;
  parts: Map<string, { start?: { page: number; top: number }; end?: { page: number; top: number } }>;
}

/**
 * Collects card content heights during layout. pdfmake draws absolutely positioned content
 * wherever it ends, so without measuring, a long card would silently run off its slot.
 * Each part of a face (the text from the top, the foot) is bracketed by two invisible sentinel
 * lines whose positions the `pageBreakBefore` hook reports; their distances are the heights.
 */
export class CardProbe {
  private readonly faces = new Map<string, FaceMeasure>();

  register(key: string, measure: Omit<FaceMeasure, 'parts'>, parts: readonly string[]): void {
    this.faces.set(key, { ...measure, parts: new Map(parts.map((p) => [p, {}])) });
  }

  /** Called from `pageBreakBefore` for sentinel nodes; markers are `<prefix><key>:<part>:start|end`. */
  record(marker: string, page: number, top: number): void {
    const [key, part, edge] = marker.slice(CARD_MARKER_PREFIX.length).split(':');
    const at = this.faces.get(key)?.parts.get(part);
    if (!at) return;
    if (edge === 'start') at.start = { page, top };
    else at.end = { page, top };
  }

  overflows(): Overflow[] {
    const out: Overflow[] = [];
    for (const f of this.faces.values()) {
      let height = f.gap * (f.parts.size - 1);
      for (const part of f.parts.values()) {
        // A part never reported means pdfmake changed how it lays out; one continued on another page
        // is far too long. Either way the card is reported, with the whole room as the excess.
        height += !part.start || !part.end || part.start.page !== part.end.page ? 2 * f.available : part.end.top - part.start.top;
      }
      const excess = height - f.available;
      if (excess > 0.5) out.push({ card: f.card, face: f.face, excessMm: (excess * 25.4) / 72, roomMm: (f.available * 25.4) / 72 });
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
function sentinel(key: string, part: string, edge: 'start' | 'end'): Content {
  return withMarker<Content>({ text: ' ', fontSize: 0.1, lineHeight: 1 }, `${CARD_MARKER_PREFIX}${key}:${part}:${edge}`);
}

/** A stack bracketed by sentinels, so its height is measured. */
function measured(key: string, part: string, content: Content[]): Content[] {
  return [sentinel(key, part, 'start'), ...content, sentinel(key, part, 'end')];
}

interface DeckContext {
  block: BlockContext;
  probe: CardProbe;
  /** Distinguishes decks, so measurement keys stay unique. */
  deck: number;
  /** Upper-casing follows the document's language, not the machine's (Turkish i/İ). */
  language: DocumentMeta['language'];
  /** The deck's title (in the sheet's margin), the brand and logo for the backs. */
  title: string;
  brand?: Brand;
  logo?: PageSetup['logo'];
}

/** The number of pages a deck takes: one front and one back page per sheet. */
export function deckPageCount(layout: CardLayout, cards: number): number {
  return 2 * Math.ceil(cards / cardsPerSheet(layout));
}

type CardsBlock = Extract<Block, { kind: 'cards' }>;

export function renderDeck(block: CardsBlock, dc: DeckContext): ContentSection {
  const { layout, cards } = block;
  const geo = sheetGeometry(layout);
  const perSheet = cardsPerSheet(layout);
  const pages: Content[] = [];
  const p = dc.block.palette;
  const inMargin = (r: Rect, text: string, alignment: 'left' | 'right'): Content => ({
    columns: [{ text, fontSize: TYPE.running, color: p.muted, alignment, width: mmToPt(r.w) }],
    absolutePosition: { x: mmToPt(r.x), y: mmToPt(r.y) },
  });
  for (let first = 0; first < cards.length; first += perSheet) {
    const sheet = cards.slice(first, first + perSheet);
    const fronts: Content[] = [];
    const backs: Content[] = [];
    sheet.forEach((card, i) => {
      const n = first + i;
      const footLine = block.name ? `${block.name} · ${n + 1}/${cards.length}` : `${n + 1}/${cards.length}`;
      fronts.push(...front(card, footLine, pt(geo.slots[i]), layout, mmToPt(geo.overrun), n, dc));
      backs.push(...back(card, pt(geo.backSlots[i]), layout, mmToPt(geo.overrun), n, dc));
    });
    if (geo.margin) {
      fronts.push(inMargin(geo.margin.title, dc.title, 'left'));
      if (block.printNote) fronts.push(inMargin(geo.margin.note, block.printNote, 'right'));
    }
    if (geo.cutMarks.length) {
      fronts.push(cutMarks(geo.cutMarks));
      backs.push(cutMarks(geo.cutMarks));
    }
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

function rect(r: Rect, color: string): Content {
  return { canvas: [{ type: 'rect', x: 0, y: 0, w: r.w, h: r.h, color, lineWidth: 0 }], absolutePosition: { x: r.x, y: r.y } };
}

/** The least room between a front's text and its foot (pt, at type factor 1). */
const FOOT_GAP = 6;

function front(card: Card, footLine: string, slot: Rect, layout: CardLayout, over: number, n: number, dc: DeckContext): Content[] {
  const key = `${dc.deck}-${n}-front`;
  // One size for the whole deck: the layout's, never shrunk to fit.
  const s = cardTypeFactor(layout);
  const p = dc.block.palette;
  const pad = mmToPt(SIZE_MM.cardPad) * s;
  const band = mmToPt(SIZE_MM.cardBand) * s;
  const width = slot.w - 2 * pad;
  const top = slot.y + band + pad;
  const available = slot.y + slot.h - pad - top;
  dc.probe.register(key, { card, face: 'front', available, gap: FOOT_GAP * s }, ['top', 'foot']);

  const icon = card.icon ? mmToPt(SIZE_MM.cardIcon) * s : 0;
  // Kicker and title keep clear of the icon at the top right.
  const clear = icon ? icon + mmToPt(3) * s : 0;
  const stack: Content[] = [];
  if (card.kicker) {
    stack.push({
      text: card.kicker.toLocaleUpperCase(dc.language),
      fontSize: CARD_TYPE.kicker * s,
      bold: true,
      characterSpacing: 1.1 * s,
      color: p.accentText,
      margin: [0, 0, clear, 3 * s],
    });
  }
  stack.push({ text: card.title, fontSize: CARD_TYPE.title * s, bold: true, color: p.text, lineHeight: inLineBoxes(LINE.cardTitle), margin: [0, 0, clear, 0] });
  if (card.subtitle?.length) {
    stack.push({ text: renderInlines(card.subtitle, p), fontSize: CARD_TYPE.subtitle * s, color: p.soft, lineHeight: inLineBoxes(LINE.cardSubtitle), margin: [0, 4 * s, 0, 0] });
  }
  if (card.blocks.length) {
    stack.push({
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: mmToPt(10) * s, y2: 0, lineWidth: 1.2, lineColor: p.accent }],
      margin: [0, 8 * s, 0, 8 * s],
    });
    stack.push(...body(card.blocks, width, s, dc));
  }
  const foot: Content[] = [];
  if (card.foot?.length) foot.push({ stack: body(card.foot, width, s, dc), margin: [0, 0, 0, 6 * s] });
  foot.push({ text: footLine, fontSize: CARD_TYPE.foot * s, color: p.muted });

  const out: Content[] = [
    // The band runs past the cut at the top and the sides, so a cut a little off shows no white.
    rect({ x: slot.x - over, y: slot.y - over, w: slot.w + 2 * over, h: band + over }, p.accent),
    { columns: [{ width, stack: measured(key, 'top', stack) }], absolutePosition: { x: slot.x + pad, y: top } },
    // The foot is held at the bottom of the card: a cell as high as the room, aligned to its foot.
    {
      table: { widths: [width], heights: [available], body: [[{ stack: measured(key, 'foot', foot), verticalAlignment: 'bottom' }]] },
      layout: noLines,
      absolutePosition: { x: slot.x + pad, y: top },
    },
  ];
  if (card.icon) out.push({ svg: iconTile(card.icon, p.accent), width: icon, height: icon, absolutePosition: { x: slot.x + slot.w - pad - icon, y: top } });
  return out;
}

function back(card: Card, slot: Rect, layout: CardLayout, over: number, n: number, dc: DeckContext): Content[] {
  const key = `${dc.deck}-${n}-back`;
  const s = cardTypeFactor(layout);
  const p = dc.block.palette;
  const pad = mmToPt(SIZE_MM.cardPad) * s;
  const band = mmToPt(SIZE_MM.cardBand) * s * 0.6;
  const width = slot.w - 2 * pad;
  const height = slot.h - band - 2 * pad;
  const logo = dc.logo ? { path: path.resolve(dc.logo.path), w: mmToPt(BRAND.cardLogoMm.w) * s, h: mmToPt(BRAND.cardLogoMm.h) * s } : undefined;
  const room = logo ? height - logo.h - 8 * s : height;
  dc.probe.register(key, { card, face: 'back', available: room, gap: 0 }, ['all']);

  const content: Content[] = [];
  if (dc.brand) {
    const tile = mmToPt(BRAND.tileMm) * s;
    content.push(
      { svg: iconTile('house', p.accent), width: tile, height: tile, alignment: 'center', margin: [0, 0, 0, 2.5 * s] },
      { text: dc.brand.wordmark, fontSize: BRAND.wordmark * s, bold: true, color: p.text, lineHeight: inLineBoxes(1) },
      { text: dc.brand.place, fontSize: BRAND.place * s, bold: true, color: p.accentText, lineHeight: inLineBoxes(1) },
    );
  }
  // pdfmake centres the canvas as a whole (the stack is centred), so the line starts at 0.
  content.push({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: mmToPt(10) * s, y2: 0, lineWidth: 1.2, lineColor: p.accent }], margin: [0, 8 * s, 0, 8 * s] });
  content.push(...body(card.back, width, s, dc));
  const out: Content[] = [
    // A light tint on the whole back, past the cut: a duplex print a little off shows no white slivers.
    rect({ x: slot.x - over, y: slot.y - over, w: slot.w + 2 * over, h: slot.h + 2 * over }, p.accentTint),
    rect({ x: slot.x - over, y: slot.y + slot.h - band, w: slot.w + 2 * over, h: band + over }, p.accent),
    {
      table: { widths: [width], heights: [room], body: [[{ stack: measured(key, 'all', content), verticalAlignment: 'middle', alignment: 'center' }]] },
      layout: noLines,
      absolutePosition: { x: slot.x + pad, y: slot.y + pad },
    },
  ];
  if (logo) {
    out.push({ columns: [{ image: logo.path, fit: [logo.w, logo.h], width, alignment: 'center' }], absolutePosition: { x: slot.x + pad, y: slot.y + pad + height - logo.h } });
  }
  return out;
}

function body(blocks: readonly Block[], width: number, scale: number, dc: DeckContext): Content[] {
  // The card's body size rather than the page's: an A6 card holds a few short lines, and the
  // smaller size keeps them from wrapping into a ragged column.
  return renderBlocks(blocks, { ...dc.block, width, scale: scale * (CARD_TYPE.body / TYPE.body), nested: true });
}
