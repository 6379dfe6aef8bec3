// The Typst PDF writer: renders a Document to a tagged PDF/UA-1 file with the native Typst compiler.
import type { Document } from '../../document/model.js';
import { reportOverflows } from '../card-fit.js';
import { assertOwnFonts, compile, getCompiler, TypstUnavailableError } from './compiler.js';
import { prepare } from './data.js';
import { addPrintBoxes } from './print-boxes.js';
import { DECK_LABEL, INPUT_KEY, OVERFLOW_LABEL, TEMPLATE } from './template.js';

export { TypstUnavailableError } from './compiler.js';

/** A face the template found too long: which deck and card, and by how much (mm). */
interface MeasuredOverflow {
  deck: number;
  card: number;
  face: 'front' | 'back';
  excessMm: number;
  roomMm: number;
}

/** Whether the native compiler loads here; false means: use the pdfmake writer. */
export function isTypstAvailable(): boolean {
  try {
    getCompiler();
    return true;
  } catch (err) {
    if (err instanceof TypstUnavailableError) return false;
    throw err;
  }
}

/** What one render produced: the PDF, and the type scales Typst chose for each card deck (in order). */
export interface TypstRender {
  pdf: Uint8Array;
  pages: number;
  deckScales: { front: number; back: number }[];
  /** Whether the file claims PDF/UA-1: false only when the text has characters the font lacks. */
  pdfUa: boolean;
}

/**
 * Render `doc` as a PDF with Typst. Deterministic: the same Document gives the same bytes.
 * Throws UserError when a card's text does not fit even at the smallest allowed type size (the
 * pdfmake writer's error), InternalError for a file not in `doc.allowedFiles`, and
 * TypstUnavailableError when the native compiler cannot load on this platform.
 */
export async function writeTypstPdf(doc: Document): Promise<Uint8Array> {
  return (await renderTypst(doc)).pdf;
}

/** `writeTypstPdf`, telling also how it laid the document out. */
export async function renderTypst(doc: Document): Promise<TypstRender> {
  const { data, files, bleedPages } = await prepare(doc);
  const out = compile(
    {
      source: TEMPLATE,
      inputs: { [INPUT_KEY]: JSON.stringify(data) },
      files,
      queries: [OVERFLOW_LABEL, DECK_LABEL],
      timestamp: Math.floor(doc.meta.date.getTime() / 1000),
      pdfStandard: 'ua-1',
    },
    (results) => (results.get(OVERFLOW_LABEL) ?? []).length === 0,
  );
  // Decks are numbered in document order, skipping empty ones, as prepare() numbers them.
  const decks = doc.blocks.flatMap((b) => (b.kind === 'cards' && b.cards.length ? [b.cards] : []));
  reportOverflows(
    ((out.results.get(OVERFLOW_LABEL) ?? []) as MeasuredOverflow[]).map((o) => ({ card: decks[o.deck][o.card], face: o.face, excessMm: o.excessMm, roomMm: o.roomMm })),
  );
  const pdf = out.pdf!;
  assertOwnFonts(pdf);
  const scales = (out.results.get(DECK_LABEL) ?? []) as { deck: number; front: number; back: number }[];
  return {
    pdf: addPrintBoxes(pdf, bleedPages),
    pages: out.pages,
    pdfUa: out.standard === 'ua-1',
    deckScales: [...scales].sort((a, b) => a.deck - b.deck).map((d) => ({ front: d.front, back: d.back })),
  };
}
