// Tests for the HTML writer: structure, escaping, determinism and design tokens in the page's text;
// then `render all --format html` on every example, each page opened in headless Chromium (Debian's
// chromium, driven by playwright-core) and checked with axe-core for WCAG 2.1 A and AA.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/document/model.js';
import { BRAND, CARD_TYPE, cardTypeFactor, contrast, MIN_TEXT_CONTRAST, palette, TYPE } from '../../src/document/theme.js';
import { MANIFEST, renderBundle, renderProject } from '../../src/output/render.js';
import { MATERIAL_IDS } from '../../src/materials/registry.js';
import { CONTENT_SECURITY_POLICY, renderHtml, writeHtml } from '../../src/writers/html/index.js';
import { cssString, esc, safeHref } from '../../src/writers/html/escape.js';
import { PAPER, stylesheet, surfaces } from '../../src/writers/html/style.js';
import { defaultFormats, documentFormats, WRITERS, writerFor } from '../../src/writers/index.js';
import { cli, ROOT } from '../cli/helpers.js';
import { kitchenSink, NAMES } from '../fixtures/documents/kitchen-sink.js';
import { EXAMPLES, loadExample } from '../materials/helpers.js';

const LOGO = join(ROOT, 'examples', 'assets', 'beuningen-logo.png');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ww-html-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The kitchen sink with a logo in the header and an image block, so every block kind is on the page. */
function fullDocument(): Document {
  const doc = kitchenSink();
  doc.page.logo = { path: LOGO, heightMm: 11, widthMm: 40, alt: 'Logo van Gemeente Beuningen' };
  doc.allowedFiles = [LOGO];
  doc.blocks.splice(3, 0, { kind: 'image', path: LOGO, widthMm: 40, alt: 'Het logo, groot' });
  return doc;
}

/** Heading levels in document order, read from the page's text. */
const headingLevels = (html: string) => [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));

/** Exactly one h1, first; no level skipped on the way down. */
function outlineProblems(levels: number[]): string[] {
  const problems: string[] = [];
  if (levels.filter((l) => l === 1).length !== 1) problems.push(`${levels.filter((l) => l === 1).length} h1 elements`);
  if (levels[0] !== 1) problems.push(`first heading is h${levels[0]}`);
  levels.forEach((l, i) => {
    if (i > 0 && l > levels[i - 1] + 1) problems.push(`h${levels[i - 1]} followed by h${l}`);
  });
  return problems;
}

describe('writeHtml: structure', () => {
  let html: string;
  beforeAll(async () => {
    html = await renderHtml(fullDocument());
  });

  it('is a complete page: doctype, lang, charset, viewport, title, main', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="nl-NL">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>Uitnodiging bewustwordingsbijeenkomst</title>');
    expect(html.match(/<main>/g)).toHaveLength(1);
    expect(html).toMatch(/<header class="running">[\s\S]*<main>[\s\S]*<\/main>\n<footer class="running">/);
  });

  it('has one h1 and headings in order, card titles below the page title', () => {
    const levels = headingLevels(html);
    expect(outlineProblems(levels)).toEqual([]);
    // Kitchen sink: h1, h2, h3 (model), the callout's title, h2 (model), then five cards with a title each.
    expect(html).toContain('<h1 class="l1">Welkom in de buurt</h1>');
    expect(html).toContain('<h2 class="card-title">OMA</h2>');
  });

  it('starts a page of cards (or one that opens with a titled box) with the document title as its h1', async () => {
    const doc = kitchenSink();
    const deck = doc.blocks.find((b) => b.kind === 'cards')!;
    const cards = await renderHtml({ ...doc, blocks: [deck] });
    expect(cards).toContain('<h1 class="l1">Uitnodiging bewustwordingsbijeenkomst</h1>');
    expect(outlineProblems(headingLevels(cards))).toEqual([]);
    const boxed = await renderHtml({ ...doc, blocks: [{ kind: 'callout', tone: 'accent', title: 'Eerst dit', blocks: [] }, { kind: 'heading', level: 3, text: 'Dan dit' }] });
    expect(headingLevels(boxed)).toEqual([1, 2, 3]);
    const deep = await renderHtml({ ...doc, blocks: [{ kind: 'heading', level: 3, text: 'a' }, { kind: 'heading', level: 1, text: 'b' }, { kind: 'heading', level: 3, text: 'c' }] });
    expect(headingLevels(deep)).toEqual([1, 2, 3]);
  });

  it('writes lists (fine print too), a table with column headers, facts as a description list, titled callouts as sections', async () => {
    expect(html).toMatch(/<ul>\n<li>Kennismaken<\/li>\n<li>Verhalen horen<\/li>\n<\/ul>/);
    expect(html).toMatch(/<ol>\n<li>Eerst<\/li>/);
    const small = await renderHtml({ ...kitchenSink(), blocks: [{ kind: 'heading', level: 1, text: 't' }, { kind: 'list', ordered: false, style: 'small', items: [[{ kind: 'text', text: 'klein' }]] }] });
    expect(small).toContain('<ul class="small">\n<li>klein</li>\n</ul>');
    expect(html).toMatch(/<thead><tr><th scope="col" class="a-right">Tijd<\/th><th scope="col">Onderdeel<\/th><\/tr><\/thead>/);
    expect(html).toContain('<colgroup><col style="width:20%"><col style="width:80%"></colgroup>');
    expect(html).toContain('<dl class="facts">\n<dt>Wanneer</dt><dd>dinsdag 10 februari 2026, 19.30 - 22.00 uur</dd>');
    expect(html).toMatch(/<section class="callout neutral">\n<h\d class="callout-title">Goed om te weten<\/h\d>/);
  });

  it('inlines the logo and images with alt text, and the QR code as a named SVG with its link beside it', () => {
    expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Logo van Gemeente Beuningen">/);
    expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Het logo, groot" style="width:40mm">/);
    expect(html).toMatch(
      /<figure class="qr"><svg class="qr-code" role="img" aria-label="QR-code naar het aanmeldformulier" viewBox="0 0 \d+ \d+" style="width:30mm"[^>]*><path d="M[^"]+"\/><\/svg><figcaption><span class="qr-caption">Scan om u aan te melden<\/span><a href="https:\/\/example.org\/aanmelden">example.org\/aanmelden<\/a><\/figcaption><\/figure>/,
    );
  });

  it('draws write-lines and score boxes as a form, the lines hidden from screen readers and the scale read as numbers', () => {
    expect(html).toContain('<div class="write-lines"><p class="field-label">Wat neemt u mee?</p><div class="lines" aria-hidden="true"><span></span><span></span><span></span></div></div>');
    expect(html).toContain('<ul class="boxes" role="list" style="--count:10"><li>1</li><li>2</li>');
  });

  it('lists cards front then back, each back after the first hidden from screen readers when it only repeats', () => {
    const cards = html.match(/<li class="card">[\s\S]*?<\/li>\n(?=<li class="card">|<\/ul>)/g)!;
    expect(cards).toHaveLength(5);
    expect(cards[0]).toMatch(/<div class="front">\n<hgroup><p class="kicker">Gouden regel<\/p><h2 class="card-title">OMA<\/h2><p class="subtitle"><strong>O<\/strong>ordelen/);
    expect(cards[0]).toContain('<div class="back">');
    for (const card of cards.slice(1)) expect(card).toContain('<div class="back" aria-hidden="true">');
    expect(html).not.toMatch(/cut|crop|bleed/i);
  });

  it('makes no request: no script, no stylesheet link, no remote source, and a policy that forbids them', () => {
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|@import|url\(|@font-face/i);
    expect(html).not.toMatch(/\s(src|srcset|poster|data)="(?!data:)/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}">`);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
  });

  it('keeps names from many languages as written', () => {
    expect(html).toContain(NAMES);
  });

  it('is deterministic: the same document gives the same bytes', async () => {
    const a = await writeHtml(fullDocument());
    const b = await writeHtml(fullDocument());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('refuses a file the document may not read, as the other writers do', async () => {
    const doc = fullDocument();
    doc.allowedFiles = [];
    await expect(writeHtml(doc)).rejects.toThrow(/allowedFiles/);
  });
});

/** Text that would break out of every context HTML and CSS have, if it were not escaped. */
const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(2)>'&amp;</style><style>body{display:none}</style>\\"\u0000\u0007`;
const HOSTILE_URL = `https://example.org/"><script>alert(3)</script>`;

/** The full document with the hostile text appended to every string in it, and hostile URLs. */
function hostileDocument(): Document {
  const structural = new Set(['kind', 'tone', 'style', 'align', 'orientation', 'size', 'visibility', 'path']);
  const poison = (value: unknown, key = ''): unknown => {
    if (typeof value === 'string') return structural.has(key) ? value : key === 'url' || key === 'data' ? HOSTILE_URL : `${value}${HOSTILE}`;
    if (Array.isArray(value)) return value.map((v) => poison(v, key === 'keywords' ? key : ''));
    if (value instanceof Date) return value;
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'allowedFiles' ? v : poison(v, k)]));
    return value;
  };
  const doc = poison(fullDocument()) as Document;
  doc.blocks.push({ kind: 'paragraph', content: [{ kind: 'link', text: 'klik', url: 'javascript:alert(4)' }, { kind: 'link', text: 'data', url: 'data:text/html,<script>alert(5)</script>' }] });
  return doc;
}

describe('writeHtml: user text is data', () => {
  let html: string;
  beforeAll(async () => {
    html = await renderHtml(hostileDocument());
  });

  it('escapes text in every field: no element or attribute comes from the document', () => {
    expect(html).not.toMatch(/<script|<img src=x|onerror=alert\(2\)>/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&#39;&amp;amp;&lt;/style&gt;');
    expect(html).toContain(`<title>Uitnodiging bewustwordingsbijeenkomst&lt;script&gt;`);
    // Every tag the page has is one the writer writes.
    const tags = new Set([...html.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]));
    const ours = 'html head meta title style body div header span img main h1 h2 h3 h4 h5 h6 p strong em br a ul ol li table colgroup col thead tr th tbody td dl dt dd figure svg path figcaption section hgroup footer';
    expect([...tags].filter((t) => !ours.split(' ').includes(t))).toEqual([]);
  });

  it('keeps hostile URLs inside their attribute, and drops links with schemes other than http(s), mailto and tel', () => {
    expect(html).toContain('<a href="https://example.org/&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;">');
    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html).toContain('<p>klikdata</p>');
    expect(safeHref('JavaScript:alert(1)')).toBeUndefined();
    expect(safeHref('/relative/path')).toBeUndefined();
    expect(safeHref('tel:+31201234567')).toBe('tel:+31201234567');
    expect(safeHref('mailto:a@example.org')).toBe('mailto:a@example.org');
  });

  it('shows control characters as U+FFFD instead of writing them', () => {
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    expect(esc('a\u0000b\u0085c')).toBe('a\ufffdb\ufffdc');
  });

  it('writes running texts into the print stylesheet as CSS strings that cannot end the string or the element', () => {
    const css = /<style>([\s\S]*)<\/style>/.exec(html)![1];
    expect(css).not.toMatch(/<\/?style|<script/i);
    expect(cssString('a"b\\c\n</style>')).toBe('"a\\22 b\\5c c\\a \\3c \\2f style\\3e "');
  });
});

describe('design tokens', () => {
  const accents = ['#0b6e69', '#1f5f8b', '#7a3e9d', '#2e7d32', '#ffff00', '#a8e6a1', '#ff0000', '#00ffff', '#000000', '#ffffff', '#777777', 'not a colour'];

  it.each(accents)('every text colour reaches 4.5:1 on every surface it is used on (accent %s)', (accent) => {
    const p = palette({ accent });
    for (const [surface, c] of Object.entries(surfaces(p))) {
      for (const role of ['text', 'soft', 'muted', 'accent'] as const) {
        expect(contrast(c[role], c.background), `${role} on ${surface}`).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      }
    }
  });

  it('uses only palette colours, and font sizes only from the type scale', () => {
    const doc = fullDocument();
    const p = palette(doc.theme);
    const css = stylesheet(doc, p);
    const colours = new Set(css.match(/#[0-9a-f]{3,8}\b/gi)!.map((c) => c.toLowerCase()));
    expect([...colours].filter((c) => ![...Object.values(p), PAPER].includes(c))).toEqual([]);
    expect(css).not.toMatch(/rgba?\(|hsla?\(|:\s*(black|white|gr[ae]y|red|blue|green)\b/);
    const scale = [1, ...Object.values(TYPE).map((t) => t / TYPE.body), ...Object.values(CARD_TYPE).map((t) => t / CARD_TYPE.body), (CARD_TYPE.body * cardTypeFactor({ kind: 'a4-four' })) / TYPE.body, ...[BRAND.wordmark, BRAND.place].flatMap((b) => [b / TYPE.running, b / CARD_TYPE.body])];
    const sizes = [...css.matchAll(/font-size:([\d.]+)(em|rem|pt)/g)];
    expect(sizes.length).toBeGreaterThan(15);
    for (const [, value, unit] of sizes) {
      if (unit === 'pt') expect([TYPE.body, TYPE.running]).toContain(Number(value));
      else expect(scale.some((s) => Math.abs(s - Number(value)) < 0.0001), `${value}${unit}`).toBe(true);
    }
  });

  it('prints on the document paper with its margins, cards on A4', async () => {
    expect(stylesheet(fullDocument(), palette({ accent: '#0b6e69' }))).toMatch(/@page\{size:A4 portrait;margin:20mm 20mm 22mm 20mm;/);
    const doc = kitchenSink();
    const a5 = { ...doc, page: { ...doc.page, size: 'A5' as const }, blocks: doc.blocks.filter((b) => b.kind !== 'cards') };
    expect(stylesheet(a5, palette(doc.theme))).toMatch(/@page\{size:A5 portrait;/);
    expect(stylesheet({ ...a5, page: { ...a5.page, size: 'A6' }, blocks: [doc.blocks.find((b) => b.kind === 'cards')!] }, palette(doc.theme))).toMatch(/@page\{size:A4 portrait;/);
  });
});

describe('the html format', () => {
  it('is registered for documents, public ones only, and is not written unless asked for', () => {
    expect(WRITERS.html).toMatchObject({ id: 'html', format: 'html', extension: 'html', input: 'document', publicOnly: true, byDefault: false });
    expect(writerFor('html').id).toBe('html');
    expect(documentFormats()).toContain('html');
    expect(defaultFormats()).toEqual(['pdf', 'docx']);
  });

  it('passes over team documents and reports each one', async () => {
    const { ctx } = loadExample('nijmegen-heseveld.yaml');
    const skipped: string[] = [];
    const paths: string[] = [];
    const onSkipped = (f: { path: string; reason: string }) => {
      skipped.push(`${f.path.split('/').pop()} (${f.reason})`);
      paths.push(f.path);
    };
    const written = await renderProject(ctx, { materials: MATERIAL_IDS, formats: ['html'], outDir: join(dir, 'policy'), options: {}, onSkipped });
    expect(skipped.sort()).toEqual(
      [
        'startbijeenkomst-draaiboek.html (team)',
        'draaiboek-professionals.html (team)',
        'draaiboek-vrijwilligers.html (team)',
        'draaiboek-bewoners.html (team)',
        'eindevaluatie-gespreksleidraad.html (team)',
        'briefing-duo-professionals.html (team)',
        'briefing-duo-vrijwilligers.html (team)',
        'briefing-duo-bewoners.html (team)',
        'borging-actielijst.html (team)',
        // Cut to size, so PDF only: the print shop's deck and the badges.
        'kaarten-gouden-regels-drukwerk.html (print)',
        'naambadges.html (print)',
      ].sort(),
    );
    const pages = written.filter((f) => f.path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const f of paths) expect(existsSync(f)).toBe(false);
  });

  it.each(EXAMPLES)('gives the same bytes run after run (%s)', async (example) => {
    const { ctx } = loadExample(example);
    const manifests = [];
    for (const run of ['a', 'b']) {
      // The bundle as `render all` makes it: its manifest lists every file with its checksum.
      const { files } = await renderBundle(ctx, { materials: MATERIAL_IDS, formats: ['html'], outDir: join(dir, 'same', run), options: {}, manifest: true });
      manifests.push(new TextDecoder().decode(files.find((f) => f.name === MANIFEST)!.bytes));
    }
    expect(manifests[0]).toContain('.html"');
    expect(manifests[1]).toBe(manifests[0]);
  });

  it('says on the command line which pages it did not write, beside the other formats it did', async () => {
    const out = join(dir, 'cli');
    const r = await cli(['render', 'schedule', join('examples', 'hoorn-koggenland-en.yaml'), '--audience', 'bewoners', '--format', 'html,pdf', '--out', out, '--lang', 'en']);
    expect(r.exitCode).toBe(0);
    const lines = String(r.stdout).split('\n');
    expect(lines.filter((l) => l.startsWith('✓')).map((l) => l.replace(/^.*\/|\s\(.*$/g, ''))).toEqual(['programma-bewoners.html', 'programma-bewoners.pdf', 'draaiboek-bewoners.pdf']);
    expect(lines).toContain('– No html of 1 internal document (for the team only, not for publishing): draaiboek-bewoners.html');
  });
});

// ------------------------------------------------------------------------------------------------
// In a real browser

const CHROMIUM = process.env.WELKOME_WIJK_CHROMIUM ?? '/usr/bin/chromium';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface PageCheck {
  lang: string;
  title: string;
  h1: number;
  violations: string[];
  requests: string[];
}

/** Open a page from its file, as a reader would, and check it: axe-core's WCAG 2.1 A/AA rules and every request made. */
async function checkPage(page: Page, file: string): Promise<PageCheck> {
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const record = (r: { url(): string }) => {
    if (r.url() !== url) requests.push(r.url());
  };
  page.on('request', record);
  try {
    await page.goto(url, { waitUntil: 'load' });
    const result = (await page.evaluate(
      // axe's own types are not needed here: the result is plain data.
      (tags) => (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
      AXE_TAGS,
    )) as { violations: { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[] };
    const facts = await page.evaluate(() => ({ lang: document.documentElement.lang, title: document.title, h1: document.querySelectorAll('h1').length }));
    return {
      ...facts,
      violations: result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0].target.join(' ')} — ${v.nodes[0].failureSummary}`),
      requests,
    };
  } finally {
    page.off('request', record);
  }
}

describe('in headless Chromium with axe-core', () => {
  let browser: BrowserContext;
  let profile: string | undefined;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium), or set WELKOME_WIJK_CHROMIUM.`);
    // One browser for all pages, with a profile of its own that is thrown away; nothing is fetched
    // or updated in the background. The page's CSP is bypassed so axe can be injected, and so that
    // any outside reference would show up as a request instead of being blocked unseen.
    profile = mkdtempSync(join(tmpdir(), 'ww-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      bypassCSP: true,
      viewport: { width: 1000, height: 800 },
    });
    // axe-core goes into every page as it opens: cheaper than evaluating its 500 kB source once a page is loaded.
    await browser.addInitScript({ content: axeSource });
  });
  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it.each(EXAMPLES)('render all --format html: every public page of %s passes axe-core with no violations and makes no request', async (example) => {
    const out = join(dir, 'axe', example);
    const run = await cli(['render', 'all', join('examples', example), '--format', 'html', '--out', out]);
    expect(run.exitCode, String(run.stderr)).toBe(0);
    expect(String(run.stdout)).toMatch(/– Geen html van \d+ interne documenten \(alleen voor het team, niet om te publiceren\): .*draaiboek/);
    // <out>/<municipality>/<area>/
    const municipality = join(out, readdirSync(out)[0]);
    const folder = join(municipality, readdirSync(municipality)[0]);
    const files = readdirSync(folder).filter((f) => f.endsWith('.html')).sort();
    expect(files.length).toBeGreaterThan(20);
    const page = await browser.newPage();
    const problems: string[] = [];
    for (const file of files) {
      const check = await checkPage(page, join(folder, file));
      if (!/^(nl|en)-[A-Z]{2}$/.test(check.lang)) problems.push(`${file}: lang "${check.lang}"`);
      if (!check.title) problems.push(`${file}: no title`);
      if (check.h1 !== 1) problems.push(`${file}: ${check.h1} h1 elements`);
      for (const v of check.violations) problems.push(`${file}: ${v}`);
      for (const r of check.requests) problems.push(`${file}: requested ${r}`);
      const html = readFileSync(join(folder, file), 'utf8');
      for (const p of outlineProblems(headingLevels(html))) problems.push(`${file}: ${p}`);
      // Reflow (WCAG 1.4.10): at a phone's width nothing needs scrolling sideways.
      await page.setViewportSize({ width: 360, height: 800 });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > 360) problems.push(`${file}: ${scrollWidth} px wide at 360`);
      await page.setViewportSize({ width: 1000, height: 800 });
    }
    await page.close();
    expect(problems).toEqual([]);
  });

  it('the check itself sees a violation and a request when there is one', async () => {
    const page = await browser.newPage();
    const file = join(dir, 'faulty.html');
    writeFileSync(file, '<!DOCTYPE html><html><head><title>x</title></head><body><main><h1>x</h1><p style="color:#aaaaaa">faint</p><img src="http://127.0.0.1:9/logo.png"></main></body></html>');
    const check = await checkPage(page, file);
    expect(check.violations.map((v) => v.split(' ')[0]).sort()).toEqual(['color-contrast', 'html-has-lang', 'image-alt']);
    expect(check.requests).toEqual(['http://127.0.0.1:9/logo.png']);
    await page.close();
  });

  it('the kitchen sink, every block kind on a page, passes axe-core too, also as wide as a phone', async () => {
    const page = await browser.newPage();
    const file = join(dir, 'kitchen-sink.html');
    writeFileSync(file, await renderHtml(fullDocument()));
    for (const width of [1000, 360]) {
      await page.setViewportSize({ width, height: 800 });
      const check = await checkPage(page, file);
      expect({ width, violations: check.violations, requests: check.requests, h1: check.h1 }).toEqual({ width, violations: [], requests: [], h1: 1 });
    }
    await page.close();
  });

  it('shows hostile text as text: no script, no handler, the page still visible', async () => {
    const page = await browser.newPage();
    const file = join(dir, 'hostile.html');
    writeFileSync(file, await renderHtml(hostileDocument()));
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    const seen = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      styles: document.querySelectorAll('style').length,
      handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
      display: getComputedStyle(document.body).display,
      title: document.title,
      text: document.body.innerText,
    }));
    expect(dialogs).toEqual([]);
    expect(seen).toMatchObject({ scripts: 0, styles: 1, handlers: [], display: 'block' });
    expect(seen.title).toContain('<script>alert(1)</script>"><img src=x onerror=alert(2)>');
    expect(seen.text).toContain('</style><style>body{display:none}</style>');
    await page.close();
  });
});
