// The writers, registered in one table: a Document goes in, the bytes of a file come out.
// Each writer is imported only when used, because pdfmake and docx are slow to import.
import type { Document } from '../document/model.js';

export type Format = 'pdf' | 'docx';

export const FORMATS: readonly Format[] = ['pdf', 'docx'];

export const WRITERS: Record<Format, (doc: Document) => Promise<Uint8Array>> = {
  pdf: async (doc) => (await import('./pdf/index.js')).writePdf(doc),
  docx: async (doc) => (await import('./docx/index.js')).writeDocx(doc),
};
