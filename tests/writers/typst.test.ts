// Tests for the Typst PDF writer, read back with real readers (poppler, qpdf): parity with the
// pdfmake writer on every material, PDF/UA structure, fonts, determinism, hostile text, file access.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetGeometry, type Rect } from '../../src/document/imposition.js';
import type { Block, Card, CardLayout, ContentBlock, Document } from '../../src/document/model.js';
import { mmToPt } from '../../src/document/theme.js';
import { InternalError, UserError } from '../../src/errors.js';
import { t } from '../../src/messages.js';
import { MATERIAL_IDS, MATERIALS } from '../../src/materials/registry.js';
import { TypstUnavailableError as RegisteredError, WRITERS, writerFor } from '../../src/writers/index.js';
import { writePdf } from '../../src/writers/pdf/index.js';
import { compile, loadNative, ROOT, TypstUnavailableError } from '../../src/writers/typst/compiler.js';
import { renderTypst, writeTypstPdf } from '../../src/writers/typst/index.js';
import { TEMPLATE } from '../../src/writers/typst/template.js';
import { kitchenSink, NAMES } from '../fixtures/documents/kitchen-sink.js';
import { EXAMPLES, loadExample } from '../materials/helpers.js';

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ww-typst-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function save(bytes: Uint8Array, name = `doc-${n++}`): string {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, bytes);
  return path;
}
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** Readers' answers per file: files are written once and never change, and the readers are slow to start. */
function memo<T>(read: (path: string) => T): (path: string) => T {
  const seen = new Map<string, T>();
  return (path) => {
    if (!seen.has(path)) seen.set(path, read(path));
    return seen.get(path)!;
  };
}
const text = memo((path) => run('pdftotext', [path, '-']));
const pages = memo((path) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]))![1]));

/**
 * The words of a text as a multiset, insensitive to where lines break: either engine may break
 * after a hyphen or a slash, so hyphens are dropped and slashes split. List bullets are left out:
 * Typst writes them as text (tagged as labels), pdfmake draws them.
 */
function wordBag(t: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const raw of t.split(/[\s/]+/)) {
    const w = raw.replace(/[-\u00ad•]/g, '');
    if (w) bag.set(w, (bag.get(w) ?? 0) + 1);
  }
  return bag;
}

/** Take the running header and footer of each of `textPages` pages out of a bag: engines may need different page counts. */
function withoutRunning(bag: Map<string, number>, doc: Document, textPages: number): Map<string, number> {
  const out = new Map(bag);
  const take = (t: string) => {
    for (const [w, count] of wordBag(t)) out.set(w, (out.get(w) ?? 0) - count);
  };
  for (let page = 1; page <= textPages; page++) {
    take(doc.page.header ?? '');
    take(doc.page.footer?.text ?? '');
    // A document of one page carries no page number.
    if (textPages > 1) take((doc.page.footer?.pageLabel ?? '').replace(/\{page\}/g, String(page)).replace(/\{pages\}/g, String(textPages)));
  }
  return out;
}

/** A font of ours as pdffonts names it: subset, one of the typefaces from theme.ts. */
const OWN_FONT = /\+(AtkinsonHyperlegibleNext|NotoSans|NotoSansArabic)-/;

/** Pages taken by card sheets (they carry no running header or footer). */
const cardPages = (doc: Document) =>
  doc.blocks.reduce((sum, b) => (b.kind === 'cards' && b.cards.length ? sum + 2 * Math.ceil(b.cards.length / sheetGeometry(b.layout).slots.length) : sum), 0);

/** Words in `a` more often than in `b`, as many times as they are. */
/**
 * A table split over pages repeats its header row on each (both engines do), and the engines may
 * split at different rows: count a header's words no more often than the document holds them.
 */
function withoutRepeatedHeaders(bag: Map<string, number>, doc: Document): Map<string, number> {
  const out = new Map(bag);
  const inModel = wordBag(JSON.stringify(doc.blocks).replace(/"[a-zA-Z]+":/g, ' ').replace(/[{}[\],"]/g, ' '));
  const headers = (blocks: readonly Block[]): string[] =>
    blocks.flatMap((b) => (b.kind === 'table' ? b.header.flat().map((i) => (i.kind === 'lineBreak' ? ' ' : i.text)) : b.kind === 'columns' ? b.columns.flatMap((c) => headers(c.blocks)) : []));
  for (const w of wordBag(headers(doc.blocks).join(' ')).keys()) {
    if (out.has(w)) out.set(w, Math.min(out.get(w)!, inModel.get(w) ?? 0));
  }
  return out;
}

function missing(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [w, count] of a) for (let i = Math.max(0, b.get(w) ?? 0); i < count; i++) out.push(w);
  return out;
}

/**
 * Typst hyphenates ("ge-" at a line end, "sprek" on the next), and pdftotext does not always put
 * the two halves next to each other (two cards side by side). A word pdfmake printed whole counts
 * as found when Typst's text has its first half hyphenated at a line end and both halves to spare.
 */
function rejoinHyphenated(lost: string[], extra: string[], typstText: string): { lost: string[]; extra: string[] } {
  // Typst's own hyphens reach the text layer as soft hyphens (U+00AD), so they are told apart from real ones.
  const fragments = new Set([...typstText.matchAll(/(\S+)\u00ad[ \t]*\n/gu)].map((m) => m[1].split('/').pop()!.replace(/[-\u00ad•]/g, '')));
  const spare = [...extra];
  const stillLost: string[] = [];
  for (const w of lost) {
    let found = false;
    for (let k = 1; k < w.length && !found; k++) {
      const [a, b] = [w.slice(0, k), w.slice(k)];
      const ia = spare.indexOf(a);
      const ib = spare.indexOf(b);
      if (fragments.has(a) && ia >= 0 && ib >= 0 && ia !== ib) {
        spare.splice(Math.max(ia, ib), 1);
        spare.splice(Math.min(ia, ib), 1);
        found = true;
      }
    }
    if (!found) stillLost.push(w);
  }
  return { lost: stillLost, extra: spare };
}

/** The PDF as qpdf's JSON sees it: every object by id. */
function qpdfObjects(path: string): Record<string, { value?: unknown; stream?: { dict: Record<string, unknown> } }> {
  const json = JSON.parse(run('qpdf', ['--json=2', '--json-key=qpdf', path])) as { qpdf: [unknown, Record<string, { value?: unknown }>] };
  return json.qpdf[1] as ReturnType<typeof qpdfObjects>;
}

interface Structure {
  lang?: string;
  displayTitle?: boolean;
  tags: string[];
}

/** Catalog /Lang, DisplayDocTitle and the structure types in reading order, read from qpdf's JSON (not from the writer). */
const structure = memo(readStructure);

function readStructure(path: string): Structure {
  const objs = qpdfObjects(path);
  const dict = (ref: unknown): Record<string, unknown> => {
    if (typeof ref === 'string' && /^\d+ \d+ R$/.test(ref)) {
      const o = objs[`obj:${ref}`];
      return ((o?.value ?? o?.stream?.dict) as Record<string, unknown>) ?? {};
    }
    return (ref as Record<string, unknown>) ?? {};
  };
  const catalog = Object.values(objs)
    .map((o) => o.value as Record<string, unknown> | undefined)
    .find((v) => v && v['/Type'] === '/Catalog')!;
  const tags: string[] = [];
  const walk = (node: unknown, depth: number) => {
    if (depth > 200) return;
    if (Array.isArray(node)) return node.forEach((k) => walk(k, depth + 1));
    const d = dict(node);
    if (typeof d['/S'] === 'string') tags.push((d['/S'] as string).slice(1));
    if (d['/K'] !== undefined) walk(d['/K'], depth + 1);
  };
  const root = dict(catalog['/StructTreeRoot']);
  walk(root['/K'], 0);
  const lang = catalog['/Lang'] as string | undefined;
  return {
    lang: lang?.replace(/^u:/, ''),
    displayTitle: dict(catalog['/ViewerPreferences'])['/DisplayDocTitle'] as boolean | undefined,
    tags,
  };
}

// ---------------------------------------------------------------------------------------------

describe('every material of every example, with both engines', () => {
  const docs: { key: string; doc: Document }[] = [];
  const out = new Map<string, { typst: string; pdfmake: string }>();

  beforeAll(async () => {
    for (const example of EXAMPLES) {
      const { ctx } = loadExample(example);
      for (const id of MATERIAL_IDS) {
        for (const o of await (await MATERIALS[id].load())(ctx, {})) {
          if (o.kind === 'document') docs.push({ key: `${example.replace('.yaml', '')}--${o.name}`, doc: o.document });
        }
      }
    }
    for (const { key, doc } of docs) {
      out.set(key, { typst: save(await writeTypstPdf(doc), `${key}.typst`), pdfmake: save(await writePdf(doc), `${key}.pdfmake`) });
    }
  }, 600_000);

  it('renders them all', () => {
    expect(docs.length).toBeGreaterThan(100);
    expect(out.size).toBe(docs.length);
  });

  it('prints the same words as pdfmake (the card sheets add only the deck title)', () => {
    const problems: string[] = [];
    for (const { key, doc } of docs) {
      const { typst, pdfmake } = out.get(key)!;
      const typstText = text(typst);
      const t = withoutRepeatedHeaders(withoutRunning(wordBag(typstText), doc, pages(typst) - cardPages(doc)), doc);
      const p = withoutRepeatedHeaders(withoutRunning(wordBag(text(pdfmake)), doc, pages(pdfmake) - cardPages(doc)), doc);
      const { lost, extra } = rejoinHyphenated(missing(p, t), missing(t, p), typstText);
      const title = new Set(wordBag(doc.meta.title).keys());
      const added = extra.filter((w) => !title.has(w));
      if (lost.length || added.length) problems.push(`${key}: missing ${lost.join(' ')} | extra ${added.join(' ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('takes no more pages than pdfmake', () => {
    const worse = docs.map(({ key }) => [key, pages(out.get(key)!.typst), pages(out.get(key)!.pdfmake)] as const).filter(([, t, p]) => t > p);
    expect(worse).toEqual([]);
  });

  it('has a structure tree that starts with H1, skips no heading level, and /Lang; the title is shown', () => {
    for (const { key, doc } of docs) {
      const path = out.get(key)!.typst;
      const s = structure(path);
      const headings = s.tags.filter((t) => /^H\d$/.test(t)).map((t) => Number(t.slice(1)));
      expect(headings[0], `${key} first heading`).toBe(1);
      headings.forEach((h, i) => expect(h - (headings[i - 1] ?? 0), `${key} heading ${i}`).toBeLessThanOrEqual(1));
      expect(s.lang, key).toBe(doc.meta.language);
      expect(s.displayTitle, key).toBe(true);
      expect(run('pdfinfo', [path]), key).toContain(`Title:           ${doc.meta.title}`);
    }
  });

  it('tags tables with header cells, lists and figures', () => {
    const tags = new Set(docs.flatMap(({ key }) => structure(out.get(key)!.typst).tags));
    for (const t of ['Document', 'H1', 'H2', 'H3', 'P', 'Table', 'TH', 'TD', 'L', 'LI', 'Figure', 'Link']) expect(tags, t).toContain(t);
  });

  it('declares PDF/UA-1 and passes qpdf --check', () => {
    for (const { key } of docs) {
      const path = out.get(key)!.typst;
      expect(() => run('qpdf', ['--check', path]), key).not.toThrow();
      const xmp = execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-'], { maxBuffer: 256 * 1024 * 1024 }).toString('latin1');
      expect(xmp, key).toMatch(/pdfuaid:part(>|=")1/);
    }
  });

  it('embeds only our typefaces (Atkinson Hyperlegible Next, Noto Sans for what it lacks), subset, never a system or standard font', () => {
    for (const { key } of docs) {
      const rows = run('pdffonts', [out.get(key)!.typst]).trim().split('\n').slice(2);
      expect(rows.length, key).toBeGreaterThan(0);
      for (const row of rows) expect(row, key).toMatch(/^[A-Z]{6}\+(AtkinsonHyperlegibleNext|NotoSans|NotoSansArabic)-\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
      expect(rows.some((row) => /AtkinsonHyperlegibleNext-Regular/.test(row)), key).toBe(true);
    }
  });

  it('gives the print-shop deck a TrimBox 3 mm inside its BleedBox, and no other PDF print boxes', () => {
    for (const { key, doc } of docs) {
      const boxes = run('pdfinfo', ['-box', '-f', '1', '-l', '1', out.get(key)!.typst]);
      const box = (name: string) => new RegExp(`${name}:\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`).exec(boxes)!.slice(1).map(Number);
      const [media, trim, bleed] = [box('MediaBox'), box('TrimBox'), box('BleedBox')];
      const printShop = doc.blocks.some((b) => b.kind === 'cards' && b.layout.kind === 'a6-single');
      if (!printShop) {
        // poppler reports a missing TrimBox as the MediaBox
        expect(trim, key).toEqual(media);
        continue;
      }
      expect(bleed, key).toEqual(media);
      const b = mmToPt(3);
      expect(trim[0], key).toBeCloseTo(b, 2);
      expect(trim[1], key).toBeCloseTo(b, 2);
      expect(trim[2] - trim[0], key).toBeCloseTo(mmToPt(105), 2);
      expect(trim[3] - trim[1], key).toBeCloseTo(mmToPt(148), 2);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('kitchen sink', () => {
  let file: string;
  beforeAll(async () => {
    file = save(await writeTypstPdf(kitchenSink()));
  });

  it('contains every kind of text, including names in many scripts', () => {
    const t = text(file).replace(/\s+/g, ' ');
    for (const s of ['Welkom in de buurt', 'Wat gaan we doen?', 'Programma', 'Tweede pagina', 'Een avond over samenleven in de wijk.', 'Wanneer']) {
      expect(t).toContain(s);
    }
    for (const s of ['Kennismaken', 'Verhalen horen', 'Scan om u aan te melden', 'Wat neemt u mee?', 'Cijfer voor de bijeenkomst', 'een link']) {
      expect(t).toContain(s);
    }
    expect(t).toContain(NAMES);
  });

  it('renders Dutch, Turkish and Polish letters in regular, bold and italic', async () => {
    const letters = 'é ë ï ç ş ğ ı İ ł ń ż Ş Ğ Ł Ż Ń';
    const doc = kitchenSink();
    doc.blocks = [
      { kind: 'heading', level: 2, text: letters },
      { kind: 'paragraph', content: [{ kind: 'text', text: letters }, { kind: 'lineBreak' }, { kind: 'text', text: letters, italic: true }] },
    ];
    const t = text(save(await writeTypstPdf(doc))).replace(/\s/g, '');
    expect(t.split(letters.replace(/ /g, '')).length - 1).toBe(3);
  });

  it('has the running header and a footer that counts text pages only', () => {
    const t = text(file).replace(/\s+/g, ' ');
    expect(t).toContain('Welkome Wijk Heseveld');
    expect(t).toContain('Gemeente Nijmegen · Sterker sociaal werk');
    // 3 text pages, then 5 cards on 2 sheets of 4: fronts and backs are not counted.
    expect(t).toContain('pagina 1 van 3');
    expect(t).toContain('pagina 3 van 3');
    expect(t).not.toMatch(/van [4-9]/);
  });

  it('fills the page label whatever its words, and leaves it out when absent', async () => {
    const doc = kitchenSink();
    doc.page.footer = { text: 'Footer', pageLabel: '{page}/{pages} — page {page} of {pages}' };
    expect(text(save(await writeTypstPdf(doc))).replace(/\s+/g, ' ')).toContain('1/3 — page 1 of 3');
    doc.page.footer = { text: 'Footer' };
    expect(text(save(await writeTypstPdf(doc)))).not.toMatch(/\d+\/\d+ — page/);
  });

  it('carries the metadata, the document date and the language', () => {
    const info = run('pdfinfo', ['-isodates', file]);
    expect(info).toMatch(/Title:\s+Uitnodiging bewustwordingsbijeenkomst/);
    expect(info).toMatch(/Author:\s+Gemeente Nijmegen/);
    expect(info).toMatch(/Subject:\s+Welkome Wijk Heseveld/);
    expect(info).toMatch(/Keywords:\s+Welkome Wijk/);
    expect(info).toMatch(/CreationDate:\s+2026-01-15T00:00:00Z/);
    expect(info).toMatch(/ModDate:\s+2026-01-15T00:00:00Z/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(structure(file).lang).toBe('nl-NL');
  });

  it('makes links clickable', () => {
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-']).toString('latin1');
    expect(qdf).toMatch(/\/URI \(https:\/\/example\.org\/aanmelden\)/);
    expect(qdf).toMatch(/\/URI \(mailto:aanmelden@example\.org\)/);
  });

  it('gives images and QR codes their alt text', () => {
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-']).toString('latin1');
    expect(qdf).toContain('/Alt (QR-code naar het aanmeldformulier)');
    expect(qdf).toContain('/Alt (QR-code in een kolom)');
  });

  it('is byte-identical when rendered again, also after other documents', async () => {
    const first = await writeTypstPdf(kitchenSink());
    const other = kitchenSink();
    other.meta.title = 'Iets anders';
    await writeTypstPdf(other);
    const again = await writeTypstPdf(kitchenSink());
    expect(Buffer.compare(Buffer.from(first), Buffer.from(again))).toBe(0);
  });

  it('changes the bytes when the date changes', async () => {
    const doc = kitchenSink();
    doc.meta.date = new Date('2026-02-01T00:00:00Z');
    const a = await writeTypstPdf(kitchenSink());
    expect(Buffer.compare(Buffer.from(await writeTypstPdf(doc)), Buffer.from(a))).not.toBe(0);
  });

  it('never leaves a heading alone at the bottom of a page', async () => {
    const t = [{ kind: 'text', text: 'Tekst onder het kopje.' }] as const;
    const after: Block[] = [
      { kind: 'paragraph', content: [...t] },
      { kind: 'table', columns: [{ width: 1 }], header: [[{ kind: 'text', text: 'Kop' }]], rows: [[[...t]], [[...t]]] },
      { kind: 'facts', items: [{ label: 'Wat', value: [...t] }] },
      { kind: 'callout', tone: 'neutral', blocks: [{ kind: 'paragraph', content: [...t] }] },
    ];
    for (const level of [1, 2, 3] as const) {
      for (const next of after) {
        for (let lines = 28; lines <= 36; lines++) {
          const doc = kitchenSink();
          doc.blocks = [
            ...Array.from({ length: lines }, (_, i): Block => ({ kind: 'paragraph', content: [{ kind: 'text', text: `Regel ${i}` }] })),
            { kind: 'heading', level, text: 'Kopje' },
            next,
          ];
          const p = text(save(await writeTypstPdf(doc))).split('\f');
          const at = p.findIndex((s) => s.includes('Kopje'));
          expect(at, `level ${level} heading before a ${next.kind}, after ${lines} lines`).toBe(p.findIndex((s) => s.includes('Tekst onder het kopje.')));
        }
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('hostile text', () => {
  // Every character with a meaning in Typst markup or code, and whole statements that would read
  // files, import packages or change the style if they were ever parsed.
  const HOSTILE = [
    '#set text(fill: red) #import "@preview/cetz:0.3.0": * #read("/etc/passwd")',
    '*bold* _em_ $x^2$ @ref <label> [x] \\ `raw` ~ // comment /* c */',
    '= Heading == - item + item / term: 1. enum "quotes" \'single\' -- --- ... ',
    '#{ panic("boom") } ] ) } #let x = 1 #x \\u{41} #(1+1) \\#',
  ];
  const card = (s: string): Card => ({ kicker: s, title: s, subtitle: [{ kind: 'text', text: s }], blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: s }] }], back: [{ kind: 'paragraph', content: [{ kind: 'text', text: s }] }] });
  const hostileDoc = (s: string): Document => {
    const doc = kitchenSink();
    doc.meta = { ...doc.meta, title: s, author: s, subject: s, keywords: [s] };
    doc.page.header = s;
    doc.page.footer = { text: s, pageLabel: `${s} {page}` };
    const t = [{ kind: 'text' as const, text: s }];
    doc.blocks = [
      { kind: 'heading', level: 1, text: s },
      { kind: 'paragraph', content: [...t, { kind: 'text', text: s, bold: true, italic: true, tone: 'accent' }, { kind: 'link', text: s, url: 'https://example.org/?q=#[x]"' }] },
      { kind: 'list', ordered: true, items: [t] },
      { kind: 'table', columns: [{ width: 1 }], header: [t], rows: [[t]] },
      { kind: 'facts', items: [{ label: s, value: t }] },
      { kind: 'callout', tone: 'accent', title: s, blocks: [{ kind: 'paragraph', content: t }] },
      { kind: 'qr', data: s, sizeMm: 20, alt: s, caption: s },
      { kind: 'writeLines', label: s, lines: 1 },
      { kind: 'scoreBoxes', label: s, from: 1, to: 3 },
      { kind: 'cards', layout: { kind: 'a4-two' }, cards: [card(s)] },
    ];
    return doc;
  };

  for (const s of HOSTILE) {
    it(`prints ${JSON.stringify(s.slice(0, 30))}… literally everywhere`, async () => {
      const path = save(await writeTypstPdf(hostileDoc(s)));
      const t = text(path).replace(/\s+/g, '');
      const literal = s.replace(/\s+/g, '');
      // heading, 2 paragraph runs, link, list, table header+cell, fact label+value, callout title+body,
      // caption, two labels, card kicker (upper-cased), title, subtitle, body, back, header, footer, sheet title
      const count = t.split(literal).length - 1;
      expect(count, t.slice(0, 400)).toBeGreaterThanOrEqual(19);
      expect(run('pdfinfo', [path])).toContain(`Title:           ${s}`);
    });
  }

  it('shows characters none of our typefaces has as gaps, never by pulling in another font; then the PDF is tagged but not PDF/UA', async () => {
    const r = await renderTypst(hostileDoc('漢字 😀 ✓ א'));
    const path = save(r.pdf);
    for (const row of run('pdffonts', [path]).trim().split('\n').slice(2)) expect(row).toMatch(OWN_FONT);
    expect(r.pdfUa).toBe(false);
    expect(run('pdfinfo', [path])).toMatch(/Tagged:\s+yes/);
    expect(execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-']).toString('latin1')).not.toMatch(/pdfuaid:part/);
    expect((await renderTypst(kitchenSink())).pdfUa).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe('file, package and network access', () => {
  let png: string;
  beforeAll(async () => {
    png = join(dir, 'logo.png');
    writeFileSync(png, await QRCode.toBuffer('logo', { type: 'png', width: 64 }));
  });
  const withImage = (allowed: string[], alt = 'Logo'): Document => {
    const doc = kitchenSink();
    doc.blocks = [{ kind: 'heading', level: 1, text: 'Logo' }, { kind: 'image', path: png, widthMm: 20, alt }];
    doc.page.logo = { path: png, heightMm: 10, widthMm: 40, alt: 'Logo van de gemeente' };
    doc.allowedFiles = allowed;
    return doc;
  };

  it('embeds an image and a header logo that are in allowedFiles', async () => {
    const path = save(await writeTypstPdf(withImage([png])));
    expect(run('pdfimages', ['-list', path]).trim().split('\n').length).toBeGreaterThanOrEqual(3);
  });

  it('leaves an image without alt text out of the structure instead of failing PDF/UA', async () => {
    const path = save(await writeTypstPdf(withImage([png], ' ')));
    expect(structure(path).tags).not.toContain('Figure');
  });

  it('refuses an image that is not in allowedFiles, with the pdfmake writer\'s error', async () => {
    await expect(writeTypstPdf(withImage([]))).rejects.toThrow(InternalError);
    await expect(writeTypstPdf(withImage([]))).rejects.toThrow(/not one of the files/);
  });

  it('gives Typst a root that holds nothing: files outside the mapped ones cannot be read', () => {
    const attempt = (path: string) =>
      compile({ source: `#read(${JSON.stringify(path)})`, inputs: {}, files: new Map(), queries: [], timestamp: 0 });
    for (const path of ['/etc/passwd', '../../../../etc/passwd', `${ROOT}/x`, '/files/0.png']) {
      expect(() => attempt(path), path).toThrow(/template failed/);
    }
    const ok = compile({ source: '#read("/files/x.txt")', inputs: {}, files: new Map([['/files/x.txt', Buffer.from('mapped')]]), queries: [], timestamp: 0 });
    expect(ok.pdf).toBeInstanceOf(Uint8Array);
  });

  it('uses a template that imports, includes and reads nothing of its own', () => {
    expect(TEMPLATE).not.toMatch(/#?\b(import|include)\b|\bread\(|\bplugin\(|@preview|@local/);
    // Data only comes in through sys.inputs; files only through image() of a mapped path or bytes.
    expect(TEMPLATE.match(/sys\.inputs/g)).toHaveLength(1);
    for (const m of TEMPLATE.matchAll(/(?<![\w-])image\(([^,]+),/g)) expect(m[1]).toMatch(/^(bytes\(b\.svg\)|bytes\(svg\)|b\.file|l\.file|run\.logo\.file)$/);
  });
});

// ---------------------------------------------------------------------------------------------

/** Words and their boxes per page, from `pdftotext -bbox` (pt from the top-left). */
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
  return w.x1 >= mmToPt(r.x) - slack && w.x2 <= mmToPt(r.x + r.w) + slack && w.y1 >= mmToPt(r.y) - slack && w.y2 <= mmToPt(r.y + r.h) + slack;
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
      const count = perSheet * 2 - 1;
      const path = save(await writeTypstPdf(deck(layout, count)));
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
      }
    });
  }

  it('shows the deck title in the sheet margin as the document H1, and each card title as H2', async () => {
    const path = save(await writeTypstPdf(deck({ kind: 'a4-four' }, 5)));
    const headings = structure(path).tags.filter((t) => /^H\d$/.test(t));
    expect(headings).toEqual(['H1', 'H2', 'H2', 'H2', 'H2', 'H2']);
    const title = words(path).find((w) => w.word === 'Uitnodiging')!;
    expect(title.page).toBe(1);
    // above the cards, below the sheet's top edge
    expect(title.y2).toBeLessThan(mmToPt(sheetGeometry({ kind: 'a4-four' }).slots[0].y));
  });

});

describe('registration', () => {
  it('is registered as the default PDF engine, beside pdfmake, with the error to fall back on', async () => {
    expect(writerFor('pdf').id).toBe('typst');
    expect(writerFor('pdf', ['pdfmake']).id).toBe('pdfmake');
    const a = await (await WRITERS.typst.load())(kitchenSink());
    expect(Buffer.compare(Buffer.from(a), Buffer.from(await writeTypstPdf(kitchenSink())))).toBe(0);
    expect(RegisteredError).toBe(TypstUnavailableError);
  });
});

describe('when the native compiler cannot load', () => {
  it('throws a TypstUnavailableError the caller can recognise and fall back on', () => {
    let error: unknown;
    try {
      loadNative('@myriaddreamin/typst-ts-node-compiler-for-a-platform-that-does-not-exist');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TypstUnavailableError);
    expect((error as TypstUnavailableError).code).toBe('WELKOME_WIJK_TYPST_UNAVAILABLE');
    expect((error as Error).message).toMatch(/cannot run on this machine/);
  });
});
