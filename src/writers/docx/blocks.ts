// Turns model blocks and inlines into docx paragraphs and tables, with real Word structure
// (heading styles, header rows, list numbering, alt text) rather than look-alike formatting.
import type { ImageRun, IParagraphOptions, ITableOptions, Paragraph, ParagraphChild, Table } from 'docx';
import type { Block, Document, Inline } from '../../document/model.js';
import { inspectImage } from '../../image.js';
import { LINE, LINE_BOX, palette, SIZE_MM, SPACE } from '../../document/theme.js';
import { chartPng } from '../chart-image.js';
import { assertNever, InternalError, UserError } from '../../errors.js';
import type { QRCode } from '../qr.js';
import { qrPng } from './qr-png.js';
import type { Docx } from './modules.js';
import { toneColour } from '../../document/theme.js';
import { countLines, textWidth } from './measure.js';
import { NUMBERING, STYLE, hp, mmToPx, mmToTwips, pitch, tw, type Spacing, type spacingOf, type TypeScale, type WordPalette, wordSpacing } from './style.js';

/** Shared state of one render: modules, theme, and counters that must restart for every document. */
export interface RenderState {
  d: Docx;
  qr: QRCode;
  doc: Document;
  /** The design tokens' colours, in Word's notation. */
  c: WordPalette;
  scale: TypeScale;
  /** Each style's space before and after at this document's scale: the rhythm the flow keeps. */
  space: ReturnType<typeof spacingOf>;
  /** Numbered lists so far: each ordered list is its own numbering instance, so it restarts at 1. */
  orderedLists: number;
  /** Drawings so far: gives images stable, unique names and ids. */
  drawings: number;
  /**
   * How many levels the document's headings move up in the outline, so it starts at Heading 1 (an
   * A5 form titles itself with a smaller heading; its outline must still have a Heading 1).
   */
  headingShift: number;
}

/** The shift that makes the highest heading of the page flow a Heading 1 (cards and boxes do not count). */
export function headingShift(blocks: readonly Block[]): number {
  const levels = blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading').map((b) => b.level);
  return levels.length ? Math.min(...levels) - 1 : 0;
}

/** Where blocks are being written: the page body or a table cell, and how wide it is. */
export interface Place {
  widthTw: number;
  /** Inside a table cell (callout, card): page-level blocks are not allowed there. */
  nested: boolean;
  /** Centre paragraphs (card backs). */
  center?: boolean;
  /** On a card face: its headings are part of the card, not sections of the document. */
  inCard?: boolean;
}

/** Space above and below a table or box (twips), as the PDF writers keep it. */
export interface Around {
  above: number;
  below: number;
}

type Item = { kind: 'para'; opts: IParagraphOptions; base: Spacing; before: number; after: number } | { kind: 'table'; table: Table };

/**
 * An output list of paragraphs and tables that keeps the PDF's rhythm and Word's rules. Space between
 * blocks is the sum of the one's space below and the next one's space above, as the PDF writers add
 * them; Word puts the larger of the two between paragraphs, so the sum is written as the second
 * one's space before (a style's own value where it already is the sum, see `wordSpacing`). A table's
 * space below goes onto the next paragraph, its space above onto the paragraph before. At the top of a
 * page or a cell there is no space above, and at the foot of a cell none below (the PDF drops both).
 * Never two tables touching (Word would merge them), page breaks as "page break before" rather than
 * empty lines, and a paragraph at the end of every table cell. Paragraphs are made when the flow
 * closes, so their space is known; only space that differs from the style's is written on a paragraph.
 */
export class Flow {
  private readonly items: Item[] = [];
  /** Space owed to whatever comes next: a table's space below, a spacer block. */
  private owed = 0;
  private breakBefore = false;

  constructor(
    private readonly s: RenderState,
    /** A cell's flow: the last paragraph's space below is dropped. */
    private readonly nested = false,
  ) {}

  para(opts: IParagraphOptions): void {
    const { space } = this.s;
    const key = opts.heading ?? opts.style;
    const plain = key ? (space.styles[key] ?? space.normal) : opts.numbering ? { before: 0, after: space.listItem } : space.normal;
    const base = opts.numbering && !key ? { before: 0, after: space.listItem } : wordSpacing(space, key);
    // The PDF's own space above and below this paragraph; its settings win over the style's.
    const before = (opts.spacing?.before ?? plain.before) + this.owed;
    const after = opts.spacing?.after ?? plain.after;
    const item: Item = { kind: 'para', opts, base, before, after };
    if (this.breakBefore) {
      // A new page starts with no space above, as in the PDF.
      item.opts = { ...opts, pageBreakBefore: true };
      item.before = 0;
    }
    this.items.push(item);
    this.owed = 0;
    this.breakBefore = false;
  }

  table(opts: ITableOptions, around: Around = { above: 0, below: 0 }): void {
    const prev = this.items[this.items.length - 1];
    if (this.breakBefore || prev?.kind === 'table') {
      // A paragraph between: it holds the page break, or keeps two tables apart (its height is the space between them).
      const gap = this.breakBefore ? 0 : this.owed + around.above;
      this.owed = 0;
      this.spacer(gap);
    } else if (prev?.kind === 'para') {
      prev.after += this.owed + around.above;
    }
    this.owed = 0;
    this.items.push({ kind: 'table', table: new this.s.d.Table(opts) });
    this.owed = around.below;
  }

  /** Forget the space the last block keeps below it: at the end of a box, the PDF drops it too. */
  settle(): void {
    this.owed = 0;
  }

  /** White space before whatever comes next (dropped at the top of a page, like other space). */
  space(heightTw: number): void {
    this.owed += Math.max(0, Math.round(heightTw));
  }

  /** An empty paragraph of an exact height (at least 1 pt): a holder for a page break, or space between tables. */
  spacer(heightTw: number): void {
    const line = Math.max(20, Math.round(heightTw));
    this.para({ style: STYLE.tiny, spacing: { before: 0, after: 0, line, lineRule: this.s.d.LineRuleType.EXACT } });
  }

  /** The next paragraph or table starts a new page. */
  pageBreak(): void {
    this.breakBefore = true;
  }

  /** Nothing written yet. */
  get empty(): boolean {
    return this.items.length === 0;
  }

  /**
   * Ends a table cell or a section: Word needs a paragraph last (in a cell, and to hold a section break),
   * and a 1 pt one adds no visible space.
   */
  close(): (Paragraph | Table)[] {
    if (this.items.length === 0 || this.items[this.items.length - 1].kind === 'table') {
      this.owed = 0;
      this.spacer(20);
    }
    const last = this.items[this.items.length - 1];
    if (this.nested && last.kind === 'para') last.after = 0;
    return this.items.map((item, i) => {
      if (item.kind === 'table') return item.table;
      const prev = this.items[i - 1];
      // Word puts the larger of the two spaces between paragraphs: the second carries their sum.
      const before = i === 0 ? 0 : prev.kind === 'para' ? prev.after + item.before : item.before;
      const { opts, base, after } = item;
      if (!opts.spacing && before === base.before && after === base.after) return new this.s.d.Paragraph(opts);
      return new this.s.d.Paragraph({ ...opts, spacing: { ...opts.spacing, before: Math.round(before), after: Math.round(after) } });
    });
  }
}

const ALIGN = { left: 'left', right: 'right', center: 'center' } as const;

/** Control characters are not allowed in XML; a stray one from a YAML file must not make Word refuse the file. */
export function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** Inline content as runs; `base` is formatting the context adds (a bold label, a coloured title). */
export function renderInlines(s: RenderState, content: Inline[], base: { bold?: boolean; color?: string } = {}): ParagraphChild[] {
  const { d } = s;
  const out: ParagraphChild[] = [];
  for (const inline of content) {
    switch (inline.kind) {
      case 'text':
        out.push(
          new d.TextRun({
            text: clean(inline.text),
            bold: inline.bold || base.bold ? true : undefined,
            italics: inline.italic ? true : undefined,
            color: toneColour(inline.tone, s.c) ?? base.color,
          }),
        );
        break;
      case 'link':
        // Only web addresses are underlined: on paper a phone number or e-mail address is read, not clicked.
        out.push(
          new d.ExternalHyperlink({
            link: inline.url,
            children: [
              new d.TextRun({
                text: clean(inline.text),
                style: 'Hyperlink',
                bold: base.bold,
                underline: /^https?:/i.test(inline.url) ? undefined : { type: d.UnderlineType.NONE },
              }),
            ],
          }),
        );
        break;
      case 'lineBreak':
        out.push(new d.TextRun({ break: 1 }));
        break;
      default:
        assertNever(inline, 'inline kind');
    }
  }
  return out;
}

/** Split a width in twips by relative weights; the last column takes the rounding rest. */
export function splitWidth(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + (b > 0 ? b : 0), 0) || weights.length;
  const widths = weights.map((w) => Math.floor((total * (w > 0 ? w : sum / weights.length)) / sum));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** PNG or JPEG with its size in pixels, or undefined for anything else (docx's own type names). */
export function imageInfo(bytes: Uint8Array): { type: 'png' | 'jpg'; width: number; height: number } | undefined {
  const info = inspectImage(bytes);
  return info.ok ? { type: info.type === 'PNG' ? 'png' : 'jpg', width: info.width, height: info.height } : undefined;
}

const NO_BORDER = { style: 'none', size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER } as const;

/** Twips to points and millimetres, for measuring. */
const twToPt = (t: number) => t / 20;
export const twToMm = (t: number) => (t * 25.4) / 1440;

/** Writes blocks into a flow. Page-level blocks (page breaks) only at the top level; cards are split off earlier. */
export async function renderBlocks(s: RenderState, flow: Flow, blocks: Block[], place: Place): Promise<void> {
  for (const block of blocks) await renderBlock(s, flow, block, place);
}

/** A picture in a paragraph of its own, its line as tall as the picture. */
export function pictureParagraph(image: ImageRun, opts: IParagraphOptions = {}): IParagraphOptions {
  return { style: STYLE.picture, ...opts, children: [image] };
}

/**
 * A heading's size in Word when at its own it would take more lines than in the PDF (undefined: its
 * own is fine). Arial sets a few per cent wider than the PDF's face on some titles, so a title that
 * just fits the A4 text width in the PDF would wrap in Word, and a one-page flyer would run onto a
 * second page; set up to a tenth smaller, it keeps the PDF's lines.
 */
export function fittedSize(text: string, size: number, widthTw: number): number | undefined {
  const width = twToPt(widthTw);
  const lines = (pt: number) => countLines([{ kind: 'text', text }], pt, width, true);
  const pdf = countLines([{ kind: 'text', text }], size, width, true, 'pdf');
  if (lines(size) <= pdf) return undefined;
  const least = Math.ceil(size * 0.9 * 2) / 2;
  for (let pt = size - 0.5; pt >= least; pt -= 0.5) if (lines(pt) <= pdf) return pt;
  return undefined;
}

/**
 * Whether a table is short enough to keep on one page, as the PDF keeps it: its rows' estimated
 * height against two thirds of a page (a longer one breaks between rows, its header row repeated).
 */
function shortTable(s: RenderState, rows: Inline[][][], widths: number[]): boolean {
  const size = s.scale.table;
  const pad = 2 * 4.5 * s.scale.k;
  const pageH = 297 - 36;
  const cell = (content: Inline[], i: number) => countLines(content, size, twToPt(widths[i]) - 12);
  const height = rows.reduce((h, row) => h + pad + Math.max(1, ...row.map(cell)) * LINE.table * size, 0);
  return (height * 25.4) / 72 < (pageH * 2) / 3;
}

async function renderBlock(s: RenderState, flow: Flow, block: Block, place: Place): Promise<void> {
  const { d, space, scale } = s;
  const alignment = place.center ? d.AlignmentType.CENTER : undefined;
  const box: Around = { above: space.boxAbove, below: space.boxBelow };
  switch (block.kind) {
    case 'heading': {
      if (place.inCard) {
        flow.para({ style: STYLE.cardHeading, alignment, children: [new d.TextRun(clean(block.text))] });
        return;
      }
      const level = block.level - s.headingShift;
      const heading = level <= 1 ? d.HeadingLevel.HEADING_1 : level === 2 ? d.HeadingLevel.HEADING_2 : d.HeadingLevel.HEADING_3;
      if (level === block.level) {
        const size = fittedSize(clean(block.text), block.level === 1 ? scale.h1 : block.level === 2 ? scale.h2 : scale.h3, place.widthTw);
        flow.para({ heading, alignment, children: [new d.TextRun(size ? { text: clean(block.text), size: hp(size) } : clean(block.text))] });
        // The document title's short accent rule, under it: an empty line whose border is the rule.
        if (block.level === 1) {
          const rule = mmToTwips(SIZE_MM.titleRule);
          flow.para({ style: STYLE.titleRule, indent: { right: Math.max(0, place.widthTw - rule) } });
        }
        return;
      }
      // Moved up in the outline, the heading keeps the look (size, colour, space) of its own level.
      const look = block.level === 2 ? { size: scale.h2, color: s.c.accentText, em: LINE.h2, key: 'Heading2' } : { size: scale.h3, color: s.c.text, em: LINE.h3, key: 'Heading3' };
      flow.para({
        heading,
        alignment,
        spacing: { ...space.styles[look.key], line: pitch(look.size, look.em), lineRule: d.LineRuleType.AT_LEAST },
        children: [new d.TextRun({ text: clean(block.text), size: hp(look.size), color: look.color })],
      });
      return;
    }
    case 'paragraph': {
      const style = block.style === 'lead' ? STYLE.lead : block.style === 'small' ? STYLE.small : block.style === 'display' ? STYLE.display : undefined;
      flow.para({ style, alignment, children: renderInlines(s, block.content) });
      return;
    }
    case 'list': {
      block.items.forEach((item, i) => {
        const last = i === block.items.length - 1;
        const numbering = block.ordered
          ? { reference: NUMBERING.ordered, level: 0, instance: s.orderedLists + 1 }
          : { reference: NUMBERING.bullet, level: 0 };
        const style = block.style === 'small' ? STYLE.small : undefined;
        flow.para({ style, numbering, spacing: { before: 0, after: last ? space.listEnd : space.listItem }, children: renderInlines(s, item) });
      });
      if (block.ordered) s.orderedLists++;
      return;
    }
    case 'table': {
      // Word cannot open a table without rows or columns.
      if (block.columns.length === 0) return;
      const widths = splitWidth(place.widthTw, block.columns.map((c) => c.width));
      // A table that fits on a page is kept whole, as in the PDF: each row kept with the next.
      const keep = shortTable(s, block.rows, widths);
      const strong = { style: d.BorderStyle.SINGLE, size: 7, color: s.c.muted };
      const padY = tw(SPACE.cellY * scale.k);
      // A rule under a row takes height in Word, not in the PDF: the cell gives it back from its padding.
      const ruleUnder = (row: number) => (row === 0 || row === block.rows.length ? tw(0.9) : tw(0.5));
      const cell = (content: Inline[], col: number, header: boolean, row: number) =>
        new d.TableCell({
          width: { size: widths[col], type: d.WidthType.DXA },
          margins: { top: padY, bottom: padY - ruleUnder(row), left: tw(SPACE.cellX), right: tw(SPACE.cellX) },
          shading: header ? { fill: s.c.neutralTint, type: d.ShadingType.CLEAR, color: 'auto' } : undefined,
          borders: header ? { bottom: strong } : undefined,
          children: [
            new d.Paragraph({
              style: header ? STYLE.tableHeading : STYLE.tableText,
              alignment: ALIGN[block.columns[col]?.align ?? 'left'],
              children: renderInlines(s, content),
            }),
          ],
        });
      flow.table(
        {
          width: { size: place.widthTw, type: d.WidthType.DXA },
          columnWidths: widths,
          layout: d.TableLayoutType.FIXED,
          margins: { top: padY, bottom: padY, left: tw(SPACE.cellX), right: tw(SPACE.cellX) },
          borders: {
            ...NO_BORDERS,
            bottom: block.rows.length ? strong : NO_BORDER,
            insideHorizontal: { style: d.BorderStyle.SINGLE, size: 4, color: s.c.rule },
          },
          rows: [
            new d.TableRow({ tableHeader: true, cantSplit: true, keepNext: true, children: block.header.map((c, i) => cell(c, i, true, 0)) }),
            ...block.rows.map((row, r) => new d.TableRow({ cantSplit: true, keepNext: keep && r < block.rows.length - 1, children: row.map((c, i) => cell(c, i, false, r + 1)) })),
          ],
        },
        { above: space.tableAbove, below: space.boxBelow },
      );
      return;
    }
    case 'facts': {
      if (block.items.length === 0) return;
      // Word cannot size a column to its content in a fixed layout: the longest bold label is measured
      // (with the PDF's face, as wide as Arial) so "Toegankelijkheid" is never broken in the middle.
      const bar = tw(10);
      const gutter = tw(14);
      const longest = Math.max(...block.items.map((f) => textWidth(clean(f.label), scale.body, true)));
      // Word's Arial Bold (Liberation Sans in LibreOffice) sets a bold word up to a sixth wider
      // than Atkinson's bold (measured: "Toegankelijkheid" broke at 12.6 pt with 8% of room). Beside a
      // QR code on the A5 flyer the label may take up to 62% of the narrow column.
      const label = Math.min(tw(longest * 1.2 + 2) + bar + gutter, Math.round(place.widthTw * 0.62));
      const widths = [label, place.widthTw - label];
      const rowGap = tw(6 * scale.k);
      const last = block.items.length - 1;
      flow.table(
        {
          width: { size: place.widthTw, type: d.WidthType.DXA },
          columnWidths: widths,
          layout: d.TableLayoutType.FIXED,
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
          // One accent bar groups the facts as "the practical bit" without drawing a box.
          borders: { ...NO_BORDERS, left: { style: d.BorderStyle.SINGLE, size: 20, color: s.c.accent } },
          rows: block.items.map(
            (fact, i) =>
              new d.TableRow({
                cantSplit: true,
                // Facts are read together (when, where, how to register): keep them on one page.
                keepNext: i < last,
                children: [
                  new d.TableCell({
                    width: { size: widths[0], type: d.WidthType.DXA },
                    margins: { left: bar, right: gutter, top: i === 0 ? 20 : 0, bottom: i === last ? 20 : rowGap },
                    children: [new d.Paragraph({ style: STYLE.factText, children: [new d.TextRun({ text: clean(fact.label), bold: true })] })],
                  }),
                  new d.TableCell({
                    width: { size: widths[1], type: d.WidthType.DXA },
                    margins: { left: 0, right: 0, top: i === 0 ? 20 : 0, bottom: i === last ? 20 : rowGap },
                    children: [new d.Paragraph({ style: STYLE.factText, children: renderInlines(s, fact.value) })],
                  }),
                ],
              }),
          ),
        },
        { above: space.tableAbove, below: space.boxBelow },
      );
      return;
    }
    case 'callout': {
      const accent = block.tone === 'accent';
      const padX = tw(SPACE.callout * scale.k);
      const padY = tw(SPACE.callout * scale.k * 0.85);
      const inner = new Flow(s, true);
      if (block.title) inner.para({ style: STYLE.calloutTitle, alignment, children: [new d.TextRun({ text: clean(block.title), color: accent ? s.c.accentText : s.c.text })] });
      await renderBlocks(s, inner, block.blocks, { ...place, nested: true, widthTw: place.widthTw - 2 * padX });
      flow.table(
        {
          width: { size: place.widthTw, type: d.WidthType.DXA },
          columnWidths: [place.widthTw],
          layout: d.TableLayoutType.FIXED,
          borders: NO_BORDERS,
          rows: [
            new d.TableRow({
              cantSplit: true,
              children: [
                new d.TableCell({
                  width: { size: place.widthTw, type: d.WidthType.DXA },
                  // The last line of a box ends at its text in the PDF, without the air a line has below it.
                  margins: { top: padY, bottom: padY - tw((LINE.body - LINE_BOX) * scale.body), left: padX, right: padX },
                  // A tinted panel, as in the PDF: the accent's tint, or light grey.
                  shading: { fill: accent ? s.c.accentTint : s.c.neutralTint, type: d.ShadingType.CLEAR, color: 'auto' },
                  children: inner.close(),
                }),
              ],
            }),
          ],
        },
        box,
      );
      return;
    }
    case 'writeLines': {
      if (block.label) flow.para({ style: STYLE.fieldLabel, alignment, children: [new d.TextRun(clean(block.label))] });
      // One paragraph, each line a tab to the margin drawn with an underscore leader: ruled lines to
      // write on, without a run of empty paragraphs for a screen reader to step through.
      // Each line starts with a no-break space: LibreOffice sets a line of nothing but a tab lower than its exact height.
      const lines = Array.from({ length: Math.max(1, block.lines) }, (_, i) => new d.TextRun({ break: i === 0 ? undefined : 1, children: ['\u00a0', new d.Tab()] }));
      flow.para({
        style: STYLE.writeLine,
        keepLines: true,
        spacing: { after: space.boxBelow },
        tabStops: [{ type: d.TabStopType.RIGHT, position: Math.max(0, place.widthTw - 20), leader: d.LeaderType.UNDERSCORE }],
        children: lines,
      });
      return;
    }
    case 'scoreBoxes': {
      flow.para({ style: STYLE.fieldLabel, alignment, children: [new d.TextRun(clean(block.label))] });
      const count = block.to - block.from + 1;
      if (count < 1) return;
      // Boxes with a gap between them and the number above each, as in the PDF: box and gap columns.
      const gap = mmToTwips(SIZE_MM.scoreGap * scale.k);
      const side = Math.min(mmToTwips(SIZE_MM.scoreBox * scale.k), Math.floor((place.widthTw - gap * (count - 1)) / count));
      const widths = Array.from({ length: 2 * count - 1 }, (_, i) => (i % 2 === 0 ? side : gap));
      const edge = { style: d.BorderStyle.SINGLE, size: 6, color: s.c.muted };
      const blank = () => [new d.Paragraph({ style: STYLE.tiny })];
      flow.table(
        {
          width: { size: widths.reduce((a, b) => a + b, 0), type: d.WidthType.DXA },
          columnWidths: widths,
          layout: d.TableLayoutType.FIXED,
          alignment: place.center ? d.AlignmentType.CENTER : undefined,
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
          borders: NO_BORDERS,
          rows: [
            new d.TableRow({
              cantSplit: true,
              keepNext: true,
              children: widths.map(
                (w, i) =>
                  new d.TableCell({
                    width: { size: w, type: d.WidthType.DXA },
                    margins: { bottom: tw(2) },
                    verticalAlign: d.VerticalAlignTable.BOTTOM,
                    children:
                      i % 2 === 0
                        ? [
                            new d.Paragraph({
                              style: STYLE.tableText,
                              alignment: d.AlignmentType.CENTER,
                              children: [new d.TextRun({ text: String(block.from + i / 2), color: s.c.muted, size: hp(scale.label) })],
                            }),
                          ]
                        : blank(),
                  }),
              ),
            }),
            new d.TableRow({
              cantSplit: true,
              height: { value: side, rule: d.HeightRule.EXACT },
              children: widths.map(
                (w, i) =>
                  new d.TableCell({
                    width: { size: w, type: d.WidthType.DXA },
                    borders: i % 2 === 0 ? { top: edge, bottom: edge, left: edge, right: edge } : undefined,
                    children: blank(),
                  }),
              ),
            }),
          ],
        },
        { above: tw(3 * scale.k), below: space.boxBelow },
      );
      return;
    }
    case 'qr': {
      // Never wider than the column it sits in.
      const sizeMm = Math.min(block.sizeMm, twToMm(place.widthTw));
      const px = mmToPx(sizeMm);
      // 300 dpi bitmap, so print is sharp; a quiet zone of two modules is enough on a white page.
      const data = qrPng(s.qr, block.data, { width: Math.round((sizeMm / 25.4) * 300), margin: 2, dark: `#${s.c.text}`, light: '#ffffff' });
      s.drawings++;
      const image = new d.ImageRun({
        type: 'png',
        data,
        transformation: { width: px, height: px },
        altText: { id: String(s.drawings), name: `QR-code ${s.drawings}`, title: clean(block.alt), description: clean(block.alt) },
      });
      flow.space(space.boxAbove);
      flow.para(pictureParagraph(image, { alignment, keepNext: Boolean(block.caption), spacing: { after: block.caption ? 0 : space.boxBelow } }));
      if (block.caption) flow.para({ style: STYLE.caption, alignment, children: [new d.TextRun(clean(block.caption))] });
      // Word breaks at a hyphen too: the address's hyphens are non-breaking ones, so it breaks only after a "/".
      if (block.address) {
        const pieces = clean(block.address).split('-');
        flow.para({ style: STYLE.caption, alignment, children: [new d.TextRun({ children: pieces.flatMap((piece, i) => (i > 0 ? [new d.NoBreakHyphen(), piece] : [piece])) })] });
      }
      return;
    }
    case 'image': {
      const [{ resolve, basename }, { readFile }] = await Promise.all([import('node:path'), import('node:fs/promises')]);
      const wanted = resolve(block.path);
      if (!s.doc.allowedFiles.some((f) => resolve(f) === wanted)) {
        throw new InternalError(`Image ${block.path} is not in the document's allowedFiles; the DOCX writer reads no other files`);
      }
      const data = await readFile(wanted);
      const info = imageInfo(data);
      if (!info) throw new UserError({ key: 'image_not_image', params: { path: block.path } });
      const widthMm = Math.min(block.widthMm, twToMm(place.widthTw));
      const fullMm = (widthMm * info.height) / Math.max(1, info.width);
      // Taller than allowed: cropped around its middle to the height, as a banner (as in the PDF).
      const heightMm = block.maxHeightMm !== undefined ? Math.min(fullMm, block.maxHeightMm) : fullMm;
      const cut = fullMm > heightMm ? ((1 - heightMm / fullMm) / 2) * 100 : 0;
      s.drawings++;
      const image = new d.ImageRun({
        type: info.type,
        data,
        transformation: { width: mmToPx(widthMm), height: mmToPx(heightMm) },
        crop: cut > 0 ? { top: cut, bottom: cut } : undefined,
        altText: { id: String(s.drawings), name: clean(basename(block.path)), title: clean(block.alt), description: clean(block.alt) },
      });
      flow.space(space.boxAbove);
      flow.para(pictureParagraph(image, { alignment, spacing: { after: space.boxBelow } }));
      return;
    }
    case 'chart': {
      // Word and LibreOffice share no drawing they both show the same way: the chart is a picture
      // drawn from the shared layout, its title real text above it, its numbers in the alt text.
      flow.para({ style: STYLE.fieldLabel, alignment, keepNext: true, spacing: { after: tw(2 * scale.k + 1) }, children: [new d.TextRun(clean(block.chart.title))] });
      const picture = chartPng(block.chart, palette(s.doc.theme), twToMm(place.widthTw));
      s.drawings++;
      const image = new d.ImageRun({
        type: 'png',
        data: picture.bytes,
        transformation: { width: mmToPx(picture.widthMm), height: mmToPx(picture.heightMm) },
        altText: { id: String(s.drawings), name: `chart-${s.drawings}`, title: clean(block.chart.title), description: clean(block.alt) },
      });
      flow.para(pictureParagraph(image, { alignment, spacing: { after: space.boxBelow } }));
      return;
    }
    case 'columns': {
      // A borderless one-row table (Word's own section columns would reflow the whole page), with the
      // PDF's gutter between the columns as cell margins.
      const gutter = tw(14 * scale.k);
      const inner = place.widthTw - gutter * (block.columns.length - 1);
      const shares = splitWidth(inner, block.columns.map((c) => c.width));
      const n = block.columns.length;
      const widths = shares.map((w, i) => w + (i > 0 ? gutter / 2 : 0) + (i < n - 1 ? gutter / 2 : 0));
      const cells = [];
      for (const [i, column] of block.columns.entries()) {
        const flowIn = new Flow(s, true);
        await renderBlocks(s, flowIn, column.blocks, { ...place, nested: true, widthTw: shares[i] });
        cells.push(
          new d.TableCell({
            width: { size: Math.round(widths[i]), type: d.WidthType.DXA },
            margins: { top: 0, bottom: 0, left: i === 0 ? 0 : Math.round(gutter / 2), right: i === n - 1 ? 0 : Math.round(gutter / 2) },
            children: flowIn.close(),
          }),
        );
      }
      flow.table(
        {
          width: { size: place.widthTw, type: d.WidthType.DXA },
          columnWidths: widths.map(Math.round),
          layout: d.TableLayoutType.FIXED,
          borders: NO_BORDERS,
          rows: [new d.TableRow({ cantSplit: true, children: cells })],
        },
        box,
      );
      return;
    }
    case 'spacer':
      flow.space(mmToTwips(block.heightMm));
      return;
    case 'pageBreak':
      if (place.nested) throw new InternalError('A page break cannot sit inside a card or callout');
      flow.pageBreak();
      return;
    case 'cards':
      // Top-level card decks become sections of their own (see cards.ts); nesting one is a material's bug.
      throw new InternalError('A cards block can only appear at the top level of a document');
    default:
      assertNever(block, 'block kind');
  }
}
