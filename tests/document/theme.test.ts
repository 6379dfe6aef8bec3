// The design tokens: the contrast rule holds for any accent colour a project may choose, and both
// writers use it — read back from the files, not trusted from the writer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { contrast, MIN_TEXT_CONTRAST, palette } from '../../src/document/theme.js';
import { writeDocument } from '../../src/writers/index.js';
import { kitchenSink } from '../fixtures/documents/kitchen-sink.js';

const hex = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })).map((rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`);

describe('palette', () => {
  it('every text colour reads at 4.5:1 on every background it is used on, whatever the accent', () => {
    fc.assert(
      fc.property(hex, (accent) => {
        const p = palette({ accent });
        for (const [fg, bg] of [
          [p.accentText, '#ffffff'],
          [p.accentText, p.accentTint],
          [p.text, '#ffffff'],
          [p.text, p.accentTint],
          [p.text, p.neutralTint],
          [p.soft, '#ffffff'],
          [p.muted, '#ffffff'],
          [p.muted, p.neutralTint],
        ]) {
          expect(contrast(fg, bg), `${fg} on ${bg} (accent ${accent})`).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a dark accent as it is', () => {
    expect(palette({ accent: '#0b6e69' }).accentText).toBe('#0b6e69');
  });
});

describe('a pale accent (#ffe600) in both writers', () => {
  const doc = () => ({ ...kitchenSink(), theme: { accent: '#ffe600' } });

  it('DOCX: Heading 2, links, callout titles and card kickers use the darkened accent', async () => {
    const files = unzipSync(await writeDocument(doc(), 'docx'));
    const styles = new TextDecoder().decode(files['word/styles.xml']);
    const heading2 = /<w:style [^>]*w:styleId="Heading2"[^>]*>.*?<\/w:style>/s.exec(styles)![0];
    const colour = /<w:color w:val="([0-9A-F]{6})"/.exec(heading2)![1];
    expect(contrast(`#${colour}`, '#ffffff')).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    // No text run or style anywhere in the package uses the raw pale colour.
    for (const [name, bytes] of Object.entries(files)) {
      if (!name.endsWith('.xml')) continue;
      const xml = new TextDecoder().decode(bytes);
      expect(xml, name).not.toMatch(/<w:color w:val="FFE600"/);
    }
  });

  it('PDF: headings are drawn in the darkened accent (read with qpdf)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-theme-'));
    try {
      const pdf = join(dir, 'pale.pdf');
      writeFileSync(pdf, await writeDocument(doc(), 'pdf'));
      const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { encoding: 'latin1' });
      // The fill colour set right before a text object ("r g b scn" ... "BT"): the colour the text is drawn in.
      const fills = [...qdf.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) scn\n(?:[^\n]*\n){0,4}?BT\n/g)].map((m) => m.slice(1, 4).map(Number));
      expect(fills.length).toBeGreaterThan(0);
      for (const [r, g, b] of fills) {
        const colour = `#${[r, g, b].map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('')}`;
        expect(contrast(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST - 0.05);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
