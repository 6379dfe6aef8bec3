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
 * Fitted type scales of card faces already rendered in this process, by everything that decides a
 * face's height: its content, the deck's layout, the language (upper-casing) and the theme. A
 * face's scale depends on nothing else (faces are placed absolutely and measured one by one), so a
 * face seen before starts at its final scale and the deck is laid out once instead of two or three
 * times; a batch of neighbourhoods repeats the same golden rules and situations again and again.
 */
const fittedScales = new Map<string, number>();
/** A bound on the memory the memo may take in a long batch (a key is a card's text, under 2 kB). */
const MAX_FITTED = 5000;

/** The memo key of every card face, under the key the CardProbe measures it by (`deck-card-face`). */
function faceSignatures(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  let deck = 0;
  for (const block of doc.blocks) {
    // Numbered as buildDefinition numbers decks: empty decks are left out.
    if (block.kind !== 'cards' || !block.cards.length) continue;
    const common = [block.layout, doc.meta.language, doc.theme];
    block.cards.forEach((card, n) => {
      out.set(`${deck}-${n}-front`, JSON.stringify([...common, 'front', card.kicker, card.title, card.subtitle, card.blocks]));
      out.set(`${deck}-${n}-back`, JSON.stringify([...common, 'back', card.back]));
    });
    deck++;
  }
  return out;
}

/**
 * Render `doc` as a PDF. Deterministic: the same Document gives the same bytes.
 * Throws UserError when an image is not in `doc.allowedFiles`, or a card's text does not fit
 * even at the smallest allowed type size.
 */
export async function writePdf(doc: Document): Promise<Uint8Array> {
  await getEngine();
  const qr = new Map<string, QrMatrix>();
  for (const data of new Set(qrData(doc.blocks))) qr.set(data, await qrMatrix(data));
  const signatures = faceSignatures(doc);
  const scales = new Map<string, number>();
  for (const [key, signature] of signatures) {
    const known = fittedScales.get(signature);
    if (known !== undefined && known !== 1) scales.set(key, known);
  }
  for (;;) {
    const probe = new CardProbe(scales);
    // A fresh definition each time: pdfmake mutates the one it is given.
    const bytes = await renderDefinition(buildDefinition(doc, probe, qr), doc.allowedFiles, bleedPages(doc), () => probe.overflows().length === 0);
    const overflows = probe.overflows();
    if (overflows.length === 0 && bytes) {
      if (fittedScales.size > MAX_FITTED) fittedScales.clear();
      for (const [key, signature] of signatures) fittedScales.set(signature, scales.get(key) ?? 1);
      return bytes;
    }
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
