// Handout cards as printers and readers see them: the text via poppler, the imposition (cut marks on the
// card edges, backs behind their fronts), every shipped situation fitting a card, and the DOCX version.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSituations, loadTips, type Lang } from '../../src/content/library.js';
import { grow, PRINTABLE_MARGIN, sheetGeometry, type Rect } from '../../src/document/imposition.js';
import { mmToPt } from '../../src/document/theme.js';
import type { CardLayout, Document } from '../../src/document/model.js';
import { CARD_LAYOUTS, expansionInlines, renderCards, situationCards } from '../../src/materials/cards.js';
import type { MaterialContext } from '../../src/materials/context.js';
import type { Project } from '../../src/project/schema.js';
import { writeDocument, writeDocumentWith } from '../../src/writers/index.js';
import { EXAMPLES, loadExample } from './helpers.js';


interface Rendered {
  ctx: MaterialContext;
  project: Project;
  /** Output name -> the model, its PDF path and its DOCX bytes (DOCX only for a few decks). */
  decks: Map<string, { document: Document; pdf: string; docx?: Uint8Array }>;
}

let dir: string;
const rendered = new Map<string, Rendered>();

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
/** All whitespace removed: pdftotext splits bold initials from the rest of a word, and wraps lines anywhere. */
const squeeze = (s: string) => s.replace(/\u00ad/g, '').replace(/\s+/g, '');

const load = loadExample;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ww-cards-'));
  for (const example of EXAMPLES) {
    const { project, ctx } = load(example);
    const decks: Rendered['decks'] = new Map();
    for (const output of await renderCards(ctx, {})) {
      if (output.kind !== 'document') throw new Error(`${output.name} is not a document`);
      const pdf = join(dir, `${basename(example, '.yaml')}-${output.name}.pdf`);
      writeFileSync(pdf, await writeDocument(output.document, 'pdf'));
      // DOCX for the decks whose text the tests read: the golden rules and one situations deck.
      const docx = output.name === 'kaarten-gouden-regels' || output.name === 'kaarten-situaties-bewoners' ? await writeDocument(output.document, 'docx') : undefined;
      decks.set(output.name, { document: output.document, pdf, docx });
    }
    rendered.set(example, { project, ctx, decks });
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function layoutOf(doc: Document): CardLayout {
  const block = doc.blocks[0];
  if (block.kind !== 'cards') throw new Error('expected a card deck');
  return block.layout;
}

function deckOf(example: string, name: string) {
  const deck = rendered.get(example)!.decks.get(name);
  if (!deck) throw new Error(`${example} has no ${name}`);
  return deck;
}

describe.each(EXAMPLES)('%s', (example) => {
  it('has the golden rules, the contact tips and a situation deck (A5 halves) per meeting', () => {
    const { project, decks } = rendered.get(example)!;
    const expected = ['kaarten-gouden-regels', 'kaarten-gouden-regels-drukwerk', 'kaarten-contacttips'];
    for (const m of project.meetings) if (m.situations.length) expected.push(`kaarten-situaties-${m.audience}`);
    expect([...decks.keys()]).toEqual(expected);
    for (const m of project.meetings) if (m.situations.length) expect(layoutOf(deckOf(example, `kaarten-situaties-${m.audience}`).document)).toEqual(CARD_LAYOUTS.large);
  });

  it('numbers every card of a deck on its front ("Gouden regels voor contact · 3/6")', () => {
    for (const [name, deck] of rendered.get(example)!.decks) {
      const block = deck.document.blocks[0];
      if (block.kind !== 'cards') throw new Error('expected a card deck');
      const text = squeeze(pdfText(deck.pdf, block.layout));
      block.cards.forEach((_, i) => expect(text, `${name} card ${i + 1}`).toContain(squeeze(`${block.name} · ${i + 1}/${block.cards.length}`)));
    }
  });

  it('shows all six golden rules with their expansions, on sheets and as print-shop cards', () => {
    const { project } = rendered.get(example)!;
    const tips = loadTips(project.language);
    for (const name of ['kaarten-gouden-regels', 'kaarten-gouden-regels-drukwerk']) {
      const deck = deckOf(example, name);
      const text = squeeze(pdfText(deck.pdf, layoutOf(deck.document)));
      for (const rule of tips.goldenRules) {
        expect(text, `${name}: ${rule.acronym}`).toContain(rule.acronym);
        expect(text, `${name}: ${rule.expansion}`).toContain(squeeze(rule.expansion));
        expect(text, `${name}: ${rule.heading}`).toContain(squeeze(rule.heading));
        if (project.language === 'en') expect(text, `${name}: ${rule.translation}`).toContain(squeeze(rule.translation!));
      }
      // The back's lockup: the mark and the place, on two lines.
      expect(text).toContain(squeeze(`Welkome Wijk\n${project.area.name}`));
    }
  });

  it('has the initials of the expansion in bold, spelling the acronym', () => {
    const { document } = deckOf(example, 'kaarten-gouden-regels');
    const deck = document.blocks[0];
    if (deck.kind !== 'cards') throw new Error('expected a card deck');
    for (const card of deck.cards) {
      const bold = card.subtitle!.filter((i) => i.kind === 'text' && i.bold).map((i) => (i.kind === 'text' ? i.text : ''));
      expect(bold.join(''), card.title).toBe(card.title);
    }
  });

  it('shows every contact tip', () => {
    const { project } = rendered.get(example)!;
    const deck = deckOf(example, 'kaarten-contacttips');
    const text = squeeze(pdfText(deck.pdf, layoutOf(deck.document)));
    for (const tip of loadTips(project.language).contactTips) expect(text).toContain(squeeze(tip.title));
  });

  it("puts each meeting's chosen situations in its own decks, and no others", () => {
    const { project } = rendered.get(example)!;
    const all = [...loadSituations(project.language), ...project.situations];
    const { ctx } = rendered.get(example)!;
    for (const meeting of ctx.meetings.filter((m) => m.situations.length)) {
      const chosen = meeting.situations;
      for (const suffix of ['']) {
        const deck = deckOf(example, `kaarten-situaties-${meeting.audience}${suffix}`);
        const text = squeeze(pdfText(deck.pdf, layoutOf(deck.document)));
        for (const s of chosen) {
          expect(text, `${meeting.audience}${suffix}: ${s.title}`).toContain(squeeze(s.title));
          expect(text).toContain(squeeze(s.questions[0]));
        }
        for (const other of all.filter((s) => !chosen.some((c) => c.id === s.id))) {
          // A title that is part of a chosen one ("Muziek in de nacht" vs "Muziek boven ons") cannot be told apart.
          if (chosen.some((c) => squeeze([c.title, c.role ?? '', c.story, ...c.questions].join('')).includes(squeeze(other.title)))) continue;
          expect(text, `${meeting.audience}${suffix} has ${other.title}`).not.toContain(squeeze(other.title));
        }
      }
    }
  });

  it('renders the DOCX decks with the acronyms and situation titles in the text', () => {
    const { project } = rendered.get(example)!;
    const xml = (bytes: Uint8Array) => new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);
    const rules = xml(deckOf(example, 'kaarten-gouden-regels').docx!);
    for (const rule of loadTips(project.language).goldenRules) expect(rules).toContain(`>${rule.acronym}<`);
    const meeting = rendered.get(example)!.ctx.meetings.find((m) => m.audience === 'bewoners')!;
    const situations = xml(deckOf(example, 'kaarten-situaties-bewoners').docx!);
    for (const s of meeting.situations) expect(situations).toContain(s.title.replace(/&/g, '&amp;').replace(/'/g, '&apos;'));
  });
});

describe('audience', () => {
  it('narrows the situation decks to one meeting, and keeps the decks for every meeting', async () => {
    const { ctx } = load('nijmegen-heseveld.yaml');
    const names = (await renderCards(ctx, { audience: 'vrijwilligers' })).map((o) => o.name);
    expect(names).toEqual(['kaarten-gouden-regels', 'kaarten-gouden-regels-drukwerk', 'kaarten-contacttips', 'kaarten-situaties-vrijwilligers']);
  });
});

describe('expansionInlines', () => {
  it('bolds the first letter of each word, in order, and keeps the rest of the text', () => {
    const inlines = expansionInlines({ words: ['Altijd', 'Navragen', 'Nooit', 'Aannemen'], expansion: 'Altijd Navragen, Nooit Aannemen' });
    expect(inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('')).toBe('Altijd Navragen, Nooit Aannemen');
    expect(inlines.filter((i) => i.kind === 'text' && i.bold).map((i) => (i.kind === 'text' ? i.text : ''))).toEqual(['A', 'N', 'N', 'A']);
  });

  it('leaves a word the expansion lacks unmarked instead of failing', () => {
    const inlines = expansionInlines({ words: ['Open', 'Eerlijk'], expansion: 'Open en nieuwsgierig' });
    expect(inlines.filter((i) => i.kind === 'text' && i.bold)).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Imposition

const LAYOUTS: CardLayout[] = [CARD_LAYOUTS.sheet, CARD_LAYOUTS.large, CARD_LAYOUTS.printShop];

describe('sheet geometry', () => {
  const EPS = 1e-9;
  const near = (a: number, b: number) => Math.abs(a - b) < EPS;

  for (const layout of LAYOUTS.filter((l) => l.kind !== 'a6-single')) {
    it(`puts every cut mark on a card edge and outside every card (${layout.kind})`, () => {
      const geo = sheetGeometry(layout);
      const xEdges = [...new Set(geo.slots.flatMap((s) => [s.x, s.x + s.w]))];
      const yEdges = [...new Set(geo.slots.flatMap((s) => [s.y, s.y + s.h]))];
      expect(geo.cutMarks.length).toBeGreaterThan(0);
      for (const m of geo.cutMarks) {
        const vertical = near(m.x1, m.x2);
        const horizontal = near(m.y1, m.y2);
        expect(vertical !== horizontal, `mark ${JSON.stringify(m)} is straight`).toBe(true);
        if (vertical) expect(xEdges.some((x) => near(x, m.x1)), `x ${m.x1} on a card edge`).toBe(true);
        else expect(yEdges.some((y) => near(y, m.y1)), `y ${m.y1} on a card edge`).toBe(true);
        // Outside every card: the segment must not reach into (or onto) any slot, or it would print on a card.
        for (const s of geo.slots) {
          const [x1, x2] = [Math.min(m.x1, m.x2), Math.max(m.x1, m.x2)];
          const [y1, y2] = [Math.min(m.y1, m.y2), Math.max(m.y1, m.y2)];
          const overlaps = x1 <= s.x + s.w && x2 >= s.x && y1 <= s.y + s.h && y2 >= s.y;
          expect(overlaps, `mark ${JSON.stringify(m)} touches slot ${JSON.stringify(s)}`).toBe(false);
        }
        // And on the sheet.
        for (const v of [m.x1, m.x2]) expect(v >= 0 && v <= geo.width).toBe(true);
        for (const v of [m.y1, m.y2]) expect(v >= 0 && v <= geo.height).toBe(true);
      }
      // Every cut line is marked at both ends.
      for (const x of xEdges) expect(geo.cutMarks.filter((m) => near(m.x1, m.x2) && near(m.x1, x))).toHaveLength(2);
      for (const y of yEdges) expect(geo.cutMarks.filter((m) => near(m.y1, m.y2) && near(m.y1, y))).toHaveLength(2);
    });

    it(`keeps marks inside what an office printer prints, and clear of the colour past the cut (${layout.kind})`, () => {
      const geo = sheetGeometry(layout);
      for (const m of geo.cutMarks) {
        for (const x of [m.x1, m.x2]) expect(x >= PRINTABLE_MARGIN - EPS && x <= geo.width - PRINTABLE_MARGIN + EPS, `mark x ${x}`).toBe(true);
        for (const y of [m.y1, m.y2]) expect(y >= PRINTABLE_MARGIN - EPS && y <= geo.height - PRINTABLE_MARGIN + EPS, `mark y ${y}`).toBe(true);
        for (const s of geo.slots.map((slot) => grow(slot, geo.overrun))) {
          const [x1, x2] = [Math.min(m.x1, m.x2), Math.max(m.x1, m.x2)];
          const [y1, y2] = [Math.min(m.y1, m.y2), Math.max(m.y1, m.y2)];
          expect(x1 < s.x + s.w && x2 > s.x && y1 < s.y + s.h && y2 > s.y, `mark ${JSON.stringify(m)} in the colour of ${JSON.stringify(s)}`).toBe(false);
        }
      }
      // Colour runs past every cut, and the cards leave a gutter between them for it.
      expect(geo.overrun).toBeGreaterThanOrEqual(1.5);
      const [a, b] = geo.slots;
      if (b.y === a.y) expect(b.x - (a.x + a.w)).toBeGreaterThanOrEqual(2 * geo.overrun);
      // The margin boxes for the deck's title and the printing note lie in the printable top margin, above the colour.
      for (const box of [geo.margin!.title, geo.margin!.note]) {
        expect(box.y).toBeGreaterThanOrEqual(PRINTABLE_MARGIN);
        expect(box.y + box.h).toBeLessThanOrEqual(Math.min(...geo.slots.map((s) => s.y)) - geo.overrun);
      }
    });
  }

  for (const layout of LAYOUTS) {
    it(`lines each back up with its front on a long-edge flip (${layout.kind})`, () => {
      const geo = sheetGeometry(layout);
      expect(geo.backSlots).toHaveLength(geo.slots.length);
      geo.backSlots.forEach((b, i) => {
        const flipped = { x: geo.width - b.x - b.w, y: b.y, w: b.w, h: b.h };
        for (const k of ['x', 'y', 'w', 'h'] as const) expect(flipped[k]).toBeCloseTo(geo.slots[i][k], 9);
      });
    });
  }
});

interface Line {
  page: number;
  text: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Text lines with their boxes (pt, from the top-left) from `pdftotext -bbox-layout`. */
function lines(path: string): Line[] {
  const html = run('pdftotext', ['-bbox-layout', path, '-']);
  const out: Line[] = [];
  html.split('<page ').slice(1).forEach((page, i) => {
    for (const m of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const text = [...m[5].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ');
      out.push({ page: i + 1, text: text.replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"'), x1: +m[1], y1: +m[2], x2: +m[3], y2: +m[4] });
    }
  });
  return out;
}

/**
 * The text in reading order, card by card: lines sorted by sheet, slot, column and height. On the A5
 * cards the story and the questions stand side by side, and plain pdftotext interleaves their lines.
 */
function pdfText(path: string, layout: CardLayout): string {
  const geo = sheetGeometry(layout);
  const pt = (r: Rect) => ({ x: mmToPt(r.x), y: mmToPt(r.y), w: mmToPt(r.w), h: mmToPt(r.h) });
  const keyed = lines(path).map((l) => {
    const slots = (l.page % 2 === 1 ? geo.slots : geo.backSlots).map(pt);
    const slot = slots.findIndex((r) => l.x1 >= r.x - 1 && l.x1 <= r.x + r.w && l.y1 >= r.y - 1 && l.y1 <= r.y + r.h);
    const column = slot >= 0 && l.x1 > slots[slot].x + slots[slot].w / 2 ? 1 : 0;
    return { l, key: [l.page, slot, column, l.y1, l.x1] };
  });
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
    return 0;
  });
  return keyed.map((k) => k.l.text).join('\n');
}

function inside(l: Line, r: Rect): boolean {
  const slack = 0.5;
  return l.x1 >= mmToPt(r.x) - slack && l.x2 <= mmToPt(r.x + r.w) + slack && l.y1 >= mmToPt(r.y) - slack && l.y2 <= mmToPt(r.y + r.h) + slack;
}

describe('rendered decks', () => {
  const cases: [string, string][] = [
    ['nijmegen-heseveld.yaml', 'kaarten-gouden-regels'],
    ['nijmegen-heseveld.yaml', 'kaarten-gouden-regels-drukwerk'],
    ['nijmegen-heseveld.yaml', 'kaarten-contacttips'],
    ['beuningen.yaml', 'kaarten-situaties-professionals'],
    ['hoorn-koggenland-en.yaml', 'kaarten-situaties-bewoners'],
  ];
  it.each(cases)('%s %s: each front title sits in its slot, each back in the mirrored slot', (example, name) => {
    const { document, pdf } = deckOf(example, name);
    const deck = document.blocks[0];
    if (deck.kind !== 'cards') throw new Error('expected a card deck');
    const geo = sheetGeometry(deck.layout);
    const per = geo.slots.length;
    const all = lines(pdf);
    const area = rendered.get(example)!.project.area.name;
    expect(run('pdfinfo', [pdf])).toMatch(new RegExp(`Pages:\\s+${2 * Math.ceil(deck.cards.length / per)}\\n`));
    deck.cards.forEach((card, n) => {
      const sheet = Math.floor(n / per);
      const slot = n % per;
      // The first line of the title: a line on the front page whose text starts the title.
      const title = all.find((l) => l.page === 2 * sheet + 1 && l.text.length > 0 && (card.title === l.text || card.title.startsWith(`${l.text} `)));
      expect(title, `title of ${card.title}`).toBeDefined();
      expect(inside(title!, geo.slots[slot]), `${card.title} in front slot ${slot}`).toBe(true);
    });
    // Backs: every card's back line sits in its mirrored slot, and nowhere else on the back page.
    for (let sheet = 0; sheet * per < deck.cards.length; sheet++) {
      const backs = all.filter((l) => l.page === 2 * sheet + 2 && l.text === area);
      const used = Math.min(per, deck.cards.length - sheet * per);
      expect(backs, `sheet ${sheet} backs`).toHaveLength(used);
      for (let slot = 0; slot < used; slot++) {
        expect(backs.filter((b) => inside(b, geo.backSlots[slot])), `back of slot ${slot} on sheet ${sheet}`).toHaveLength(1);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Every shipped situation fits a card

describe.each(['nl', 'en'] as Lang[])('every shipped situation in %s', (lang) => {
  it.each(['typst', 'pdfmake'])('fits its A5 half card at the deck\'s one type size (%s)', async (engine) => {
    const { ctx: base } = load('nijmegen-heseveld.yaml');
    const ctx: MaterialContext = { ...base, lang };
    const situations = loadSituations(lang);
    const layout = CARD_LAYOUTS.large;
    const doc: Document = { ...rendered.get('nijmegen-heseveld.yaml')!.decks.get('kaarten-contacttips')!.document };
    doc.blocks = [{ kind: 'cards', layout, cards: situationCards(ctx, situations, layout), name: 'Alle' }];
    // The PDF writers throw CardsTooLongError for a card that does not fit: nothing is made smaller.
    const { bytes, writer } = await writeDocumentWith(doc, 'pdf', [engine]);
    expect(writer.id).toBe(engine);
    const path = join(dir, `all-${lang}-${engine}.pdf`);
    writeFileSync(path, bytes);
    const text = squeeze(pdfText(path, layout));
    for (const s of situations) expect(text).toContain(squeeze(s.questions[s.questions.length - 1]));
  });
});
