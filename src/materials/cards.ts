// Handout cards: the six golden rules, the other contact tips, and each meeting's practice situations, as decks for print.
import { loadLabels, type Labels } from '../content/labels.js';
import { loadTips, type ContactTip, type GOLDEN_RULE_IDS, type GoldenRule } from '../content/library.js';
import type { Block, Card, CardLayout, ContentBlock, IconName, Inline } from '../document/model.js';
import { InternalError } from '../errors.js';
import { REFERENCE_LANG } from '../languages.js';
import type { Situation } from '../resolve/index.js';
import { baseDocument, templateProject, type MaterialContext, type MaterialOptions, type Output } from './context.js';
import { renderText } from './text.js';

/** The layouts the decks come in; the print-shop and A5 versions are extra outputs, not options. */
export const CARD_LAYOUTS = {
  sheet: { kind: 'a4-four' },
  printShop: { kind: 'a6-single', bleedMm: 3 },
  large: { kind: 'a4-two' },
} as const satisfies Record<string, CardLayout>;

/** A card face holds content only: a template that produces a page break there is our bug (or the user's, caught by the writer). */
function contentOnly(blocks: Block[], what: string): ContentBlock[] {
  return blocks.map((b) => {
    if (b.kind === 'pageBreak' || b.kind === 'cards') throw new InternalError(`The ${what} text produced a ${b.kind}, which a card cannot hold.`);
    return b;
  });
}

/** The picture on each golden rule's card (see document/icons.ts): what the rule asks you to do. */
const RULE_ICONS: Record<(typeof GOLDEN_RULE_IDS)[number], IconName> = {
  oma: 'hand',
  lsd: 'ear',
  anna: 'question',
  nivea: 'speech',
  oen: 'eye',
  dik: 'sprout',
};

/**
 * A card's blocks with a closing box (the "Zo kan het" example) taken out as its foot, which the
 * writers hold at the bottom of the card: the example always sits in the same place.
 */
function withFoot(blocks: ContentBlock[]): Pick<Card, 'blocks' | 'foot'> {
  const last = blocks[blocks.length - 1];
  return last?.kind === 'callout' ? { blocks: blocks.slice(0, -1), foot: [last] } : { blocks };
}

/**
 * The Dutch expansion with the initial letters of the rule's words in bold ("**O**ordelen, **M**eningen
 * en **A**dviezen thuislaten"), so the card shows how the acronym is built. Words are looked up in
 * order; a word the expansion does not contain (an edited text) is simply left unmarked.
 */
export function expansionInlines(rule: Pick<GoldenRule, 'words' | 'expansion'>): Inline[] {
  const out: Inline[] = [];
  const text = rule.expansion;
  let plain = '';
  let at = 0;
  for (const word of rule.words) {
    const found = text.indexOf(word, at);
    if (found < 0 || word.length === 0) continue;
    plain += text.slice(at, found);
    if (plain) out.push({ kind: 'text', text: plain });
    out.push({ kind: 'text', text: word.charAt(0), bold: true });
    plain = word.slice(1);
    at = found + word.length;
  }
  plain += text.slice(at);
  if (plain) out.push({ kind: 'text', text: plain });
  return out;
}

/** The subtitle of a golden-rule card: the Dutch expansion, and in English projects what it means. */
function ruleSubtitle(rule: GoldenRule, ctx: MaterialContext): Inline[] {
  const inlines = expansionInlines(rule);
  // The acronyms only work in Dutch, so cards in other languages keep the Dutch words and add their meaning.
  if (ctx.lang !== REFERENCE_LANG && rule.translation) inlines.push({ kind: 'lineBreak' }, { kind: 'text', text: rule.translation, italic: true });
  return inlines;
}

/** The back shared by every card of a deck: the project's name and one line about the approach. */
function backOf(ctx: MaterialContext, labels: Labels, deck: string): ContentBlock[] {
  const data = { project: templateProject(ctx), areaKind: labels.areaKinds[ctx.area.kind], deck };
  return contentOnly(renderText(ctx, 'cards/back', data).parse({}), 'card back');
}

export function goldenRuleCards(ctx: MaterialContext): Card[] {
  const labels = loadLabels(ctx.lang);
  const back = backOf(ctx, labels, 'golden-rules');
  return loadTips(ctx.lang).goldenRules.map((rule) => ({
    kicker: labels.materials.goldenRule,
    icon: RULE_ICONS[rule.id as keyof typeof RULE_ICONS],
    title: rule.acronym,
    subtitle: ruleSubtitle(rule, ctx),
    ...withFoot(contentOnly(renderText(ctx, 'cards/golden-rule', { rule }).parse({}), 'golden rule')),
    back,
  }));
}

export function contactTipCards(ctx: MaterialContext): Card[] {
  const labels = loadLabels(ctx.lang);
  const back = backOf(ctx, labels, 'contact-tips');
  return loadTips(ctx.lang).contactTips.map((tip: ContactTip) => ({
    kicker: labels.materials.contactTip,
    title: tip.title,
    // Optional fields are present as null, so a user's template may print them without `{{#if}}` in strict mode.
    ...withFoot(contentOnly(renderText(ctx, 'cards/contact-tip', { tip: { example: null, ...tip } }).parse({}), 'contact tip')),
    back,
  }));
}

/**
 * One card per situation. The situation's tip is left off on purpose: it is what the people with lived
 * experience may add after the groups have talked, and printed on the card it would answer the questions.
 */
export function situationCards(ctx: MaterialContext, situations: Situation[], layout: CardLayout = CARD_LAYOUTS.large): Card[] {
  const labels = loadLabels(ctx.lang);
  const back = backOf(ctx, labels, 'situations');
  return situations.map((situation) => {
    const { id, title, role, story, questions } = situation;
    const blocks = contentOnly(renderText(ctx, 'cards/situation', { situation: { id, title, role: role ?? null, story, questions } }).parse({}), 'practice situation');
    return { kicker: labels.materials.practiceSituation, title: situation.title, blocks: layout.kind === 'a4-two' ? sideBySide(blocks) : blocks, back };
  });
}

/**
 * On the wide A5 card one column of text would run to well over 100 characters a line: the story
 * (everything before the first heading) and the questions (from that heading on) stand side by side.
 */
function sideBySide(blocks: ContentBlock[]): ContentBlock[] {
  const split = blocks.findIndex((b) => b.kind === 'heading');
  if (split <= 0) return blocks;
  return [
    {
      kind: 'columns',
      columns: [
        { width: 3, blocks: blocks.slice(0, split) },
        { width: 2, blocks: blocks.slice(split) },
      ],
    },
  ];
}

function deck(ctx: MaterialContext, name: string, title: string, layout: CardLayout, cards: Card[]): Output {
  const labels = loadLabels(ctx.lang);
  const doc = baseDocument(ctx, { title: `${title} - ${ctx.area.name}`, visibility: 'public', size: layout.kind === 'a4-two' ? 'A5' : 'A6' });
  // Every card carries the deck's name and its number; office sheets say how to print them.
  doc.blocks = [{ kind: 'cards', layout, cards, name: title, printNote: labels.cardPrintNote }];
  // A print shop takes the PDF: Word has no bleed or trim box, and a web page of it would repeat the office deck's.
  return { kind: 'document', name, document: doc, formats: layout.kind === 'a6-single' ? ['pdf'] : undefined };
}

export async function renderCards(ctx: MaterialContext, opts: MaterialOptions): Promise<Output[]> {
  const labels = loadLabels(ctx.lang);
  const rules = goldenRuleCards(ctx);
  // The golden rules and the other tips are separate decks: the six rules are the set people keep
  // (and the one worth a print shop), the tips are for the conversation part and are printed as needed.
  const outputs: Output[] = [
    deck(ctx, 'kaarten-gouden-regels', labels.materials.goldenRulesDeck, CARD_LAYOUTS.sheet, rules),
    deck(ctx, 'kaarten-gouden-regels-drukwerk', labels.materials.goldenRulesDeck, CARD_LAYOUTS.printShop, rules),
    deck(ctx, 'kaarten-contacttips', labels.materials.contactTipsDeck, CARD_LAYOUTS.sheet, contactTipCards(ctx)),
  ];
  for (const meeting of ctx.meetings) {
    if (opts.audience && meeting.audience !== opts.audience) continue;
    const { situations } = meeting;
    // A meeting without chosen situations has no deck: an empty file would only confuse.
    if (situations.length === 0) continue;
    const title = `${labels.materials.situationsDeck} ${labels.audiences[meeting.audience].people}`;
    // A situation is read aloud and talked over by a small group around one card: A5 halves give
    // its story and questions room at a size the whole table can read, where an A6 card would not.
    outputs.push(deck(ctx, `kaarten-situaties-${meeting.fileSuffix}`, title, CARD_LAYOUTS.large, situationCards(ctx, situations)));
  }
  return outputs;
}
