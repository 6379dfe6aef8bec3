// Turns a Document into the plain data the Typst template lays out: user text stays data, never markup.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { layoutChart, type ChartLayout } from '../../document/chart.js';
import { cardsPerSheet, grow, sheetGeometry, type Rect } from '../../document/imposition.js';
import type { Block, Card, CardLayout, Document, Inline } from '../../document/model.js';
import { fitInBox, inspectImage } from '../../image.js';
import { iconTile } from '../../document/icons.js';
import type { Brand } from '../../document/model.js';
import { BRAND, CARD_TYPE, cardTypeFactor, inLineBoxes, LINE, mmToPt, PAGE_MM, palette, readingScale, SIZE_MM, SPACE, TYPE, type Palette } from '../../document/theme.js';
import { assertNever, InternalError } from '../../errors.js';
import { qrMatrices, qrPath, type QrMatrix } from '../qr.js';
import { TYPEFACES } from '../../document/theme.js';
import { PRIMARY, WEIGHTS } from './fonts.js';

/** A card back's band is lower than the front's, as in the pdfmake writer. */
const BACK_BAND_FRACTION = 0.6;

type InlineData = { kind: 'text'; text: string; bold: boolean; italic: boolean; tone: string | null } | { kind: 'link'; text: string; url: string } | { kind: 'lineBreak' };

/** Heading tags must start at H1 and never skip a level (PDF/UA); `tag` is the level in the structure, `level` the look. */
type HeadingData = { kind: 'heading'; level: 1 | 2 | 3; tag: number; bookmark: boolean; sticky: boolean; text: string };

export type BlockData =
  | HeadingData
  | { kind: 'paragraph'; style: 'normal' | 'lead' | 'small' | 'display'; content: InlineData[] }
  | { kind: 'list'; ordered: boolean; items: InlineData[][]; style: 'normal' | 'small' }
  | { kind: 'table'; columns: { width: number; align: 'left' | 'right' | 'center' }[]; header: InlineData[][]; rows: InlineData[][][] }
  | { kind: 'facts'; items: { label: string; value: InlineData[] }[] }
  | { kind: 'qr'; svg: string; modules: number; sizeMm: number; alt: string; caption: string | null; address: string[] | null }
  | { kind: 'image'; file: string; widthMm: number; maxHeightMm: number | null; alt: string | null }
  | { kind: 'callout'; tone: 'accent' | 'neutral'; title: string | null; blocks: BlockData[] }
  | { kind: 'columns'; columns: { width: number; blocks: BlockData[] }[] }
  | { kind: 'writeLines'; label: string; lines: number }
  | { kind: 'scoreBoxes'; label: string; from: number; to: number }
  | { kind: 'spacer'; heightMm: number }
  /** A chart's drawing laid out for `layout.width` mm; the template stretches it to the room it gets. */
  | { kind: 'chart'; title: string; alt: string; layout: ChartLayout }
  | { kind: 'pageBreak' };

export interface CardData {
  kicker: string | null;
  /** The rule's icon as an SVG tile, or none. */
  icon: string | null;
  title: HeadingData;
  subtitle: InlineData[] | null;
  blocks: BlockData[];
  /** Held at the foot of the front. */
  foot: BlockData[];
  /** "Gouden regels · 3/6": the deck's name and the card's place in it. */
  footLine: string;
  back: BlockData[];
}

/** The brand lockup: the house tile (SVG), the wordmark and the place. */
interface BrandData {
  tile: string;
  wordmark: string;
  place: string;
}

/** A logo and the size it is shown at (mm), fitted into its box with its proportions kept. */
interface LogoData {
  file: string;
  w: number;
  h: number;
  alt: string;
}

interface FaceSlot {
  card: number;
  /** Where the face's content goes, and the coloured areas around it (mm, sheet origin top-left). */
  content: Rect;
  band: Rect;
  tint: Rect | null;
  /** A back that repeats the deck's first back word for word is decoration, not new content. */
  artifact: boolean;
}

export interface DeckData {
  kind: 'deck';
  index: number;
  width: number;
  height: number;
  /** Type size factor of the layout (A5 halves get larger type than A6 quarters): one for every card. */
  base: number;
  /** The deck's title on the sheet: visible in the margin of A4 sheets; the first heading of a deck-only document. */
  slug: { text: string; tag: number | null; box: Rect; visible: boolean } | null;
  /** How to print and cut, in the sheet's margin. */
  note: { text: string; box: Rect } | null;
  /** On every back: the lockup and the logo. */
  brand: BrandData | null;
  logo: LogoData | null;
  sheets: { front: FaceSlot[]; back: FaceSlot[]; marks: { x1: number; y1: number; x2: number; y2: number }[] }[];
  cards: CardData[];
}

export interface FlowData {
  kind: 'flow';
  width: number;
  height: number;
  margins: { top: number; right: number; bottom: number; left: number };
  header: string | null;
  /** The lockup at the top of the first page; the running header then starts on page 2. */
  brand: BrandData | null;
  logo: LogoData | null;
  /** Text size factor: larger for what residents receive. */
  scale: number;
  footer: { text: string; label: ({ kind: 'text'; text: string } | { kind: 'page' } | { kind: 'pages' })[] | null } | null;
  /** Running header and footer positions (pt from the top of the page, from the top of the bottom margin). */
  headerTopPt: number;
  footerTopPt: number;
  /** Card pages before this run, left out of "page X of Y" like the pdfmake writer does. */
  cardPagesBefore: number;
  /** Pages of this run that come before, for "the first page" (a run after a deck starts later). */
  first: boolean;
  blocks: BlockData[];
}

export interface RenderData {
  font: { families: string[]; regular: number; bold: number; ascender: number; descender: number; lineBox: number };
  meta: {
    title: string;
    author: string;
    subject: string | null;
    keywords: string[];
    /** The BCP 47 tag split as Typst wants it: language ("nl") and region ("NL") or none. */
    lang: string;
    region: string | null;
    date: { year: number; month: number; day: number; hour: number; minute: number; second: number };
  };
  palette: Palette;
  /** The shared design tokens (src/document/theme.ts): sizes in pt, lengths on paper in mm. */
  type: typeof TYPE;
  cardType: typeof CARD_TYPE;
  brand: typeof BRAND;
  space: typeof SPACE;
  sizeMm: typeof SIZE_MM;
  /** `LINE` as multiples of the line box. */
  lines: Record<keyof typeof LINE, number>;
  totalCardPages: number;
  runs: (FlowData | DeckData)[];
}

export interface Prepared {
  data: RenderData;
  /** Files to map for the compiler: virtual path → bytes. */
  files: Map<string, Buffer>;
  /** Sheet sizes (pt) that carry bleed, and the bleed, for the TrimBox/BleedBox pass. */
  bleedPages: { width: number; height: number; bleed: number }[];
}

/** Gives headings their structure level in reading order: the first is H1, none skips a level. */
class Outline {
  private prev = 0;
  tag(wanted: number): number {
    const tag = Math.max(1, Math.min(wanted, this.prev + 1));
    this.prev = tag;
    return tag;
  }
  get started(): boolean {
    return this.prev > 0;
  }
}

/** Which files the document may read, and their virtual names inside the compiler. */
class Files {
  readonly map = new Map<string, Buffer>();
  private readonly names = new Map<string, string>();
  private readonly allowed: Set<string>;
  constructor(allowedFiles: readonly string[]) {
    this.allowed = new Set(allowedFiles.map((f) => path.resolve(f)));
  }
  /** A logo, fitted into a box of at most `maxW` × `maxH` mm. */
  logo(logo: { path: string; alt: string }, maxW: number, maxH: number): LogoData {
    const file = this.use(logo.path, 'logo');
    const info = inspectImage(this.map.get(file)!);
    if (!info.ok) throw new InternalError(`The logo "${logo.path}" is not a readable PNG or JPEG (the project check should have said so).`);
    return { file, ...fitInBox(info.width, info.height, maxW, maxH), alt: logo.alt };
  }
  use(file: string, what: 'image' | 'logo'): string {
    const abs = path.resolve(file);
    // Materials list every file they use in allowedFiles (checked when the project is resolved), so
    // reaching this is our bug, as in the pdfmake writer.
    if (!this.allowed.has(abs)) throw new InternalError(`The ${what} "${file}" is not one of the files this document may read (allowedFiles).`);
    let name = this.names.get(abs);
    if (!name) {
      // Only the index and a safe extension reach the compiler, never the user's path.
      const ext = /\.jpe?g$/i.test(abs) ? '.jpg' : '.png';
      name = `/files/${this.names.size}${ext}`;
      this.names.set(abs, name);
      this.map.set(name, readFileSync(abs));
    }
    return name;
  }
}

interface Ctx {
  outline: Outline;
  files: Files;
  /** Every QR code of the document, encoded beforehand (the shared encoder loads asynchronously). */
  qr: ReadonlyMap<string, QrMatrix>;
  /** Added to model heading levels: card content sits one level below the card's title. */
  depth: number;
  /** Whether headings here start PDF bookmarks (not the repeated headings inside cards). */
  bookmarks: boolean;
  /** In the page flow (where headings stay with what follows), not inside a box. */
  flow: boolean;
  /** Width of the page's text column in mm: charts are laid out for it, then fitted to their room. */
  textWidthMm: number;
}

function inlines(content: readonly Inline[]): InlineData[] {
  return content.map((inline): InlineData => {
    switch (inline.kind) {
      case 'text':
        return { kind: 'text', text: inline.text, bold: inline.bold === true, italic: inline.italic === true, tone: inline.tone ?? null };
      case 'link':
        return { kind: 'link', text: inline.text, url: inline.url };
      case 'lineBreak':
        return { kind: 'lineBreak' };
      default:
        return assertNever(inline, 'inline kind');
    }
  });
}

/** The QR code as an SVG of its dark modules, one path of horizontal runs: vector, exact size, with alt text as an image. */
export function qrSvg(matrix: QrMatrix, colour: string): string {
  const n = matrix.size;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" width="${n}" height="${n}"><path fill="${colour}" d="${qrPath(matrix)}"/></svg>`;
}

/** "a.nl/b-c/d" → ["a.nl/", "b-c/", "d"]: the pieces a line may break between. */
export function addressParts(address: string): string[] {
  return address.split(/(?<=\/)/).filter(Boolean);
}

function heading(level: 1 | 2 | 3, text: string, ctx: Ctx): HeadingData {
  return { kind: 'heading', level, tag: ctx.outline.tag(level + ctx.depth), bookmark: ctx.bookmarks, sticky: ctx.flow, text };
}

function blocks(list: readonly Block[], ctx: Ctx, p: Palette): BlockData[] {
  return list.map((block): BlockData => {
    switch (block.kind) {
      case 'heading':
        return heading(block.level, block.text, ctx);
      case 'paragraph':
        return { kind: 'paragraph', style: block.style ?? 'normal', content: inlines(block.content) };
      case 'list':
        return { kind: 'list', ordered: block.ordered, items: block.items.map(inlines), style: block.style ?? 'normal' };
      case 'table':
        return {
          kind: 'table',
          // Weights as pdfmake reads them; a zero or negative weight would make Typst reject the column.
          columns: block.columns.map((c) => ({ width: c.width > 0 ? c.width : 1, align: c.align ?? 'left' })),
          header: block.header.map(inlines),
          rows: block.rows.map((r) => r.map(inlines)),
        };
      case 'facts':
        return { kind: 'facts', items: block.items.map((f) => ({ label: f.label, value: inlines(f.value) })) };
      case 'qr': {
        const matrix = ctx.qr.get(block.data);
        if (!matrix) throw new InternalError('A QR code reached the Typst writer without being encoded first.');
        return { kind: 'qr', svg: qrSvg(matrix, p.text), modules: matrix.size, sizeMm: block.sizeMm, alt: block.alt.trim() || block.data, caption: block.caption ?? null, address: block.address ? addressParts(block.address) : null };
      }
      case 'image':
        return { kind: 'image', file: ctx.files.use(block.path, 'image'), widthMm: block.widthMm, maxHeightMm: block.maxHeightMm ?? null, alt: block.alt.trim() || null };
      case 'callout':
        return { kind: 'callout', tone: block.tone, title: block.title ?? null, blocks: blocks(block.blocks, { ...ctx, flow: false }, p) };
      case 'columns': {
        const positive = block.columns.filter((c) => c.width > 0);
        const share = positive.length ? positive.reduce((a, c) => a + c.width, 0) / positive.length : 1;
        return {
          kind: 'columns',
          columns: block.columns.map((c) => ({ width: c.width > 0 ? c.width : share, blocks: blocks(c.blocks, { ...ctx, flow: false }, p) })),
        };
      }
      case 'writeLines':
        return { kind: 'writeLines', label: block.label, lines: Math.max(0, Math.floor(block.lines)) };
      case 'scoreBoxes':
        return { kind: 'scoreBoxes', label: block.label, from: block.from, to: block.to };
      case 'spacer':
        return { kind: 'spacer', heightMm: block.heightMm };
      case 'chart':
        return { kind: 'chart', title: block.chart.title, alt: block.alt.trim() || block.chart.title, layout: layoutChart(block.chart, ctx.textWidthMm) };
      case 'pageBreak':
        if (!ctx.flow) throw new InternalError('A page break cannot appear inside a callout or card.');
        return { kind: 'pageBreak' };
      case 'cards':
        throw new InternalError(ctx.flow ? 'Cards block reached the flow renderer.' : 'Cards cannot be nested inside a callout or card.');
      default:
        return assertNever(block, 'block kind');
    }
  });
}

function brandData(brand: Brand, p: Palette): BrandData {
  return { tile: iconTile('house', p.accent), wordmark: brand.wordmark, place: brand.place };
}

/** What a face says: every word of its text, for telling how many to cut. */
export function faceWords(card: Card): number {
  const words = (list: readonly Block[]): number =>
    list.reduce((n, b) => {
      switch (b.kind) {
        case 'heading':
          return n + count(b.text);
        case 'paragraph':
          return n + countInlines(b.content);
        case 'list':
          return n + b.items.reduce((m, item) => m + countInlines(item), 0);
        case 'callout':
          return n + count(b.title ?? '') + words(b.blocks);
        case 'columns':
          return n + b.columns.reduce((m, c) => m + words(c.blocks), 0);
        default:
          return n;
      }
    }, 0);
  const count = (t: string) => t.split(/\s+/).filter(Boolean).length;
  const countInlines = (c: readonly Inline[]) => c.reduce((m, i) => m + (i.kind === 'lineBreak' ? 0 : count(i.text)), 0);
  return words(card.blocks) + words(card.foot ?? []);
}

function deck(block: Extract<Block, { kind: 'cards' }>, index: number, doc: Document, ctx: Ctx, p: Palette): DeckData {
  const { layout, cards } = block;
  const geo = sheetGeometry(layout);
  const per = cardsPerSheet(layout);
  const base = cardTypeFactor(layout);
  const pad = SIZE_MM.cardPad * base;
  const band = SIZE_MM.cardBand * base;
  const backBand = band * BACK_BAND_FRACTION;
  const over = geo.overrun;

  // A document of cards alone has no heading of its own: the deck's title becomes its H1. Without a
  // margin to print it in, it sits clipped to nothing in the page's corner, read before the cards.
  const slugTag = ctx.outline.started ? null : ctx.outline.tag(1);
  const slug =
    geo.margin || slugTag !== null
      ? { text: doc.meta.title, tag: slugTag, box: geo.margin?.title ?? { x: 0, y: 0, w: geo.width, h: 0 }, visible: geo.margin !== null }
      : null;

  const cardCtx: Ctx = { ...ctx, depth: 1, bookmarks: false, flow: false };
  const data: CardData[] = [];
  const sheets: DeckData['sheets'] = [];
  let firstBack: string | undefined;
  for (let first = 0; first < cards.length; first += per) {
    const sheet = cards.slice(first, first + per);
    const front: FaceSlot[] = [];
    const back: FaceSlot[] = [];
    // Structure levels are given in the order the template writes faces: all fronts of a sheet, then its backs.
    sheet.forEach((card, i) => {
      const slot = geo.slots[i];
      const number = `${first + i + 1}/${cards.length}`;
      data.push({
        kicker: card.kicker ? card.kicker.toLocaleUpperCase(doc.meta.language) : null,
        icon: card.icon ? iconTile(card.icon, p.accent) : null,
        title: { kind: 'heading', level: 1, tag: ctx.outline.tag(2), bookmark: true, sticky: false, text: card.title },
        subtitle: card.subtitle?.length ? inlines(card.subtitle) : null,
        blocks: blocks(card.blocks, cardCtx, p),
        foot: blocks(card.foot ?? [], cardCtx, p),
        footLine: block.name ? `${block.name} · ${number}` : number,
        back: [],
      });
      front.push({
        card: first + i,
        content: { x: slot.x + pad, y: slot.y + band + pad, w: slot.w - 2 * pad, h: slot.h - band - 2 * pad },
        // The band runs past the cut at the top and the sides, so a cut a little off shows no white.
        band: { x: slot.x - over, y: slot.y - over, w: slot.w + 2 * over, h: band + over },
        tint: null,
        artifact: false,
      });
    });
    sheet.forEach((card, i) => {
      const slot = geo.backSlots[i];
      const key = JSON.stringify(card.back);
      const artifact = firstBack === key;
      firstBack ??= key;
      // A repeated back is not read out again, so its headings take no place in the outline.
      data[first + i].back = blocks(card.back, artifact ? { ...cardCtx, outline: new Outline() } : cardCtx, p);
      back.push({
        card: first + i,
        content: { x: slot.x + pad, y: slot.y + pad, w: slot.w - 2 * pad, h: slot.h - backBand - 2 * pad },
        band: { x: slot.x - over, y: slot.y + slot.h - backBand, w: slot.w + 2 * over, h: backBand + over },
        // The tint covers the whole back and runs past the cut: a duplex print a little off shows no white slivers.
        tint: grow(slot, over),
        artifact,
      });
    });
    sheets.push({ front, back, marks: geo.cutMarks });
  }
  return {
    kind: 'deck',
    index,
    width: geo.width,
    height: geo.height,
    base,
    slug,
    note: geo.margin && block.printNote ? { text: block.printNote, box: geo.margin.note } : null,
    brand: doc.page.brand ? brandData(doc.page.brand, p) : null,
    logo: doc.page.logo ? ctx.files.logo(doc.page.logo, BRAND.cardLogoMm.w * base, BRAND.cardLogoMm.h * base) : null,
    sheets,
    cards: data,
  };
}

/** Card decks change the page size, so the document is cut into runs at every deck. */
type Run = { kind: 'flow'; blocks: Block[] } | { kind: 'deck'; block: Extract<Block, { kind: 'cards' }> };

function runs(list: readonly Block[]): Run[] {
  const out: Run[] = [];
  for (const block of list) {
    if (block.kind === 'cards') {
      if (block.cards.length) out.push({ kind: 'deck', block });
      continue;
    }
    const last = out[out.length - 1];
    if (last?.kind === 'flow') last.blocks.push(block);
    else out.push({ kind: 'flow', blocks: [block] });
  }
  return out;
}

function pageLabel(pattern: string): NonNullable<FlowData['footer']>['label'] {
  return pattern
    .split(/(\{pages?\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? { kind: 'page' } : part === '{pages}' ? { kind: 'pages' } : { kind: 'text', text: part }));
}

/** "nl-NL" → language "nl", region "NL"; Typst takes them apart and writes /Lang from both. */
export function splitLanguage(tag: string): { lang: string; region: string | null } {
  const [lang, ...rest] = tag.split(/[-_]/);
  const region = rest.find((part) => /^[A-Za-z]{2}$/.test(part));
  return { lang: lang.toLowerCase(), region: region ? region.toUpperCase() : null };
}

export async function prepare(doc: Document): Promise<Prepared> {
  const p = palette(doc.theme);
  const files = new Files(doc.allowedFiles);
  const outline = new Outline();
  const qr = await qrMatrices(doc.blocks);
  const paper = PAGE_MM[doc.page.size];
  const [width, height] = doc.page.orientation === 'landscape' ? [paper.height, paper.width] : [paper.width, paper.height];
  const [top, right, bottom, left] = doc.page.marginsMm;
  const ctx: Ctx = { outline, files, qr, depth: 0, bookmarks: true, flow: true, textWidthMm: width - left - right };
  const topPt = mmToPt(top);
  const headerTopPt = Math.max(14, topPt / 2 - 4);
  const logo = doc.page.logo ? files.logo(doc.page.logo, doc.page.logo.widthMm, doc.page.logo.heightMm) : null;
  const brand = doc.page.brand ? brandData(doc.page.brand, p) : null;
  const footer = doc.page.footer ? { text: doc.page.footer.text, label: doc.page.footer.pageLabel ? pageLabel(doc.page.footer.pageLabel) : null } : null;

  const out: (FlowData | DeckData)[] = [];
  const bleedPages: Prepared['bleedPages'] = [];
  let cardPages = 0;
  let decks = 0;
  for (const run of runs(doc.blocks)) {
    if (run.kind === 'flow') {
      out.push({
        kind: 'flow',
        width,
        height,
        margins: { top, right, bottom, left },
        header: doc.page.header ?? null,
        brand,
        logo,
        scale: readingScale(doc.theme.reading),
        first: out.length === 0,
        footer,
        headerTopPt,
        footerTopPt: Math.max(8, mmToPt(bottom) / 2 - 4),
        cardPagesBefore: cardPages,
        blocks: blocks(run.blocks, ctx, p),
      });
      continue;
    }
    const { layout, cards } = run.block;
    out.push(deck(run.block, decks++, doc, ctx, p));
    cardPages += 2 * Math.ceil(cards.length / cardsPerSheet(layout));
    const geo = sheetGeometry(layout);
    if (geo.bleed > 0) bleedPages.push({ width: mmToPt(geo.width), height: mmToPt(geo.height), bleed: mmToPt(geo.bleed) });
  }

  const d = doc.meta.date;
  return {
    data: {
      font: {
        families: TYPEFACES.map((f) => f.family),
        regular: WEIGHTS.regular,
        bold: WEIGHTS.bold,
        ascender: PRIMARY.ascender,
        descender: PRIMARY.descender,
        lineBox: PRIMARY.ascender + PRIMARY.descender,
      },
      meta: {
        title: doc.meta.title,
        author: doc.meta.author,
        subject: doc.meta.subject ?? null,
        keywords: doc.meta.keywords ?? [],
        ...splitLanguage(doc.meta.language),
        date: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() },
      },
      palette: p,
      type: TYPE,
      cardType: CARD_TYPE,
      brand: BRAND,
      space: SPACE,
      sizeMm: SIZE_MM,
      lines: Object.fromEntries(Object.entries(LINE).map(([k, em]) => [k, inLineBoxes(em)])) as Record<keyof typeof LINE, number>,
      totalCardPages: cardPages,
      runs: out,
    },
    files: files.map,
    bleedPages,
  };
}
