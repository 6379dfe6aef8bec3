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

/**
 * The text of pages in flow: the same on A4 and A5 (an A5 form is read at the same distance).
 * Nothing anywhere is set below 9 pt; what residents receive is set larger (`readingScale`).
 */
export const TYPE = {
  body: 10.5,
  lead: 13,
  small: 9.5,
  /** A flyer's date: read from across a room. */
  display: 22,
  h1: 24,
  h2: 15.5,
  h3: 12.5,
  /** Running header and footer. */
  running: 9,
  /** Table cells. */
  table: 10,
  /** The numbers above score boxes and a QR code's caption. */
  label: 9.5,
} as const;

/** The smallest size anything is printed in. */
export const MIN_TYPE = 9;

/**
 * How much larger the text of a document is: `large` for what residents receive (their invitation,
 * programme and survey: body 12.5 pt, the size older readers ask for), `standard` for the rest.
 */
export function readingScale(reading: 'standard' | 'large' | 'poster' | 'poster-a3' | undefined): number {
  // A poster is read from a step away: on A4 a fifth larger again than what residents hold in their
  // hands; A3 is the A4 poster enlarged by the square root of two.
  if (reading === 'poster') return 1.2 * 1.2;
  if (reading === 'poster-a3') return 1.2 * 1.2 * Math.SQRT2;
  return reading === 'large' ? 1.2 : 1;
}

/**
 * Line heights in em (baseline to baseline, as a multiple of the size): open for reading, tighter
 * for large headings. Writers convert them to their own measure.
 */
export const LINE = {
  body: 1.45,
  lead: 1.45,
  display: 1.15,
  h1: 1.15,
  h2: 1.2,
  h3: 1.25,
  table: 1.35,
  facts: 1.35,
  cardTitle: 1.1,
  cardSubtitle: 1.35,
} as const;

/** Card faces: sizes at factor 1 (an A6-size card of four on an A4 sheet). One size for every card of a deck. */
export const CARD_TYPE = {
  kicker: 9,
  title: 20,
  subtitle: 10.5,
  body: 10,
  /** The card's number ("3/6") and the deck name at its foot. */
  foot: 9,
} as const;

/** Larger cards get larger type: A5 halves are read by a small group around a table. */
export function cardTypeFactor(layout: CardLayout): number {
  switch (layout.kind) {
    case 'a4-four':
      return 1;
    // A badge is small, but its text is one word or two, read at arm's length.
    case 'a4-eight':
      return 1;
    case 'a4-two':
      return 1.1;
    case 'a6-single':
      return 1.05;
  }
}

/**
 * The brand lockup (the house tile, "Welkome Wijk", the place under it) and the logo beside it:
 * large enough to be the first thing seen, small enough to leave the title the largest text.
 */
export const BRAND = {
  wordmark: 14,
  place: 11,
  /** The house tile's side. */
  tileMm: 10,
  /** A logo's box on a first page and on a card back (it keeps its proportions inside). */
  logoMm: { w: 46, h: 15 },
  cardLogoMm: { w: 34, h: 11 },
} as const;

// ---------------------------------------------------------------------------------------------
// Space (points, like type: the rhythm of text; lengths on paper are mm in the model)

export const SPACE = {
  /** After a paragraph or list. */
  paragraph: 8,
  /** Before and after headings, by level. */
  headingBefore: { 1: 16, 2: 16, 3: 12 },
  headingAfter: { 1: 16, 2: 6, 3: 4 },
  /** Table cell padding. */
  cellX: 6,
  cellY: 3.5,
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
  /** A golden rule's icon on its card. */
  cardIcon: 10,
  /** The short accent rule under a document title. */
  titleRule: 22,
} as const;

// ---------------------------------------------------------------------------------------------
// Paper

/** Portrait paper sizes in mm. */
export const PAGE_MM: Record<PageSize, { width: number; height: number }> = {
  A3: { width: 297, height: 420 },
  A4: { width: 210, height: 297 },
  A5: { width: 148, height: 210 },
  A6: { width: 105, height: 148 },
};

/** Millimetres to PostScript points. */
export function mmToPt(mm: number): number {
  return (mm * 72) / 25.4;
}

// ---------------------------------------------------------------------------------------------
// Typefaces: from npm packages, never from the machine, so every machine makes the same files.

export interface FontFiles {
  /** The family name inside the files. */
  family: string;
  /** PostScript names start with this ("AtkinsonHyperlegibleNext-Bold"): how a PDF's fonts are recognised. */
  postScript: string;
  /** npm package holding the files, and each face's path inside it. */
  package: string;
  files: { regular: string; bold: string; italic: string; boldItalic: string };
  /** hhea ascender and descender per em. */
  ascender: number;
  descender: number;
}

/**
 * Atkinson Hyperlegible Next (Braille Institute, SIL OFL 1.1): letters made to be told apart
 * (I l 1, O 0, b d), for readers with low vision and older residents. It covers Dutch, Turkish,
 * Polish and Frisian names, but not Vietnamese, so characters it lacks come from Noto Sans, and
 * Arabic script from Noto Sans Arabic (both SIL OFL 1.1), chosen per character in this order.
 */
export const TYPEFACES: readonly FontFiles[] = [
  {
    family: 'Atkinson Hyperlegible Next',
    postScript: 'AtkinsonHyperlegibleNext',
    package: '@expo-google-fonts/atkinson-hyperlegible-next',
    files: {
      regular: '400Regular/AtkinsonHyperlegibleNext_400Regular.ttf',
      bold: '700Bold/AtkinsonHyperlegibleNext_700Bold.ttf',
      italic: '400Regular_Italic/AtkinsonHyperlegibleNext_400Regular_Italic.ttf',
      boldItalic: '700Bold_Italic/AtkinsonHyperlegibleNext_700Bold_Italic.ttf',
    },
    ascender: 0.984,
    descender: 0.316,
  },
  {
    family: 'Noto Sans',
    postScript: 'NotoSans',
    package: '@expo-google-fonts/noto-sans',
    files: {
      regular: '400Regular/NotoSans_400Regular.ttf',
      bold: '700Bold/NotoSans_700Bold.ttf',
      italic: '400Regular_Italic/NotoSans_400Regular_Italic.ttf',
      boldItalic: '700Bold_Italic/NotoSans_700Bold_Italic.ttf',
    },
    ascender: 1.069,
    descender: 0.293,
  },
  {
    family: 'Noto Sans Arabic',
    postScript: 'NotoSansArabic',
    package: '@expo-google-fonts/noto-sans-arabic',
    // Arabic script has no italic: the upright face serves both.
    files: {
      regular: '400Regular/NotoSansArabic_400Regular.ttf',
      bold: '700Bold/NotoSansArabic_700Bold.ttf',
      italic: '400Regular/NotoSansArabic_400Regular.ttf',
      boldItalic: '700Bold/NotoSansArabic_700Bold.ttf',
    },
    ascender: 1.374,
    descender: 0.738,
  },
];

/** The primary face's line box (ascender to descender) in em: the unit pdfmake and our Typst template measure line heights in. */
export const LINE_BOX = TYPEFACES[0].ascender + TYPEFACES[0].descender;

/** A line height from `LINE` (em) as a multiple of the line box. */
export function inLineBoxes(em: number): number {
  return em / LINE_BOX;
}

/** Word documents are for editing: a font every Word has (Word finds a face for other scripts itself). */
export const EDITABLE_FONT = 'Arial';
