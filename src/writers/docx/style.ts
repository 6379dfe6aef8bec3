// The look of the DOCX output: units, page sizes, colours, the type scale, Word styles and list numbering.
// Everything a user would restyle in Word lives in named styles here, not in direct formatting.
import type { IStylesOptions, INumberingOptions } from 'docx';
import type { Document, Theme } from '../../document/model.js';
import { BRAND, CARD_TYPE, cardTypeFactor, LINE, LINE_BOX, palette, readingScale, SIZE_MM, SPACE, TYPE, type Palette } from '../../document/theme.js';
import type { Docx } from './modules.js';

/** Word measures in twips (1/20 pt); the model in mm. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** docx sizes images in CSS pixels (96 per inch). */
export function mmToPx(mm: number): number {
  return Math.round((mm * 96) / 25.4);
}

/** The design tokens' palette in the form Word wants: `0B6E69`, no hash. */
export type WordPalette = { [K in keyof Palette]: string };

export function wordPalette(theme: Theme): WordPalette {
  const p = palette(theme);
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.slice(1).toUpperCase()])) as WordPalette;
}

/**
 * Point sizes and the rhythm of this document in Word, from the design tokens as the Typst writer
 * sets them: body text at the document's reading size (`k`), headings, lead and display text never
 * above their standard size (`kc`), and in a card deck every block at the card's body size.
 * Arial sets as wide as Atkinson Hyperlegible Next (0.453 em a character on our texts, both), so
 * with the same sizes, line pitches and spaces a DOCX breaks its lines and pages where the PDF does.
 */
export interface TypeScale {
  /** Scale of body text and of every space (the residents' larger reading size, or a card's body size). */
  k: number;
  /** The same, at most 1: headings, lead and display text are large enough already. */
  kc: number;
  body: number;
  lead: number;
  small: number;
  display: number;
  h1: number;
  h2: number;
  h3: number;
  table: number;
  label: number;
  /** Card faces at this deck's size: `f` is the layout's factor. */
  card: { f: number; kicker: number; title: number; subtitle: number; body: number; foot: number };
}

export function typeScale(doc: Document): TypeScale {
  // A document holds at most one kind of card deck; its layout sets the card type size. A print-shop
  // deck in Word is imposed as the office sheet of four (see cards.ts), so it has that sheet's size.
  const deck = doc.blocks.find((b) => b.kind === 'cards');
  const f = deck ? cardTypeFactor(deck.layout.kind === 'a6-single' ? { kind: 'a4-four' } : deck.layout) : 1;
  // On cards everything runs at the card's body size (as the PDF writers scale a card's blocks).
  const k = deck ? (CARD_TYPE.body * f) / TYPE.body : readingScale(doc.theme.reading);
  const kc = Math.min(k, 1);
  const r = (pt: number) => Math.round(pt * 2) / 2;
  return {
    k,
    kc,
    body: r(TYPE.body * k),
    lead: r(TYPE.lead * kc),
    small: r(TYPE.small * k),
    display: r(TYPE.display * kc),
    h1: r(TYPE.h1 * kc),
    h2: r(TYPE.h2 * kc),
    h3: r(TYPE.h3 * kc),
    table: r(TYPE.table * k),
    label: r(TYPE.label * k),
    card: { f, kicker: r(CARD_TYPE.kicker * f), title: r(CARD_TYPE.title * f), subtitle: r(CARD_TYPE.subtitle * f), body: r(CARD_TYPE.body * f), foot: r(CARD_TYPE.foot * f) },
  };
}

/** Half-points, the unit of `w:sz`. */
export const hp = (pt: number): number => Math.round(pt * 2);

/** Points to twips, for the spacing tokens. */
export const tw = (pt: number): number => Math.round(pt * 20);

/** A line pitch (baseline to baseline, `LINE` in em) in twips, for "at least" line spacing. */
export const pitch = (sizePt: number, em: number): number => tw(sizePt * em);

/** Style ids of our own paragraph styles (Heading1..3 are Word's built-ins, restyled). */
export const STYLE = {
  lead: 'Lead',
  small: 'Small',
  display: 'Display',
  caption: 'Caption',
  header: 'Header',
  footer: 'Footer',
  titleRule: 'TitleRule',
  kicker: 'CardKicker',
  cardTitle: 'CardTitle',
  cardHeading: 'CardHeading',
  cardRule: 'CardRule',
  cardFoot: 'CardFoot',
  deckTitle: 'DeckTitle',
  deckSlug: 'DeckSlug',
  printNote: 'PrintNote',
  writeLine: 'WriteLine',
  cardSubtitle: 'CardSubtitle',
  calloutTitle: 'CalloutTitle',
  tableHeading: 'TableHeading',
  tableText: 'TableText',
  factText: 'FactText',
  fieldLabel: 'FieldLabel',
  picture: 'Picture',
  wordmark: 'Wordmark',
  place: 'Place',
  tiny: 'Spacer',
} as const;

export const NUMBERING = { bullet: 'ww-bullet', ordered: 'ww-ordered' } as const;

/** Space before and after (twips) that a style gives a paragraph, so the flow can add a table's space to it. */
export interface Spacing {
  before: number;
  after: number;
}

/**
 * The rhythm of the page: each style's space before and after, from `SPACE` at this document's scale
 * (the same sums the Typst writer adds between blocks), and the space around boxes and tables.
 */
export function spacingOf(t: TypeScale): { styles: Record<string, Spacing>; normal: Spacing; listItem: number; listEnd: number; boxAbove: number; tableAbove: number; boxBelow: number } {
  const k = t.k;
  const f = t.card.f;
  const gap = SPACE.paragraph * k;
  return {
    normal: { before: 0, after: tw(gap) },
    // Between the items of a list, and after its last one.
    listItem: tw(2.5 * k),
    listEnd: tw(gap),
    // Tables and boxes: a little space above, a paragraph and a half below.
    tableAbove: tw(2 * k),
    boxAbove: tw(4 * k),
    boxBelow: tw(gap * 1.5),
    styles: {
      Heading1: { before: tw(SPACE.headingBefore[1] * k), after: 0 },
      Heading2: { before: tw(SPACE.headingBefore[2] * k), after: tw(SPACE.headingAfter[2] * k) },
      Heading3: { before: tw(SPACE.headingBefore[3] * k), after: tw(SPACE.headingAfter[3] * k) },
      [STYLE.cardHeading]: { before: tw(SPACE.headingBefore[3] * k), after: tw(SPACE.headingAfter[3] * k) },
      // The title's rule: 7 pt under the text, then the title's space below (less the rule's own height).
      [STYLE.titleRule]: { before: tw(6), after: tw(SPACE.headingAfter[1] * k - 0.15 * t.h1 * k - 3.5) },
      [STYLE.lead]: { before: 0, after: tw(gap * 1.5) },
      [STYLE.small]: { before: 0, after: tw(gap) },
      [STYLE.display]: { before: 0, after: tw(gap * 0.75) },
      [STYLE.caption]: { before: tw(5 * k), after: tw(gap * 1.5) },
      [STYLE.calloutTitle]: { before: 0, after: tw(4 * k) },
      [STYLE.fieldLabel]: { before: tw(4 * k), after: tw(2 * k) },
      [STYLE.kicker]: { before: 0, after: tw(3 * f) },
      // A card title's line is shorter than its letters (LINE.cardTitle): what follows comes close.
      [STYLE.cardTitle]: { before: 0, after: 0 },
      [STYLE.cardSubtitle]: { before: 0, after: 0 },
      // The rule's own line and stroke (2 pt) come off the space under it.
      [STYLE.cardRule]: { before: tw(8 * f), after: tw(8 * f - 2) },
      [STYLE.cardFoot]: { before: 0, after: 0 },
      [STYLE.picture]: { before: 0, after: 0 },
      [STYLE.writeLine]: { before: 0, after: 0 },
      [STYLE.tableText]: { before: 0, after: 0 },
      [STYLE.tableHeading]: { before: 0, after: 0 },
      [STYLE.factText]: { before: 0, after: 0 },
      [STYLE.deckTitle]: { before: 0, after: 0 },
      [STYLE.deckSlug]: { before: 0, after: 0 },
      [STYLE.printNote]: { before: 0, after: 0 },
      [STYLE.wordmark]: { before: 0, after: 0 },
      [STYLE.place]: { before: 0, after: 0 },
      [STYLE.header]: { before: 0, after: 0 },
      [STYLE.footer]: { before: 0, after: 0 },
      [STYLE.tiny]: { before: 0, after: 0 },
    },
  };
}

/**
 * The space a style gives a paragraph in Word. Word (and LibreOffice reading a DOCX) puts the larger of
 * one paragraph's space after and the next one's space before between them, where the PDF adds the
 * two: a style with space before carries the body's space after as well, so the usual sequence (a
 * paragraph, then a heading) needs no direct formatting; the flow writes the sum where it differs.
 */
export function wordSpacing(space: ReturnType<typeof spacingOf>, key: string | undefined): Spacing {
  const own = key ? (space.styles[key] ?? space.normal) : space.normal;
  return { before: own.before > 0 ? own.before + space.normal.after : 0, after: own.after };
}

/** The line of the deck title above each sheet of cards, in twips (the title row of the sheet table is this tall). */
export const DECK_TITLE_LINE = 280;

/** Word styles: document defaults (font, size, language), restyled headings and our named styles. */
export function stylesFor(d: Docx, doc: Document, c: WordPalette, font: string): IStylesOptions {
  const t = typeScale(doc);
  const sp = spacingOf(t);
  const lang = doc.meta.language;
  const AT_LEAST = d.LineRuleType.AT_LEAST;
  const EXACT = d.LineRuleType.EXACT;
  // Every style's space from the one table, and its line pitch from the tokens.
  const spacing = (id: string, size: number, em: number) => ({ ...wordSpacing(sp, id), line: pitch(size, em), lineRule: AT_LEAST });
  const plain = (id: string) => wordSpacing(sp, id);
  return {
    default: {
      document: {
        run: { font, size: hp(t.body), color: c.text, language: { value: lang } },
        paragraph: { spacing: { ...sp.normal, line: pitch(t.body, LINE.body), lineRule: AT_LEAST } },
      },
      heading1: {
        run: { font, size: hp(t.h1), bold: true, color: c.text },
        paragraph: {
          spacing: spacing('Heading1', t.h1, LINE.h1),
          keepNext: true,
          keepLines: true,
          // Outline levels make the headings a document outline: Word's navigation pane, and
          // bookmarks when LibreOffice or Word exports the file as PDF.
          outlineLevel: 0,
        },
      },
      heading2: {
        // Text in the accent colour uses the darkened accent, so a pale brand colour stays readable.
        run: { font, size: hp(t.h2), bold: true, color: c.accentText },
        paragraph: { spacing: spacing('Heading2', t.h2, LINE.h2), keepNext: true, keepLines: true, outlineLevel: 1 },
      },
      heading3: {
        run: { font, size: hp(t.h3), bold: true, color: c.text },
        paragraph: { spacing: spacing('Heading3', t.h3, LINE.h3), keepNext: true, keepLines: true, outlineLevel: 2 },
      },
      listParagraph: {
        paragraph: { spacing: { before: 0, after: sp.listItem }, contextualSpacing: false },
      },
      // Only web addresses are underlined (see renderInlines): a phone number is read, not clicked.
      hyperlink: { run: { color: c.accentText, underline: { type: d.UnderlineType.SINGLE, color: c.accent } } },
    },
    paragraphStyles: [
      {
        // The short accent rule under a document title: an empty line of 1 pt whose border is the rule.
        id: STYLE.titleRule,
        name: 'Title rule',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 2 },
        paragraph: {
          spacing: { ...plain(STYLE.titleRule), line: 20, lineRule: EXACT },
          keepNext: true,
          border: { bottom: { style: d.BorderStyle.SINGLE, size: 20, color: c.accent, space: 0 } },
        },
      },
      {
        id: STYLE.lead,
        name: 'Lead',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: hp(t.lead), color: c.soft },
        paragraph: { spacing: spacing(STYLE.lead, t.lead, LINE.lead) },
      },
      {
        id: STYLE.small,
        name: 'Small print',
        basedOn: 'Normal',
        quickFormat: true,
        run: { size: hp(t.small), color: c.muted },
        paragraph: { spacing: spacing(STYLE.small, t.small, LINE.body) },
      },
      {
        // A flyer's date: read from across a room.
        id: STYLE.display,
        name: 'Display',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: hp(t.display), bold: true, color: c.accentText },
        paragraph: { spacing: spacing(STYLE.display, t.display, LINE.display), keepLines: true },
      },
      {
        id: STYLE.caption,
        name: 'caption',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: hp(t.label), color: c.accentText, bold: true },
        paragraph: { spacing: spacing(STYLE.caption, t.label, LINE.body) },
      },
      {
        id: STYLE.header,
        name: 'header',
        basedOn: 'Normal',
        run: { size: hp(TYPE.running), color: c.muted, characterSpacing: 6 },
        paragraph: { spacing: spacing(STYLE.header, TYPE.running, LINE.body) },
      },
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: 'Normal',
        run: { size: hp(TYPE.running), color: c.muted },
        paragraph: { spacing: spacing(STYLE.footer, TYPE.running, LINE.body) },
      },
      {
        id: STYLE.kicker,
        name: 'Card kicker',
        basedOn: 'Normal',
        next: STYLE.cardTitle,
        run: { size: hp(t.card.kicker), bold: true, color: c.accentText, allCaps: true, characterSpacing: Math.round(22 * t.card.f) },
        paragraph: { spacing: spacing(STYLE.kicker, t.card.kicker, LINE.body), keepNext: true },
      },
      {
        id: STYLE.cardTitle,
        name: 'Card title',
        basedOn: 'Normal',
        next: STYLE.cardSubtitle,
        run: { size: hp(t.card.title), bold: true, color: c.text },
        // Outline level 2 puts every card in Word's navigation pane, under the deck's title.
        paragraph: { spacing: spacing(STYLE.cardTitle, t.card.title, LINE.cardTitle), keepNext: true, outlineLevel: 1 },
      },
      {
        id: STYLE.cardSubtitle,
        name: 'Card subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: hp(t.card.subtitle), color: c.soft },
        paragraph: { spacing: spacing(STYLE.cardSubtitle, t.card.subtitle, LINE.cardSubtitle) },
      },
      {
        // The short accent rule between a card's title and its text.
        id: STYLE.cardRule,
        name: 'Card rule',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 2 },
        paragraph: {
          spacing: { ...plain(STYLE.cardRule), line: 20, lineRule: EXACT },
          border: { bottom: { style: d.BorderStyle.SINGLE, size: 10, color: c.accent, space: 0 } },
        },
      },
      {
        // Headings on a card (a situation's "Praat erover") are part of that card, not sections of the
        // document: a heading's look, outside the outline.
        id: STYLE.cardHeading,
        name: 'Card heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true, size: hp(t.h3), color: c.text },
        paragraph: { spacing: spacing(STYLE.cardHeading, t.h3, LINE.h3), keepNext: true },
      },
      {
        // The deck's name and the card's number at its foot ("Gouden regels · 3/6").
        id: STYLE.cardFoot,
        name: 'Card number',
        basedOn: 'Normal',
        run: { size: hp(t.card.foot), color: c.muted },
        paragraph: { spacing: spacing(STYLE.cardFoot, t.card.foot, LINE.body) },
      },
      {
        // The deck's title, once, in the top margin of the first sheet: the file's one Heading 1
        // for the outline, small so the cards keep their place on the sheet.
        id: STYLE.deckTitle,
        name: 'Deck title',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: hp(TYPE.running), color: c.muted },
        paragraph: { spacing: { ...plain(STYLE.deckTitle), line: DECK_TITLE_LINE, lineRule: EXACT }, outlineLevel: 0 },
      },
      {
        // The same title on the following sheets: outside the outline.
        id: STYLE.deckSlug,
        name: 'Deck name',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: hp(TYPE.running), color: c.muted },
        paragraph: { spacing: { ...plain(STYLE.deckSlug), line: DECK_TITLE_LINE, lineRule: EXACT } },
      },
      {
        // How to print and cut: for whoever stands at the printer.
        id: STYLE.printNote,
        name: 'Print note',
        basedOn: 'Normal',
        run: { size: hp(TYPE.running), color: c.muted },
        paragraph: { spacing: { ...plain(STYLE.printNote), line: DECK_TITLE_LINE, lineRule: EXACT }, alignment: d.AlignmentType.RIGHT },
      },
      {
        id: STYLE.writeLine,
        name: 'Writing lines',
        basedOn: 'Normal',
        // Each line is a tab to the right margin drawn with an underscore leader, in the rule colour.
        run: { color: c.rule },
        paragraph: { spacing: { ...plain(STYLE.writeLine), line: mmToTwips(SIZE_MM.writeLine * t.k), lineRule: EXACT } },
      },
      {
        id: STYLE.calloutTitle,
        name: 'Box title',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true },
        paragraph: { spacing: spacing(STYLE.calloutTitle, t.body, LINE.body), keepNext: true },
      },
      {
        id: STYLE.tableHeading,
        name: 'Table heading',
        basedOn: 'Normal',
        run: { bold: true, size: hp(t.table) },
        paragraph: { spacing: spacing(STYLE.tableHeading, t.table, LINE.table), keepNext: true },
      },
      {
        id: STYLE.tableText,
        name: 'Table text',
        basedOn: 'Normal',
        run: { size: hp(t.table) },
        paragraph: { spacing: spacing(STYLE.tableText, t.table, LINE.table) },
      },
      {
        // When, where, how to register: body size, a little tighter than running text.
        id: STYLE.factText,
        name: 'Facts',
        basedOn: 'Normal',
        paragraph: { spacing: spacing(STYLE.factText, t.body, LINE.facts) },
      },
      {
        id: STYLE.fieldLabel,
        name: 'Field label',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true },
        paragraph: { spacing: spacing(STYLE.fieldLabel, t.body, LINE.body), keepNext: true },
      },
      {
        // A paragraph holding a picture: its line is the picture, with no text line's air below it.
        id: STYLE.picture,
        name: 'Picture',
        basedOn: 'Normal',
        run: { size: 2 },
        paragraph: { spacing: { ...plain(STYLE.picture), line: 240, lineRule: d.LineRuleType.AUTO } },
      },
      {
        id: STYLE.wordmark,
        name: 'Wordmark',
        basedOn: 'Normal',
        run: { size: hp(BRAND.wordmark), bold: true, color: c.text },
        paragraph: { spacing: { ...plain(STYLE.wordmark), line: pitch(BRAND.wordmark, LINE_BOX), lineRule: AT_LEAST }, keepNext: true },
      },
      {
        id: STYLE.place,
        name: 'Wordmark place',
        basedOn: 'Normal',
        run: { size: hp(BRAND.place), bold: true, color: c.accentText },
        paragraph: { spacing: { ...plain(STYLE.place), line: pitch(BRAND.place, LINE_BOX), lineRule: AT_LEAST } },
      },
      {
        id: STYLE.tiny,
        name: 'Spacer',
        basedOn: 'Normal',
        // A 1 pt line: holds section breaks and page breaks without adding visible space.
        run: { size: 2 },
        paragraph: { spacing: { ...plain(STYLE.tiny), line: 20, lineRule: EXACT } },
      },
    ],
  };
}

/**
 * One bullet and one numbered list definition; each ordered list gets its own instance so it restarts
 * at 1. The text starts where the PDF's does: after the marker (a bold bullet 0.44 em wide, a number
 * up to 0.87 em) and the gap the Typst writer leaves (7 pt after a bullet, 6 pt after a number).
 */
export function numberingFor(d: Docx, c: WordPalette, t: TypeScale): INumberingOptions {
  const bullet = tw(0.44 * t.body + 7 * t.k);
  const number = tw(0.87 * t.body + 6 * t.k);
  return {
    config: [
      {
        reference: NUMBERING.bullet,
        levels: [
          {
            level: 0,
            format: d.LevelFormat.BULLET,
            text: '•',
            alignment: d.AlignmentType.LEFT,
            style: { paragraph: { indent: { left: bullet, hanging: bullet } }, run: { color: c.accentText, bold: true } },
          },
        ],
      },
      {
        reference: NUMBERING.ordered,
        levels: [
          {
            level: 0,
            format: d.LevelFormat.DECIMAL,
            text: '%1.',
            alignment: d.AlignmentType.LEFT,
            style: { paragraph: { indent: { left: number, hanging: number } }, run: { color: c.accentText, bold: true } },
          },
        ],
      },
    ],
  };
}
