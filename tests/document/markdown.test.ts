// Tests the Markdown subset parser: each construct, slots, escaping, and that no input makes it throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, MissingSlotError, parseMarkdown } from '../../src/document/markdown.js';
import type { Block, Inline } from '../../src/document/model.js';
import { InternalError } from '../../src/errors.js';

const md = (text: string, slots: Record<string, Block[]> = {}): Block[] => parseMarkdown(text, slots);
const t = (text: string, style: { bold?: true; italic?: true } = {}): Inline => ({ kind: 'text', text, ...style });
const p = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
/** The inline content of a one-paragraph text. */
const inl = (text: string): Inline[] => {
  const blocks = md(text);
  expect(blocks).toHaveLength(1);
  const [b] = blocks;
  if (b.kind !== 'paragraph') throw new Error(`expected a paragraph, got ${b.kind}`);
  return b.content;
};

describe('blocks', () => {
  it('headings of three levels', () => {
    expect(md('# Een\n## Twee\n### Drie\n#### Vier')).toEqual([
      { kind: 'heading', level: 1, text: 'Een' },
      { kind: 'heading', level: 2, text: 'Twee' },
      { kind: 'heading', level: 3, text: 'Drie' },
      p(t('#### Vier')),
    ]);
    expect(md('# **Vet** en [link](https://x.nl)')).toEqual([{ kind: 'heading', level: 1, text: 'Vet en link' }]);
    expect(md('#hashtag')).toEqual([p(t('#hashtag'))]);
    expect(md('#')).toEqual([p(t('#'))]);
  });

  it('paragraphs: blank lines separate, lines join with a space', () => {
    expect(md('een\n  twee  drie \n\n\nvier')).toEqual([p(t('een twee drie')), p(t('vier'))]);
    expect(md('\n\n  \n')).toEqual([]);
    expect(md('a\r\nb\r\n\r\nc')).toEqual([p(t('a b')), p(t('c'))]);
  });

  it('lead and small paragraphs', () => {
    expect(md('!lead Welkom\nallemaal')).toEqual([{ kind: 'paragraph', content: [t('Welkom allemaal')], style: 'lead' }]);
    expect(md('!small Kleine **lettertjes**')).toEqual([{ kind: 'paragraph', content: [t('Kleine '), t('lettertjes', { bold: true })], style: 'small' }]);
    expect(md('!lead')).toEqual([]);
    expect(md('!leader')).toEqual([p(t('!leader'))]);
    expect(md('tekst\n!lead geen stijl')).toEqual([p(t('tekst !lead geen stijl'))]);
  });

  it('bullet and numbered lists', () => {
    expect(md('- een\n- twee\n  vervolg\n- drie')).toEqual([
      { kind: 'list', ordered: false, items: [[t('een')], [t('twee vervolg')], [t('drie')]] },
    ]);
    expect(md('- Straat 1  \n  1234 AB Stad')).toEqual([
      { kind: 'list', ordered: false, items: [[t('Straat 1'), { kind: 'lineBreak' }, t('1234 AB Stad')]] },
    ]);
    expect(md('1. een\n2. *twee*\n10. drie')).toEqual([{ kind: 'list', ordered: true, items: [[t('een')], [t('twee', { italic: true })], [t('drie')]] }]);
  });

  it('lists: blank lines between items, kinds switching, paragraphs after', () => {
    expect(md('- a\n\n- b\n1. c\nniet ingesprongen')).toEqual([
      { kind: 'list', ordered: false, items: [[t('a')], [t('b')]] },
      { kind: 'list', ordered: true, items: [[t('c')]] },
      p(t('niet ingesprongen')),
    ]);
    expect(md('inleiding\n- a')).toEqual([p(t('inleiding')), { kind: 'list', ordered: false, items: [[t('a')]] }]);
    // No nested lists in the model: an indented item is an item of the same list.
    expect(md('- a\n  - b')).toEqual([{ kind: 'list', ordered: false, items: [[t('a')], [t('b')]] }]);
    expect(md('-5 graden\n- ')).toEqual([p(t('-5 graden -'))]);
  });

  it('accent callouts with a title', () => {
    expect(md('> **Let op**\n> Neem een pen mee.\n>\n> - en papier')).toEqual([
      {
        kind: 'callout',
        tone: 'accent',
        title: 'Let op',
        blocks: [p(t('Neem een pen mee.')), { kind: 'list', ordered: false, items: [[t('en papier')]] }],
      },
    ]);
  });

  it('callouts without a title, neutral callouts', () => {
    expect(md('> **Alleen vet**')).toEqual([{ kind: 'callout', tone: 'accent', blocks: [p(t('Alleen vet', { bold: true }))] }]);
    expect(md('> **Vet** en meer\n> tekst')).toEqual([
      { kind: 'callout', tone: 'accent', blocks: [p(t('Vet', { bold: true }), t(' en meer tekst'))] },
    ]);
    expect(md('>! neutraal\n>!verder\n> accent')).toEqual([
      { kind: 'callout', tone: 'neutral', blocks: [p(t('neutraal verder'))] },
      { kind: 'callout', tone: 'accent', blocks: [p(t('accent'))] },
    ]);
    expect(md('> a\n\n> b')).toHaveLength(2);
    // No page breaks or callouts inside a callout.
    expect(md('> ---\n> > x')).toEqual([{ kind: 'callout', tone: 'accent', blocks: [p(t('--- > x'))] }]);
  });

  it('page breaks', () => {
    expect(md('a\n---\nb')).toEqual([p(t('a')), { kind: 'pageBreak' }, p(t('b'))]);
    expect(md('a\n\n---\n\n---\n\nb')).toEqual([p(t('a')), { kind: 'pageBreak' }, p(t('b'))]);
    expect(md('a ---')).toEqual([p(t('a ---'))]);
    expect(md('----')).toEqual([p(t('----'))]);
  });
});

describe('slots', () => {
  const facts: Block = { kind: 'facts', items: [{ label: 'Wanneer', value: [t('dinsdag')] }] };
  const qr: Block = { kind: 'qr', data: 'https://x.nl', sizeMm: 30, alt: 'QR' };

  it('inserts the blocks of a slot', () => {
    expect(md('# Titel\n[[facts]]\ntekst\n\n  [[ qr ]]  ', { facts: [facts], qr: [qr] })).toEqual([
      { kind: 'heading', level: 1, text: 'Titel' },
      facts,
      p(t('tekst')),
      qr,
    ]);
  });

  it('inserts nothing for an empty slot', () => {
    expect(md('a\n\n[[leeg]]\n\nb', { leeg: [] })).toEqual([p(t('a')), p(t('b'))]);
    expect(md('---\n[[leeg]]\n---', { leeg: [] })).toEqual([{ kind: 'pageBreak' }]);
  });

  it('works inside a callout and ends a list or paragraph', () => {
    expect(md('> **Aanmelden**\n> [[qr]]', { qr: [qr] })).toEqual([{ kind: 'callout', tone: 'accent', title: 'Aanmelden', blocks: [qr] }]);
    expect(md('- a\n  [[qr]]', { qr: [qr] })).toEqual([{ kind: 'list', ordered: false, items: [[t('a')]] }, qr]);
  });

  it('a missing slot is an InternalError naming it', () => {
    expect(() => md('[[qr]]', { facts: [] })).toThrow(MissingSlotError);
    expect(() => md('[[qr]]', { facts: [] })).toThrow(InternalError);
    expect(() => md('[[qr]]', { facts: [] })).toThrow(/\[\[qr\]\].*\[\[facts\]\]/);
    expect(() => md('[[constructor]]', {})).toThrow(/constructor/);
    // Not alone on its line: plain text.
    expect(md('zie [[qr]]')).toEqual([p(t('zie [[qr]]'))]);
  });
});

describe('inline', () => {
  it('bold, italic, both, nested', () => {
    expect(inl('**vet** en *schuin*')).toEqual([t('vet', { bold: true }), t(' en '), t('schuin', { italic: true })]);
    expect(inl('***beide***')).toEqual([t('beide', { bold: true, italic: true })]);
    expect(inl('**vet *en schuin***')).toEqual([t('vet ', { bold: true }), t('en schuin', { bold: true, italic: true })]);
    expect(inl('*a **b** c*')).toEqual([t('a ', { italic: true }), t('b', { bold: true, italic: true }), t(' c', { italic: true })]);
    expect(inl('**over\nregels**')).toEqual([t('over regels', { bold: true })]);
  });

  it('links', () => {
    expect(inl('Meld je aan via [de website](https://welkomewijk.nl/aanmelden).')).toEqual([
      t('Meld je aan via '),
      { kind: 'link', text: 'de website', url: 'https://welkomewijk.nl/aanmelden' },
      t('.'),
    ]);
    expect(inl('[**vet**](https://a.nl/x_(y))')).toEqual([{ kind: 'link', text: 'vet', url: 'https://a.nl/x_(y)' }]);
    expect(inl('[](https://a.nl)')).toEqual([{ kind: 'link', text: 'https://a.nl', url: 'https://a.nl' }]);
    expect(inl('[a](met spatie)')).toEqual([t('[a](met spatie)')]);
    expect(inl('[a] (b)')).toEqual([t('[a] (b)')]);
  });

  it('line breaks: two trailing spaces or a backslash', () => {
    expect(inl('Straat 1  \n1234 AB Stad\\\nNederland')).toEqual([t('Straat 1'), { kind: 'lineBreak' }, t('1234 AB Stad'), { kind: 'lineBreak' }, t('Nederland')]);
    expect(inl('eind  ')).toEqual([t('eind')]);
    expect(inl('eind\\')).toEqual([t('eind')]);
    expect(inl('geen breuk\\\\\nhier')).toEqual([t('geen breuk\\ hier')]);
  });

  it('escapes give literal characters', () => {
    expect(inl('\\*niet schuin\\* \\[geen](link) \\\\ \\_ \\a')).toEqual([t('*niet schuin* [geen](link) \\ _ \\a')]);
    expect(md('\\# geen kop\n\n\\- geen lijst\n\n1\\. geen lijst\n\n\\> geen kader\n\n\\---\n\n\\[[geen]]')).toEqual([
      p(t('# geen kop')),
      p(t('- geen lijst')),
      p(t('1. geen lijst')),
      p(t('> geen kader')),
      p(t('---')),
      p(t('[[geen]]')),
    ]);
  });

  it('lone and unbalanced markup stays literal', () => {
    expect(inl('5 * 3 = 15')).toEqual([t('5 * 3 = 15')]);
    expect(inl('5 * 3 * 2')).toEqual([t('5 * 3 * 2')]);
    expect(inl('**half open')).toEqual([t('**half open')]);
    expect(inl('half dicht*')).toEqual([t('half dicht*')]);
    expect(inl('snake_case_name en _dit_')).toEqual([t('snake_case_name en _dit_')]);
    expect(inl('** niet vet **')).toEqual([t('** niet vet **')]);
    expect(inl('[open')).toEqual([t('[open')]);
    expect(inl('[a](b')).toEqual([t('[a](b')]);
    expect(inl('*')).toEqual([t('*')]);
  });

  it('normalises whitespace and merges equal runs', () => {
    expect(inl('  a \t b  ')).toEqual([t('a b')]);
    expect(inl('**a** **b**')).toEqual([t('a', { bold: true }), t(' '), t('b', { bold: true })]);
    // Literal stars and the text around them end up in one run.
    expect(inl('x ** y')).toEqual([t('x ** y')]);
    expect(inl('a\\*b')).toEqual([t('a*b')]);
    expect(inl('x  \n  \\\ny')).toEqual([t('x'), { kind: 'lineBreak' }, { kind: 'lineBreak' }, t('y')]);
  });
});

describe('escapeMarkdown', () => {
  it('makes any text come out literally, on one line', () => {
    expect(escapeMarkdown('Wijk *Noord*\n- [[qr]]')).toBe('Wijk \\*Noord\\* \\- \\[\\[qr\\]\\]');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const expected = s.replace(/[ \t\r\n\f\v]+/g, ' ').replace(/^ | $/g, '');
        const blocks = parseMarkdown(escapeMarkdown(s), {});
        if (expected === '') return blocks.length === 0;
        expect(blocks).toEqual([p(t(expected))]);
        return true;
      }),
      { numRuns: 500 },
    );
  });
});

describe('robustness', () => {
  /** Every invariant the writers rely on. */
  function checkInlines(content: Inline[]): void {
    expect(content.length).toBeGreaterThan(0);
    expect(content[0].kind).not.toBe('lineBreak');
    expect(content[content.length - 1].kind).not.toBe('lineBreak');
    content.forEach((item, idx) => {
      if (item.kind !== 'text') return;
      expect(item.text).not.toBe('');
      expect(item.text).not.toMatch(/[ \t\n]{2}|[\t\n]/);
      const prev = content[idx - 1];
      const next = content[idx + 1];
      if (prev === undefined || prev.kind === 'lineBreak') expect(item.text).not.toMatch(/^ /);
      if (next === undefined || next.kind === 'lineBreak') expect(item.text).not.toMatch(/ $/);
      if (prev?.kind === 'text') {
        expect(!!prev.bold === !!item.bold && !!prev.italic === !!item.italic).toBe(false);
        expect(prev.text.endsWith(' ') && item.text.startsWith(' ')).toBe(false);
      }
    });
  }
  function check(blocks: Block[]): void {
    for (const b of blocks) {
      if (b.kind === 'paragraph') checkInlines(b.content);
      else if (b.kind === 'list') b.items.forEach(checkInlines);
      else if (b.kind === 'callout') check(b.blocks);
      else if (b.kind === 'heading') expect(b.text).toBe(b.text.trim());
    }
  }

  const pieces = fc.constantFrom(
    '*', '**', '***', '_', '\\', '[', ']', '(', ')', '](', '\n', '\n\n', '  \n', '\\\n', '> ', '>', '>! ', '- ', '1. ',
    '# ', '## ', '### ', '---', '!lead ', '!small ', ' ', '\t', 'a', 'b c', 'https://x.nl', '\r\n', '`', '#',
  );
  const markupish = fc.array(pieces, { maxLength: 40 }).map((xs) => xs.join(''));

  it('never throws on arbitrary text without [[, and keeps its invariants', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), markupish), (s) => {
        fc.pre(!s.includes('[['));
        check(parseMarkdown(s, {}));
      }),
      { numRuns: 3000 },
    );
  });

  it('copes with long runs of markup', () => {
    expect(() => md('*'.repeat(20000))).not.toThrow();
    expect(() => md('>'.repeat(20000))).not.toThrow();
    expect(() => md('[a'.repeat(5000))).not.toThrow();
    expect(() => md('[a](('.repeat(5000))).not.toThrow();
    expect(() => md('*a '.repeat(3000))).not.toThrow();
  });
});
