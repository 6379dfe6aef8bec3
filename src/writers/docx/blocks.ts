// Turns model blocks and inlines into docx paragraphs and tables, with real Word structure
// (heading styles, header rows, list numbering, alt text) rather than look-alike formatting.
import type { IParagraphOptions, ITableOptions, Paragraph, ParagraphChild, Table } from 'docx';
import type { Block, Document, Inline } from '../../document/model.js';
import { assertNever, InternalError, UserError } from '../../errors.js';
import type { QRCode } from '../qr.js';
import { qrPng } from './qr-png.js';
import type { Docx } from './modules.js';
import { SIZE_MM, toneColour } from '../../document/theme.js';
import { NUMBERING, SPACE_BEFORE, STYLE, type TypeScale, type WordPalette, hp, mmToPx, mmToTwips } from './style.js';

/** Shared state of one render: modules, theme, and counters that must restart for every document. */
export interface RenderState {
  d: Docx;
  qr: QRCode;
  doc: Document;
  /** The design tokens' colours, in Word's notation. */
  c: WordPalette;
  scale: TypeScale;
  /** Numbered lists so far: each ordered list is its own numbering instance, so it restarts at 1. */
  orderedLists: number;
  /** Drawings so far: gives images stable, unique names and ids. */
  drawings: number;
}

/** Where blocks are being written: the page body or a table cell, and how wide it is. */
export interface Place {
  widthTw: number;
  /** Inside a table cell (callout, card): page-level blocks are not allowed there. */
  nested: boolean;
  /** Centre paragraphs (card backs). */
  center?: boolean;
}

/** Space kept between a table and what follows it; tables have no "space after" of their own. */
const TABLE_GAP = 180;

/** Space before a paragraph from its style, so a gap after a table never shrinks it. */
function styleSpaceBefore(opts: IParagraphOptions): number {
  if (opts.heading === 'Heading2') return SPACE_BEFORE.heading2;
  if (opts.heading === 'Heading3') return SPACE_BEFORE.heading3;
  return opts.style === STYLE.fieldLabel ? SPACE_BEFORE.fieldLabel : 0;
}

/**
 * An output list of paragraphs and tables that keeps Word's rules: a gap after each table, never two tables
 * touching (Word would merge them), page breaks as "page break before" rather than empty lines, and a paragraph
 * at the end of every table cell.
 */
export class Flow {
  readonly items: (Paragraph | Table)[] = [];
  private gap = 0;
  private breakBefore = false;
  private lastWasTable = false;

  constructor(private readonly s: RenderState) {}

  para(opts: IParagraphOptions): Paragraph {
    const extra: { spacing?: IParagraphOptions['spacing']; pageBreakBefore?: boolean } = {};
    // After a page break the table gap is moot: the paragraph starts a page.
    if (this.gap > 0 && !this.breakBefore) {
      extra.spacing = { ...opts.spacing, before: Math.max(opts.spacing?.before ?? styleSpaceBefore(opts), this.gap) };
    }
    if (this.breakBefore) extra.pageBreakBefore = true;
    const p = new this.s.d.Paragraph({ ...opts, ...extra });
    this.items.push(p);
    this.gap = 0;
    this.breakBefore = false;
    this.lastWasTable = false;
    return p;
  }

  table(opts: ITableOptions): Table {
    if (this.breakBefore || this.lastWasTable) {
      // The spacer itself is the gap between two tables, so it must not get the gap again as space before.
      const gap = this.lastWasTable && !this.breakBefore ? this.gap : 0;
      this.gap = 0;
      this.spacer(gap);
    }
    const t = new this.s.d.Table(opts);
    this.items.push(t);
    this.gap = TABLE_GAP;
    this.lastWasTable = true;
    return t;
  }

  /** An empty paragraph of an exact height (at least 1 pt): white space, or a holder for a page break. */
  spacer(heightTw: number): Paragraph {
    const line = Math.max(20, Math.round(heightTw));
    return this.para({ style: STYLE.tiny, spacing: { before: 0, after: 0, line, lineRule: this.s.d.LineRuleType.EXACT } });
  }

  /** The next paragraph or table starts a new page. */
  pageBreak(): void {
    this.breakBefore = true;
  }

  /**
   * Ends a table cell or a section: Word needs a paragraph last (in a cell, and to hold a section break),
   * and a 1 pt one without the table gap adds no visible space.
   */
  close(): (Paragraph | Table)[] {
    if (this.lastWasTable || this.items.length === 0) {
      this.gap = 0;
      this.spacer(20);
    }
    return this.items;
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
        out.push(new d.ExternalHyperlink({ link: inline.url, children: [new d.TextRun({ text: clean(inline.text), style: 'Hyperlink', bold: base.bold })] }));
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

/** Reads width and height from a PNG or JPEG header, so an image keeps its aspect ratio; undefined for anything else. */
export function imageInfo(bytes: Uint8Array): { type: 'png' | 'jpg'; width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length > 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) {
        i++;
        continue;
      }
      const marker = bytes[i + 1];
      if (marker === 0xff) {
        i++; // fill byte
        continue;
      }
      const len = view.getUint16(i + 2);
      // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'jpg', height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
      }
      i += 2 + len;
    }
  }
  return undefined;
}

const NO_BORDER = { style: 'none', size: 0, color: 'FFFFFF' } as const;

/** Writes blocks into a flow. Page-level blocks (page breaks) only at the top level; cards are split off earlier. */
export async function renderBlocks(s: RenderState, flow: Flow, blocks: Block[], place: Place): Promise<void> {
  for (const block of blocks) await renderBlock(s, flow, block, place);
}

async function renderBlock(s: RenderState, flow: Flow, block: Block, place: Place): Promise<void> {
  const { d } = s;
  const alignment = place.center ? d.AlignmentType.CENTER : undefined;
  switch (block.kind) {
    case 'heading': {
      const heading = block.level === 1 ? d.HeadingLevel.HEADING_1 : block.level === 2 ? d.HeadingLevel.HEADING_2 : d.HeadingLevel.HEADING_3;
      flow.para({ heading, alignment, children: [new d.TextRun(clean(block.text))] });
      return;
    }
    case 'paragraph': {
      const style = block.style === 'lead' ? STYLE.lead : block.style === 'small' ? STYLE.small : undefined;
      flow.para({ style, alignment, children: renderInlines(s, block.content) });
      return;
    }
    case 'list': {
      block.items.forEach((item, i) => {
        const last = i === block.items.length - 1;
        const numbering = block.ordered
          ? { reference: NUMBERING.ordered, level: 0, instance: s.orderedLists + 1 }
          : { reference: NUMBERING.bullet, level: 0 };
        flow.para({ numbering, spacing: last ? { after: 160 } : undefined, children: renderInlines(s, item) });
      });
      if (block.ordered) s.orderedLists++;
      return;
    }
    case 'table': {
      // Word cannot open a table without rows or columns.
      if (block.columns.length === 0) return;
      const widths = splitWidth(place.widthTw, block.columns.map((c) => c.width));
      const cell = (content: Inline[], col: number, header: boolean) =>
        new d.TableCell({
          width: { size: widths[col], type: d.WidthType.DXA },
          shading: header ? { fill: s.c.neutralTint, type: d.ShadingType.CLEAR, color: 'auto' } : undefined,
          borders: header ? { bottom: { style: d.BorderStyle.SINGLE, size: 8, color: s.c.muted } } : undefined,
          children: [
            new d.Paragraph({
              style: header ? STYLE.tableHeading : STYLE.tableText,
              alignment: ALIGN[block.columns[col]?.align ?? 'left'],
              children: renderInlines(s, content),
            }),
          ],
        });
      flow.table({
        width: { size: place.widthTw, type: d.WidthType.DXA },
        columnWidths: widths,
        layout: d.TableLayoutType.FIXED,
        margins: { top: 70, bottom: 70, left: 110, right: 110 },
        borders: {
          top: NO_BORDER,
          left: NO_BORDER,
          right: NO_BORDER,
          insideVertical: NO_BORDER,
          bottom: { style: d.BorderStyle.SINGLE, size: 4, color: s.c.rule },
          insideHorizontal: { style: d.BorderStyle.SINGLE, size: 4, color: s.c.rule },
        },
        rows: [
          new d.TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((c, i) => cell(c, i, true)) }),
          ...block.rows.map((row) => new d.TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, i, false)) })),
        ],
      });
      return;
    }
    case 'facts': {
      if (block.items.length === 0) return;
      // Word cannot size a column to its content in a fixed layout: estimate the longest bold label
      // (about 0.6 em a character) so "Toegankelijkheid" is never broken in the middle of the word.
      const longest = Math.max(...block.items.map((f) => clean(f.label).length));
      const label = Math.min(Math.round(longest * s.scale.body * 0.6 * 20) + 160, Math.round(place.widthTw * 0.45));
      const widths = [label, place.widthTw - label];
      flow.table({
        width: { size: place.widthTw, type: d.WidthType.DXA },
        columnWidths: widths,
        layout: d.TableLayoutType.FIXED,
        margins: { top: 30, bottom: 30, left: 0, right: 120 },
        borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
        rows: block.items.map(
          (fact, i) =>
            new d.TableRow({
              cantSplit: true,
              // Facts are read together (when, where, how to register): keep them on one page.
              keepNext: i < block.items.length - 1,
              children: [
                new d.TableCell({
                  width: { size: widths[0], type: d.WidthType.DXA },
                  children: [new d.Paragraph({ style: STYLE.tableText, children: [new d.TextRun({ text: clean(fact.label), bold: true })] })],
                }),
                new d.TableCell({
                  width: { size: widths[1], type: d.WidthType.DXA },
                  children: [new d.Paragraph({ style: STYLE.tableText, children: renderInlines(s, fact.value) })],
                }),
              ],
            }),
        ),
      });
      return;
    }
    case 'callout': {
      const accent = block.tone === 'accent';
      const pad = { top: 150, bottom: 90, left: 220, right: 220 };
      const inner = new Flow(s);
      if (block.title) inner.para({ style: STYLE.calloutTitle, alignment, children: [new d.TextRun({ text: clean(block.title), color: accent ? s.c.accentText : s.c.text })] });
      await renderBlocks(s, inner, block.blocks, { ...place, nested: true, widthTw: place.widthTw - pad.left - pad.right });
      flow.table({
        width: { size: place.widthTw, type: d.WidthType.DXA },
        columnWidths: [place.widthTw],
        layout: d.TableLayoutType.FIXED,
        borders: {
          top: NO_BORDER,
          bottom: NO_BORDER,
          right: NO_BORDER,
          insideHorizontal: NO_BORDER,
          insideVertical: NO_BORDER,
          // An accent bar on the left marks the accent box; the neutral box is a plain grey panel.
          left: accent ? { style: d.BorderStyle.SINGLE, size: 24, color: s.c.accent } : NO_BORDER,
        },
        rows: [
          new d.TableRow({
            cantSplit: true,
            children: [
              new d.TableCell({
                width: { size: place.widthTw, type: d.WidthType.DXA },
                margins: pad,
                shading: { fill: accent ? s.c.accentTint : s.c.neutralTint, type: d.ShadingType.CLEAR, color: 'auto' },
                children: inner.close(),
              }),
            ],
          }),
        ],
      });
      return;
    }
    case 'writeLines': {
      flow.para({ style: STYLE.fieldLabel, alignment, children: [new d.TextRun(clean(block.label))] });
      const line = { style: d.BorderStyle.SINGLE, size: 6, color: s.c.rule, space: 1 };
      for (let i = 0; i < block.lines; i++) {
        // `between` as well as `bottom`: Word joins paragraphs with equal borders into one box and would
        // otherwise draw only the last line.
        flow.para({
          style: STYLE.tiny,
          keepNext: i < block.lines - 1,
          spacing: { before: 0, after: 0, line: mmToTwips(SIZE_MM.writeLine), lineRule: d.LineRuleType.EXACT },
          border: { bottom: line, between: line },
        });
      }
      return;
    }
    case 'scoreBoxes': {
      flow.para({ style: STYLE.fieldLabel, alignment, children: [new d.TextRun(clean(block.label))] });
      const count = block.to - block.from + 1;
      if (count < 1) return;
      const box = Math.min(mmToTwips(10), Math.floor(place.widthTw / count));
      const edge = { style: d.BorderStyle.SINGLE, size: 6, color: s.c.muted };
      flow.table({
        width: { size: box * count, type: d.WidthType.DXA },
        columnWidths: Array.from({ length: count }, () => box),
        layout: d.TableLayoutType.FIXED,
        alignment: place.center ? d.AlignmentType.CENTER : undefined,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        borders: { top: edge, bottom: edge, left: edge, right: edge, insideHorizontal: edge, insideVertical: edge },
        rows: [
          new d.TableRow({
            cantSplit: true,
            height: { value: Math.min(mmToTwips(9), box), rule: d.HeightRule.EXACT },
            children: Array.from(
              { length: count },
              (_, i) =>
                new d.TableCell({
                  width: { size: box, type: d.WidthType.DXA },
                  verticalAlign: d.VerticalAlignTable.CENTER,
                  children: [
                    new d.Paragraph({
                      style: STYLE.tableText,
                      alignment: d.AlignmentType.CENTER,
                      children: [new d.TextRun({ text: String(block.from + i), color: s.c.muted, size: hp(s.scale.label) })],
                    }),
                  ],
                }),
            ),
          }),
        ],
      });
      return;
    }
    case 'qr': {
      // Never wider than the column it sits in.
      const sizeMm = Math.min(block.sizeMm, (place.widthTw * 25.4) / 1440);
      const px = mmToPx(sizeMm);
      // 300 dpi bitmap, so print is sharp; a quiet zone of two modules is enough on a white page.
      const data = qrPng(s.qr, block.data, { width: Math.round((sizeMm / 25.4) * 300), margin: 2, dark: `#${s.c.text}`, light: '#ffffff' });
      s.drawings++;
      flow.para({
        alignment,
        keepNext: Boolean(block.caption),
        spacing: { after: block.caption ? 0 : 160 },
        children: [
          new d.ImageRun({
            type: 'png',
            data,
            transformation: { width: px, height: px },
            altText: { id: String(s.drawings), name: `QR-code ${s.drawings}`, title: clean(block.alt), description: clean(block.alt) },
          }),
        ],
      });
      if (block.caption) flow.para({ style: STYLE.caption, alignment, children: [new d.TextRun(clean(block.caption))] });
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
      const widthMm = Math.min(block.widthMm, (place.widthTw * 25.4) / 1440);
      s.drawings++;
      flow.para({
        alignment,
        children: [
          new d.ImageRun({
            type: info.type,
            data,
            transformation: { width: mmToPx(widthMm), height: Math.round((mmToPx(widthMm) * info.height) / Math.max(1, info.width)) },
            altText: { id: String(s.drawings), name: clean(basename(block.path)), title: clean(block.alt), description: clean(block.alt) },
          }),
        ],
      });
      return;
    }
    case 'columns': {
      // A borderless one-row table: Word's own section columns would reflow the whole page.
      const widths = splitWidth(place.widthTw, block.columns.map((c) => c.width));
      const cells = [];
      for (const [i, column] of block.columns.entries()) {
        const inner = new Flow(s);
        await renderBlocks(s, inner, column.blocks, { ...place, nested: true, widthTw: widths[i] - 200 });
        cells.push(
          new d.TableCell({
            width: { size: widths[i], type: d.WidthType.DXA },
            margins: { left: i === 0 ? 0 : 100, right: i === block.columns.length - 1 ? 0 : 100 },
            children: inner.close(),
          }),
        );
      }
      flow.table({
        width: { size: place.widthTw, type: d.WidthType.DXA },
        columnWidths: widths,
        layout: d.TableLayoutType.FIXED,
        borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
        rows: [new d.TableRow({ cantSplit: true, children: cells })],
      });
      return;
    }
    case 'spacer':
      flow.spacer(mmToTwips(block.heightMm));
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
