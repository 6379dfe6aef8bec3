// The writers, registered in one table: a Document (or a Calendar) goes in, the bytes of a file come out.
// Writers are keyed by id, apart from the file format they write, so two writers of one format (two
// PDF engines) can sit side by side. Each is imported only when used: pdfmake and docx are slow to import.
import type { Calendar } from '../document/calendar.js';
import type { Document } from '../document/model.js';
import { InternalError } from '../errors.js';
import { TypstUnavailableError } from './typst/compiler.js';

/** What a writer reads: a laid-out document, or a calendar. */
export interface WriterInputs {
  document: Document;
  calendar: Calendar;
}

export interface Writer<I extends keyof WriterInputs = keyof WriterInputs> {
  id: string;
  /** The format users ask for (`--format pdf`); several writers may share one. */
  format: string;
  /** The file name extension, without the dot. */
  extension: string;
  input: I;
  /** One line for the README and `--help`. */
  summary: string;
  /** Written only when asked for (`--format html`); unset means the format is in the default set. */
  byDefault?: false;
  /**
   * Writes public documents only: `render` passes over team documents (run sheets) for this
   * writer and says so. A web page is made to be published, and a run sheet names the pair.
   */
  publicOnly?: true;
  load(): Promise<(input: WriterInputs[I]) => Promise<Uint8Array>>;
}

function writer<I extends keyof WriterInputs>(w: Writer<I>): Writer<I> {
  return w;
}

export const WRITERS = {
  // The default PDF engine (registered first): tagged PDF/UA-1, hyphenation, fast. Where its native
  // package cannot load, it throws TypstUnavailableError and `writeDocument` falls back to pdfmake.
  typst: writer({
    id: 'typst',
    format: 'pdf',
    extension: 'pdf',
    input: 'document',
    summary: 'tagged PDF (PDF/UA-1) with Typst (native, prebuilt for Linux, macOS and Windows)',
    load: async () => (await import('./typst/index.js')).writeTypstPdf,
  }),
  // The pure-JavaScript PDF engine: runs wherever Node does (`--pdf-engine pdfmake`).
  pdfmake: writer({
    id: 'pdfmake',
    format: 'pdf',
    extension: 'pdf',
    input: 'document',
    summary: 'PDF with pdfmake (pure JavaScript)',
    load: async () => (await import('./pdf/index.js')).writePdf,
  }),
  docx: writer({
    id: 'docx',
    format: 'docx',
    extension: 'docx',
    input: 'document',
    summary: 'Word document with the docx library (editable, real heading styles)',
    load: async () => (await import('./docx/index.js')).writeDocx,
  }),
  // Not a default format: a bundle stays PDF and DOCX unless a web page is asked for.
  html: writer({
    id: 'html',
    format: 'html',
    extension: 'html',
    input: 'document',
    summary: 'self-contained web page (inline styles, logo and QR code; no external requests)',
    byDefault: false,
    publicOnly: true,
    load: async () => (await import('./html/index.js')).writeHtml,
  }),
  ics: writer({
    id: 'ics',
    format: 'ics',
    extension: 'ics',
    input: 'calendar',
    summary: 'iCalendar file (RFC 5545), written by hand',
    load: async () => (await import('./ics.js')).writeIcs,
  }),
} as const;

export type WriterId = keyof typeof WRITERS;

/** The formats a document can be written in, each with its default writer (the first registered). */
export function documentFormats(): string[] {
  return [...new Set(Object.values(WRITERS).filter((w) => w.input === 'document').map((w) => w.format))];
}

/** The formats `render` writes when no `--format` is given. */
export function defaultFormats(): string[] {
  return documentFormats().filter((format) => writerFor(format).byDefault !== false);
}

/** The document writer for a format: the one asked for by id, else the first registered for that format. */
export function writerFor(format: string, preferred: readonly string[] = []): Writer<'document'> {
  const candidates = Object.values(WRITERS).filter((w): w is Writer<'document'> & (typeof WRITERS)[WriterId] => w.input === 'document' && w.format === format);
  const found = candidates.find((w) => preferred.includes(w.id)) ?? candidates[0];
  if (!found) throw new InternalError(`No writer for the format "${format}".`);
  return found;
}

/** The PDF engines, default first. */
export const PDF_ENGINES = Object.values(WRITERS)
  .filter((w) => w.format === 'pdf')
  .map((w) => w.id);

/**
 * Write a document in `format` with the preferred writer (else the format's default). When the
 * writer is the Typst engine and its native package cannot load here, the next writer of the
 * format (pdfmake) takes over, and `onFallback` hears why, so the caller can say so once.
 */
export async function writeDocumentWith(
  doc: Document,
  format: string,
  preferred: readonly string[] = [],
  onFallback?: (from: Writer<'document'>, to: Writer<'document'>, reason: Error) => void,
): Promise<{ writer: Writer<'document'>; bytes: Uint8Array }> {
  const writer = writerFor(format, preferred);
  try {
    return { writer, bytes: await (await writer.load())(doc) };
  } catch (err) {
    if (!(err instanceof TypstUnavailableError)) throw err;
    const next = Object.values(WRITERS).find((w): w is Writer<'document'> & (typeof WRITERS)[WriterId] => w.input === 'document' && w.format === format && w.id !== writer.id);
    if (!next) throw err;
    onFallback?.(writer, next, err);
    return { writer: next, bytes: await (await next.load())(doc) };
  }
}

/** Write one document with the default writer of `format` (for tests and scripts). */
export async function writeDocument(doc: Document, format: string): Promise<Uint8Array> {
  return (await writeDocumentWith(doc, format)).bytes;
}

export { TypstUnavailableError };
