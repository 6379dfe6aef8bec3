// The page's one stylesheet, built from the shared design tokens (src/document/theme.ts): palette,
// type scale, rhythm and paper; for screen and, under @media print, for A4 (or the document's paper).
import { sheetGeometry } from '../../document/imposition.js';
import type { CardLayout, Document } from '../../document/model.js';
import { BRAND, CARD_TYPE, cardTypeFactor, contrast, LINE, MIN_TEXT_CONTRAST, PAGE_MM, readingScale, SIZE_MM, SPACE, TYPE, type Palette } from '../../document/theme.js';
import { cssString, num } from './escape.js';

/** The paper every palette colour is checked against, and the page's background. */
export const PAPER = '#ffffff';

/** What text may sit on: the page, an accent callout or card back, a neutral callout or table header. */
export type Surface = 'paper' | 'accent' | 'neutral';

/** The text colours in use on one surface. */
export interface SurfaceColours {
  background: string;
  text: string;
  soft: string;
  muted: string;
  /** Accent-coloured text: links, h2, kickers, accent tones, QR captions. */
  accent: string;
}

/** The first colour that reaches 4.5:1 on `background`; the body text colour if none does. */
function readable(candidates: readonly string[], background: string, fallback: string): string {
  return candidates.find((c) => contrast(c, background) >= MIN_TEXT_CONTRAST) ?? fallback;
}

/**
 * The palette as text on each surface. The theme guarantees `accentText` on white and on the
 * accent tint, and `muted` on white and the neutral tint; the other pairs are not guaranteed for
 * every accent, so where one falls short the next darker palette colour is used instead (never
 * a colour of our own).
 */
export function surfaces(p: Palette): Record<Surface, SurfaceColours> {
  const on = (background: string): SurfaceColours => ({
    background,
    text: p.text,
    soft: readable([p.soft], background, p.text),
    muted: readable([p.muted, p.soft], background, p.text),
    accent: readable([p.accentText], background, p.text),
  });
  return { paper: on(PAPER), accent: on(p.accentTint), neutral: on(p.neutralTint) };
}

/** Sizes in the type scale as `em` of the body size: on screen the body is the reader's own default size. */
const em = (pt: number, of: number = TYPE.body) => `${num(pt / of)}em`;

/** The first deck of a document, if it has one. */
function firstDeck(doc: Document): CardLayout | undefined {
  const found = doc.blocks.find((b) => b.kind === 'cards');
  return found?.kind === 'cards' ? found.layout : undefined;
}

/**
 * Atkinson Hyperlegible Next is what the PDFs embed; a page downloads no font, so where it is not
 * installed the platform's own sans-serif of similar build is used.
 */
const FONT_STACK = '"Atkinson Hyperlegible Next", "Atkinson Hyperlegible", "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif';

function surfaceVars(s: SurfaceColours): string {
  return `--bg:${s.background};--c-text:${s.text};--c-soft:${s.soft};--c-muted:${s.muted};--c-accent:${s.accent}`;
}

/** The running header, footer and page number, as print margin boxes (Chromium draws them; other browsers leave the margins empty). */
function marginBoxes(doc: Document, colour: string): string {
  const box = (where: string, content: string) =>
    `@${where}{content:${content};font-family:${FONT_STACK};font-size:${num(TYPE.running)}pt;color:${colour};vertical-align:middle}`;
  const out: string[] = [];
  if (doc.page.header) out.push(box('top-left', cssString(doc.page.header)));
  if (doc.page.footer?.text) out.push(box('bottom-left', cssString(doc.page.footer.text)));
  const label = doc.page.footer?.pageLabel;
  if (label) {
    const parts = label
      .split(/(\{pages?\})/)
      .filter((part) => part !== '')
      .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)));
    out.push(box('bottom-right', parts.join(' ')));
  }
  return out.join('');
}

/**
 * The stylesheet for `doc`. Screen: the paper's measure, collapsing to one column on a phone, where
 * a long word in a table cell may break rather than push the table past the screen's edge. Print:
 * the document's paper and margins (cards on A4), running header, footer and page number in the
 * page margins, and nothing split that reads as one piece (a box, a row, a card).
 */
export function stylesheet(doc: Document, p: Palette): string {
  const s = surfaces(p);
  const deck = firstDeck(doc);
  // Cards are cut from A4 sheets; a page of cards is printed on A4 too, whatever one card's size.
  const paperName = deck ? 'A4' : doc.page.size;
  const landscape = !deck && doc.page.orientation === 'landscape';
  const paper = PAGE_MM[paperName];
  const [top, right, bottom, left] = doc.page.marginsMm;
  const width = (landscape ? paper.height : paper.width) - left - right;
  // On screen a deck gets room for two cards side by side; text pages keep the paper's measure.
  const card = deck ? sheetGeometry(deck).slots[0] : undefined;
  const cardGap = SIZE_MM.cardPad;
  // A card may be a quarter narrower than on paper (its text reflows): two A6 cards fit the A4 measure, one A5 card is wider.
  const cardMin = card ? card.w * 0.75 : 0;
  const measure = card ? Math.max(width, Math.min(card.w, 2 * cardMin + cardGap)) : width;
  const factor = deck ? cardTypeFactor(deck) : 1;
  const gap = SPACE.paragraph;

  return `
:root{color-scheme:light;--accent:${p.accent};--accent-tint:${p.accentTint};--neutral-tint:${p.neutralTint};--rule:${p.rule};--text:${p.text};${surfaceVars(s.paper)}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:${PAPER};color:var(--c-text);font-family:${FONT_STACK};font-size:${num(readingScale(doc.theme.reading))}rem;line-height:${LINE.body};overflow-wrap:break-word;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.page{max-width:calc(${num(measure)}mm + ${num(left + right)}mm);margin:0 auto;padding:${num(top)}mm ${num(right)}mm ${num(bottom)}mm ${num(left)}mm}
@media (max-width:40em){.page{padding:${em(SPACE.callout)}}th,td{overflow-wrap:anywhere}}
header.running{display:flex;justify-content:space-between;align-items:center;gap:${em(SPACE.callout)};min-height:${num(doc.page.logo?.heightMm ?? 0)}mm;margin-bottom:${em(SPACE.headingBefore[1], TYPE.running)};font-size:${em(TYPE.running)};color:var(--c-muted);letter-spacing:${em(0.3, TYPE.running)}}
header.running img{display:block;height:${num(doc.page.logo?.heightMm ?? 0)}mm;width:auto;max-width:50%;margin-left:auto}
footer.running{margin-top:${em(SPACE.headingBefore[1], TYPE.running)};padding-top:${em(SPACE.cellY, TYPE.running)};border-top:0.5pt solid var(--rule);font-size:${em(TYPE.running)};color:var(--c-muted)}
footer.running p{margin:0}
main > :first-child,.column > :first-child,.callout > :first-child,.card-body > :first-child,.back > :first-child{margin-top:0}
main > :last-child,.column > :last-child,.callout > :last-child,.card-body > :last-child,.back > :last-child{margin-bottom:0}
h1,h2,h3,h4,h5,h6{margin:0;font-weight:700;overflow-wrap:break-word}
.l1{font-size:${em(TYPE.h1)};line-height:${LINE.h1};color:var(--c-text);margin:${em(SPACE.headingBefore[1], TYPE.h1)} 0 ${em(SPACE.headingAfter[1], TYPE.h1)}}
.l1::after{content:"";display:block;width:${num(SIZE_MM.titleRule)}mm;height:2.5pt;margin-top:${em(7, TYPE.h1)};background:var(--accent)}
.l2{font-size:${em(TYPE.h2)};line-height:${LINE.h2};color:var(--c-accent);margin:${em(SPACE.headingBefore[2], TYPE.h2)} 0 ${em(SPACE.headingAfter[2], TYPE.h2)}}
.l3{font-size:${em(TYPE.h3)};line-height:${LINE.h3};color:var(--c-text);margin:${em(SPACE.headingBefore[3], TYPE.h3)} 0 ${em(SPACE.headingAfter[3], TYPE.h3)}}
p{margin:0 0 ${em(gap)}}
p.display{font-size:${em(TYPE.display)};line-height:${LINE.display};font-weight:700;color:var(--c-accent);margin-bottom:${em(gap * 0.75, TYPE.display)}}
p.lead{font-size:${em(TYPE.lead)};line-height:${LINE.lead};color:var(--c-soft);margin-bottom:${em(gap * 1.5, TYPE.lead)}}
p.small{font-size:${em(TYPE.small)};color:var(--c-muted);margin-bottom:${em(gap, TYPE.small)}}
.t-accent{color:var(--c-accent)}
.t-muted{color:var(--c-muted)}
a{color:var(--c-accent);text-decoration:underline;text-decoration-color:var(--accent);text-decoration-thickness:max(1px,0.5pt);text-underline-offset:0.15em}
a:hover{text-decoration-thickness:max(2px,1pt)}
a:focus-visible{outline:2.5pt solid var(--c-accent);outline-offset:2pt;border-radius:1pt;text-decoration:none}
ul,ol{margin:0 0 ${em(gap)};padding-left:1.4em}
li + li{margin-top:${em(2.5)}}
li::marker{color:var(--c-accent);font-weight:700}
ul.small,ol.small{font-size:${em(TYPE.small)};color:var(--c-muted)}
table{width:100%;border-collapse:collapse;font-size:${em(TYPE.table)};line-height:${LINE.table};margin:${em(2, TYPE.table)} 0 ${em(gap * 1.5, TYPE.table)}}
th,td{padding:${em(SPACE.cellY, TYPE.table)} ${em(SPACE.cellX, TYPE.table)};text-align:left;vertical-align:top}
th{${surfaceVars(s.neutral)};background:var(--bg);color:var(--c-text);font-weight:700;border-bottom:0.9pt solid var(--c-muted)}
tbody td{border-top:0.5pt solid var(--rule)}
tbody tr:first-child td{border-top:0}
tbody tr:last-child td{border-bottom:0.9pt solid var(--c-muted)}
.a-right{text-align:right}
.a-center{text-align:center}
dl.facts{display:grid;grid-template-columns:auto 1fr;column-gap:${em(14)};row-gap:${em(6)};margin:${em(2)} 0 ${em(gap * 1.5)};padding:${em(1)} 0 ${em(1)} ${em(10)};border-left:2.5pt solid var(--accent);line-height:${LINE.facts}}
dl.facts dt{font-weight:700;color:var(--c-text)}
dl.facts dd{margin:0;min-width:0}
@media (max-width:30em){dl.facts{grid-template-columns:1fr;row-gap:0}dl.facts dd + dt{margin-top:${em(6)}}}
figure{margin:${em(4)} 0 ${em(gap * 1.5)}}
.qr-code{display:block;max-width:100%;height:auto;fill:var(--c-text)}
figcaption{margin-top:${em(5)};font-size:${em(TYPE.label)};line-height:${LINE.body}}
.qr-caption{display:block;font-weight:700;color:var(--c-accent)}
figcaption a,.qr-data{overflow-wrap:anywhere}
p.image img{display:block;max-width:100%;height:auto}
.ww-chart svg{display:block;width:100%;height:auto}
.ww-chart{break-inside:avoid}
.ww-chart-title{margin:0 0 ${em(4)}}
.callout{background:var(--bg);padding:${em(SPACE.callout * 0.85)} ${em(SPACE.callout)};margin:${em(4)} 0 ${em(gap * 1.5)}}
.callout.accent{${surfaceVars(s.accent)}}
.callout.neutral{${surfaceVars(s.neutral)}}
.callout-title{font-size:1em;line-height:${LINE.body};margin:0 0 ${em(4)};color:var(--c-text)}
.callout.accent > .callout-title{color:var(--c-accent)}
.columns{display:grid;grid-template-columns:var(--columns);column-gap:${em(14)};align-items:start;margin:${em(4)} 0 ${em(gap * 1.5)}}
.column{min-width:0}
@media (max-width:40em){.columns{grid-template-columns:1fr;row-gap:${em(gap)}}}
.field-label{font-weight:700;color:var(--c-text);margin:0 0 ${em(2)}}
.write-lines,.score{margin:${em(4)} 0 ${em(gap * 1.5)}}
.lines span{display:block;height:${num(SIZE_MM.writeLine)}mm;border-bottom:0.6pt solid var(--rule)}
ul.boxes{display:flex;gap:${num(SIZE_MM.scoreGap)}mm;list-style:none;margin:${em(3)} 0 0;padding:0}
ul.boxes li{flex:0 1 ${num(SIZE_MM.scoreBox)}mm;margin:0;font-size:${em(TYPE.label)};color:var(--c-muted);text-align:center}
ul.boxes li::after{content:"";display:block;aspect-ratio:1;margin-top:2pt;border:0.8pt solid var(--c-muted);border-radius:2pt}
ul.deck{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,${num(cardMin)}mm),1fr));gap:${num(cardGap)}mm;list-style:none;margin:0;padding:0;font-size:${em(CARD_TYPE.body * factor)}}
ul.deck > li.card{display:flex;flex-direction:column;margin:0;border:0.5pt solid var(--rule);break-inside:avoid}
.front{flex:1;display:flex;flex-direction:column;position:relative;padding:${num(SIZE_MM.cardPad * factor)}mm;border-top:${num(SIZE_MM.cardBand * factor)}mm solid var(--accent)}
.kicker{margin:0 0 ${em(3, CARD_TYPE.kicker)};font-size:${em(CARD_TYPE.kicker, CARD_TYPE.body)};font-weight:700;letter-spacing:${em(1.1, CARD_TYPE.kicker)};text-transform:uppercase;color:var(--c-accent)}
.card-title{font-size:${em(CARD_TYPE.title, CARD_TYPE.body)};line-height:${LINE.cardTitle};color:var(--c-text)}
.subtitle{margin:${em(4, CARD_TYPE.subtitle)} 0 0;font-size:${em(CARD_TYPE.subtitle, CARD_TYPE.body)};line-height:${LINE.cardSubtitle};color:var(--c-soft)}
.card-body::before,.back::before{content:"";display:block;width:10mm;height:1.2pt;background:var(--accent)}
.card-body::before{margin:${em(9, CARD_TYPE.body)} 0}
.back{${surfaceVars(s.accent)};background:var(--bg);padding:${num(SIZE_MM.cardPad * factor)}mm;border-bottom:${num(SIZE_MM.cardBand * factor * 0.6)}mm solid var(--accent);text-align:center}
.back::before{margin:0 auto ${em(10, CARD_TYPE.body)}}
.card-icon{position:absolute;top:${num(SIZE_MM.cardPad * factor)}mm;right:${num(SIZE_MM.cardPad * factor)}mm;width:${num(SIZE_MM.cardIcon * factor)}mm;height:${num(SIZE_MM.cardIcon * factor)}mm}
.card-foot{margin-top:auto;padding-top:${em(6, CARD_TYPE.body)}}
.card-number{margin:${em(6, CARD_TYPE.body)} 0 0;font-size:${em(CARD_TYPE.foot, CARD_TYPE.body)};color:var(--c-muted)}
.lockup{display:flex;align-items:center;gap:3mm}
.lockup svg{width:${num(BRAND.tileMm)}mm;height:${num(BRAND.tileMm)}mm;flex:none}
.lockup .wordmark{display:block;font-size:${em(BRAND.wordmark, TYPE.running)};font-weight:700;color:var(--c-text);letter-spacing:0;line-height:1.15}
.lockup .place{display:block;font-size:${em(BRAND.place, TYPE.running)};font-weight:700;color:var(--c-accent);letter-spacing:0;line-height:1.15}
.back .lockup{flex-direction:column;gap:2.5mm;margin-bottom:${em(8, CARD_TYPE.body)}}
.back .lockup .wordmark{font-size:${em(BRAND.wordmark, CARD_TYPE.body)}}
.back .lockup .place{font-size:${em(BRAND.place, CARD_TYPE.body)}}
@page{size:${paperName} ${landscape ? 'landscape' : 'portrait'};margin:${num(top)}mm ${num(right)}mm ${num(bottom)}mm ${num(left)}mm;${marginBoxes(doc, s.paper.muted)}}
@media print{
html{font-size:${num(TYPE.body * readingScale(doc.theme.reading))}pt}
.page{max-width:none;margin:0;padding:0}
header.running .text,footer.running,header.running:not(:has(img)){display:none}
header.running{justify-content:flex-end}
h1,h2,h3,h4,h5,h6,hgroup,.field-label{break-after:avoid}
.callout,figure,.columns,.write-lines,.score,tr,dl.facts,li.card{break-inside:avoid}
p,li{orphans:3;widows:3}
.page-break{break-after:page}
a{text-decoration-color:currentColor}
}
`.trim();
}
