// The look of the DOCX output: units, page sizes, colours, the type scale, Word styles and list numbering.
// Everything a user would restyle in Word lives in named styles here, not in direct formatting.
import type { IStylesOptions, INumberingOptions } from 'docx';
import type { Document, Theme } from '../../document/model.js';
import { CARD_TYPE, cardTypeFactor, palette, SIZE_MM, SPACE, TYPE, type Palette } from '../../document/theme.js';
import type { Docx } from './modules.js';

/** Word measures in twips (1/20 pt); the model in mm. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Points to twips, for the spacing tokens. */
function twips(pt: number): number {
  return Math.round(pt * 20);
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

/** How much smaller card text is set in Word than in the PDF (see typeScale). */
const DOCX_CARD_FIT = 0.9;

/** Point sizes the Word styles use: the flow text of the tokens, and card faces at this document's card size. */
export interface TypeScale {
  body: number;
  lead: number;
  small: number;
  h1: number;
  h2: number;
  h3: number;
  table: number;
  label: number;
  card: { kicker: number; title: number; subtitle: number; body: number };
}

export function typeScale(doc: Document): TypeScale {
  // A document holds at most one kind of card deck; its layout sets the card type size.
  const deck = doc.blocks.find((b) => b.kind === 'cards');
  const f = deck ? cardTypeFactor(deck.layout) : 1;
  // On cards the text runs at the card's body size, and everything else in proportion (as the PDF
  // writers scale a card's blocks), so a card's paragraphs, lists and boxes match its size.
  // Word has no "shrink this card to fit", and its Arial sets wider than the PDF's face: a card's
  // text runs a tenth smaller than in the PDF, so the longest shipped situation still fits a card.
  const k = deck ? (DOCX_CARD_FIT * CARD_TYPE.body * f) / TYPE.body : 1;
  const scaled = Object.fromEntries(Object.entries(TYPE).map(([key, pt]) => [key, Math.round(pt * k * 2) / 2])) as unknown as typeof TYPE;
  return {
    ...scaled,
    card: { kicker: CARD_TYPE.kicker * f, title: CARD_TYPE.title * f, subtitle: CARD_TYPE.subtitle * f, body: CARD_TYPE.body * f },
  };
}

/** Half-points, the unit of `w:sz`. */
export const hp = (pt: number): number => Math.round(pt * 2);

/** Style ids of our own paragraph styles (Heading1..3 are Word's built-ins, restyled). */
export const STYLE = {
  lead: 'Lead',
  small: 'Small',
  caption: 'Caption',
  header: 'Header',
  footer: 'Footer',
  kicker: 'CardKicker',
  cardTitle: 'CardTitle',
  cardHeading: 'CardHeading',
  deckTitle: 'DeckTitle',
  writeLine: 'WriteLine',
  cardSubtitle: 'CardSubtitle',
  calloutTitle: 'CalloutTitle',
  tableHeading: 'TableHeading',
  tableText: 'TableText',
  fieldLabel: 'FieldLabel',
  tiny: 'Spacer',
} as const;

export const NUMBERING = { bullet: 'ww-bullet', ordered: 'ww-ordered' } as const;

/** The line height (twips) of the deck title above the first sheet of cards; every card page starts with a line this tall. */
export const DECK_TITLE_LINE = 280;

/** Space before (twips) of the styles that have some; the gap after a table must not shrink it. */
export const SPACE_BEFORE = { heading2: twips(SPACE.headingBefore[2]), heading3: twips(SPACE.headingBefore[3]), fieldLabel: 160 } as const;

/** Word styles: document defaults (font, size, language), restyled headings and our named styles. */
export function stylesFor(d: Docx, doc: Document, c: WordPalette, font: string): IStylesOptions {
  const t = typeScale(doc);
  const lang = doc.meta.language;
  const tight = { before: 0, after: 0 };
  return {
    default: {
      document: {
        run: { font, size: hp(t.body), color: c.text, language: { value: lang } },
        paragraph: { spacing: { after: 120, line: 288, lineRule: d.LineRuleType.AUTO } },
      },
      heading1: {
        run: { font, size: hp(t.h1), bold: true, color: c.text },
        paragraph: {
          spacing: { before: 0, after: twips(SPACE.headingAfter[1]), line: 240, lineRule: d.LineRuleType.AUTO },
          keepNext: true,
          keepLines: true,
          // Outline levels make the headings a document outline: Word's navigation pane, and
          // bookmarks when LibreOffice or Word exports the file as PDF.
          outlineLevel: 0,
          // The accent rule under the title: the one strong use of the accent colour on a page.
          border: { bottom: { style: d.BorderStyle.SINGLE, size: 18, color: c.accent, space: 6 } },
        },
      },
      heading2: {
        // Text in the accent colour uses the darkened accent, so a pale brand colour stays readable.
        run: { font, size: hp(t.h2), bold: true, color: c.accentText },
        paragraph: { spacing: { before: SPACE_BEFORE.heading2, after: twips(SPACE.headingAfter[2]), line: 252, lineRule: d.LineRuleType.AUTO }, keepNext: true, keepLines: true, outlineLevel: 1 },
      },
      heading3: {
        run: { font, size: hp(t.h3), bold: true, color: c.text },
        paragraph: { spacing: { before: SPACE_BEFORE.heading3, after: twips(SPACE.headingAfter[3]) }, keepNext: true, keepLines: true, outlineLevel: 2 },
      },
      listParagraph: {
        paragraph: { spacing: { after: 60 }, contextualSpacing: false },
      },
      hyperlink: { run: { color: c.accentText, underline: { type: d.UnderlineType.SINGLE, color: c.accent } } },
    },
    paragraphStyles: [
      {
        id: STYLE.lead,
        name: 'Lead',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: hp(t.lead), color: c.soft },
        paragraph: { spacing: { after: 200, line: 300, lineRule: d.LineRuleType.AUTO } },
      },
      {
        id: STYLE.small,
        name: 'Small print',
        basedOn: 'Normal',
        quickFormat: true,
        run: { size: hp(t.small), color: c.muted },
        paragraph: { spacing: { after: 80, line: 264, lineRule: d.LineRuleType.AUTO } },
      },
      {
        id: STYLE.caption,
        name: 'caption',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: hp(t.label), color: c.accentText, bold: true },
        paragraph: { spacing: { before: 40, after: 200 } },
      },
      {
        id: STYLE.header,
        name: 'header',
        basedOn: 'Normal',
        run: { size: hp(TYPE.running), color: c.muted, characterSpacing: 10 },
        paragraph: { spacing: tight },
      },
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: 'Normal',
        run: { size: hp(TYPE.running), color: c.muted },
        paragraph: { spacing: tight },
      },
      {
        id: STYLE.kicker,
        name: 'Card kicker',
        basedOn: 'Normal',
        next: STYLE.cardTitle,
        run: { size: hp(t.card.kicker), bold: true, color: c.accentText, allCaps: true, characterSpacing: 20 },
        paragraph: { spacing: { before: 0, after: 40 }, keepNext: true },
      },
      {
        id: STYLE.cardTitle,
        name: 'Card title',
        basedOn: 'Normal',
        next: STYLE.cardSubtitle,
        run: { size: hp(t.card.title), bold: true, color: c.text },
        // Outline level 2 puts every card in Word's navigation pane, under the document's sections.
        paragraph: { spacing: { before: 0, after: 80, line: 240, lineRule: d.LineRuleType.AUTO }, keepNext: true, outlineLevel: 1 },
      },
      {
        // Headings on a card (the back's "Welkome Wijk ...", a situation's "Praat erover") are part
        // of that card, not sections of the document: bold text, outside the outline.
        id: STYLE.cardHeading,
        name: 'Card heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true, size: hp(t.card.body + 1), color: c.text },
        paragraph: { spacing: { before: 120, after: 60 }, keepNext: true },
      },
      {
        // The deck's title, once, in the top margin of the first sheet: the file's one Heading 1
        // for the outline, small so the cards keep their place on the sheet.
        id: STYLE.deckTitle,
        name: 'Deck title',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: hp(TYPE.running), bold: true, color: c.muted },
        paragraph: { spacing: { before: 0, after: 0, line: DECK_TITLE_LINE, lineRule: d.LineRuleType.EXACT }, outlineLevel: 0 },
      },
      {
        id: STYLE.writeLine,
        name: 'Writing lines',
        basedOn: 'Normal',
        // Each line is a tab to the right margin drawn with an underscore leader, in the rule colour.
        run: { color: c.rule },
        paragraph: { spacing: { before: 0, after: 0, line: mmToTwips(SIZE_MM.writeLine), lineRule: d.LineRuleType.EXACT } },
      },
      {
        id: STYLE.cardSubtitle,
        name: 'Card subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: hp(t.card.subtitle), color: c.soft },
        paragraph: {
          spacing: { before: 0, after: 200 },
          border: { bottom: { style: d.BorderStyle.SINGLE, size: 4, color: c.rule, space: 8 } },
        },
      },
      {
        id: STYLE.calloutTitle,
        name: 'Box title',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true },
        paragraph: { spacing: { before: 0, after: 60 }, keepNext: true },
      },
      {
        id: STYLE.tableHeading,
        name: 'Table heading',
        basedOn: 'Normal',
        run: { bold: true, size: hp(t.table) },
        paragraph: { spacing: tight, keepNext: true },
      },
      {
        id: STYLE.tableText,
        name: 'Table text',
        basedOn: 'Normal',
        run: { size: hp(t.table) },
        paragraph: { spacing: { before: 0, after: 0, line: 264, lineRule: d.LineRuleType.AUTO } },
      },
      {
        id: STYLE.fieldLabel,
        name: 'Field label',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true },
        paragraph: { spacing: { before: SPACE_BEFORE.fieldLabel, after: 40 }, keepNext: true },
      },
      {
        id: STYLE.tiny,
        name: 'Spacer',
        basedOn: 'Normal',
        // A 1 pt line: holds section breaks and page breaks without adding visible space.
        run: { size: 2 },
        paragraph: { spacing: { before: 0, after: 0, line: 20, lineRule: d.LineRuleType.EXACT } },
      },
    ],
  };
}

/** One bullet and one numbered list definition; each ordered list gets its own instance so it restarts at 1. */
export function numberingFor(d: Docx, c: WordPalette): INumberingOptions {
  const indent = { left: mmToTwips(7), hanging: mmToTwips(4.5) };
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
            style: { paragraph: { indent }, run: { color: c.accentText, bold: true } },
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
            style: { paragraph: { indent }, run: { color: c.accentText, bold: true } },
          },
        ],
      },
    ],
  };
}
