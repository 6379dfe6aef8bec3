// The PDF writer: renders a Document to PDF bytes with pdfmake, and reports any card whose text does not fit.
import type { Document } from '../../document/model.js';
import { InternalError } from '../../errors.js';
import { reportOverflows } from '../card-fit.js';
import { qrMatrices } from '../qr.js';
import { CardProbe } from './cards.js';
import { bleedPages, buildDefinition } from './definition.js';
import { getEngine, renderDefinition } from './engine.js';
import { withFallbackFaces } from './fallback.js';

/**
 * Render `doc` as a PDF. Deterministic: the same Document gives the same bytes.
 * Throws CardsTooLongError when a card's text does not fit its card (type is never shrunk to fit).
 */
export async function writePdf(doc: Document): Promise<Uint8Array> {
  await getEngine();
  const qr = await qrMatrices(doc.blocks);
  const probe = new CardProbe();
  // A deck that overflows is an error, so its layout is not finished (no fonts embedded, no file closed).
  const bytes = await renderDefinition(withFallbackFaces(buildDefinition(doc, probe, qr)), doc.allowedFiles, bleedPages(doc), () => probe.overflows().length === 0);
  reportOverflows(probe.overflows());
  if (!bytes) throw new InternalError('The PDF was not finished, yet no card overflowed.');
  return bytes;
}
