// The PDF writer: renders a Document to PDF bytes with pdfmake, and reports any card whose text does not fit.
import type { Document } from '../../document/model.js';
import { reportOverflows } from '../card-fit.js';
import { qrMatrix, type QrMatrix } from '../qr.js';
import { qrData } from './blocks.js';
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
  const qr = new Map<string, QrMatrix>();
  for (const data of new Set(qrData(doc.blocks))) qr.set(data, await qrMatrix(data));
  const probe = new CardProbe();
  const bytes = await renderDefinition(withFallbackFaces(buildDefinition(doc, probe, qr)), doc.allowedFiles, bleedPages(doc));
  reportOverflows(probe.overflows());
  return bytes;
}
