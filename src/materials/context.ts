// What every material works with — the resolved project — and what it produces, plus the pieces
// all materials share: the document frame (metadata, page, footer, logo) and the project fields
// templates may see.
import type { Calendar } from '../document/calendar.js';
import type { Document, PageSetup, Visibility } from '../document/model.js';
import { BRAND } from '../document/theme.js';
import { loadLabels } from '../content/labels.js';
import { localeOf } from '../languages.js';
import type { Audience } from '../project/schema.js';
import type { ResolvedProject } from '../resolve/index.js';

/** Materials read the resolved project and nothing else (see src/resolve). */
export type MaterialContext = ResolvedProject;

/**
 * What a material produces: documents (written as PDF, DOCX, ...), calendars (written as .ics), or
 * files that are already what they are (a text to paste into a newsletter, a picture for social
 * media), written as they come with their own extension.
 */
export type Output =
  | {
      kind: 'document';
      name: string;
      document: Document;
      /**
       * The only formats this document is written in, when given: a print-shop deck goes to the
       * printer as PDF (its bleed and trim size exist only there), so no DOCX or web page is made of it.
       */
      formats?: readonly string[];
    }
  | { kind: 'calendar'; name: string; visibility: Visibility; calendar: Calendar }
  | { kind: 'file'; name: string; extension: 'txt' | 'md' | 'png'; visibility: Visibility; bytes: Uint8Array };

export interface MaterialOptions {
  /** Only this audience's meeting, where a material is per meeting. */
  audience?: Audience;
}

/** Who an output is for: public outputs never name a person with lived experience who did not consent. */
export function visibilityOf(output: Output): Visibility {
  return output.kind === 'document' ? output.document.meta.visibility : output.visibility;
}

/**
 * The project as templates see it: the public facts only. Templates (also a user's own) get
 * people through the fields a material hands them, already reduced to what that material may show.
 */
export function templateProject(ctx: MaterialContext) {
  return { municipality: ctx.municipality, area: { name: ctx.area.name, kind: ctx.area.kind, inhabitants: ctx.area.inhabitants ?? null }, language: ctx.lang };
}

export interface BaseOptions {
  title: string;
  /** Public documents may be handed to anyone; team documents carry "internal" in their header. */
  visibility: Visibility;
  subject?: string;
  header?: string;
  size?: PageSetup['size'];
  orientation?: PageSetup['orientation'];
  marginsMm?: PageSetup['marginsMm'];
  /** Leave the brand lockup off (a document whose first page is all cards shows it on the backs). */
  brand?: false;
  /** Body text larger, for what residents receive; larger still on an A3 poster. */
  reading?: 'large' | 'poster' | 'poster-a3';
}

/** A document with the project's metadata, theme and footer; materials add the blocks. */
export function baseDocument(ctx: MaterialContext, opts: BaseOptions): Document {
  const labels = loadLabels(ctx.lang);
  // Internal documents say so on every page, so a copy left on a table is recognised as not for handing out.
  // Public documents carry the mark; a team document keeps its "internal" header on every page instead.
  const brand = opts.visibility === 'public' && opts.brand !== false;
  const header = opts.visibility === 'team' ? [opts.header, labels.schedule.internal].filter(Boolean).join(' · ') : opts.header;
  return {
    meta: {
      title: opts.title,
      subject: opts.subject ?? `Welkome Wijk ${ctx.area.name}`,
      author: ctx.organisations.join(', '),
      language: localeOf(ctx.lang),
      visibility: opts.visibility,
      date: ctx.date,
      keywords: ['Welkome Wijk', ctx.municipality, ctx.area.name],
    },
    page: {
      size: opts.size ?? 'A4',
      orientation: opts.orientation ?? 'portrait',
      // With the lockup at the top of the first page, the top margin need not also hold a header line there.
      marginsMm: opts.marginsMm ?? [brand ? 13 : 17, 19, 19, 19],
      header: header || undefined,
      // The logo is the first organisation's (usually the municipality's); its alt text says whose.
      logo: ctx.logo ? { path: ctx.logo, heightMm: BRAND.logoMm.h, widthMm: BRAND.logoMm.w, alt: labels.logoAlt.replace('{organisation}', ctx.organisations[0]) } : undefined,
      brand: brand ? { wordmark: labels.wordmark, place: ctx.area.name } : undefined,
      footer: { text: ctx.organisations.join(' · '), pageLabel: labels.pageLabel },
    },
    theme: { accent: ctx.accentColor, reading: opts.reading ?? 'standard' },
    blocks: [],
    allowedFiles: ctx.logo ? [ctx.logo] : [],
  };
}
