// Turns model blocks and inlines into pdfmake content; shared by page flow, callouts and cards.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inspectImage } from '../../image.js';
import type { CanvasElement, Content, ContentText, CustomTableLayout, TableCell } from 'pdfmake/interfaces.js';
import { CHART_TYPE, layoutChart } from '../../document/chart.js';
import type { Block, Chart, Fact, Inline, TableColumn } from '../../document/model.js';
import { assertNever, InternalError } from '../../errors.js';
import type { QrMatrix } from '../qr.js';
import { inLineBoxes, LINE, LINE_BOX, mmToPt, SIZE_MM, SPACE, TYPE, toneColour, type Palette } from '../../document/theme.js';

/** Where a run of blocks is placed. */
export interface BlockContext {
  palette: Palette;
  /** Width available to the blocks, in pt: canvases (rules, boxes) need absolute lengths. */
  width: number;
  /** Font-size multiplier: 1 in the page flow, set per card so the type fits the card. */
  scale: number;
  /** Inside a callout or card, where page-level blocks make no sense. */
  nested: boolean;
  /** Resolved paths image blocks may use. */
  allowedFiles: ReadonlySet<string>;
  /** Numbers headings, so each heading's keep-with-next marker names its own parts. */
  ids: { next: number };
  /** The QR codes of the document, encoded beforehand (the encoder loads asynchronously). */
  qr: ReadonlyMap<string, QrMatrix>;
}

/**
 * Marker prefixes the `pageBreakBefore` hook looks for. A heading's marker is `KEEP<n>-<pt>`: it
 * moves to the next page when less than <pt> points are left below its top, or when nothing but
 * its own parts (`PART<n>-…`) follows it on its page.
 */
export const KEEP_PREFIX = 'ww-keep-';
export const PART_PREFIX = 'ww-part-';

/**
 * Tag a node for the `pageBreakBefore` hook. pdfmake passes `headlineLevel` through to the hook
 * and otherwise ignores it; an `id` would do too, but pdfmake writes every id into the PDF as a
 * named destination. (The published type says number; pdfmake does not care.)
 */
export function withMarker<T>(node: T, marker: string | undefined): T {
  return marker === undefined ? node : (Object.assign({}, node, { headlineLevel: marker }) as T);
}

export function markerOf(node: object): string | undefined {
  const value = (node as { headlineLevel?: unknown }).headlineLevel;
  return typeof value === 'string' ? value : undefined;
}

type Inlines = (string | ContentText)[];


export function renderInlines(content: readonly Inline[], p: Palette): Inlines {
  return content.map((inline, i): string | ContentText => {
    switch (inline.kind) {
      case 'text':
        return { text: inline.text, bold: inline.bold, italics: inline.italic, color: toneColour(inline.tone, p) };
      case 'link':
          // Only web addresses are underlined: on paper a phone number or e-mail address is read, not clicked.
        return /^https?:/.test(inline.url)
          ? { text: inline.text, link: inline.url, color: p.accentText, decoration: 'underline', decorationColor: p.accent }
          : { text: inline.text, link: inline.url, color: p.accentText };
      case 'lineBreak':
        // A break that ends its text still holds an empty line, as in Word and the Typst engine (a
        // table row made two lines high to write in): pdfmake drops a bare trailing newline.
        return i === content.length - 1 ? '\n\u00a0' : '\n';
      default:
        return assertNever(inline, 'inline kind');
    }
  });
}

/**
 * A QR code as filled rectangles, one per horizontal run of dark modules: vector, so it prints
 * sharp at any size, from the same encoder the other writers use.
 */
function qrCanvas(matrix: QrMatrix, module: number, colour: string): CanvasElement[] {
  const out: CanvasElement[] = [];
  matrix.dark.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      let end = c;
      while (end + 1 < row.length && row[end + 1]) end++;
      out.push({ type: 'rect', x: c * module, y: r * module, w: (end - c + 1) * module, h: module, color: colour, lineWidth: 0 });
      c = end;
    }
  });
  return out;
}

/** Vertical rhythm: the first block of a run gets no top margin, the last no bottom margin. */
function margin(top: number, bottom: number, first: boolean, last: boolean): [number, number, number, number] {
  return [0, first ? 0 : top, 0, last ? 0 : bottom];
}

/**
 * Blocks pdfmake never splits. When it moves one to the next page it keeps the positions from
 * before the move, so the keep-with-next hook would think it follows the heading on this page;
 * a heading before one of these is glued to it instead.
 */
const UNBREAKABLE: ReadonlySet<Block['kind']> = new Set(['callout', 'columns', 'writeLines', 'scoreBoxes', 'qr', 'image', 'chart']);

export function renderBlocks(blocks: readonly Block[], ctx: BlockContext): Content[] {
  const out: Content[] = [];
  const lastIndex = blocks.length - 1;
  for (let i = 0; i <= lastIndex; i++) {
    const block = blocks[i];
    const next = blocks[i + 1];
    // Keeping a heading with what follows only matters in the page flow, and only when something
    // follows in the same flow (not a page break or a card sheet, which start a new page anyway).
    const flowHeading = !ctx.nested && block.kind === 'heading' && next !== undefined && next.kind !== 'pageBreak' && next.kind !== 'cards';
    // Headings in a row (a section's title, then its first part's) that end in a block kept whole
    // go to the page as one: pdfmake decides each heading's page once, so a first heading checked
    // while the rest still stood below it would be left behind when they move on.
    let run = i;
    while (!ctx.nested && blocks[run]?.kind === 'heading' && blocks[run + 1]?.kind === 'heading') run++;
    const follower = blocks[run + 1];
    if (flowHeading && follower !== undefined && UNBREAKABLE.has(follower.kind)) {
      const stack: Content[] = [];
      for (let j = i; j <= run + 1; j++) stack.push(renderBlock(blocks[j], ctx, j === 0, j === lastIndex, false));
      out.push({ stack, unbreakable: true });
      i = run + 1;
      continue;
    }
    out.push(renderBlock(block, ctx, i === 0, i === lastIndex, flowHeading));
  }
  return out;
}

function renderBlock(block: Block, ctx: BlockContext, first: boolean, last: boolean, keep: boolean): Content {
  const p = ctx.palette;
  const s = ctx.scale;
  const gap = SPACE.paragraph * s;
  switch (block.kind) {
    case 'heading':
      return heading(block.level, block.text, ctx, first, last, keep);
    case 'paragraph': {
      const style = block.style ?? 'normal';
      const size = { lead: TYPE.lead, small: TYPE.small, display: TYPE.display, normal: TYPE.body }[style];
      return {
        text: renderInlines(block.content, p),
        fontSize: size * s,
        bold: style === 'display' || undefined,
        lineHeight: inLineBoxes(style === 'lead' ? LINE.lead : style === 'display' ? LINE.display : LINE.body),
        color: style === 'lead' ? p.soft : style === 'small' ? p.muted : style === 'display' ? p.accentText : undefined,
        margin: margin(0, style === 'lead' ? gap * 1.5 : gap, first, last),
      };
    }
    case 'list': {
      const items = block.items.map((item, i) => ({
        text: renderInlines(item, p),
        margin: [0, 0, 0, i === block.items.length - 1 ? 0 : 2.5 * s] as [number, number, number, number],
      }));
      const small = block.style === 'small';
      const common = {
        fontSize: (small ? TYPE.small : TYPE.body) * s,
        color: small ? p.muted : undefined,
        lineHeight: inLineBoxes(LINE.body),
        markerColor: p.accentText,
        margin: margin(0, gap, first, last),
      };
      return block.ordered ? { ol: items, ...common } : { ul: items, ...common };
    }
    case 'table':
      return table(block.columns, block.header, block.rows, ctx, margin(2 * s, gap * 1.5, first, last));
    case 'facts':
      return facts(block.items, ctx, margin(2 * s, gap * 1.5, first, last));
    case 'qr': {
      const matrix = ctx.qr.get(block.data);
      if (!matrix) throw new InternalError('A QR code reached the PDF writer without being encoded first.');
      const size = Math.min(mmToPt(block.sizeMm), ctx.width);
      const perModule = size / matrix.size;
      const stack: Content[] = [{ canvas: qrCanvas(matrix, perModule, p.text) }];
      if (block.caption) {
        // At least two modules of white between code and caption helps scanners find the edge.
        stack.push({ text: block.caption, fontSize: TYPE.label * s, color: p.accentText, bold: true, margin: [0, Math.max(5 * s, 2 * perModule), 0, 0] });
      }
      if (block.address) {
        // One line per piece after a "/": pdfmake would otherwise break at the address's hyphens.
        const parts = block.address.split(/(?<=\/)/).filter(Boolean);
        stack.push({ stack: parts.map((part) => ({ text: part, noWrap: true })), fontSize: TYPE.label * s, color: p.accentText, bold: true, margin: [0, block.caption ? 2 : Math.max(5 * s, 2 * perModule), 0, 0] });
      }
      return { stack, unbreakable: true, margin: margin(4 * s, gap * 1.5, first, last) };
    }
    case 'image': {
      const file = path.resolve(block.path);
      if (!ctx.allowedFiles.has(file)) {
        throw new InternalError(`The image "${block.path}" is not one of the files this document may read (allowedFiles).`);
      }
      const width = Math.min(mmToPt(block.widthMm), ctx.width);
      // Taller than allowed: pdfmake's cover crops it to the box around its middle, as a banner.
      if (block.maxHeightMm !== undefined) {
        const info = inspectImage(readFileSync(file));
        const height = info.ok ? (width * info.height) / info.width : 0;
        const max = mmToPt(block.maxHeightMm);
        if (height > max) return { image: file, cover: { width, height: max, valign: 'center', align: 'center' }, margin: margin(4 * s, gap * 1.5, first, last) };
      }
      return { image: file, width, margin: margin(4 * s, gap * 1.5, first, last) };
    }
    case 'callout':
      return callout(block.tone, block.title, block.blocks, ctx, margin(4 * s, gap * 1.5, first, last));
    case 'writeLines':
      return writeLines(block.label, block.lines, ctx, margin(4 * s, gap * 1.5, first, last));
    case 'scoreBoxes':
      return scoreBoxes(block.label, block.from, block.to, ctx, margin(4 * s, gap * 1.5, first, last));
    case 'chart':
      return chart(block.chart, ctx, margin(4 * s, gap * 1.5, first, last));
    case 'columns': {
      const gapPt = 14 * s;
      const total = block.columns.reduce((sum, c) => sum + Math.max(c.width, 0), 0) || block.columns.length;
      const free = ctx.width - gapPt * (block.columns.length - 1);
      return {
        columns: block.columns.map((c) => {
          const width = (free * (Math.max(c.width, 0) || total / block.columns.length)) / total;
          return { width, stack: renderBlocks(c.blocks, { ...ctx, width, nested: true }) };
        }),
        columnGap: gapPt,
        unbreakable: true,
        margin: margin(4 * s, gap * 1.5, first, last),
      };
    }
    case 'spacer':
      // An empty canvas takes no height of its own, so the margin is exactly the requested space.
      return { canvas: [], margin: [0, mmToPt(block.heightMm), 0, 0] };
    case 'pageBreak':
      if (ctx.nested) throw new InternalError('A page break cannot appear inside a callout or card.');
      return { canvas: [], pageBreak: 'after' };
    case 'cards':
      // Card decks get their own page section; the page builder splits them out before this.
      throw new InternalError(ctx.nested ? 'Cards cannot be nested inside a callout or card.' : 'Cards block reached the flow renderer.');
    default:
      return assertNever(block, 'block kind');
  }
}

function heading(level: 1 | 2 | 3, text: string, ctx: BlockContext, first: boolean, last: boolean, keep: boolean): Content {
  const p = ctx.palette;
  const s = ctx.scale;
  const n = ctx.ids.next++;
  const style = {
    1: { size: TYPE.h1, lineHeight: inLineBoxes(LINE.h1), color: p.text, rule: 7 + 2.5 },
    2: { size: TYPE.h2, lineHeight: inLineBoxes(LINE.h2), color: p.accentText, rule: 0 },
    3: { size: TYPE.h3, lineHeight: inLineBoxes(LINE.h3), color: p.text, rule: 0 },
  }[level];
  // Room the heading needs below its top: itself, plus three lines of text, so it never ends a
  // page with one line (or one table row) under it.
  const need = (style.size * LINE_BOX * style.lineHeight + style.rule + SPACE.headingAfter[level]) * s + 3 * TYPE.body * s * LINE.body;
  const keepMarker = keep ? `${KEEP_PREFIX}${n}-${Math.ceil(need)}` : undefined;
  const textNode = withMarker({ text, fontSize: style.size * s, bold: true, color: style.color, lineHeight: style.lineHeight }, keepMarker);
  const m = margin(SPACE.headingBefore[level] * s, SPACE.headingAfter[level] * s, first, last);
  switch (level) {
    case 1:
      return {
        stack: [
          textNode,
          // A short accent rule marks the title without colouring the whole heading.
          withMarker<Content>(
            {
              canvas: [{ type: 'line', x1: 0, y1: 0, x2: Math.min(mmToPt(SIZE_MM.titleRule), ctx.width), y2: 0, lineWidth: 2.5, lineColor: p.accent }],
              margin: [0, 7 * s, 0, 0],
            },
            keep ? `${PART_PREFIX}${n}-rule` : undefined,
          ),
        ],
        margin: m,
      };
    case 2:
    case 3:
      return { ...textNode, margin: m };
    default:
      return assertNever(level, 'heading level');
  }
}

const CELL_PAD_X = SPACE.cellX;

function table(columns: readonly TableColumn[], header: readonly Inline[][], rows: readonly Inline[][][], ctx: BlockContext, m: [number, number, number, number]): Content {
  const p = ctx.palette;
  const s = ctx.scale;
  const total = columns.reduce((sum, c) => sum + c.width, 0) || 1;
  // Widths exclude cell padding in pdfmake, so subtract it to make the table exactly fill the line.
  const inner = ctx.width - columns.length * 2 * CELL_PAD_X;
  const widths = columns.map((c) => (inner * c.width) / total);
  const cell = (content: readonly Inline[], col: number, isHeader: boolean): TableCell => ({
    text: renderInlines(content, p),
    alignment: columns[col]?.align ?? 'left',
    bold: isHeader || undefined,
    color: isHeader ? p.text : undefined,
  });
  const layout: CustomTableLayout = {
    hLineWidth: (i, node) => (i === 0 ? 0 : i === 1 ? 0.9 : i === node.table.body.length ? 0.9 : 0.5),
    vLineWidth: () => 0,
    hLineColor: (i, node) => (i === 1 || i === node.table.body.length ? p.muted : p.rule),
    fillColor: (row) => (row === 0 ? p.neutralTint : null),
    paddingLeft: () => CELL_PAD_X,
    paddingRight: () => CELL_PAD_X,
    paddingTop: () => SPACE.cellY * s,
    paddingBottom: () => SPACE.cellY * s,
  };
  return {
    table: {
      headerRows: 1,
      // A header row alone at the foot of a page says nothing: keep it with the first row.
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths,
      body: [header.map((c, i) => cell(c, i, true)), ...rows.map((r) => r.map((c, i) => cell(c, i, false)))],
    },
    layout,
    fontSize: TYPE.table * s,
    lineHeight: inLineBoxes(LINE.table),
    margin: m,
  };
}

function facts(items: readonly Fact[], ctx: BlockContext, m: [number, number, number, number]): Content {
  const p = ctx.palette;
  const s = ctx.scale;
  const layout: CustomTableLayout = {
    hLineWidth: () => 0,
    // A single accent bar on the left groups the facts as "the practical bit" without a box.
    vLineWidth: (i) => (i === 0 ? 2.5 : 0),
    vLineColor: () => p.accent,
    paddingLeft: (i) => (i === 0 ? 10 : 14),
    paddingRight: () => 0,
    paddingTop: (i) => (i === 0 ? 1 : 3 * s),
    paddingBottom: (i, node) => (i === node.table.body.length - 1 ? 1 : 3 * s),
  };
  return {
    table: {
      dontBreakRows: true,
      widths: ['auto', '*'],
      body: items.map((f) => [
        { text: f.label, bold: true, color: p.text },
        { text: renderInlines(f.value, p) },
      ]),
    },
    layout,
    fontSize: TYPE.body * s,
    lineHeight: inLineBoxes(LINE.facts),
    margin: m,
  };
}

function callout(tone: 'accent' | 'neutral', title: string | undefined, blocks: readonly Block[], ctx: BlockContext, m: [number, number, number, number]): Content {
  const p = ctx.palette;
  const s = ctx.scale;
  const pad = SPACE.callout * s;
  const inner: Content[] = [];
  if (title !== undefined) {
    inner.push({ text: title, bold: true, fontSize: TYPE.body * s, color: tone === 'accent' ? p.accentText : p.text, margin: [0, 0, 0, blocks.length ? 4 * s : 0] });
  }
  inner.push(...renderBlocks(blocks, { ...ctx, width: ctx.width - 2 * pad, nested: true }));
  const layout: CustomTableLayout = {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: () => pad,
    paddingRight: () => pad,
    paddingTop: () => pad * 0.85,
    paddingBottom: () => pad * 0.85,
  };
  return {
    table: { widths: ['*'], body: [[{ stack: inner, fillColor: tone === 'accent' ? p.accentTint : p.neutralTint }]] },
    layout,
    unbreakable: true,
    margin: m,
  };
}

function label(text: string, ctx: BlockContext): Content {
  return { text, fontSize: TYPE.body * ctx.scale, bold: true, color: ctx.palette.text, margin: [0, 0, 0, 2 * ctx.scale] };
}

function writeLines(text: string, lines: number, ctx: BlockContext, m: [number, number, number, number]): Content {
  const gap = mmToPt(SIZE_MM.writeLine) * ctx.scale;
  const canvas: CanvasElement[] = Array.from({ length: lines }, (_, i) => ({
    type: 'line',
    x1: 0,
    y1: gap * (i + 1),
    x2: ctx.width,
    y2: gap * (i + 1),
    lineWidth: 0.6,
    lineColor: ctx.palette.rule,
  }));
  return { stack: [label(text, ctx), { canvas }], unbreakable: true, margin: m };
}

function scoreBoxes(text: string, from: number, to: number, ctx: BlockContext, m: [number, number, number, number]): Content {
  const s = ctx.scale;
  const count = Math.max(0, to - from + 1);
  const columnGap = mmToPt(SIZE_MM.scoreGap) * s;
  // Shrink the boxes rather than wrap: a grade scale only reads as one row.
  const box = Math.min(mmToPt(SIZE_MM.scoreBox) * s, count ? (ctx.width - columnGap * (count - 1)) / count : 0);
  const columns: Content[] = Array.from({ length: count }, (_, i) => ({
    width: box,
    stack: [
      { text: String(from + i), alignment: 'center', fontSize: TYPE.label * s, color: ctx.palette.muted, margin: [0, 0, 0, 2] },
      { canvas: [{ type: 'rect', x: 0, y: 0, w: box, h: box, r: 2, lineWidth: 0.8, lineColor: ctx.palette.muted }] },
    ],
  }));
  return { stack: [label(text, ctx), { columns, columnGap, margin: [0, 3 * s, 0, 0] }], unbreakable: true, margin: m };
}

/**
 * A bar chart as vectors: the bars and base line on a canvas, the numbers and labels placed over it
 * with `relativePosition` (they take no room of their own), all from the shared layout.
 */
function chart(c: Chart, ctx: BlockContext, m: [number, number, number, number]): Content {
  const p = ctx.palette;
  // Charts keep their layout's sizes: the type scale is for card faces, where no chart goes.
  const mm = mmToPt;
  const layout = layoutChart(c, (ctx.width * 25.4) / 72);
  const height = mm(layout.height);
  const canvas: CanvasElement[] = [
    // Holds the canvas open to the drawing's full height (a canvas is as tall as what it draws).
    { type: 'line', x1: 0, y1: height, x2: 0, y2: height, lineWidth: 0, lineColor: '#ffffff', strokeOpacity: 0 },
    ...layout.bars.map((b): CanvasElement => ({ type: 'rect', x: mm(b.x), y: mm(b.y), w: mm(b.w), h: mm(b.h), color: p.accent, lineWidth: 0 })),
    { type: 'line', x1: mm(layout.baseline.x1), y1: mm(layout.baseline.y), x2: mm(layout.baseline.x2), y2: mm(layout.baseline.y), lineWidth: layout.baseline.widthPt, lineColor: p.muted },
  ];
  const texts: Content[] = layout.texts.map((t) => {
    const node = { text: t.text, fontSize: t.sizePt, lineHeight: 1, color: t.tone === 'muted' ? p.muted : p.text };
    // Placed relative to where the next node would go: just below the canvas.
    const y = mm(t.top) - height;
    return t.anchor === 'middle'
      ? { columns: [{ width: mm(t.slot), ...node, alignment: 'center' as const }], relativePosition: { x: mm(t.x - t.slot / 2), y } }
      : { ...node, relativePosition: { x: mm(t.x), y } };
  });
  return {
    stack: [
      { text: c.title, fontSize: CHART_TYPE.title, bold: true, color: p.text, margin: [0, 0, 0, 3] },
      { canvas },
      ...texts,
    ],
    unbreakable: true,
    margin: m,
  };
}
