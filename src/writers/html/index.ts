// The HTML writer: one self-contained, accessible web page per Document (styles, logo and QR codes inline).
//
// Self-contained means no request at all when the page is opened: no fonts, scripts, stylesheets
// or images from elsewhere. A Content-Security-Policy in the page says the same to the browser,
// so even a mistake in escaping could neither run a script nor fetch anything.
import type { Block, Document } from '../../document/model.js';
import { PAGE_MM, palette } from '../../document/theme.js';
import { qrMatrices } from '../qr.js';
import { blocks, Files, Outline, type Ctx } from './blocks.js';
import { deck, lockup } from './cards.js';
import { esc } from './escape.js';
import { stylesheet } from './style.js';

/** Inline styles and data: images only; nothing may load, run, be framed or be posted. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * Whether the first heading a reader meets is one of the document's own top-level headings. When
 * it is not (a page of cards, a page that opens with a titled box), the document's title is
 * written as the page's h1, so every page has exactly one and it comes first.
 */
function opensWithHeading(list: readonly Block[]): boolean {
  for (const b of list) {
    switch (b.kind) {
      case 'heading':
        return true;
      case 'callout':
        if (b.title !== undefined || b.blocks.some((x) => x.kind === 'heading')) return false;
        break;
      case 'columns':
        if (b.columns.some((c) => c.blocks.some((x) => x.kind === 'heading' || (x.kind === 'callout' && x.title !== undefined)))) return false;
        break;
      case 'cards':
        if (b.cards.length) return false;
        break;
      default:
        break;
    }
  }
  return false;
}

/** The page's main content: the flow of blocks, with each card deck as a list of cards. */
function main(doc: Document, ctx: Ctx): string {
  const out: string[] = [];
  if (!opensWithHeading(doc.blocks)) out.push(`<h${ctx.outline.tag(1)} class="l1">${esc(doc.meta.title)}</h1>`);
  let run: Block[] = [];
  const flush = () => {
    if (run.length) out.push(blocks(run, ctx));
    run = [];
  };
  for (const b of doc.blocks) {
    if (b.kind !== 'cards') {
      run.push(b);
      continue;
    }
    flush();
    if (b.cards.length) out.push(deck(b, ctx, doc.page.brand, palette(doc.theme)));
  }
  flush();
  return out.join('\n');
}

/** Render `doc` as the text of an HTML page. Deterministic: the same Document gives the same text. */
export async function renderHtml(doc: Document): Promise<string> {
  const p = palette(doc.theme);
  const files = new Files(doc.allowedFiles);
  const qr = await qrMatrices(doc.blocks);
  const paper = PAGE_MM[doc.page.size];
  const [, right, , left] = doc.page.marginsMm;
  const widthMm = (doc.page.orientation === 'landscape' ? paper.height : paper.width) - left - right;
  const ctx: Ctx = { outline: new Outline(), files, qr, depth: 0, nested: false, palette: p, widthMm };
  const { meta, page } = doc;

  const content = main(doc, ctx);
  // The brand lockup stands in for the running header's words, as on a printed first page.
  const headerText = page.brand ? lockup(page.brand, p) : page.header ? `<span class="text">${esc(page.header)}</span>` : '';
  const logo = page.logo ? `<img src="${files.dataUrl(page.logo.path, 'logo')}" alt="${esc(page.logo.alt)}">` : '';
  const header = headerText || logo ? `<header class="running">${headerText}${logo}</header>\n` : '';
  const footer = page.footer?.text ? `\n<footer class="running"><p>${esc(page.footer.text)}</p></footer>` : '';
  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(CONTENT_SECURITY_POLICY)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(meta.title)}</title>`,
    `<meta name="author" content="${esc(meta.author)}">`,
    meta.subject ? `<meta name="description" content="${esc(meta.subject)}">` : '',
    meta.keywords?.length ? `<meta name="keywords" content="${esc(meta.keywords.join(', '))}">` : '',
    `<style>\n${stylesheet(doc, p)}\n</style>`,
  ].filter(Boolean);
  return `<!DOCTYPE html>
<html lang="${esc(meta.language)}">
<head>
${head.join('\n')}
</head>
<body>
<div class="page">
${header}<main>
${content}
</main>${footer}
</div>
</body>
</html>
`;
}

/** The HTML writer's entry in the registry: the page as UTF-8 bytes. */
export async function writeHtml(doc: Document): Promise<Uint8Array> {
  return new TextEncoder().encode(await renderHtml(doc));
}
