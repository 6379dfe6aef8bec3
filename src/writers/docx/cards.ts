// Card decks in DOCX: each deck is a section of its own whose pages hold an editable table grid of cards
// (2×2 or 1×2 on A4, or one card per A6 page), with a page of backs after each page of fronts.
import type { ISectionOptions, TableCell } from 'docx';
import { cardsPerSheet, sheetGeometry } from '../../document/imposition.js';
import type { Block, Card, CardLayout } from '../../document/model.js';
import { clean, Flow, renderBlocks, renderInlines, type RenderState } from './blocks.js';
import { PAGE_MM } from '../../document/theme.js';
import { DECK_TITLE_LINE, STYLE, mmToTwips } from './style.js';

type CardsBlock = Extract<Block, { kind: 'cards' }>;

/**
 * Every card page starts with a line of the same height: on the first page the deck's title (the
 * file's one Heading 1), on the others an empty line that holds the page break, so fronts and backs
 * line up.
 */
const SPACER_MM = (DECK_TITLE_LINE / 20) * (25.4 / 72);

interface Grid {
  page: { width: number; height: number };
  cols: number;
  rows: number;
  slot: { w: number; h: number };
  margins: { top: number; right: number; bottom: number; left: number };
  /** Dashed cell borders double as cut lines on shared sheets; single cards are trimmed by the print shop. */
  cutLines: boolean;
}

function gridFor(layout: CardLayout): Grid {
  switch (layout.kind) {
    case 'a4-four':
    case 'a4-eight':
    case 'a4-two': {
      const g = sheetGeometry(layout);
      const cols = layout.kind === 'a4-two' ? 1 : 2;
      const first = g.slots[0];
      return {
        page: { width: g.width, height: g.height },
        cols,
        rows: g.slots.length / cols,
        slot: { w: first.w, h: first.h },
        // The spacer paragraph sits above the grid, so the top margin is 1 pt less to keep cards where the PDF has them.
        margins: { top: first.y - SPACER_MM, left: first.x, right: g.width - first.x - cols * first.w, bottom: 6 },
        cutLines: true,
      };
    }
    case 'a6-single':
      // DOCX is the editable version: no bleed, a card fills the A6 page but for the room Word needs for its breaks.
      return {
        page: PAGE_MM.A6,
        cols: 1,
        rows: 1,
        // The first line of each page (the deck title, or the line holding the break) comes off the card's height.
        slot: { w: PAGE_MM.A6.width, h: PAGE_MM.A6.height - 3 - SPACER_MM },
        margins: { top: 1, left: 0, right: 0, bottom: 1 },
        cutLines: false,
      };
  }
}

/** Which card goes in each slot of a sheet side; backs swap columns so they land behind their fronts on long-edge duplex. */
export function sheetOrder(layout: CardLayout, sheet: number, count: number, back: boolean): (number | undefined)[][] {
  const grid = gridFor(layout);
  const per = cardsPerSheet(layout);
  const rows: (number | undefined)[][] = [];
  for (let r = 0; r < grid.rows; r++) {
    const row: (number | undefined)[] = [];
    for (let c = 0; c < grid.cols; c++) {
      const col = back ? grid.cols - 1 - c : c;
      const index = sheet * per + r * grid.cols + col;
      row.push(index < count ? index : undefined);
    }
    rows.push(row);
  }
  return rows;
}

/** The section for one deck of cards; an empty deck has no pages, so no section. */
export async function cardSection(s: RenderState, block: CardsBlock): Promise<ISectionOptions | undefined> {
  const { d } = s;
  if (block.cards.length === 0) return undefined;
  const grid = gridFor(block.layout);
  const per = cardsPerSheet(block.layout);
  const sheets = Math.ceil(block.cards.length / per);
  const cellW = mmToTwips(grid.slot.w);
  const pad = { top: mmToTwips(8), bottom: mmToTwips(6), left: mmToTwips(7), right: mmToTwips(7) };
  const innerW = cellW - pad.left - pad.right;
  const cut = { style: d.BorderStyle.DASHED, size: 4, color: s.c.rule };
  const none = { style: d.BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const edge = grid.cutLines ? cut : none;

  const face = async (card: Card | undefined, back: boolean): Promise<TableCell> => {
    const inner = new Flow(s);
    if (card && !back) {
      if (card.kicker) inner.para({ style: STYLE.kicker, children: [new d.TextRun(clean(card.kicker))] });
      inner.para({ style: STYLE.cardTitle, children: [new d.TextRun(clean(card.title))] });
      if (card.subtitle) inner.para({ style: STYLE.cardSubtitle, children: renderInlines(s, card.subtitle) });
      await renderBlocks(s, inner, [...card.blocks, ...(card.foot ?? [])], { widthTw: innerW, nested: true, inCard: true });
    } else if (card) {
      // A short accent bar above the back's text: the back's only ornament, centred like the text.
      const bar = mmToTwips(12);
      inner.para({
        style: STYLE.tiny,
        indent: { left: Math.floor((innerW - bar) / 2), right: Math.ceil((innerW - bar) / 2) },
        spacing: { before: 0, after: 240, line: 20, lineRule: d.LineRuleType.EXACT },
        border: { bottom: { style: d.BorderStyle.SINGLE, size: 18, color: s.c.accent, space: 0 } },
      });
      await renderBlocks(s, inner, card.back, { widthTw: innerW, nested: true, center: true, inCard: true });
    }
    return new d.TableCell({
      width: { size: cellW, type: d.WidthType.DXA },
      margins: pad,
      verticalAlign: back ? d.VerticalAlignTable.CENTER : d.VerticalAlignTable.TOP,
      children: inner.close(),
    });
  };

  const flow = new Flow(s);
  for (let sheet = 0; sheet < sheets; sheet++) {
    for (const back of [false, true]) {
      const order = sheetOrder(block.layout, sheet, block.cards.length, back);
      const rows = [];
      for (const row of order) {
        const cells = [];
        for (const index of row) cells.push(await face(index === undefined ? undefined : block.cards[index], back));
        // "At least" the card's height: a text edited longer in Word grows the card instead of vanishing.
        rows.push(new d.TableRow({ cantSplit: true, height: { value: mmToTwips(grid.slot.h), rule: d.HeightRule.ATLEAST }, children: cells }));
      }
      // Every page starts with a line of the same height, so fronts and backs line up: the deck's title
      // on the first page (its Heading 1 for the outline), an empty line holding the break on the others.
      if (sheet > 0 || back) {
        flow.pageBreak();
        flow.spacer(DECK_TITLE_LINE);
      } else flow.para({ style: STYLE.deckTitle, children: [new d.TextRun(clean(s.doc.meta.title))] });
      flow.table({
        width: { size: cellW * grid.cols, type: d.WidthType.DXA },
        columnWidths: Array.from({ length: grid.cols }, () => cellW),
        layout: d.TableLayoutType.FIXED,
        borders: { top: edge, bottom: edge, left: edge, right: edge, insideHorizontal: edge, insideVertical: edge },
        rows,
      });
    }
  }

  // Card pages fill the sheet: an explicit empty header and footer stop Word inheriting the document's.
  const blank = () => [new d.Paragraph({ style: STYLE.tiny })];
  return {
    properties: {
      page: {
        size: { width: mmToTwips(grid.page.width), height: mmToTwips(grid.page.height), orientation: d.PageOrientation.PORTRAIT },
        margin: {
          top: mmToTwips(grid.margins.top),
          bottom: mmToTwips(grid.margins.bottom),
          left: mmToTwips(grid.margins.left),
          right: mmToTwips(grid.margins.right),
          header: 0,
          footer: 0,
        },
      },
    },
    headers: { default: new d.Header({ children: blank() }) },
    footers: { default: new d.Footer({ children: blank() }) },
    children: flow.close(),
  };
}
