// Tests for the DOCX writer: structure inside the package, text as LibreOffice reads it, and reproducible bytes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentBlock, Document } from '../../src/document/model.js';
import { sheetOrder, writeDocx } from '../../src/writers/docx/index.js';
import { kitchenSink, NAMES } from '../fixtures/documents/kitchen-sink.js';

const dec = new TextDecoder();
const part = (docx: Uint8Array, name: string) => dec.decode(unzipSync(docx)[name]);

function has(cmd: string): boolean {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const canConvert = has('soffice') && has('pdftotext');

let dir: string;
let docx: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ww-docx-'));
  docx = await writeDocx(kitchenSink(), { embedFont: true });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('writeDocx: package structure', () => {
  it('uses real heading styles, a marked header row, list numbering and alt text', () => {
    const xml = part(docx, 'word/document.xml');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading3"/>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(xml).toMatch(/<wp:docPr [^>]*descr="QR-code naar het aanmeldformulier"/);
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="rId\d+"/);
    const rels = part(docx, 'word/_rels/document.xml.rels');
    expect(rels).toContain('Target="https://example.org/aanmelden" TargetMode="External"');
  });

  it('writes the document language, metadata and an embedded font', () => {
    expect(part(docx, 'word/styles.xml')).toMatch(/<w:rPrDefault>.*<w:lang w:val="nl-NL"\/>/);
    const core = part(docx, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Uitnodiging bewustwordingsbijeenkomst</dc:title>');
    expect(core).toContain('<dc:creator>Gemeente Nijmegen</dc:creator>');
    expect(core).toContain('<cp:keywords>Welkome Wijk</cp:keywords>');
    expect(core).toContain('>2026-01-15T00:00:00Z</dcterms:created>');
    expect(core).toContain('>2026-01-15T00:00:00Z</dcterms:modified>');

    // Undoing the obfuscation with the key in the font table must give back a TrueType font.
    const files = unzipSync(docx);
    const table = dec.decode(files['word/fontTable.xml']);
    const rels = dec.decode(files['word/_rels/fontTable.xml.rels']);
    const embeds = [...table.matchAll(/<w:embed\w+ r:id="(rId\d+)" w:fontKey="\{([0-9A-F-]+)\}"\/>/g)];
    expect(embeds).toHaveLength(4);
    for (const [, rid, guid] of embeds) {
      const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      const font = files[`word/${target}`];
      const hex = guid.replace(/-/g, '');
      const key = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).reverse();
      expect(Array.from(font.slice(0, 4), (b, i) => b ^ key[i])).toEqual([0, 1, 0, 0]);
    }
  });

  it("puts the footer's page label with Word page fields, and the document language", async () => {
    expect(part(docx, 'word/footer1.xml')).toContain('pagina ');
    const doc = kitchenSink();
    doc.meta.language = 'en-GB';
    doc.page.footer = { text: 'Footer', pageLabel: 'page {page} of {pages}' };
    const en = await writeDocx(doc);
    const footer = part(en, 'word/footer1.xml');
    expect(footer).toContain('page ');
    expect(footer).toContain(' of ');
    expect(footer).toContain('NUMPAGES');
    expect(part(en, 'word/styles.xml')).toContain('<w:lang w:val="en-GB"/>');
  });

  it('reads images only from allowedFiles', async () => {
    const path = join(dir, 'logo.png');
    writeFileSync(path, await QRCode.toBuffer('logo', { type: 'png', width: 120 }));
    const doc: Document = { ...kitchenSink(), blocks: [{ kind: 'image', path, widthMm: 40, alt: 'Logo van de gemeente' }] };
    await expect(writeDocx(doc)).rejects.toThrow(/allowedFiles/);
    const ok = await writeDocx({ ...doc, allowedFiles: [path] });
    expect(part(ok, 'word/document.xml')).toMatch(/<wp:docPr [^>]*descr="Logo van de gemeente"/);
    expect(Object.keys(unzipSync(ok))).toContain('word/media/image1.png');
  });

  it('puts each card deck in a section of A4 sheets, a print-shop deck too (Word has no bleed: it is imposed as the office sheet)', async () => {
    const cards = kitchenSink().blocks.flatMap((b) => (b.kind === 'cards' ? b.cards : []));
    const doc: Document = {
      ...kitchenSink(),
      blocks: [
        { kind: 'paragraph', content: [{ kind: 'text', text: 'Voor de kaarten' }] },
        { kind: 'cards', layout: { kind: 'a6-single', bleedMm: 3 }, cards: cards.slice(0, 2) },
        { kind: 'cards', layout: { kind: 'a4-two' }, cards: [] },
        { kind: 'paragraph', content: [{ kind: 'text', text: 'Na de kaarten' }] },
      ],
    };
    const xml = part(await writeDocx(doc), 'word/document.xml');
    const sizes = [...xml.matchAll(/<w:pgSz w:w="(\d+)" w:h="(\d+)"/g)].map((m) => `${m[1]}x${m[2]}`);
    // A4 flow, the deck on A4 sheets, A4 flow again; the empty deck adds nothing.
    expect(sizes).toEqual(['11906x16838', '11906x16838', '11906x16838']);
    // Two cards on one sheet, its fronts and its backs: one page break, after the fronts.
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
  });

  it('refuses page-level blocks inside a callout', async () => {
    const doc: Document = { ...kitchenSink(), blocks: [{ kind: 'callout', tone: 'neutral', blocks: [{ kind: 'pageBreak' } as unknown as ContentBlock] }] };
    await expect(writeDocx(doc)).rejects.toThrow(/page break/i);
  });

  it('drops control characters that XML cannot hold', async () => {
    const doc: Document = { ...kitchenSink(), blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: 'a\u0001b\u000bc' }] }] };
    expect(part(await writeDocx(doc), 'word/document.xml')).toContain('>abc</w:t>');
  });

  it('uses Arial by default and embeds no font', async () => {
    const plain = await writeDocx(kitchenSink());
    expect(Object.keys(unzipSync(plain)).some((name) => name.startsWith('word/fonts/'))).toBe(false);
    expect(part(plain, 'word/styles.xml')).toContain('w:ascii="Arial"');
    expect(plain.length).toBeLessThan(docx.length / 10);
  });

  it('orders card backs mirrored per row for long-edge duplex', () => {
    expect(sheetOrder({ kind: 'a4-four' }, 0, 5, false)).toEqual([[0, 1], [2, 3]]);
    expect(sheetOrder({ kind: 'a4-four' }, 0, 5, true)).toEqual([[1, 0], [3, 2]]);
    expect(sheetOrder({ kind: 'a4-four' }, 1, 5, true)).toEqual([[undefined, 4], [undefined, undefined]]);
    expect(sheetOrder({ kind: 'a4-two' }, 0, 3, true)).toEqual([[0], [1]]);
    // A print-shop deck in Word is the office sheet of four.
    expect(sheetOrder({ kind: 'a6-single', bleedMm: 3 }, 0, 3, true)).toEqual([[1, 0], [undefined, 2]]);
  });
});

describe('writeDocx: determinism', () => {
  it('gives byte-identical output for the same document', async () => {
    const again = await writeDocx(kitchenSink(), { embedFont: true });
    expect(Buffer.from(again).equals(Buffer.from(docx))).toBe(true);
  });

  it('changes only docProps/core.xml when only the date changes', async () => {
    const doc = kitchenSink();
    doc.meta.date = new Date('2027-03-01T12:34:56.789Z');
    const other = unzipSync(await writeDocx(doc, { embedFont: true }));
    const base = unzipSync(docx);
    expect(Object.keys(other)).toEqual(Object.keys(base));
    const changed = Object.keys(base).filter((name) => !Buffer.from(base[name]).equals(Buffer.from(other[name])));
    expect(changed).toEqual(['docProps/core.xml']);
    expect(dec.decode(other['docProps/core.xml'])).toContain('>2027-03-01T12:34:56Z</dcterms:modified>');
  });
});

describe.skipIf(!canConvert)('writeDocx: as LibreOffice reads it', () => {
  let text = '';
  let pdfText = '';

  beforeAll(async () => {
    const file = join(dir, 'kitchen-sink.docx');
    writeFileSync(file, await writeDocx(withAllLetters(), { embedFont: true }));
    // A private profile per run, so parallel test files do not fight over LibreOffice's lock.
    const profile = `-env:UserInstallation=file://${mkdtempSync(join(dir, 'lo-profile-'))}`;
    const convert = (to: string) => execFileSync('soffice', [profile, '--headless', '--convert-to', to, '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
    convert('txt:Text');
    convert('pdf');
    text = readFileSync(join(dir, 'kitchen-sink.txt'), 'utf8');
    pdfText = execFileSync('pdftotext', ['-layout', join(dir, 'kitchen-sink.pdf'), '-'], { encoding: 'utf8' });
  }, 180_000);

  it('has the headings, table cells, facts and QR caption', () => {
    for (const s of ['Welkom in de buurt', 'Wat gaan we doen?', 'Programma', 'Tweede pagina']) expect(text).toContain(s);
    for (const s of ['Tijd', 'Onderdeel', '19.30', 'Kennismaking', '19.50', 'Uitleg']) expect(text).toContain(s);
    for (const s of ['Wanneer', 'dinsdag 10 februari 2026, 19.30 - 22.00 uur', 'Waar', 'Wijkcentrum De Klokketoren, Heseveldstraat 1']) {
      expect(text).toContain(s);
    }
    expect(text).toContain('Scan om u aan te melden');
    expect(text).toContain('Goed om te weten');
    expect(text).toContain('Cijfer voor de bijeenkomst');
    for (const title of ['OMA', 'LSD', 'ANNA', 'NIVEA', 'OEN']) expect(text).toContain(title);
  });

  it('keeps every special character of the names', () => {
    expect(text).toContain(NAMES);
    expect(text).toContain(LETTERS);
  });

  it('lays out pages with footer page numbers and the embedded font', () => {
    expect(pdfText).toContain('Gemeente Nijmegen · Sterker sociaal werk');
    // No number on the first page (see footerParagraphs), the others numbered.
    expect(pdfText).not.toMatch(/pagina 1 van/);
    expect(pdfText).toMatch(/pagina 2 van 7/);
    // Two flow pages, the heading page, then two sheets of four cards, each fronts plus backs.
    expect(pdfText.split('\f').filter((p) => p.trim() !== '')).toHaveLength(7);
    const fonts = execFileSync('pdffonts', [join(dir, 'kitchen-sink.pdf')], { encoding: 'utf8' });
    expect(fonts).toContain('Roboto-Regular');
  });
});

/** Letters the materials must survive, lower and upper case, beyond those in NAMES. */
const LETTERS = 'ş ğ ı İ ł ń ż é ë ï ç Ş Ğ Ł Ń Ż É Ë Ï Ç ö ü ß ñ ã õ ø å æ œ';

/** The kitchen sink with one more paragraph of letters, on the second page so the page count stays the same. */
function withAllLetters(): Document {
  const doc = kitchenSink();
  const at = doc.blocks.findIndex((b) => b.kind === 'cards');
  doc.blocks.splice(at, 0, { kind: 'paragraph', content: [{ kind: 'text', text: LETTERS }] });
  return doc;
}
