// Plain language (B1) for everything residents receive: every example's invitation, programme and
// questionnaire for residents, and the backs of all its cards, as the document model holds them.
// The limits and the word list are in content/<lang>/plain-words.yaml (see the README, "The checks").
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/content/library.js';
import { checkReadability, describeFinding, loadReadabilityRules, sentencesOf, wordsOf } from '../../src/content/readability.js';
import type { Block, ContentBlock, Inline } from '../../src/document/model.js';
import { renderCards } from '../../src/materials/cards.js';
import type { Output } from '../../src/materials/context.js';
import { renderEvaluation } from '../../src/materials/evaluation.js';
import { renderInvitations } from '../../src/materials/invitation.js';
import { renderSchedules } from '../../src/materials/schedule.js';
import { EXAMPLES, loadExample } from '../materials/helpers.js';

/** The text of inline content; a forced line break ends a line, like a new paragraph. */
function inlineText(inlines: Inline[]): string {
  return inlines.map((i) => (i.kind === 'lineBreak' ? '\n' : i.text)).join('');
}

/** Every piece of text a reader sees in these blocks, one string per paragraph, item, cell or label. */
function textsOf(blocks: readonly (Block | ContentBlock)[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'heading':
        return [block.text];
      case 'paragraph':
        return [inlineText(block.content)];
      case 'list':
        return block.items.map(inlineText);
      case 'table':
        return [...block.header, ...block.rows.flat()].map(inlineText);
      case 'facts':
        return block.items.flatMap((fact) => [fact.label, inlineText(fact.value)]);
      case 'qr':
        return block.caption ? [block.caption] : [];
      case 'callout':
        return [...(block.title ? [block.title] : []), ...textsOf(block.blocks)];
      case 'columns':
        return block.columns.flatMap((column) => textsOf(column.blocks));
      case 'writeLines':
      case 'scoreBoxes':
        return [block.label];
      case 'chart':
        // The title and the unit are printed; the alt text is read aloud.
        return [block.chart.title, block.chart.unit, block.alt];
      case 'cards':
        // Every card of a deck carries the same back: read it once.
        return [...new Set(block.cards.map((card) => JSON.stringify(card.back)))].flatMap((back) => textsOf(JSON.parse(back) as ContentBlock[]));
      case 'image':
      case 'spacer':
      case 'pageBreak':
        return [];
    }
  });
}

interface Material {
  example: string;
  name: string;
  lang: 'nl' | 'en';
  texts: string[];
}

/** The residents' materials of every example; for the card decks only the backs, which every card carries. */
async function residentsMaterials(): Promise<Material[]> {
  const out: Material[] = [];
  for (const example of EXAMPLES) {
    const { ctx } = loadExample(example);
    const opts = { audience: 'bewoners' as const };
    const outputs: Output[] = [
      ...(await renderInvitations(ctx, opts)),
      ...(await renderSchedules(ctx, opts)).filter((o) => o.name.startsWith('programma-')),
      ...(await renderEvaluation(ctx, opts)),
      ...(await renderCards(ctx, opts)),
    ];
    for (const output of outputs) {
      if (output.kind !== 'document') continue;
      out.push({ example, name: output.name, lang: ctx.lang, texts: textsOf(output.document.blocks) });
    }
  }
  return out;
}

describe('readability of what residents receive', async () => {
  const materials = await residentsMaterials();

  it('covers the invitation, programme, questionnaire and card backs of every example, in both languages', () => {
    for (const example of EXAMPLES) {
      const names = materials.filter((m) => m.example === example).map((m) => m.name);
      for (const name of ['uitnodiging-bewoners', 'programma-bewoners', 'evaluatie-bewoners', 'evaluatie-bewoners-a5', 'kaarten-gouden-regels']) {
        expect(names, example).toContain(name);
      }
    }
    expect(new Set(materials.map((m) => m.lang))).toEqual(new Set(LANGS));
  });

  it.each(EXAMPLES)('%s: short sentences and plain words', (example) => {
    const problems = materials
      .filter((m) => m.example === example)
      .flatMap((m) => checkReadability(m.texts, m.lang).map((f) => `${m.name}: ${describeFinding(f)}`));
    expect(problems).toEqual([]);
  });
});

describe('the readability check', () => {
  it('splits sentences at full stops, colons and line breaks, but not inside times or web addresses', () => {
    expect(sentencesOf('Om 19.30 uur begint het. Kijk op aanmelden.example.nl: daar staat alles.\nKop zonder punt')).toEqual([
      'Om 19.30 uur begint het.',
      'Kijk op aanmelden.example.nl',
      'daar staat alles.',
      'Kop zonder punt',
    ]);
    expect(wordsOf('Wat doet u – en wat niet?')).toEqual(['Wat', 'doet', 'u', 'en', 'wat', 'niet?']);
  });

  it('finds a long jargon sentence put back into a residents’ text', () => {
    const sentence =
      'Tijdens deze bewustwordingsbijeenkomst bespreken we in plenaire setting praktijksituaties rond stigmatisering van buurtbewoners met een psychische kwetsbaarheid, teneinde participatie te faciliteren.';
    const kinds = checkReadability(['Welkom in de wijk: een avond voor buren.', sentence], 'nl').map((f) => f.kind);
    expect(kinds).toContain('long-sentence');
    expect(kinds.filter((k) => k === 'word').length).toBeGreaterThanOrEqual(5);
  });

  it('accepts a listed word that the same material explains', () => {
    expect(checkReadability(['Stigma betekent: vooroordelen over iemand.'], 'nl')).toEqual([]);
    expect(checkReadability(['Stigma zit in de weg.'], 'nl').map((f) => f.kind)).toEqual(['word']);
  });

  it('keeps its limits in plain-words.yaml, the same in both languages', () => {
    const [nl, en] = LANGS.map(loadReadabilityRules);
    expect([nl.maxSentenceWords, nl.maxAverageWords]).toEqual([en.maxSentenceWords, en.maxAverageWords]);
    expect(nl.maxSentenceWords).toBeLessThanOrEqual(15);
  });
});
