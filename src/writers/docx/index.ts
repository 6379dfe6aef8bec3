// The DOCX writer: turns a Document into an editable Word file with real structure (styles, lists,
// header rows, alt text), an embedded font, and byte-identical output for identical input.
import type { ISectionOptions, Paragraph } from 'docx';
import type { Block, Document } from '../../document/model.js';
import { clean, Flow, renderBlocks, type RenderState } from './blocks.js';
import { cardSection } from './cards.js';
import { normaliseDocx } from './determinism.js';
import { EMBEDDED_FONT, SYSTEM_FONT, loadDocx, loadFonts, loadQRCode, type Docx } from './modules.js';
import { PAGE_MM, RULE, STYLE, mmToTwips, numberingFor, stylesFor, typeScale, wordColour } from './style.js';

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
  const accent = wordColour(doc.theme.accent);
  const s: RenderState = { d, qr, doc, accent, scale: typeScale(doc.page.size), orderedLists: 0, drawings: 0 };

  // Runs of ordinary blocks share the document's page setup; each card deck is a section of its own.
  const sections: ISectionOptions[] = [];
  let run: Block[] = [];
  const flush = async () => {
    if (run.length > 0) sections.push(await flowSection(s, run));
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
  if (sections.length === 0) sections.push(await flowSection(s, []));

  const file = new d.Document({
    title: clean(doc.meta.title),
    subject: doc.meta.subject && clean(doc.meta.subject),
    creator: clean(doc.meta.author),
    lastModifiedBy: clean(doc.meta.author),
    keywords: doc.meta.keywords && clean(doc.meta.keywords.join(', ')),
    revision: 1,
    styles: stylesFor(d, doc, accent, font),
    numbering: numberingFor(d, accent),
    fonts: fonts && [{ name: font, data: fonts.regular, bold: fonts.bold, italic: fonts.italic, boldItalic: fonts.boldItalic, characterSet: d.CharacterSet.ANSI }],
    sections,
  });
  const packed = await d.Packer.toBuffer(file);
  return normaliseDocx(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength), doc.meta.date, (path, xml) =>
    // Declare the embedded font a sans-serif, so where embedded fonts are ignored (Word on the web) Word
    // substitutes a sans-serif rather than Times.
    path === 'word/fontTable.xml' ? xml.replace(/(<w:font w:name="[^"]+">(?:(?!<\/w:font>).)*?<w:family w:val=")auto(")/g, '$1swiss$2') : xml,
  );
}

/** A section with the document's own page size, margins, header and footer. */
async function flowSection(s: RenderState, blocks: Block[]): Promise<ISectionOptions> {
  const { d, doc } = s;
  const { page } = doc;
  const size = PAGE_MM[page.size];
  const [top, right, bottom, left] = page.marginsMm;
  const contentW = mmToTwips((page.orientation === 'landscape' ? size.height : size.width) - left - right);
  const flow = new Flow(s);
  await renderBlocks(s, flow, blocks, { widthTw: contentW, nested: false });
  return {
    properties: {
      page: {
        size: {
          width: mmToTwips(size.width),
          height: mmToTwips(size.height),
          orientation: page.orientation === 'landscape' ? d.PageOrientation.LANDSCAPE : d.PageOrientation.PORTRAIT,
        },
        margin: {
          top: mmToTwips(top),
          right: mmToTwips(right),
          bottom: mmToTwips(bottom),
          left: mmToTwips(left),
          // Header and footer sit a little under half-way into their margins.
          header: mmToTwips(Math.max(4, top * 0.45)),
          footer: mmToTwips(Math.max(4, bottom * 0.45)),
        },
      },
    },
    // Always written (empty when absent), so a section after a card deck never inherits the deck's blank ones.
    headers: { default: new d.Header({ children: headerParagraphs(d, doc) }) },
    footers: { default: new d.Footer({ children: footerParagraphs(d, doc, contentW) }) },
    children: flow.close(),
  };
}

function headerParagraphs(d: Docx, doc: Document): Paragraph[] {
  if (!doc.page.header) return [new d.Paragraph({ style: STYLE.tiny })];
  return [new d.Paragraph({ style: STYLE.header, children: [new d.TextRun(clean(doc.page.header))] })];
}

function footerParagraphs(d: Docx, doc: Document, contentW: number): Paragraph[] {
  const footer = doc.page.footer;
  if (!footer) return [new d.Paragraph({ style: STYLE.tiny })];
  const [page, of] = doc.meta.language === 'nl' ? ['pagina', 'van'] : ['page', 'of'];
  const children = [new d.TextRun(clean(footer.text))];
  if (footer.pageNumbers) {
    children.push(
      new d.TextRun({ children: [new d.Tab(), `${page} `, d.PageNumber.CURRENT, ` ${of} `, d.PageNumber.TOTAL_PAGES] }),
    );
  }
  return [
    new d.Paragraph({
      style: STYLE.footer,
      tabStops: [{ type: d.TabStopType.RIGHT, position: contentW }],
      border: { top: { style: d.BorderStyle.SINGLE, size: 4, color: RULE, space: 6 } },
      children,
    }),
  ];
}
