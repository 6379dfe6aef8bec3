// The DOCX writer: turns a Document into an editable Word file with real structure (styles, lists,
// header rows, alt text), Arial or an embedded font, and byte-identical output for identical input.
import type { ISectionOptions, Paragraph, ParagraphChild } from 'docx';
import type { Block, Document } from '../../document/model.js';
import { clean, Flow, headingShift, renderBlocks, type RenderState } from './blocks.js';
import { logoRun, masthead } from './brand.js';
import { cardSection } from './cards.js';
import { normaliseDocx, normaliseParts } from './determinism.js';
import { loadQRCode } from '../qr.js';
import { EMBEDDED_FONT, SYSTEM_FONT, loadDocx, loadFonts, type Docx } from './modules.js';
import { LINE, LINE_BOX, PAGE_MM } from '../../document/theme.js';
import { STYLE, mmToTwips, tw, numberingFor, spacingOf, stylesFor, typeScale, wordPalette } from './style.js';

export { sheetOrder } from './cards.js';

export interface DocxOptions {
  /**
   * Embed Roboto (regular, bold, italic, bold italic; about 400 KB) so the file looks like the PDF.
   * Off (the default): Arial, which every Word has and which covers all Latin letters, and a file of
   * tens of KB. A DOCX is for editing; the PDF is the designed print version.
   */
  embedFont?: boolean;
}

/** Render a document as DOCX bytes. */
export async function writeDocx(doc: Document, options: DocxOptions = {}): Promise<Uint8Array> {
  const embed = options.embedFont ?? false;
  const [d, qr, fonts] = await Promise.all([loadDocx(), loadQRCode(), embed ? loadFonts() : undefined]);
  const font = fonts ? EMBEDDED_FONT : SYSTEM_FONT;
  const c = wordPalette(doc.theme);
  const scale = typeScale(doc);
  const s: RenderState = { d, qr, doc, c, scale, space: spacingOf(scale), orderedLists: 0, drawings: 0, headingShift: headingShift(doc.blocks) };

  // Runs of ordinary blocks share the document's page setup; each card deck is a section of its own.
  const sections: ISectionOptions[] = [];
  let run: Block[] = [];
  const flush = async () => {
    if (run.length > 0) sections.push(await flowSection(s, run, sections.length === 0));
    run = [];
  };
  for (const block of doc.blocks) {
    if (block.kind === 'cards') {
      await flush();
      const section = await cardSection(s, block);
      if (section) sections.push(section);
    } else {
      run.push(block);
    }
  }
  await flush();
  if (sections.length === 0) sections.push(await flowSection(s, [], true));

  const file = new d.Document({
    title: clean(doc.meta.title),
    subject: doc.meta.subject && clean(doc.meta.subject),
    creator: clean(doc.meta.author),
    lastModifiedBy: clean(doc.meta.author),
    keywords: doc.meta.keywords && clean(doc.meta.keywords.join(', ')),
    revision: 1,
    styles: stylesFor(d, doc, c, font),
    numbering: numberingFor(d, c, scale),
    fonts: fonts && [{ name: font, data: fonts.regular, bold: fonts.bold, italic: fonts.italic, boldItalic: fonts.boldItalic, characterSet: d.CharacterSet.ANSI }],
    sections,
  });
  // Declare the embedded font a sans-serif, so where embedded fonts are ignored (Word on the web) Word
  // substitutes a sans-serif rather than Times.
  const patch = (path: string, xml: string) =>
    path === 'word/fontTable.xml' ? xml.replace(/(<w:font w:name="[^"]+">(?:(?!<\/w:font>).)*?<w:family w:val=")auto(")/g, '$1swiss$2') : xml;
  const parts = compiledParts(d, file);
  if (parts) return normaliseParts(parts, doc.meta.date, patch);
  const packed = await d.Packer.toBuffer(file);
  return normaliseDocx(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength), doc.meta.date, patch);
}

const utf8 = new TextEncoder();

/**
 * The package's parts as docx's Packer would zip them, from the compiler Packer uses. Packer only
 * zips, and determinism must unzip and zip again anyway: taking the parts saves a deflate and an
 * inflate of every part (about a tenth of a DOCX's CPU). The compiler is not documented API, so
 * where a docx version lacks it this returns undefined and the packed file is unzipped instead.
 */
function compiledParts(d: Docx, file: unknown): Record<string, Uint8Array> | undefined {
  const compiler = (d.Packer as unknown as { compiler?: { compile?(file: unknown, prettify?: unknown, overrides?: unknown[]): unknown } }).compiler;
  if (typeof compiler?.compile !== 'function') return undefined;
  const compiled = compiler.compile(file, undefined, []);
  if (!(compiled instanceof Map)) return undefined;
  const parts: Record<string, Uint8Array> = {};
  for (const [path, data] of compiled as Map<string, unknown>) {
    if (typeof data === 'string') parts[path] = utf8.encode(data);
    else if (ArrayBuffer.isView(data)) parts[path] = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    else if (data instanceof ArrayBuffer) parts[path] = new Uint8Array(data);
    else return undefined;
  }
  return parts;
}

/**
 * A section with the document's own page size, margins, header and footer. The first page is a page
 * of its own in Word ("different first page"): with the brand at its top it has no running header,
 * and it never shows a page number, so a one-page document has none (see `footerParagraphs`).
 */
async function flowSection(s: RenderState, blocks: Block[], first: boolean): Promise<ISectionOptions> {
  const { d, doc } = s;
  const { page } = doc;
  const size = PAGE_MM[page.size];
  const [top, right, bottom, left] = page.marginsMm;
  const contentW = mmToTwips((page.orientation === 'landscape' ? size.height : size.width) - left - right);
  const flow = new Flow(s);
  const brand = first ? page.brand : undefined;
  if (brand) masthead(s, flow, brand, contentW);
  await renderBlocks(s, flow, blocks, { widthTw: contentW, nested: false });
  const headerDist = Math.max(4, top * 0.45);
  // Always written (empty when absent), so a section after a card deck never inherits the deck's blank ones.
  const running = () => new d.Header({ children: headerParagraphs(s, contentW, top - headerDist) });
  return {
    properties: {
      titlePage: true,
      page: {
        size: {
          width: mmToTwips(size.width),
          height: mmToTwips(size.height),
          orientation: page.orientation === 'landscape' ? d.PageOrientation.LANDSCAPE : d.PageOrientation.PORTRAIT,
        },
        margin: {
          top: mmToTwips(top),
          right: mmToTwips(right),
          // Word keeps a line's air (its pitch above the letters' height) inside the line, the PDF
          // under it, where a page's last line may let it run into the margin: the text area reaches
          // that much further down, so a page holds what the PDF's does.
          bottom: mmToTwips(bottom) - tw((LINE.body - LINE_BOX) * s.scale.body),
          left: mmToTwips(left),
          // Header and footer sit a little under half-way into their margins.
          header: mmToTwips(headerDist),
          footer: mmToTwips(Math.max(4, bottom * 0.45)),
        },
      },
    },
    headers: { default: running(), first: brand ? new d.Header({ children: [new d.Paragraph({ style: STYLE.tiny })] }) : running() },
    footers: { default: new d.Footer({ children: footerParagraphs(s, contentW, true) }), first: new d.Footer({ children: footerParagraphs(s, contentW, false) }) },
    children: flow.close(),
  };
}

/** The running header: the material's name, and the logo at the right when the document has no brand lockup to carry it. */
function headerParagraphs(s: RenderState, contentW: number, roomMm: number): Paragraph[] {
  const { d, doc } = s;
  const { header, logo, brand } = doc.page;
  const children: ParagraphChild[] = [new d.TextRun(clean(header ?? ''))];
  if (logo && !brand) {
    // The logo stands at the right of the header line, never reaching down into the text.
    const fitted = logoRun(s, logo.widthMm, Math.min(logo.heightMm, roomMm - 1.5));
    if (fitted) children.push(new d.TextRun({ children: [new d.Tab()] }), fitted.run);
  }
  if (!header && !(logo && !brand)) return [new d.Paragraph({ style: STYLE.tiny })];
  return [new d.Paragraph({ style: STYLE.header, tabStops: [{ type: d.TabStopType.RIGHT, position: contentW }], children })];
}

/**
 * The footer: the organisations, and "pagina {page} van {pages}" as Word page fields, but not on the
 * first page. A number on a one-page document only says what anyone can see; Word could leave it off
 * with an IF field on the page count, but LibreOffice (7.4) prints such a field's inner values
 * ("111") instead of evaluating it, so the first page, which every reader handles, carries no number.
 */
function footerParagraphs(s: RenderState, contentW: number, withNumber: boolean): Paragraph[] {
  const { d, doc } = s;
  const footer = doc.page.footer;
  if (!footer) return [new d.Paragraph({ style: STYLE.tiny })];
  const children = [new d.TextRun(clean(footer.text))];
  if (footer.pageLabel && withNumber) {
    // The words stay text, the placeholders become Word page fields.
    const parts = footer.pageLabel.split(/(\{page\}|\{pages\})/).filter(Boolean);
    const fields = parts.map((p) => (p === '{page}' ? d.PageNumber.CURRENT : p === '{pages}' ? d.PageNumber.TOTAL_PAGES : clean(p)));
    children.push(new d.TextRun({ children: [new d.Tab(), ...fields] }));
  }
  return [new d.Paragraph({ style: STYLE.footer, tabStops: [{ type: d.TabStopType.RIGHT, position: contentW }], children })];
}
