// The PDF writer: renders a Document to PDF bytes with pdfmake, refitting any card that overflows.
import type { Document } from '../../document/model.js';
import { UserError } from '../../errors.js';
import { qrMatrix, type QrMatrix } from '../qr.js';
import { qrData } from './blocks.js';
import { CardProbe } from './cards.js';
import { bleedPages, buildDefinition } from './definition.js';
import { getEngine, renderDefinition } from './engine.js';

/** Each refit shrinks an overflowing card face's type by this much... */
const SHRINK_STEP = 0.08;
/** ...but never below this: smaller than ~8pt body text is not readable on a handout card. */
const MIN_SCALE = 0.8;

/**
 * Render `doc` as a PDF. Deterministic: the same Document gives the same bytes.
 * Throws UserError when an image is not in `doc.allowedFiles`, or a card's text does not fit
 * even at the smallest allowed type size.
 */
export async function writePdf(doc: Document): Promise<Uint8Array> {
  await getEngine();
  const qr = new Map<string, QrMatrix>();
  for (const data of new Set(qrData(doc.blocks))) qr.set(data, await qrMatrix(data));
  const scales = new Map<string, number>();
  for (;;) {
    const probe = new CardProbe(scales);
    // A fresh definition each time: pdfmake mutates the one it is given.
    const bytes = await renderDefinition(buildDefinition(doc, probe, qr), doc.allowedFiles, bleedPages(doc));
    const overflows = probe.overflows();
    if (overflows.length === 0) return bytes;
    for (const o of overflows) {
      const next = Math.round(((scales.get(o.key) ?? 1) - SHRINK_STEP) * 100) / 100;
      if (next < MIN_SCALE) {
        const face = { key: o.face === 'front' ? 'card_face_front' : 'card_face_back' } as const;
        throw new UserError(
          Number.isFinite(o.excessMm)
            ? { key: 'card_too_long', params: { title: o.title, face, mm: Math.ceil(o.excessMm) } }
            : { key: 'card_far_too_long', params: { title: o.title, face } },
        );
      }
      scales.set(o.key, next);
    }
  }
}
