// Tests for the PDF writer: text and fonts as poppler reads them, metadata, reproducible bytes, file access, card imposition.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetGeometry, type Rect } from '../../src/document/imposition.js';
import { mmToPt } from '../../src/document/theme.js';
import type { Block, Card, CardLayout, ContentBlock, Document } from '../../src/document/model.js';
import { InternalError, UserError } from '../../src/errors.js';
import { t } from '../../src/messages.js';
import { renderDefinition } from '../../src/writers/pdf/engine.js';
import { writePdf } from '../../src/writers/pdf/index.js';
import { kitchenSink, NAMES } from '../fixtures/documents/kitchen-sink.js';

let dir: string;
let file: string;
let pdf: Uint8Array;
let n = 0;

function save(bytes: Uint8Array): string {
  const path = join(dir, `doc-${n++}.pdf`);
  writeFileSync(path, bytes);
  return path;
}
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
/** pdftotext output with all whitespace runs collapsed, so wrapped lines still match. */
const text = (path: string, args: string[] = []) => run('pdftotext', [...args, path, '-']).replace(/\s+/g, ' ');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ww-pdf-'));
  pdf = await writePdf(kitchenSink());
  file = save(pdf);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kitchen sink', () => {
  it('contains every kind of text, including names in many scripts', () => {
    const t = text(file);
    for (const s of ['Welkom in de buurt', 'Wat gaan we doen?', 'Programma', 'Tweede pagina', 'Een avond over samenleven in de wijk.']) {
      expect(t).toContain(s);
    }
    for (const s of ['Wanneer', 'dinsdag 10 februari 2026, 19.30 - 22.00 uur', 'Waar', 'Wijkcentrum De Klokketoren, Heseveldstraat 1']) {
      expect(t).toContain(s);
    }
    for (const s of ['Tijd', 'Onderdeel', '19.30', 'Kennismaking', '19.50', 'Uitleg']) expect(t).toContain(s);
    for (const s of ['Kennismaken', 'Verhalen horen', 'Eerst', 'Daarna', 'Goed om te weten', 'Deelname is gratis.']) {
      expect(t).toContain(s);
    }
    for (const s of ['Scan om u aan te melden', 'Wat neemt u mee?', 'Cijfer voor de bijeenkomst', 'een link']) expect(t).toContain(s);
    expect(t).toContain(NAMES);
  });

  it('renders Dutch, Turkish and Polish letters in regular, bold and italic', async () => {
    const letters = 'é ë ï ç ş ğ ı İ ł ń ż Ş Ğ Ł Ż Ń';
    const doc = kitchenSink();
    doc.blocks = [
      { kind: 'heading', level: 2, text: letters },
      { kind: 'paragraph', content: [{ kind: 'text', text: letters }, { kind: 'lineBreak' }, { kind: 'text', text: letters, italic: true }] },
    ];
    // pdftotext drops the spaces between single letters, so compare without spaces.
    const t = text(save(await writePdf(doc))).replace(/ /g, '');
    expect(t.split(letters.replace(/ /g, '')).length - 1).toBe(3);
  });

  it('has the running header and a footer that counts text pages only', () => {
    const t = text(file);
    expect(t).toContain('Welkome Wijk Heseveld');
    expect(t).toContain('Gemeente Nijmegen · Sterker sociaal werk');
    expect(t).toContain('pagina 1 van 3');
    expect(t).toContain('pagina 3 van 3');
    // The four card sheets carry no footer and are not counted.
    expect(t).not.toMatch(/van 7/);
  });

  it('renders the cards: kicker, titles, subtitle and backs', () => {
    const t = text(file);
    for (const title of ['OMA', 'LSD', 'ANNA', 'NIVEA', 'OEN']) expect(t).toContain(title);
    expect(t).toContain('GOUDEN REGEL');
    expect(t).toContain('Oordelen, Meningen, Adviezen thuislaten');
    expect(t).toContain('Samen een buurt waar iedereen zich welkom voelt.');
  });

  it('embeds only the packaged fonts (Atkinson Hyperlegible Next, Noto Sans), never a standard-14 font', () => {
    const rows = run('pdffonts', [file]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/\+(AtkinsonHyperlegibleNext|NotoSans(Arabic)?)-/);
      // columns: name type encoding emb sub uni
      expect(row).toMatch(/Identity-H\s+yes\s+yes\s+yes/);
    }
  });

  it('passes qpdf --check', () => {
    expect(() => run('qpdf', ['--check', file])).not.toThrow();
  });

  it('carries the metadata and language, and has the expected pages', () => {
    const info = run('pdfinfo', ['-isodates', file]);
    expect(info).toMatch(/Title:\s+Uitnodiging bewustwordingsbijeenkomst/);
    expect(info).toMatch(/Author:\s+Gemeente Nijmegen/);
    expect(info).toMatch(/Subject:\s+Welkome Wijk Heseveld/);
    expect(info).toMatch(/Keywords:\s+Welkome Wijk/);
    expect(info).toMatch(/CreationDate:\s+2026-01-15T00:00:00Z/);
    expect(info).toMatch(/ModDate:\s+2026-01-15T00:00:00Z/);
    // 3 text pages, then 5 cards on 2 sheets of 4: 2 fronts + 2 backs.
    expect(info).toMatch(/Pages:\s+7\n/);
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-']).toString('latin1');
    expect(qdf).toContain('/Lang (nl-NL)');
    // The writer's internal layout markers stay out of the file.
    expect(qdf).not.toContain('(ww-');
  });

  it('makes links clickable', () => {
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-']).toString('latin1');
    expect(qdf).toMatch(/\/URI \(https:\/\/example\.org\/aanmelden\)/);
  });

  it('never leaves a heading alone at the bottom of a page', async () => {
    const t = [{ kind: 'text', text: 'Tekst onder het kopje.' }] as const;
    const after: Block[] = [
      { kind: 'paragraph', content: [...t] },
      { kind: 'table', columns: [{ width: 1 }], header: [[{ kind: 'text', text: 'Kop' }]], rows: [[[...t]], [[...t]]] },
      { kind: 'facts', items: [{ label: 'Wat', value: [...t] }] },
      { kind: 'callout', tone: 'neutral', blocks: [{ kind: 'paragraph', content: [...t] }] },
    ];
    // Push the heading down line by line, across the page end: wherever it lands, what follows
    // it must be on the same page.
    for (const level of [1, 2, 3] as const) {
      for (const next of after) {
        for (let lines = 26; lines <= 31; lines++) {
          const doc = kitchenSink();
          doc.blocks = [
            ...Array.from({ length: lines }, (_, i): Block => ({ kind: 'paragraph', content: [{ kind: 'text', text: `Regel ${i}` }] })),
            { kind: 'heading', level, text: 'Kopje' },
            next,
          ];
          const pages = run('pdftotext', [save(await writePdf(doc)), '-']).split('\f');
          const headingPage = pages.findIndex((p) => p.includes('Kopje'));
          const textPage = pages.findIndex((p) => p.includes('Tekst onder het kopje.'));
          expect(headingPage, `level ${level} heading before a ${next.kind}, after ${lines} lines`).toBe(textPage);
        }
      }
    }
  });

  it("fills the footer's page label, whatever its words", async () => {
    const doc = kitchenSink();
    doc.page.footer = { text: 'Footer', pageLabel: 'page {page} of {pages}' };
    const t = text(save(await writePdf(doc)));
    expect(t).toContain('page 1 of 3');
    expect(t).not.toMatch(/pagina \d+ van/);
  });
});

/** Bounding box (in pt at 72 dpi) of the dark pixels on page 1. */
function inkBox(path: string): { x1: number; y1: number; x2: number; y2: number } {
  const prefix = join(dir, `ink-${n++}`);
  execFileSync('pdftoppm', ['-r', '72', '-gray', '-f', '1', '-l', '1', path, prefix]);
  const pgm = readFileSync(`${prefix}-1.pgm`);
  // binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 50).toString('latin1'))!;
  const [w, h] = [+header[1], +header[2]];
  const px = pgm.subarray(header[0].length);
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (px[y * w + x] < 128) {
        box.x1 = Math.min(box.x1, x);
        box.y1 = Math.min(box.y1, y);
        box.x2 = Math.max(box.x2, x + 1);
        box.y2 = Math.max(box.y2, y + 1);
      }
    }
  }
  return box;
}

describe('QR code', () => {
  // pdfmake draws whole points per module; plain `fit` rounds down (a 30 mm code came out 20 mm),
  // the writer rounds to the nearest whole point instead.
  it('is drawn close to the requested size', async () => {
    for (const sizeMm of [20, 30, 45]) {
      const doc = kitchenSink();
      delete doc.page.header;
      delete doc.page.footer;
      doc.blocks = [{ kind: 'qr', data: 'https://example.org/aanmelden', sizeMm, alt: 'QR' }];
      const box = inkBox(save(await writePdf(doc)));
      const widthMm = ((box.x2 - box.x1) * 25.4) / 72;
      expect(Math.abs(widthMm - sizeMm), `${sizeMm} mm QR is ${widthMm.toFixed(1)} mm`).toBeLessThan(sizeMm * 0.12);
      expect(box.y2 - box.y1).toBeCloseTo(box.x2 - box.x1, -1);
    }
  });
});

describe('reproducibility', () => {
  it('gives byte-identical output for the same document', async () => {
    const again = await writePdf(kitchenSink());
    expect(Buffer.compare(Buffer.from(again), Buffer.from(pdf))).toBe(0);
  });

  it('changes the bytes when the date changes', async () => {
    const doc = kitchenSink();
    doc.meta.date = new Date('2026-02-01T00:00:00Z');
    const other = await writePdf(doc);
    expect(Buffer.compare(Buffer.from(other), Buffer.from(pdf))).not.toBe(0);
  });
});

describe('file and network access', () => {
  let png: string;
  beforeAll(async () => {
    png = join(dir, 'logo.png');
    writeFileSync(png, await QRCode.toBuffer('logo', { type: 'png', width: 64 }));
  });

  const withImage = (allowed: string[]): Document => {
    const doc = kitchenSink();
    doc.blocks = [{ kind: 'image', path: png, widthMm: 20, alt: 'Logo' }];
    doc.allowedFiles = allowed;
    return doc;
  };

  it('embeds an image that is in allowedFiles', async () => {
    const bytes = await writePdf(withImage([png]));
    expect(run('pdfimages', ['-list', save(bytes)])).toMatch(/image/);
  });

  it('refuses an image that is not in allowedFiles (a material bug, not the user\'s)', async () => {
    await expect(writePdf(withImage([]))).rejects.toThrow(InternalError);
    await expect(writePdf(withImage([]))).rejects.toThrow(/not one of the files/);
  });

  it('has pdfmake itself refuse local files outside the allow-list (defence in depth)', async () => {
    const definition = { content: [{ image: png, width: 50 }] };
    await expect(renderDefinition(definition, [])).rejects.toThrow(/not allowed.*resource access policy/);
    await expect(renderDefinition({ content: [{ image: png, width: 50 }] }, [png])).resolves.toBeInstanceOf(Uint8Array);
  });

  it('never fetches a URL', async () => {
    const definition = { content: [{ image: 'logo', width: 50 }], images: { logo: 'http://127.0.0.1:9/logo.png' } };
    await expect(renderDefinition(definition, [])).rejects.toThrow(/Access to URL denied/);
  });
});

/** Words and their boxes per page, from `pdftotext -bbox` (coordinates in pt from the top-left). */
function words(path: string): { page: number; word: string; x1: number; y1: number; x2: number; y2: number }[] {
  const html = run('pdftotext', ['-bbox', path, '-']);
  const out: ReturnType<typeof words> = [];
  html.split('<page ').slice(1).forEach((page, i) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      out.push({ page: i + 1, word: m[5], x1: +m[1], y1: +m[2], x2: +m[3], y2: +m[4] });
    }
  });
  return out;
}

function inside(w: { x1: number; y1: number; x2: number; y2: number }, r: Rect): boolean {
  const slack = 0.5;
  return (
    w.x1 >= mmToPt(r.x) - slack && w.x2 <= mmToPt(r.x + r.w) + slack && w.y1 >= mmToPt(r.y) - slack && w.y2 <= mmToPt(r.y + r.h) + slack
  );
}

function deck(layout: CardLayout, count: number, extra: Block[] = []): Document {
  const doc = kitchenSink();
  const cards: Card[] = Array.from({ length: count }, (_, i) => ({
    kicker: 'Praktijksituatie',
    title: `Titel${i}`,
    blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: `Voorkant${i} met wat tekst.` }] }, ...(extra as ContentBlock[])],
    back: [{ kind: 'paragraph', content: [{ kind: 'text', text: `Achterkant${i}` }] }],
  }));
  doc.blocks = [{ kind: 'cards', layout, cards }];
  return doc;
}

describe('card imposition', () => {
  for (const layout of [{ kind: 'a4-four' }, { kind: 'a4-two' }, { kind: 'a6-single', bleedMm: 3 }] as CardLayout[]) {
    it(`puts fronts in their slots and backs in the mirrored slots (${layout.kind})`, async () => {
      const geo = sheetGeometry(layout);
      const perSheet = geo.slots.length;
      const count = perSheet * 2 - 1; // a full sheet and a partly filled one
      const path = save(await writePdf(deck(layout, count)));
      const info = run('pdfinfo', [path]);
      expect(info).toMatch(new RegExp(`Pages:\\s+${2 * Math.ceil(count / perSheet)}\\n`));
      const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
      expect(+size[1]).toBeCloseTo(mmToPt(geo.width), 0);
      expect(+size[2]).toBeCloseTo(mmToPt(geo.height), 0);
      const all = words(path);
      for (let i = 0; i < count; i++) {
        const sheet = Math.floor(i / perSheet);
        const slot = i % perSheet;
        const title = all.find((w) => w.word === `Titel${i}`);
        const back = all.find((w) => w.word === `Achterkant${i}`);
        expect(title?.page, `Titel${i} page`).toBe(2 * sheet + 1);
        expect(back?.page, `Achterkant${i} page`).toBe(2 * sheet + 2);
        expect(inside(title!, geo.slots[slot]), `Titel${i} in slot ${slot}`).toBe(true);
        expect(inside(back!, geo.backSlots[slot]), `Achterkant${i} in back slot ${slot}`).toBe(true);
        if (perSheet > 1 && geo.backSlots[slot].x !== geo.slots[slot].x) {
          // mirrored: a card in the left column has its back in the right column
          expect(inside(back!, geo.slots[slot])).toBe(false);
        }
      }
    });
  }

  it('marks trim and bleed boxes on single cards with bleed', async () => {
    const path = save(await writePdf(deck({ kind: 'a6-single', bleedMm: 3 }, 1)));
    const boxes = run('pdfinfo', ['-box', path]);
    const b = mmToPt(3);
    const trim = /TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(boxes)!.slice(1).map(Number);
    expect(trim[0]).toBeCloseTo(b, 1);
    expect(trim[1]).toBeCloseTo(b, 1);
    expect(trim[2] - trim[0]).toBeCloseTo(mmToPt(105), 1);
    expect(trim[3] - trim[1]).toBeCloseTo(mmToPt(148), 1);
  });
});
