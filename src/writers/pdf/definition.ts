// Builds the whole pdfmake document definition: metadata, page sections, running header and footer.
import path from 'node:path';
import type { Content, ContentSection, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Block, Brand, Document, PageSetup } from '../../document/model.js';
import { sheetGeometry } from '../../document/imposition.js';
import { iconTile } from '../../document/icons.js';
import { BRAND, inLineBoxes, LINE, mmToPt, PAGE_MM, palette, readingScale, TYPE, TYPEFACES, type Palette } from '../../document/theme.js';
import { InternalError } from '../../errors.js';
import { KEEP_PREFIX, markerOf, PART_PREFIX, renderBlocks, type BlockContext } from './blocks.js';
import { CARD_MARKER_PREFIX, deckPageCount, renderDeck, type CardProbe } from './cards.js';
import type { QrMatrix } from '../qr.js';
import type { BleedPage } from './engine.js';


function pageLabel(pattern: string, page: number, total: number): string {
  return pattern.replace(/\{page\}/g, String(page)).replace(/\{pages\}/g, String(total));
}

/**
 * Style of the running header and footer. Also how the keep-with-next hook tells them apart from
 * body text: pdfmake passes a node's style, but not its parent, to `pageBreakBefore`.
 */
const RUNNING = 'running';

type Run = { kind: 'flow'; blocks: Block[] } | { kind: 'deck'; block: Extract<Block, { kind: 'cards' }> };

/** Card decks change the page size, so the document is cut into sections at every deck. */
function runs(blocks: readonly Block[]): Run[] {
  const out: Run[] = [];
  for (const block of blocks) {
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

/** Sizes of single-card pages with bleed, for the engine to mark their trim and bleed boxes. */
export function bleedPages(doc: Document): BleedPage[] {
  const out: BleedPage[] = [];
  for (const block of doc.blocks) {
    if (block.kind !== 'cards' || block.layout.kind !== 'a6-single' || block.layout.bleedMm <= 0) continue;
    const geo = sheetGeometry(block.layout);
    out.push({ width: mmToPt(geo.width), height: mmToPt(geo.height), bleed: mmToPt(geo.bleed) });
  }
  return out;
}

/** The top of a first page: the brand lockup and the logo, over an accent rule. */
function masthead(brand: Brand, logo: PageSetup['logo'], p: Palette, width: number): Content {
  const tile = mmToPt(BRAND.tileMm);
  return {
    stack: [
      {
        columns: [
          { svg: iconTile('house', p.accent), width: tile, height: tile },
          {
            width: '*',
            margin: [mmToPt(3), 1, 0, 0],
            stack: [
              { text: brand.wordmark, fontSize: BRAND.wordmark, bold: true, color: p.text, lineHeight: inLineBoxes(1) },
              { text: brand.place, fontSize: BRAND.place, bold: true, color: p.accentText, lineHeight: inLineBoxes(1) },
            ],
          },
          logo ? { width: 'auto', stack: [{ image: path.resolve(logo.path), fit: [mmToPt(logo.widthMm), mmToPt(logo.heightMm)] }] } : { width: 'auto', text: '' },
        ],
        columnGap: 0,
      },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 1.6, lineColor: p.accent }], margin: [0, mmToPt(4), 0, mmToPt(2)] },
    ],
    unbreakable: true,
  };
}

export function buildDefinition(doc: Document, probe: CardProbe, qr: ReadonlyMap<string, QrMatrix>): TDocumentDefinitions {
  const p = palette(doc.theme);
  const [top, right, bottom, left] = doc.page.marginsMm.map(mmToPt);
  const paper = PAGE_MM[doc.page.size];
  const pageWidth = mmToPt(doc.page.orientation === 'landscape' ? paper.height : paper.width);
  const ctx: BlockContext = {
    palette: p,
    width: pageWidth - left - right,
    scale: 1,
    nested: false,
    allowedFiles: new Set(doc.allowedFiles.map((f) => path.resolve(f))),
    ids: { next: 0 },
    qr,
  };

  const parts = runs(doc.blocks);
  // Card sheets carry no footer, and their pages are left out of "page X of Y": a reader of a
  // two-page invitation should not see "page 1 of 6" because four card sheets follow.
  const cardPages = parts.map((r) => (r.kind === 'deck' ? deckPageCount(r.block.layout, r.block.cards.length) : 0));
  const totalCardPages = cardPages.reduce((a, b) => a + b, 0);

  const header = doc.page.header;
  const footer = doc.page.footer;
  const runningFooter = (cardPagesBefore: number) =>
    footer
      ? (currentPage: number, pageCount: number): Content => ({
          style: RUNNING,
          columns: [
            { style: RUNNING, text: footer.text, width: '*' },
            // A page number on a document of one page only says what anyone can see.
            footer.pageLabel && pageCount - totalCardPages > 1
              ? { style: RUNNING, text: pageLabel(footer.pageLabel, currentPage - cardPagesBefore, pageCount - totalCardPages), width: 'auto', alignment: 'right' }
              : { style: RUNNING, text: '', width: 'auto' },
          ],
          columnGap: 12,
          margin: [left, Math.max(8, bottom / 2 - 4), right, 0],
        })
      : null;
  const logo = doc.page.logo;
  if (logo && !ctx.allowedFiles.has(path.resolve(logo.path))) {
    // Materials list the logo in allowedFiles; a logo outside it is our bug, not the user's.
    throw new InternalError(`The logo "${logo.path}" is not one of the files this document may read (allowedFiles).`);
  }
  const headerTop = Math.max(14, top / 2 - 4);
  // The logo sits at the right of the header, centred on the header's text line, and never reaches the text area.
  const logoHeight = logo ? Math.min(mmToPt(logo.heightMm), top - headerTop / 2 - 4) : 0;
  const runningHeader =
    header || logo
      ? (currentPage: number): Content | null => (doc.page.brand && currentPage === 1 ? null : {
          columns: [
            { style: RUNNING, text: header ?? '', characterSpacing: 0.3, width: '*', margin: [0, logo ? logoHeight / 2 - 4 : 0, 0, 0] },
            logo && !doc.page.brand
              ? { width: 'auto', stack: [{ image: path.resolve(logo.path), fit: [mmToPt(logo.widthMm), logoHeight] }] }
              : { text: '', width: 'auto' },
          ],
          margin: [left, logo && !doc.page.brand ? Math.max(6, headerTop - logoHeight / 2 + 4) : headerTop, right, 0],
        })
      : null;

  let deck = 0;
  let cardPagesBefore = 0;
  const sections: ContentSection[] = parts.map((run, i) => {
    const section =
      run.kind === 'deck'
        ? renderDeck(run.block, { block: ctx, probe, deck: deck++, language: doc.meta.language, title: doc.meta.title, brand: doc.page.brand, logo: doc.page.logo })
        : ({
            // The masthead opens the document's first page; text is larger for what residents receive.
            section: [...(i === 0 && doc.page.brand ? [masthead(doc.page.brand, doc.page.logo, p, pageWidth - left - right)] : []), ...renderBlocks(run.blocks, { ...ctx, scale: readingScale(doc.theme.reading) })],
            pageSize: doc.page.size,
            pageOrientation: doc.page.orientation,
            pageMargins: [left, top, right, bottom],
            header: runningHeader,
            footer: runningFooter(cardPagesBefore),
          } as ContentSection);
    cardPagesBefore += cardPages[i];
    return section;
  });

  return {
    pageSize: doc.page.size,
    pageOrientation: doc.page.orientation,
    pageMargins: [left, top, right, bottom],
    // /Lang needs PDF 1.4; pdfmake defaults to 1.3.
    version: '1.4',
    language: doc.meta.language,
    displayTitle: true,
    info: {
      title: doc.meta.title,
      author: doc.meta.author,
      subject: doc.meta.subject,
      keywords: doc.meta.keywords?.join(', '),
      creator: 'welkome-wijk',
      producer: 'welkome-wijk (pdfmake)',
      // Fixed dates: together with pdfkit's /ID (an MD5 of this info block) they make output reproducible.
      creationDate: new Date(doc.meta.date.getTime()),
      modDate: new Date(doc.meta.date.getTime()),
    },
    defaultStyle: { font: TYPEFACES[0].family, fontSize: TYPE.body, lineHeight: inLineBoxes(LINE.body), color: p.text },
    styles: { [RUNNING]: { fontSize: TYPE.running, color: p.muted } },
    content: sections,
    pageBreakBefore: (node, nodes) => {
      const marker = markerOf(node);
      if (!marker) return false;
      if (marker.startsWith(CARD_MARKER_PREFIX)) {
        probe.record(marker, node.startPosition.pageNumber, node.startPosition.top);
        return false;
      }
      if (marker.startsWith(KEEP_PREFIX)) {
        const [n, need] = marker.slice(KEEP_PREFIX.length).split('-');
        const at = node.startPosition;
        // Already at the top of a page: moving it would only leave a blank page behind.
        if (at.verticalRatio < 0.01) return false;
        if (at.pageInnerHeight * (1 - at.verticalRatio) < Number(need)) return true;
        // Also move it when nothing of its section's content follows it on this page. Only leaves
        // count (a table node can be listed here while all its rows moved on), and header and
        // footer, laid out after the body, are skipped.
        const own = `${PART_PREFIX}${n}-`;
        return !nodes
          .getFollowingNodesOnPage()
          .some(
            (f) =>
              f.startPosition.pageNumber === at.pageNumber &&
              f.style !== RUNNING &&
              !markerOf(f)?.startsWith(own) &&
              (f.text !== undefined || f.image !== undefined || f.qr !== undefined || f.canvas !== undefined || f.svg !== undefined),
          );
      }
      return false;
    },
  };
}
