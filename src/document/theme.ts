// Design tokens every writer reads: the palette (with the contrast rule applied once, here), the type
// scale, the vertical rhythm and the paper sizes. No writer defines a colour or a size of its own, so
// PDF and DOCX (and any later writer) cannot drift apart.
import type { CardLayout, PageSize, Theme, Tone } from './model.js';

// ---------------------------------------------------------------------------------------------
// Colour

/** Colours derived from the document's accent; everything else is neutral grey. All `#rrggbb`. */
export interface Palette {
  /** The accent as given: bands, rules, bullets, bars (marks, never text). */
  accent: string;
  /** The accent darkened until text in it is readable (4.5:1) on white and on `accentTint`. */
  accentText: string;
  /** A very light accent tint for `accent` callouts and card backs. */
  accentTint: string;
  /** Body text. */
  text: string;
  /** Between text and muted: lead paragraphs and card subtitles, a step back from the body. */
  soft: string;
  /** Secondary text (running header, breaks in a programme); still 4.5:1 on white and on `neutralTint`. */
  muted: string;
  /** Hairlines: table rules, ruled writing lines, cut lines (not text, so no contrast rule). */
  rule: string;
  /** Light grey fill for `neutral` callouts and table headers. */
  neutralTint: string;
}

/** WCAG 2.1's minimum contrast for normal-size text. */
export const MIN_TEXT_CONTRAST = 4.5;

const GREYS = { text: '#1f2328', soft: '#2f3a44', muted: '#5f6b76', rule: '#c9d0d6', neutralTint: '#f1f3f5' } as const;

/** The default accent (also used if a theme's colour cannot be read, so a print run never fails on it). */
export const DEFAULT_ACCENT = '#0b6e69';

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  const v = m ? m[1] : DEFAULT_ACCENT.slice(1);
  return [0, 2, 4].map((i) => parseInt(v.slice(i, i + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return '#' + rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('');
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * t) as Rgb;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(parseHex(a)), luminance(parseHex(b))];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * The palette for a theme. A pale accent (yellow, light green) would make headings unreadable, so
 * the colour used for text is darkened only as far as needed to reach 4.5:1 on white and on the tint.
 */
export function palette(theme: Theme): Palette {
  const accent = parseHex(theme.accent);
  const accentTint = toHex(mix(accent, [255, 255, 255], 0.9));
  let text = accent;
  for (let t = 0.05; t <= 1 && (contrast(toHex(text), '#ffffff') < MIN_TEXT_CONTRAST || contrast(toHex(text), accentTint) < MIN_TEXT_CONTRAST); t += 0.05) {
    text = mix(accent, [0, 0, 0], t);
  }
  return { accent: toHex(accent), accentText: toHex(text), accentTint, ...GREYS };
}

/**
 * The colour of a tone, from any palette-shaped table (the writers keep colours in their own
 * notation); `undefined` means the surrounding text colour.
 */
export function toneColour<C extends Record<keyof Palette, string>>(tone: Tone | undefined, colours: C): string | undefined {
  switch (tone) {
    case 'accent':
      return colours.accentText;
    case 'muted':
      return colours.muted;
    case 'normal':
    case undefined:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Type (points)

/** The text of pages in flow: the same on A4 and A5 (an A5 form is read at the same distance). */
export const TYPE = {
  body: 10.5,
  lead: 13,
  small: 8.5,
  h1: 22,
  h2: 14.5,
  h3: 11.5,
  /** Running header and footer. */
  running: 8,
  /** Table cells, a little smaller than the body so columns stay on one line. */
  table: 10,
  /** The numbers above score boxes and a QR code's caption. */
  label: 9,
} as const;

/** Line height as a multiple of the font size, for body text. */
export const LINE_HEIGHT = 1.3;

/** Card faces: sizes at factor 1 (an A6 quarter of an A4 sheet). */
export const CARD_TYPE = {
  kicker: 7.5,
  title: 25,
  subtitle: 10,
  body: 10,
} as const;

/** Larger cards get larger type: A5 halves read at arm's length on a table. */
export function cardTypeFactor(layout: CardLayout): number {
  switch (layout.kind) {
    case 'a4-four':
      return 1;
    case 'a4-two':
      return 1.15;
    case 'a6-single':
      return 1.05;
  }
}

// ---------------------------------------------------------------------------------------------
// Space (points, like type: the rhythm of text; lengths on paper are mm in the model)

export const SPACE = {
  /** After a paragraph or list. */
  paragraph: 8,
  /** Before and after headings, by level. */
  headingBefore: { 1: 22, 2: 16, 3: 12 },
  headingAfter: { 1: 16, 2: 6, 3: 4 },
  /** Table cell padding. */
  cellX: 6,
  cellY: 4.5,
  /** Inner padding of a callout box. */
  callout: 11,
} as const;

/** Lengths on paper, in millimetres. */
export const SIZE_MM = {
  /** Between two ruled writing lines: room for handwriting. */
  writeLine: 8.5,
  /** A score box's side, and the gap between boxes. */
  scoreBox: 8,
  scoreGap: 2.5,
  /** A card's inner padding and the height of its accent band (at type factor 1). */
  cardPad: 6,
  cardBand: 5,
  /** The short accent rule under a document title. */
  titleRule: 22,
} as const;

// ---------------------------------------------------------------------------------------------
// Paper

/** Portrait paper sizes in mm. */
export const PAGE_MM: Record<PageSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  A5: { width: 148, height: 210 },
  A6: { width: 105, height: 148 },
};

/** Millimetres to PostScript points. */
export function mmToPt(mm: number): number {
  return (mm * 72) / 25.4;
}
