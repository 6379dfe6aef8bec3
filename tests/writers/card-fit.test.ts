// Cards are never shrunk: every card of a deck has the one type size of its layout, and a card whose
// text does not fit is reported, with how many words to cut, by both PDF engines alike.
import { describe, expect, it } from 'vitest';
import type { Block, Card, CardLayout, ContentBlock, Document } from '../../src/document/model.js';
import { UserError } from '../../src/errors.js';
import { t } from '../../src/messages.js';
import { CardsTooLongError, frontWords, wordsToCut } from '../../src/writers/card-fit.js';
import { writeDocumentWith } from '../../src/writers/index.js';
import { kitchenSink } from '../fixtures/documents/kitchen-sink.js';

function deck(layout: CardLayout, extra: Block[][]): Document {
  const doc = kitchenSink();
  const cards: Card[] = extra.map((more, i) => ({
    kicker: 'Praktijksituatie',
    title: `Titel${i}`,
    blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: `Voorkant${i} met wat tekst.` }] }, ...(more as ContentBlock[])],
    back: [{ kind: 'paragraph', content: [{ kind: 'text', text: `Achterkant${i}` }] }],
  }));
  doc.blocks = [{ kind: 'cards', layout, cards, name: 'Stapel' }];
  return doc;
}

const sentences = (n: number): Block => ({ kind: 'paragraph', content: [{ kind: 'text', text: 'Luister eerst en vraag door. '.repeat(n) }] });

describe.each(['typst', 'pdfmake'])('cards with %s', (engine) => {
  it('prints a deck whose cards fit, whatever their lengths', async () => {
    const { writer } = await writeDocumentWith(deck({ kind: 'a4-four' }, [[], [sentences(8)], [sentences(2)]]), 'pdf', [engine]);
    expect(writer.id).toBe(engine);
  });

  it('reports every card that does not fit, the first by name and with the words to cut, in both languages', async () => {
    const err = await writeDocumentWith(deck({ kind: 'a4-four' }, [[sentences(60)], [], [sentences(120)]]), 'pdf', [engine]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CardsTooLongError);
    const cards = (err as CardsTooLongError).cards;
    expect(cards.map((c) => c.title)).toEqual(['Titel0', 'Titel2']);
    expect(cards.every((c) => c.face === 'front' && c.mm > 0 && c.words > 0)).toBe(true);
    // The longer card must lose more words.
    expect(cards[1].words).toBeGreaterThan(cards[0].words);
    const ref = (err as UserError).ref!;
    expect(t('nl', ref.key, ref.params)).toMatch(/^De kaart 'Titel0' past niet: de tekst is \d+ mm te lang\. Schrap ongeveer \d+ woorden van die kaart\. Ook 1 andere kaart past niet\.$/);
    expect(t('en', ref.key, ref.params)).toMatch(/^The card 'Titel0' does not fit: its text is \d+ mm too long\. Cut about \d+ words from that card\. 1 other card does not fit either\.$/);
  });

  it('cutting the words it asks for makes the card fit', async () => {
    const err = (await writeDocumentWith(deck({ kind: 'a4-four' }, [[sentences(40)]]), 'pdf', [engine]).catch((e: unknown) => e)) as CardsTooLongError;
    expect(err).toBeInstanceOf(CardsTooLongError);
    const perSentence = 5;
    const keep = 40 - Math.ceil(err.cards[0].words / perSentence);
    await expect(writeDocumentWith(deck({ kind: 'a4-four' }, [[sentences(keep)]]), 'pdf', [engine])).resolves.toBeDefined();
  });
});

describe('words to cut', () => {
  it('counts the words a user wrote on a front: body and foot, not kicker or title', () => {
    const card: Card = {
      kicker: 'Gouden regel',
      title: 'OMA',
      blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: 'een twee drie' }] }, { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'vier vijf' }]] }],
      foot: [{ kind: 'callout', tone: 'neutral', title: 'Zo kan het', blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: 'zes' }] }] }],
      back: [],
    };
    expect(frontWords(card)).toBe(9);
  });

  it('asks for the words of the whole lines too much, and one line more for a last line left partly filled', () => {
    // 100 words over 100 mm at 5 mm a line: 5 words a line.
    expect(wordsToCut(100, 10, 90, 5)).toBe(15);
    expect(wordsToCut(100, 0.2, 90, 5)).toBe(12);
    expect(wordsToCut(2, 50, 10, 5)).toBe(2);
    expect(wordsToCut(0, 5, 90, 5)).toBe(0);
  });
});
