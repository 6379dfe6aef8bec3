// The look of the DOCX output: units, page sizes, colours, the type scale, Word styles and list numbering.
// Everything a user would restyle in Word lives in named styles here, not in direct formatting.
import type { IStylesOptions, INumberingOptions } from 'docx';
import type { Document, PageSize, Tone } from '../../document/model.js';
import type { Docx } from './modules.js';

/** Word measures in twips (1/20 pt); the model in mm. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** docx sizes images in CSS pixels (96 per inch). */
export function mmToPx(mm: number): number {
  return Math.round((mm * 96) / 25.4);
}

/** Portrait page sizes in mm; docx swaps them itself for landscape. */
export const PAGE_MM: Record<PageSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  A5: { width: 148, height: 210 },
  A6: { width: 105, height: 148 },
};

/** Greys for text and rules; the accent comes from the theme. */
export const INK = '1F2A2E';
export const MUTED = '5B6770';
export const RULE = 'C9D0D4';
export const PANEL = 'F2F4F5';

/** `#0b6e69` → `0B6E69`, the form Word wants. */
export function wordColour(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  return m ? m[1].toUpperCase() : '0B6E69';
}

/** The accent mixed with white: a tint for panels that keeps text on it readable. */
export function tint(colour: string, amount: number): string {
  const n = parseInt(colour, 16);
  const mix = (c: number) => Math.round(c * amount + 255 * (1 - amount));
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return ((r << 16) | (g << 8) | b).toString(16).padStart(6, '0').toUpperCase();
}

export function toneColour(tone: Tone | undefined, accent: string): string | undefined {
  switch (tone) {
    case 'accent':
      return accent;
    case 'muted':
      return MUTED;
    case 'normal':
    case undefined:
      return undefined;
  }
}

/** Point sizes for one page size; small pages get a tighter scale so A6 is not all heading. */
export interface TypeScale {
  body: number;
  lead: number;
  small: number;
  h1: number;
  h2: number;
  h3: number;
  cardTitle: number;
}

export function typeScale(size: PageSize): TypeScale {
  switch (size) {
    case 'A4':
      return { body: 10.5, lead: 13, small: 8.5, h1: 24, h2: 15, h3: 12, cardTitle: 28 };
    case 'A5':
      return { body: 10, lead: 12, small: 8, h1: 20, h2: 13.5, h3: 11, cardTitle: 26 };
    case 'A6':
      return { body: 9, lead: 10.5, small: 7.5, h1: 16, h2: 12, h3: 10, cardTitle: 24 };
  }
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
  cardSubtitle: 'CardSubtitle',
  calloutTitle: 'CalloutTitle',
  tableHeading: 'TableHeading',
  tableText: 'TableText',
  fieldLabel: 'FieldLabel',
  tiny: 'Spacer',
} as const;

export const NUMBERING = { bullet: 'ww-bullet', ordered: 'ww-ordered' } as const;

/** Space before (twips) of the styles that have some; the gap after a table must not shrink it. */
export const SPACE_BEFORE = { heading2: 320, heading3: 220, fieldLabel: 160 } as const;

export function languageTag(doc: Document): string {
  return doc.meta.language === 'nl' ? 'nl-NL' : 'en-GB';
}

/** Word styles: document defaults (font, size, language), restyled headings and our named styles. */
export function stylesFor(d: Docx, doc: Document, accent: string, font: string): IStylesOptions {
  const t = typeScale(doc.page.size);
  const lang = languageTag(doc);
  const tight = { before: 0, after: 0 };
  return {
    default: {
      document: {
        run: { font, size: hp(t.body), color: INK, language: { value: lang } },
        paragraph: { spacing: { after: 120, line: 288, lineRule: d.LineRuleType.AUTO } },
      },
      heading1: {
        run: { font, size: hp(t.h1), bold: true, color: INK },
        paragraph: {
          spacing: { before: 0, after: 200, line: 240, lineRule: d.LineRuleType.AUTO },
          keepNext: true,
          keepLines: true,
          // The accent rule under the title: the one strong use of the accent colour on a page.
          border: { bottom: { style: d.BorderStyle.SINGLE, size: 18, color: accent, space: 6 } },
        },
      },
      heading2: {
        run: { font, size: hp(t.h2), bold: true, color: accent },
        paragraph: { spacing: { before: SPACE_BEFORE.heading2, after: 100, line: 252, lineRule: d.LineRuleType.AUTO }, keepNext: true, keepLines: true },
      },
      heading3: {
        run: { font, size: hp(t.h3), bold: true, color: INK },
        paragraph: { spacing: { before: SPACE_BEFORE.heading3, after: 60 }, keepNext: true, keepLines: true },
      },
      listParagraph: {
        paragraph: { spacing: { after: 60 }, contextualSpacing: false },
      },
      hyperlink: { run: { color: accent, underline: { type: d.UnderlineType.SINGLE, color: accent } } },
    },
    paragraphStyles: [
      {
        id: STYLE.lead,
        name: 'Lead',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: hp(t.lead), color: INK },
        paragraph: { spacing: { after: 200, line: 300, lineRule: d.LineRuleType.AUTO } },
      },
      {
        id: STYLE.small,
        name: 'Small print',
        basedOn: 'Normal',
        quickFormat: true,
        run: { size: hp(t.small), color: MUTED },
        paragraph: { spacing: { after: 80, line: 264, lineRule: d.LineRuleType.AUTO } },
      },
      {
        id: STYLE.caption,
        name: 'caption',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: hp(t.small), color: accent, bold: true },
        paragraph: { spacing: { before: 40, after: 200 } },
      },
      {
        id: STYLE.header,
        name: 'header',
        basedOn: 'Normal',
        run: { size: hp(t.small), color: MUTED, characterSpacing: 10 },
        paragraph: { spacing: tight },
      },
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: 'Normal',
        run: { size: hp(t.small), color: MUTED },
        paragraph: { spacing: tight },
      },
      {
        id: STYLE.kicker,
        name: 'Card kicker',
        basedOn: 'Normal',
        next: STYLE.cardTitle,
        run: { size: hp(8), bold: true, color: accent, allCaps: true, characterSpacing: 20 },
        paragraph: { spacing: { before: 0, after: 40 }, keepNext: true },
      },
      {
        id: STYLE.cardTitle,
        name: 'Card title',
        basedOn: 'Normal',
        next: STYLE.cardSubtitle,
        run: { size: hp(t.cardTitle), bold: true, color: INK },
        // Outline level 2 puts every card in Word's navigation pane, under the document's sections.
        paragraph: { spacing: { before: 0, after: 80, line: 240, lineRule: d.LineRuleType.AUTO }, keepNext: true, outlineLevel: 1 },
      },
      {
        id: STYLE.cardSubtitle,
        name: 'Card subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: hp(10), color: MUTED },
        paragraph: {
          spacing: { before: 0, after: 200 },
          border: { bottom: { style: d.BorderStyle.SINGLE, size: 4, color: RULE, space: 8 } },
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
        run: { bold: true, size: hp(t.body - 0.5) },
        paragraph: { spacing: tight, keepNext: true },
      },
      {
        id: STYLE.tableText,
        name: 'Table text',
        basedOn: 'Normal',
        run: { size: hp(t.body - 0.5) },
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
export function numberingFor(d: Docx, accent: string): INumberingOptions {
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
            style: { paragraph: { indent }, run: { color: accent, bold: true } },
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
            style: { paragraph: { indent }, run: { color: accent, bold: true } },
          },
        ],
      },
    ],
  };
}
