// The PDF engine choice: Typst by default, pdfmake when asked, and pdfmake (with a notice) when the
// native Typst package cannot load on a machine.
import { describe, expect, it, vi } from 'vitest';
import { kitchenSink } from '../fixtures/documents/kitchen-sink.js';

vi.mock('../../src/writers/typst/index.js', async () => {
  const { TypstUnavailableError } = await import('../../src/writers/typst/compiler.js');
  return {
    writeTypstPdf: async () => {
      throw new TypstUnavailableError('no prebuilt binary for this test');
    },
  };
});

describe('PDF engines', () => {
  it('Typst is the default PDF engine, pdfmake the other', async () => {
    const { PDF_ENGINES, writerFor } = await import('../../src/writers/index.js');
    expect(PDF_ENGINES).toEqual(['typst', 'pdfmake']);
    expect(writerFor('pdf').id).toBe('typst');
    expect(writerFor('pdf', ['pdfmake']).id).toBe('pdfmake');
  });

  it('falls back to pdfmake, once told why, when Typst cannot run here', async () => {
    const { writeDocumentWith } = await import('../../src/writers/index.js');
    const notices: string[] = [];
    const { writer, bytes } = await writeDocumentWith(kitchenSink(), 'pdf', [], (from, to, reason) => notices.push(`${from.id}->${to.id}: ${reason.message}`));
    expect(writer.id).toBe('pdfmake');
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^typst->pdfmake: The Typst PDF engine cannot run on this machine/);
  });
});
