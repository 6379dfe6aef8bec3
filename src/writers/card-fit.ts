// When a card's text does not fit: one error for every writer, saying per card how many words to cut.
import type { Card } from '../document/model.js';
import { CARD_TYPE, LINE } from '../document/theme.js';
import { UserError } from '../errors.js';

/** A card face that is too long, as a writer measured it (mm). */
export interface Overflow {
  card: Card;
  face: 'front' | 'back';
  excessMm: number;
  /** The height the face's content may take. */
  roomMm: number;
}

/** One card that does not fit, as the user is told. */
export interface TooLong {
  title: string;
  face: 'front' | 'back';
  mm: number;
  words: number;
}

/** Every word on a card's front (body and foot), the part a user writes. */
export function frontWords(card: Card): number {
  const text = JSON.stringify([card.blocks, card.foot ?? []]);
  let n = 0;
  // Only the values of "text", "title" and "label" fields are words on the card.
  for (const m of text.matchAll(/"(?:text|title|label)":"((?:[^"\\]|\\.)*)"/g)) n += m[1].split(/\s+/).filter(Boolean).length;
  return n;
}

/** A card's body line (mm) at the smallest card type: the unit a cut must free. */
const CARD_LINE_MM = (CARD_TYPE.body * LINE.body * 25.4) / 72;

/**
 * How many words to cut so a face fits. Text takes height in proportion to its words, but a face only
 * gets shorter by whole lines, and the last line of a cut paragraph may stay partly filled: so the
 * excess is rounded up to whole lines and one line more is asked for. The advice errs on the side of
 * a card that fits after one edit.
 */
export function wordsToCut(words: number, excessMm: number, roomMm: number, lineMm = CARD_LINE_MM): number {
  if (words === 0) return 0;
  const lines = Math.ceil(excessMm / lineMm) + 1;
  return Math.min(words, Math.ceil((words * lines * lineMm) / (roomMm + excessMm)));
}

/** The error a writer throws when cards do not fit; the CLI points at the situation in the file when it can. */
export class CardsTooLongError extends UserError {
  constructor(readonly cards: TooLong[]) {
    // The message names the first card (fronts first: those are the user's words); the CLI lists all.
    const c = cards.find((x) => x.face === 'front') ?? cards[0];
    const mm = Math.ceil(c.mm);
    super(
      c.face === 'back'
        ? { key: 'card_back_too_long', params: { title: c.title, mm } }
        : { key: cards.length === 1 ? 'card_too_long' : 'cards_too_long', params: { title: c.title, mm, words: c.words, count: cards.length - 1 } },
    );
  }
}

/** Throws CardsTooLongError for the overflows, if there are any. */
export function reportOverflows(overflows: readonly Overflow[]): void {
  if (overflows.length === 0) return;
  throw new CardsTooLongError(
    overflows.map((o) => ({
      title: o.card.title,
      face: o.face,
      mm: o.excessMm,
      words: o.face === 'front' ? wordsToCut(frontWords(o.card), o.excessMm, o.roomMm) : 0,
    })),
  );
}
