// A card deck on a web page: a list of cards, each its front and then its back; no sheets, no cut marks.
import { iconSvg, iconTile } from '../../document/icons.js';
import type { Block, Brand } from '../../document/model.js';
import type { Palette } from '../../document/theme.js';
import { blocks, hasLink, inlines, type Ctx } from './blocks.js';
import { esc } from './escape.js';

/** The brand lockup: the house (decoration), the wordmark and the place as text. */
export function lockup(brand: Brand, p: Palette): string {
  return `<p class="lockup"><span aria-hidden="true">${iconTile('house', p.accent)}</span><span><span class="wordmark">${esc(brand.wordmark)}</span><span class="place">${esc(brand.place)}</span></span></p>`;
}

export function deck(block: Extract<Block, { kind: 'cards' }>, ctx: Ctx, brand: Brand | undefined, p: Palette): string {
  const { layout, cards } = block;
  const cardCtx: Ctx = { ...ctx, depth: 1, nested: true };
  let firstBack: string | undefined;
  const items = cards.map((card) => {
    const tag = ctx.outline.tag(2);
    // The kicker and the subtitle belong to the title: hgroup keeps them with it.
    const kicker = card.kicker ? `<p class="kicker">${esc(card.kicker)}</p>` : '';
    const subtitle = card.subtitle?.length ? `<p class="subtitle">${inlines(card.subtitle)}</p>` : '';
    const title = `<h${tag} class="card-title">${esc(card.title)}</h${tag}>`;
    const head = kicker || subtitle ? `<hgroup>${kicker}${title}${subtitle}</hgroup>` : title;
    const body = card.blocks.length ? `\n<div class="card-body">\n${blocks(card.blocks, cardCtx)}\n</div>` : '';
    // The rule's icon is decoration: its title says what it is.
    const icon = card.icon ? `<span class="card-icon" aria-hidden="true">${iconSvg(card.icon, p.accentText)}</span>` : '';
    const n = `${cards.indexOf(card) + 1}/${cards.length}`;
    const foot = `\n<div class="card-foot">${card.foot?.length ? `\n${blocks(card.foot, cardCtx)}` : ''}\n<p class="card-number">${esc(block.name ? `${block.name} · ${n}` : n)}</p>\n</div>`;
    // Every card of a deck usually has the same back (the project's name and a line about the
    // approach). On screen each card shows it, as on paper; a screen reader hears it once, as the
    // Typst writer tags the repeats as artifacts. A back one could tab into is never hidden.
    const key = JSON.stringify(card.back);
    const repeat = firstBack === key && !hasLink(card.back);
    firstBack ??= key;
    const back = card.back.length
      ? `\n<div class="back"${repeat ? ' aria-hidden="true"' : ''}>\n${brand ? lockup(brand, p) : ''}${blocks(card.back, repeat ? { ...cardCtx, outline: ctx.outline.fork() } : cardCtx)}\n</div>`
      : '';
    return `<li class="card">\n<div class="front">\n${icon}${head}${body}${foot}\n</div>${back}\n</li>`;
  });
  return `<ul class="deck deck-${layout.kind}" role="list">\n${items.join('\n')}\n</ul>`;
}
