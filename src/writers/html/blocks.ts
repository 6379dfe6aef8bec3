// Turns model blocks and inlines into semantic HTML; shared by the page flow, callouts and cards.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Block, ContentBlock, Fact, Inline, TableColumn } from '../../document/model.js';
import { chartSvg } from '../chart-image.js';
import type { Palette } from '../../document/theme.js';
import { assertNever, InternalError } from '../../errors.js';
import { qrPath, type QrMatrix } from '../qr.js';
import { esc, num, safeHref } from './escape.js';

/**
 * Gives headings their HTML level in reading order: exactly one h1 (the first heading), after it
 * nothing above h2, and never a skipped level. The model's level stays the heading's look (its
 * class), as the Typst writer keeps look and structure tag apart.
 */
export class Outline {
  private prev = 0;
  tag(wanted: number): number {
    const tag = this.prev === 0 ? 1 : Math.min(6, Math.max(2, Math.min(wanted, this.prev + 1)));
    this.prev = tag;
    return tag;
  }
  /** A copy to number headings that are shown but hidden from assistive technology, leaving this outline as it was. */
  fork(): Outline {
    const copy = new Outline();
    copy.prev = this.prev;
    return copy;
  }
  /** The level just below the last heading: where a callout's title or a card's title belongs. */
  get below(): number {
    return this.prev + 1;
  }
}

/** The files a document may read, each read once and inlined as a data URL. */
export class Files {
  private readonly allowed: Set<string>;
  private readonly cache = new Map<string, string>();
  constructor(allowedFiles: readonly string[]) {
    this.allowed = new Set(allowedFiles.map((f) => path.resolve(f)));
  }
  dataUrl(file: string, what: 'image' | 'logo'): string {
    const abs = path.resolve(file);
    // Materials list every file they use in allowedFiles, so reaching this is our bug, as in the other writers.
    if (!this.allowed.has(abs)) throw new InternalError(`The ${what} "${file}" is not one of the files this document may read (allowedFiles).`);
    let url = this.cache.get(abs);
    if (!url) {
      const bytes = readFileSync(abs);
      // The logo rule has checked the bytes are PNG or JPEG; the type is read from them, not the name.
      const type = bytes[0] === 0xff && bytes[1] === 0xd8 ? 'image/jpeg' : 'image/png';
      url = `data:${type};base64,${bytes.toString('base64')}`;
      this.cache.set(abs, url);
    }
    return url;
  }
}

export interface Ctx {
  outline: Outline;
  files: Files;
  /** Every QR code of the document, encoded beforehand (the shared encoder loads asynchronously). */
  qr: ReadonlyMap<string, QrMatrix>;
  /** Added to model heading levels: a card's content sits one level below the card's title. */
  depth: number;
  /** Inside a callout, column or card, where page-level blocks make no sense. */
  nested: boolean;
  /** For charts: the document's colours, and the width the text has on paper (mm). */
  palette: Palette;
  widthMm: number;
}

export function inlines(content: readonly Inline[]): string {
  return content
    .map((inline) => {
      switch (inline.kind) {
        case 'text': {
          let html = esc(inline.text);
          if (inline.italic) html = `<em>${html}</em>`;
          if (inline.bold) html = `<strong>${html}</strong>`;
          if (inline.tone === 'accent' || inline.tone === 'muted') html = `<span class="t-${inline.tone}">${html}</span>`;
          return html;
        }
        case 'link': {
          const href = safeHref(inline.url);
          // A scheme we do not trust (javascript:, data:, a relative path) keeps its text, not its link.
          return href ? `<a href="${esc(href)}">${esc(inline.text)}</a>` : esc(inline.text);
        }
        case 'lineBreak':
          return '<br>';
        default:
          return assertNever(inline, 'inline kind');
      }
    })
    .join('');
}

/** The QR code as an SVG of its dark modules, one path of horizontal runs, named for assistive technology. */
export function qrSvg(matrix: QrMatrix, alt: string, sizeMm: number): string {
  const n = matrix.size;
  return (
    `<svg class="qr-code" role="img" aria-label="${esc(alt)}" viewBox="0 0 ${n} ${n}" style="width:${num(sizeMm)}mm" shape-rendering="crispEdges">` +
    `<path d="${qrPath(matrix)}"/></svg>`
  );
}

/** Whether any link sits in these blocks (a hidden repeat must hold nothing one can focus). */
export function hasLink(list: readonly ContentBlock[]): boolean {
  const inl = (c: readonly Inline[]) => c.some((i) => i.kind === 'link');
  return list.some((b) => {
    switch (b.kind) {
      case 'paragraph':
        return inl(b.content);
      case 'list':
        return b.items.some(inl);
      case 'table':
        return b.header.some(inl) || b.rows.some((r) => r.some(inl));
      case 'facts':
        return b.items.some((f) => inl(f.value));
      case 'qr':
        return safeHref(b.data) !== undefined;
      case 'callout':
        return hasLink(b.blocks);
      case 'columns':
        return b.columns.some((c) => hasLink(c.blocks));
      case 'heading':
      case 'image':
      case 'chart':
      case 'writeLines':
      case 'scoreBoxes':
      case 'spacer':
        return false;
      default:
        return assertNever(b, 'block kind');
    }
  });
}

export function heading(level: 1 | 2 | 3, text: string, ctx: Ctx, extraClass = ''): string {
  const tag = ctx.outline.tag(level + ctx.depth);
  return `<h${tag} class="l${level}${extraClass}">${esc(text)}</h${tag}>`;
}

/** Column weights as pdfmake and Typst read them: a zero or negative weight takes an equal share. */
function weights(values: readonly number[]): number[] {
  const positive = values.filter((w) => w > 0);
  const share = positive.length ? positive.reduce((a, w) => a + w, 0) / positive.length : 1;
  return values.map((w) => (w > 0 ? w : share));
}

function table(columns: readonly TableColumn[], header: readonly Inline[][], rows: readonly Inline[][][]): string {
  const w = weights(columns.map((c) => c.width));
  const total = w.reduce((a, b) => a + b, 0);
  const align = (i: number) => {
    const a = columns[i]?.align;
    return a === 'right' || a === 'center' ? ` class="a-${a}"` : '';
  };
  const cols = w.map((x) => `<col style="width:${num((100 * x) / total)}%">`).join('');
  const head = header.map((c, i) => `<th scope="col"${align(i)}>${inlines(c)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${align(i)}>${inlines(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<colgroup>${cols}</colgroup>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function facts(items: readonly Fact[]): string {
  return `<dl class="facts">\n${items.map((f) => `<dt>${esc(f.label)}</dt><dd>${inlines(f.value)}</dd>`).join('\n')}\n</dl>`;
}

/** The QR code, and beside it what it says as a link one can click (a screen cannot scan itself). */
function qr(block: Extract<ContentBlock, { kind: 'qr' }>, ctx: Ctx): string {
  const matrix = ctx.qr.get(block.data);
  if (!matrix) throw new InternalError('A QR code reached the HTML writer without being encoded first.');
  const href = safeHref(block.data);
  const shown = block.address ?? block.data.replace(/^https?:\/\//i, '');
  const target = href ? `<a href="${esc(href)}">${esc(shown)}</a>` : `<span class="qr-data">${esc(block.data)}</span>`;
  const caption = block.caption ? `<span class="qr-caption">${esc(block.caption)}</span>` : '';
  return `<figure class="qr">${qrSvg(matrix, block.alt.trim() || block.data, block.sizeMm)}<figcaption>${caption}${target}</figcaption></figure>`;
}

export function blocks(list: readonly Block[], ctx: Ctx): string {
  return list.map((b) => block(b, ctx)).join('\n');
}

function block(b: Block, ctx: Ctx): string {
  switch (b.kind) {
    case 'heading':
      return heading(b.level, b.text, ctx);
    case 'paragraph': {
      const style = b.style ?? 'normal';
      return `<p${style === 'normal' ? '' : ` class="${style}"`}>${inlines(b.content)}</p>`;
    }
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      const cls = b.style === 'small' ? ' class="small"' : '';
      return `<${tag}${cls}>\n${b.items.map((item) => `<li>${inlines(item)}</li>`).join('\n')}\n</${tag}>`;
    }
    case 'table':
      return table(b.columns, b.header, b.rows);
    case 'facts':
      return facts(b.items);
    case 'qr':
      return qr(b, ctx);
    case 'image': {
      const alt = b.alt.trim();
      // Without alt text an image is decoration: alt="" leaves it out instead of reading its file name.
      // A height limit crops the picture around its middle, as the PDFs do.
      const crop = b.maxHeightMm !== undefined ? `;max-height:${num(b.maxHeightMm)}mm;object-fit:cover` : '';
      return `<p class="image"><img src="${ctx.files.dataUrl(b.path, 'image')}" alt="${esc(alt)}" style="width:${num(b.widthMm)}mm${crop}"></p>`;
    }
    case 'callout': {
      const inner = { ...ctx, nested: true };
      if (b.title === undefined) return `<div class="callout ${b.tone}">\n${blocks(b.blocks, inner)}\n</div>`;
      const tag = ctx.outline.tag(ctx.outline.below);
      const title = `<h${tag} class="callout-title">${esc(b.title)}</h${tag}>`;
      return `<section class="callout ${b.tone}">\n${title}\n${blocks(b.blocks, inner)}\n</section>`;
    }
    case 'columns': {
      const w = weights(b.columns.map((c) => c.width));
      const template = w.map((x) => `${num(x)}fr`).join(' ');
      const cols = b.columns.map((c) => `<div class="column">\n${blocks(c.blocks, { ...ctx, nested: true })}\n</div>`).join('\n');
      return `<div class="columns" style="--columns:${template}">\n${cols}\n</div>`;
    }
    case 'writeLines': {
      const lines = Math.max(0, Math.floor(b.lines));
      // The ruled space is for a pen on paper: drawn, but nothing for a screen reader to read out.
      // One bordered element per line: a border is never thinner than a device pixel, a gradient line can vanish.
      return `<div class="write-lines"><p class="field-label">${esc(b.label)}</p><div class="lines" aria-hidden="true">${'<span></span>'.repeat(lines)}</div></div>`;
    }
    case 'scoreBoxes': {
      const count = Math.max(0, Math.floor(b.to) - Math.floor(b.from) + 1);
      const boxes = Array.from({ length: count }, (_, i) => `<li>${Math.floor(b.from) + i}</li>`).join('');
      // The numbers stay text (a list a screen reader reads as a scale); the boxes to tick are drawn around them.
      return `<div class="score"><p class="field-label">${esc(b.label)}</p>${count ? `<ul class="boxes" role="list" style="--count:${count}">${boxes}</ul>` : ''}</div>`;
    }
    case 'chart':
      // The bars as an SVG with the chart's alt text; its title as real text above it.
      return `<figure class="ww-chart"><p class="ww-chart-title"><strong>${esc(b.chart.title)}</strong></p>${chartSvg(b.chart, ctx.palette, ctx.widthMm, b.alt)}</figure>`;
    case 'spacer':
      return `<div class="spacer" style="height:${num(Math.max(0, b.heightMm))}mm"></div>`;
    case 'pageBreak':
      if (ctx.nested) throw new InternalError('A page break cannot appear inside a callout or card.');
      return '<div class="page-break"></div>';
    case 'cards':
      throw new InternalError(ctx.nested ? 'Cards cannot be nested inside a callout or card.' : 'Cards block reached the flow renderer.');
    default:
      return assertNever(b, 'block kind');
  }
}
