// Card decks in DOCX: each deck is a section of its own whose A4 pages each hold one table, a sheet of
// cards laid out as the PDF imposes them (document/imposition.ts): cards at the same places, the gutter
// between them, the accent band and the backs' tint as cell shading running 2 mm past the cut, and the
// cut marks in the margin as short cell borders. A page of backs follows each page of fronts, mirrored
// for long-edge duplex. Rows are "at least" as tall as a card, so a text edited longer in Word makes
// its card (and the sheet) longer instead of cutting words off: the text is never lost, only the sheet
// no longer fits its page, which the user sees.
import type { ImageRun, IParagraphOptions, ISectionOptions, Paragraph, Table, TableCell, TableRow } from 'docx';
import { cardsPerSheet, PRINTABLE_MARGIN, sheetGeometry } from '../../document/imposition.js';
import type { Block, Card, CardLayout, ContentBlock, Inline } from '../../document/model.js';
import { BRAND, CARD_TYPE, LINE, LINE_BOX, PAGE_MM, palette, SIZE_MM, SPACE } from '../../document/theme.js';
import { iconTilePng } from '../raster/icon.js';
import { clean, Flow, renderBlocks, renderInlines, type RenderState } from './blocks.js';
import { logoRun, tileRun } from './brand.js';
import { countLines } from './measure.js';
import { STYLE, hp, mmToPx, mmToTwips, tw } from './style.js';

type CardsBlock = Extract<Block, { kind: 'cards' }>;

/** A card back's band is lower than the front's, as in the PDF writers. */
const BACK_BAND_FRACTION = 0.6;
/** The mark's line: 0.4 pt black, as in the PDF. */
const MARK_EIGHTHS = 3;
/** The first line of every card page (the page break's holder): 1 pt. */
const LEAD_LINE_MM = (20 / 20) * (25.4 / 72);

/**
 * A print-shop deck (A6 pages with bleed) has no Word form: Word has no bleed or trim box, and a
 * print shop takes the PDF. The materials write no DOCX of it; if one is asked for anyway, its cards
 * are imposed as the office sheet of four.
 */
function officeLayout(layout: CardLayout): Exclude<CardLayout, { kind: 'a6-single' }> {
  return layout.kind === 'a6-single' ? { kind: 'a4-four' } : layout;
}

/** Which card goes in each slot of a sheet side; backs swap columns so they land behind their fronts on long-edge duplex. */
export function sheetOrder(layout: CardLayout, sheet: number, count: number, back: boolean): (number | undefined)[][] {
  const office = officeLayout(layout);
  const cols = office.kind === 'a4-four' ? 2 : 1;
  const per = cardsPerSheet(office);
  const rows: (number | undefined)[][] = [];
  for (let r = 0; r < per / cols; r++) {
    const row: (number | undefined)[] = [];
    for (let c = 0; c < cols; c++) {
      const col = back ? cols - 1 - c : c;
      const index = sheet * per + r * cols + col;
      row.push(index < count ? index : undefined);
    }
    rows.push(row);
  }
  return rows;
}

/** One column of the sheet's table grid (mm): a margin strip with the side marks, colour past the cut, a card, or the gutter's middle. */
interface GridColumn {
  w: number;
  role: 'mark' | 'over' | 'card' | 'mid';
  /** For card columns: which column of cards. */
  card?: number;
}

/** One row of the grid: its height (mm), and what it holds. */
type GridRow =
  | { kind: 'title'; h: number }
  | { kind: 'over'; h: number }
  | { kind: 'mid'; h: number }
  | { kind: 'marks'; h: number }
  | { kind: 'band' | 'content' | 'foot' | 'logo'; h: number; atLeast: boolean; cardRow: number };

interface Sheet {
  columns: GridColumn[];
  /** Grid columns of each column of cards: [first, last]. */
  cardCols: [number, number][];
  /** The title's and the note's columns in the title row (and where their marks are). */
  slug: [number, number];
  note: [number, number];
  /** Size of a card (mm), the overrun and the band. */
  slot: { w: number; h: number };
  cardRows: number;
}

/** The grid of an A4 sheet of cards, from the shared imposition. */
function sheetGrid(layout: Exclude<CardLayout, { kind: 'a6-single' }>): Sheet {
  const g = sheetGeometry(layout);
  const over = g.overrun;
  const cols = layout.kind === 'a4-four' ? 2 : 1;
  const xs = [...new Set(g.slots.map((s) => s.x))].sort((a, b) => a - b);
  const slot = { w: g.slots[0].w, h: g.slots[0].h };
  const columns: GridColumn[] = [{ w: xs[0] - over - PRINTABLE_MARGIN, role: 'mark' }, { w: over, role: 'over' }];
  const cardCols: [number, number][] = [];
  for (let c = 0; c < cols; c++) {
    const first = columns.length;
    // A single column of cards is split in two, so the title and the note each get a half in the margin above.
    if (cols === 1) columns.push({ w: slot.w / 2, role: 'card', card: c }, { w: slot.w / 2, role: 'card', card: c });
    else columns.push({ w: slot.w, role: 'card', card: c });
    cardCols.push([first, columns.length - 1]);
    if (c < cols - 1) columns.push({ w: over, role: 'over' }, { w: xs[c + 1] - xs[c] - slot.w - 2 * over, role: 'mid' }, { w: over, role: 'over' });
  }
  columns.push({ w: over, role: 'over' }, { w: g.width - (xs[cols - 1] + slot.w + over) - PRINTABLE_MARGIN, role: 'mark' });
  const slug: [number, number] = cols === 1 ? [cardCols[0][0], cardCols[0][0]] : cardCols[0];
  const note: [number, number] = cols === 1 ? [cardCols[0][1], cardCols[0][1]] : cardCols[1];
  return { columns, cardCols, slug, note, slot, cardRows: g.slots.length / cols };
}

/** A cell's look and content; a blank cell holds a 1 pt paragraph, so it never makes a row taller. */
interface CellSpec {
  from: number;
  to: number;
  fill?: string;
  borders?: { top?: boolean; bottom?: boolean; left?: boolean; right?: boolean };
  children?: (Paragraph | Table)[];
  margins?: { top?: number; bottom?: number; left?: number; right?: number };
  vAlign?: 'top' | 'center' | 'bottom';
}

/** The section for one deck of cards; an empty deck has no pages, so no section. */
export async function cardSection(s: RenderState, block: CardsBlock): Promise<ISectionOptions | undefined> {
  const { d, c } = s;
  if (block.cards.length === 0) return undefined;
  const layout = officeLayout(block.layout);
  const grid = sheetGrid(layout);
  const geo = sheetGeometry(layout);
  const per = cardsPerSheet(layout);
  const cols = grid.cardCols.length;
  const sheets = Math.ceil(block.cards.length / per);
  const f = s.scale.card.f;
  const pad = SIZE_MM.cardPad * f;
  const band = SIZE_MM.cardBand * f;
  const backBand = band * BACK_BAND_FRACTION;
  const padTw = mmToTwips(pad);
  const innerTw = mmToTwips(grid.slot.w - 2 * pad);
  const colTw = grid.columns.map((col) => mmToTwips(col.w));
  const mark = { style: d.BorderStyle.SINGLE, size: MARK_EIGHTHS, color: '000000' };
  const none = { style: d.BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const blank = () => [new d.Paragraph({ style: STYLE.tiny })];
  const p = palette(s.doc.theme);
  const logoBox = { w: BRAND.cardLogoMm.w * f, h: BRAND.cardLogoMm.h * f };

  const makeCell = (spec: CellSpec): TableCell => {
    const width = colTw.slice(spec.from, spec.to + 1).reduce((a, b) => a + b, 0);
    const b = spec.borders ?? {};
    return new d.TableCell({
      width: { size: width, type: d.WidthType.DXA },
      columnSpan: spec.to > spec.from ? spec.to - spec.from + 1 : undefined,
      shading: spec.fill ? { fill: spec.fill, type: d.ShadingType.CLEAR, color: 'auto' } : undefined,
      borders: { top: b.top ? mark : none, bottom: b.bottom ? mark : none, left: b.left ? mark : none, right: b.right ? mark : none },
      margins: { top: spec.margins?.top ?? 0, bottom: spec.margins?.bottom ?? 0, left: spec.margins?.left ?? 0, right: spec.margins?.right ?? 0 },
      verticalAlign: spec.vAlign === 'center' ? d.VerticalAlignTable.CENTER : spec.vAlign === 'bottom' ? d.VerticalAlignTable.BOTTOM : d.VerticalAlignTable.TOP,
      children: spec.children ?? blank(),
    });
  };

  /** A row: the given cells, every other column a blank cell of its own, with `fillOf` colouring the blanks. */
  const makeRow = (row: GridRow, specs: CellSpec[], fillOf: (col: number) => string | undefined, sideMarks: { top?: boolean; bottom?: boolean } = {}): TableRow => {
    const cells: TableCell[] = [];
    for (let col = 0; col < grid.columns.length; ) {
      const spec = specs.find((x) => x.from === col);
      if (spec) {
        cells.push(makeCell(spec));
        col = spec.to + 1;
        continue;
      }
      // The side marks: short lines in the margin strips, level with each card's top and bottom edge.
      const isMark = grid.columns[col].role === 'mark';
      cells.push(makeCell({ from: col, to: col, fill: fillOf(col), borders: isMark ? sideMarks : undefined }));
      col++;
    }
    const atLeast = 'atLeast' in row && row.atLeast;
    return new d.TableRow({ cantSplit: true, height: { value: mmToTwips(row.h), rule: atLeast ? d.HeightRule.ATLEAST : d.HeightRule.EXACT }, children: cells });
  };

  // Estimated room for each card's foot (its example box and number line): the foot row is at least
  // this tall, its content held at the bottom; the text above gets the rest of the card.
  const footMm = block.cards.map((card) => estimateFootMm(s, card, innerTw));

  const front = async (card: Card, index: number) => {
    const inner = new Flow(s, true);
    const top: IParagraphOptions[] = [];
    if (card.kicker) top.push({ style: STYLE.kicker, children: [new d.TextRun(clean(card.kicker))] });
    top.push({ style: STYLE.cardTitle, children: [new d.TextRun(clean(card.title))] });
    if (card.icon) {
      // The rule's icon at the top right, the kicker and title beside it (a two-cell table, as Word cannot float a picture in a cell everywhere).
      const iconMm = SIZE_MM.cardIcon * f;
      const iconTw = mmToTwips(iconMm + 3 * f);
      const png = iconTilePng(card.icon, p.accent, '#ffffff', iconMm);
      s.drawings++;
      const image: ImageRun = new d.ImageRun({
        type: 'png',
        data: png.bytes,
        transformation: { width: mmToPx(iconMm), height: mmToPx(iconMm) },
        altText: { id: String(s.drawings), name: `icon-${s.drawings}`, title: '', description: '' },
        decorative: true,
      });
      const none3 = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
      inner.table(
        {
          width: { size: innerTw, type: d.WidthType.DXA },
          columnWidths: [innerTw - iconTw, iconTw],
          layout: d.TableLayoutType.FIXED,
          borders: none3,
          rows: [
            new d.TableRow({
              cantSplit: true,
              children: [
                new d.TableCell({
                  width: { size: innerTw - iconTw, type: d.WidthType.DXA },
                  margins: { top: 0, bottom: 0, left: 0, right: 0 },
                  children: top.map((o, i) => new d.Paragraph(i === top.length - 1 ? { ...o, spacing: { after: 0 } } : o)),
                }),
                new d.TableCell({
                  width: { size: iconTw, type: d.WidthType.DXA },
                  margins: { top: 0, bottom: 0, left: 0, right: 0 },
                  children: [new d.Paragraph({ style: STYLE.picture, alignment: d.AlignmentType.RIGHT, children: [image] })],
                }),
              ],
            }),
          ],
        },
        { above: 0, below: 0 },
      );
    } else {
      for (const para of top) inner.para(para);
    }
    if (card.subtitle?.length) inner.para({ style: STYLE.cardSubtitle, children: renderInlines(s, card.subtitle) });
    if (card.blocks.length) {
      const rule = mmToTwips(10 * f);
      // Under a title the rule comes closer: the title's line is shorter than its letters.
      const before = card.subtitle?.length ? tw(8 * f) : tw(Math.max(0, 8 * f + (LINE.cardTitle - LINE_BOX) * s.scale.card.title));
      inner.para({ style: STYLE.cardRule, spacing: { before }, indent: { right: Math.max(0, innerTw - rule) } });
      await renderBlocks(s, inner, card.blocks, { widthTw: innerTw, nested: true, inCard: true });
    }
    const foot = new Flow(s, true);
    if (card.foot?.length) {
      await renderBlocks(s, foot, card.foot, { widthTw: innerTw, nested: true, inCard: true });
      foot.settle();
      foot.space(tw(6 * f));
    }
    const number = `${index + 1}/${block.cards.length}`;
    foot.para({ style: STYLE.cardFoot, children: [new d.TextRun(clean(block.name ? `${block.name} · ${number}` : number))] });
    return { content: inner.close(), foot: foot.close() };
  };

  const back = async (card: Card) => {
    const inner = new Flow(s, true);
    const brand = s.doc.page.brand;
    if (brand) {
      // The lockup, stacked and centred: the house, "Welkome Wijk", the place.
      inner.para({ style: STYLE.picture, alignment: d.AlignmentType.CENTER, spacing: { after: mmToTwips(2.5 * f) }, children: [tileRun(s, BRAND.tileMm * f, p.accentTint)] });
      inner.para({ style: STYLE.wordmark, alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ text: clean(brand.wordmark), size: hp(BRAND.wordmark * f) })] });
      inner.para({ style: STYLE.place, alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ text: clean(brand.place), size: hp(BRAND.place * f) })] });
    }
    const rule = mmToTwips(10 * f);
    inner.para({ style: STYLE.cardRule, indent: { left: Math.floor((innerTw - rule) / 2), right: Math.ceil((innerTw - rule) / 2) } });
    await renderBlocks(s, inner, card.back, { widthTw: innerTw, nested: true, center: true, inCard: true });
    return inner.close();
  };

  // A front's foot is made with its text (in the content row) and placed in the row below.
  const pendingFoot = new Map<string, (Paragraph | Table)[]>();
  const flow = new Flow(s);
  for (let sheet = 0; sheet < sheets; sheet++) {
    for (const isBack of [false, true]) {
      const order = sheetOrder(block.layout, sheet, block.cards.length, isBack);
      const rows: GridRow[] = [
        { kind: 'title', h: geo.slots[0].y - geo.overrun - PRINTABLE_MARGIN },
        { kind: 'over', h: geo.overrun },
      ];
      const span: { first: number; last: number; band: number }[] = [];
      for (let r = 0; r < grid.cardRows; r++) {
        const first = rows.length;
        const cardsHere = order[r].filter((i): i is number => i !== undefined);
        if (!isBack) {
          const footH = Math.max(0, ...cardsHere.map((i) => footMm[i]));
          rows.push({ kind: 'band', h: band, atLeast: false, cardRow: r });
          rows.push({ kind: 'content', h: grid.slot.h - band - footH, atLeast: true, cardRow: r });
          rows.push({ kind: 'foot', h: footH, atLeast: true, cardRow: r });
          span.push({ first, last: rows.length - 1, band: first });
        } else {
          const logo = s.doc.page.logo ? logoBox.h + pad + (8 * f * 25.4) / 72 : pad;
          rows.push({ kind: 'content', h: grid.slot.h - backBand - logo, atLeast: true, cardRow: r });
          rows.push({ kind: 'logo', h: logo, atLeast: true, cardRow: r });
          rows.push({ kind: 'band', h: backBand, atLeast: false, cardRow: r });
          span.push({ first, last: rows.length - 1, band: rows.length - 1 });
        }
        if (r < grid.cardRows - 1) {
          const gap = geo.slots[cols].y - geo.slots[0].y - grid.slot.h;
          rows.push({ kind: 'over', h: geo.overrun }, { kind: 'mid', h: gap - 2 * geo.overrun }, { kind: 'over', h: geo.overrun });
        }
      }
      // The marks under the sheet are as long as the imposition's (3 mm), and start where the colour stops.
      const markLength = Math.max(...geo.cutMarks.map((m) => m.y2 - m.y1));
      rows.push({ kind: 'over', h: geo.overrun }, { kind: 'marks', h: markLength });

      // Colour, cell by cell: the front's band and the back's tint and band, each 2 mm past the card's edges.
      const fill: (string | undefined)[][] = rows.map(() => grid.columns.map(() => undefined));
      const paint = (r0: number, r1: number, c0: number, c1: number, colour: string) => {
        for (let r = r0; r <= r1; r++) for (let col = c0; col <= c1; col++) fill[r][col] = colour;
      };
      for (let r = 0; r < grid.cardRows; r++) {
        for (let k = 0; k < cols; k++) {
          if (order[r][k] === undefined) continue;
          const [c0, c1] = grid.cardCols[k];
          const { first, last, band: bandRow } = span[r];
          if (!isBack) paint(first - 1, bandRow, c0 - 1, c1 + 1, c.accent);
          else {
            paint(first - 1, last + 1, c0 - 1, c1 + 1, c.accentTint);
            paint(bandRow, last + 1, c0 - 1, c1 + 1, c.accent);
          }
        }
      }

      const tableRows: TableRow[] = [];
      for (const [ri, row] of rows.entries()) {
        const fillOf = (col: number) => fill[ri][col];
        if (row.kind === 'title') {
          // The deck's title and the printing note in the top margin, between the marks above the cut lines.
          const specs: CellSpec[] = [];
          if (cols === 2) for (const [c0, c1] of grid.cardCols) specs.push({ from: c0, to: c1, borders: { left: true, right: true } });
          else specs.push({ from: grid.slug[0], to: grid.slug[1], borders: { left: true } }, { from: grid.note[0], to: grid.note[1], borders: { right: true } });
          if (!isBack) {
            const margins = { left: mmToTwips(3), right: mmToTwips(3) };
            specs[0].children = [new d.Paragraph({ style: sheet === 0 ? STYLE.deckTitle : STYLE.deckSlug, children: [new d.TextRun(clean(s.doc.meta.title))] })];
            specs[0].margins = margins;
            if (block.printNote) {
              specs[specs.length - 1].children = [new d.Paragraph({ style: STYLE.printNote, children: [new d.TextRun(clean(block.printNote))] })];
              specs[specs.length - 1].margins = margins;
            }
          }
          tableRows.push(makeRow(row, specs, fillOf));
        } else if (row.kind === 'marks') {
          tableRows.push(makeRow(row, grid.cardCols.map(([c0, c1]) => ({ from: c0, to: c1, borders: { left: true, right: true } })), fillOf));
        } else if (row.kind === 'over' || row.kind === 'mid') {
          tableRows.push(makeRow(row, [], fillOf));
        } else {
          const specs: CellSpec[] = [];
          for (let k = 0; k < cols; k++) {
            const index = order[row.cardRow][k];
            const [c0, c1] = grid.cardCols[k];
            const spec: CellSpec = { from: c0, to: c1, fill: fill[ri][c0] };
            if (index !== undefined) {
              const card = block.cards[index];
              if (row.kind === 'content' && !isBack) {
                const made = await front(card, index);
                spec.children = made.content;
                spec.margins = { top: padTw, left: padTw, right: padTw };
                pendingFoot.set(`${sheet}:${row.cardRow}:${k}`, made.foot);
              } else if (row.kind === 'foot') {
                spec.children = pendingFoot.get(`${sheet}:${row.cardRow}:${k}`);
                spec.margins = { top: tw(6 * f), left: padTw, right: padTw, bottom: padTw };
                spec.vAlign = 'bottom';
              } else if (row.kind === 'content' && isBack) {
                spec.children = await back(card);
                spec.margins = { top: padTw, left: padTw, right: padTw };
                spec.vAlign = 'center';
              } else if (row.kind === 'logo') {
                const logo = logoRun(s, logoBox.w, logoBox.h);
                if (logo) spec.children = [new d.Paragraph({ style: STYLE.picture, alignment: d.AlignmentType.CENTER, children: [logo.run] })];
                spec.margins = { bottom: padTw, left: padTw, right: padTw };
                spec.vAlign = 'bottom';
              }
            }
            specs.push(spec);
          }
          const isFirst = span[row.cardRow].first === ri;
          const isLast = span[row.cardRow].last === ri;
          tableRows.push(makeRow(row, specs, fillOf, { top: isFirst, bottom: isLast }));
        }
      }
      if (sheet > 0 || isBack) flow.pageBreak();
      else flow.spacer(20);
      flow.table({
        width: { size: colTw.reduce((a, b) => a + b, 0), type: d.WidthType.DXA },
        columnWidths: colTw,
        layout: d.TableLayoutType.FIXED,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
        rows: tableRows,
      });
    }
  }

  // Card pages fill the sheet: an explicit empty header and footer stop Word inheriting the document's.
  const empty = () => [new d.Paragraph({ style: STYLE.tiny })];
  return {
    properties: {
      page: {
        size: { width: mmToTwips(PAGE_MM.A4.width), height: mmToTwips(PAGE_MM.A4.height), orientation: d.PageOrientation.PORTRAIT },
        margin: {
          // Each page starts with a 1 pt line (the page break's holder), then the sheet. Below the
          // sheet's marks is nothing but the section's last 1 pt line: a small bottom margin leaves a
          // card that Word lays out a little taller than the PDF room to stay on its page.
          top: mmToTwips(PRINTABLE_MARGIN - LEAD_LINE_MM),
          bottom: mmToTwips(2),
          left: mmToTwips(PRINTABLE_MARGIN),
          right: mmToTwips(PRINTABLE_MARGIN),
          header: 0,
          footer: 0,
        },
      },
    },
    headers: { default: new d.Header({ children: empty() }) },
    footers: { default: new d.Footer({ children: empty() }) },
    children: flow.close(),
  };
}

/**
 * The height (mm) a card's foot takes: its example box, the gap under it and the number line, with
 * the padding around them. Estimated from the PDFs' face (see measure.ts), a quarter line generous.
 */
function estimateFootMm(s: RenderState, card: Card, innerTw: number): number {
  const f = s.scale.card.f;
  const pad = SIZE_MM.cardPad * f;
  const widthPt = innerTw / 20;
  let pt = 6 * f + CARD_TYPE.foot * f * LINE.body;
  if (card.foot?.length) pt += estimateBlocksPt(s, card.foot, widthPt) + 6 * f + 0.25 * s.scale.body * LINE.body;
  return pad + (pt * 25.4) / 72;
}

/** Estimated height (pt) of blocks in a cell `widthPt` wide: paragraphs, lists, headings and boxes, with their spaces. */
function estimateBlocksPt(s: RenderState, blocks: readonly ContentBlock[], widthPt: number): number {
  const t = s.scale;
  const lines = (content: Inline[], size: number, w: number, bold = false) => countLines(content, size, w, bold);
  let pt = 0;
  blocks.forEach((b, i) => {
    const last = i === blocks.length - 1;
    switch (b.kind) {
      case 'paragraph': {
        const size = b.style === 'lead' ? t.lead : b.style === 'small' ? t.small : b.style === 'display' ? t.display : t.body;
        pt += lines(b.content, size, widthPt) * size * (b.style === 'display' ? LINE.display : LINE.body) + (last ? 0 : SPACE.paragraph * t.k);
        break;
      }
      case 'list':
        pt += b.items.reduce((h, item) => h + lines(item, t.body, widthPt - 16 * t.k) * t.body * LINE.body + 2.5 * t.k, 0) + (last ? 0 : SPACE.paragraph * t.k);
        break;
      case 'heading':
        pt += t.h3 * LINE.h3 + SPACE.headingAfter[3] * t.k + (i > 0 ? SPACE.headingBefore[3] * t.k : 0);
        break;
      case 'callout': {
        const padX = SPACE.callout * t.k;
        const title = b.title ? t.body * LINE.body + 4 * t.k : 0;
        pt += 2 * padX * 0.85 + title + estimateBlocksPt(s, b.blocks, widthPt - 2 * padX) + (last ? 0 : SPACE.paragraph * 1.5 * t.k);
        break;
      }
      case 'columns':
        pt += Math.max(...b.columns.map((c) => estimateBlocksPt(s, c.blocks, widthPt / b.columns.length)));
        break;
      default:
        // Other blocks do not stand in a card's foot; a line's worth keeps the estimate on the safe side.
        pt += t.body * LINE.body;
    }
  });
  return pt;
}
