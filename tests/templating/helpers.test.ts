// Tests the wording of dates, times, lists and counts, both as functions and as template helpers.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeMarkdown, parseMarkdown } from '../../src/document/markdown.js';
import { InternalError, UserError } from '../../src/errors.js';
import { renderTemplate } from '../../src/templating/engine.js';
import {
  FormatError,
  formatCount,
  formatDate,
  formatList,
  formatShortDate,
  formatTime,
  formatTimeRange,
  formatWhen,
  pluralWord,
} from '../../src/templating/helpers.js';

const builtinDir = path.resolve('tests/fixtures/templates');
const userDir = mkdtempSync(path.join(tmpdir(), 'ww-helpers-'));
let counter = 0;
afterAll(() => rmSync(userDir, { recursive: true, force: true }));

/** Renders a one-off template through the real engine (a fresh file each time: no cache surprises). */
function render(source: string, lang: 'nl' | 'en', data: object = {}): string {
  const name = `t${counter++}`;
  mkdirSync(path.join(userDir, lang), { recursive: true });
  writeFileSync(path.join(userDir, lang, `${name}.md.hbs`), source);
  return renderTemplate(name, lang, data, { userDirs: [userDir], builtinDir });
}

describe('formatting functions', () => {
  it('formats dates as calendar dates', () => {
    expect(formatDate('2026-02-10', 'nl')).toBe('dinsdag 10 februari 2026');
    expect(formatDate('2026-02-10', 'en')).toBe('Tuesday 10 February 2026');
    expect(formatDate('2026-03-01', 'nl')).toBe('zondag 1 maart 2026');
    expect(formatDate('2024-02-29', 'en')).toBe('Thursday 29 February 2024');
    expect(formatDate('2026-12-31', 'nl')).toBe('donderdag 31 december 2026');
    expect(formatDate(new Date('2026-02-10'), 'nl')).toBe('dinsdag 10 februari 2026');
    expect(formatShortDate('2026-02-10', 'nl')).toBe('10 februari');
    expect(formatShortDate('2026-02-10', 'en')).toBe('10 February');
  });

  it('does not depend on the time zone', () => {
    const before = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Amsterdam']) {
        process.env.TZ = tz;
        expect(formatDate('2026-01-01', 'nl')).toBe('donderdag 1 januari 2026');
      }
    } finally {
      process.env.TZ = before;
    }
  });

  it('rejects dates that are malformed or do not exist', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '10-02-2026', '2026-2-10', '2026-02-10T19:30', '', 'morgen']) {
      expect(() => formatDate(bad, 'nl'), bad).toThrow(FormatError);
    }
    expect(() => formatDate(new Date('nonsense'), 'nl')).toThrow(FormatError);
    // FormatError is an InternalError for code callers: their data was validated.
    expect(() => formatDate('x', 'nl')).toThrow(InternalError);
  });

  it('formats times and ranges', () => {
    expect(formatTime('19:30', 'nl')).toBe('19.30');
    expect(formatTime('19:30', 'en')).toBe('19:30');
    expect(formatTime('09:05', 'nl')).toBe('9.05');
    expect(formatTime('9:05', 'en')).toBe('09:05');
    expect(formatTime('19.30', 'en')).toBe('19:30');
    expect(formatTime('00:00', 'nl')).toBe('0.00');
    expect(formatTimeRange('19:30', '22:00', 'nl')).toBe('19.30 - 22.00 uur');
    expect(formatTimeRange('19:30', '22:00', 'en')).toBe('19:30 to 22:00');
    for (const bad of ['24:00', '19:60', '1930', '7pm', '']) expect(() => formatTime(bad, 'nl'), bad).toThrow(FormatError);
  });

  it('formats date and time together', () => {
    expect(formatWhen('2026-02-10', '19:30', '22:00', 'nl')).toBe('dinsdag 10 februari 2026, 19.30 - 22.00 uur');
    expect(formatWhen('2026-02-10', '19:30', '22:00', 'en')).toBe('Tuesday 10 February 2026, 19:30 to 22:00');
    expect(formatWhen('2026-02-10', '19:30', undefined, 'nl')).toBe('dinsdag 10 februari 2026, 19.30 uur');
    expect(formatWhen('2026-02-10', '19:30', null, 'en')).toBe('Tuesday 10 February 2026, 19:30');
  });

  it('joins lists', () => {
    expect(formatList([], 'nl')).toBe('');
    expect(formatList(['Anna'], 'nl')).toBe('Anna');
    expect(formatList(['Anna', 'Bas'], 'nl')).toBe('Anna en Bas');
    expect(formatList(['Anna', 'Bas', 'Cem'], 'nl')).toBe('Anna, Bas en Cem');
    expect(formatList(['Anna', 'Bas'], 'en')).toBe('Anna and Bas');
    expect(formatList(['Anna', 'Bas', 'Cem'], 'en')).toBe('Anna, Bas and Cem');
  });

  it('counts', () => {
    expect(formatCount(1, 'deelnemer', 'deelnemers', 'nl')).toBe('1 deelnemer');
    expect(formatCount(12, 'deelnemer', 'deelnemers', 'nl')).toBe('12 deelnemers');
    expect(formatCount(0, 'deelnemer', 'deelnemers', 'nl')).toBe('0 deelnemers');
    expect(formatCount(1250, 'participant', 'participants', 'en')).toBe('1,250 participants');
    expect(formatCount(1250, 'deelnemer', 'deelnemers', 'nl')).toBe('1.250 deelnemers');
    expect(pluralWord(1, 'tafel', 'tafels')).toBe('tafel');
    expect(pluralWord(3, 'tafel', 'tafels')).toBe('tafels');
    expect(() => pluralWord(Number.NaN, 'a', 'b')).toThrow(FormatError);
  });
});

describe('template helpers', () => {
  const data = { d: '2026-02-10', s: '19:30', e: '22:00', names: ['Anna', 'Bas', 'Cem'], n: 12 };

  it('use the language of the template', () => {
    const source = '{{date d}}|{{shortDate d}}|{{time s}}|{{timeRange s e}}|{{when d s e}}|{{when d s}}|{{list names}}|{{plural n "x" "xs"}}|{{pluralWord 1 "x" "xs"}}';
    // The output is Markdown: what a helper returns is escaped there, so it prints as written.
    const md = (parts: string[]) => parts.map(escapeMarkdown).join('|');
    expect(render(source, 'nl', data)).toBe(
      md(['dinsdag 10 februari 2026', '10 februari', '19.30', '19.30 - 22.00 uur', 'dinsdag 10 februari 2026, 19.30 - 22.00 uur', 'dinsdag 10 februari 2026, 19.30 uur', 'Anna, Bas en Cem', '12 xs', 'x']),
    );
    expect(render(source, 'en', data)).toBe(
      md(['Tuesday 10 February 2026', '10 February', '19:30', '19:30 to 22:00', 'Tuesday 10 February 2026, 19:30 to 22:00', 'Tuesday 10 February 2026, 19:30', 'Anna, Bas and Cem', '12 xs', 'x']),
    );
  });

  it('get values as written, and their output is escaped where it enters the Markdown', () => {
    const out = render('{{date d}} {{name}} {{{raw}}}', 'nl', { d: '2026-02-10', name: '*Anna* [1]', raw: '**vet**' });
    expect(out).toBe(`${escapeMarkdown('dinsdag 10 februari 2026')} ${escapeMarkdown('*Anna* [1]')} **vet**`);
    const [block] = parseMarkdown(out, {});
    expect(block).toMatchObject({ kind: 'paragraph' });
    const texts = (block as { content: { text?: string; bold?: boolean }[] }).content;
    expect(texts.map((i) => i.text).join('')).toBe('dinsdag 10 februari 2026 *Anna* [1] vet');
    expect(texts.find((i) => i.text === 'vet')?.bold).toBe(true);
  });

  it('reads @root.lang inside loops and partials', () => {
    expect(render('{{#each days}}{{shortDate this}};{{/each}}', 'en', { days: ['2026-02-10', '2026-03-01'] })).toBe('10 February;1 March;');
  });

  it('list can pick a field of each item', () => {
    expect(render('{{list hosts "name"}}', 'nl', { hosts: [{ name: 'Anna' }, { name: 'Bas' }] })).toBe('Anna en Bas');
    expect(() => render('{{list hosts "constructor"}}', 'nl', { hosts: [{ name: 'Anna' }] })).toThrow(UserError);
  });

  it('when takes a null end time', () => {
    expect(render('{{when d s e}}', 'nl', { ...data, e: null })).toBe(escapeMarkdown('dinsdag 10 februari 2026, 19.30 uur'));
  });

  it('conditions', () => {
    const t = '{{#if (eq a "x")}}eq{{/if}}|{{#if (and a b)}}and{{/if}}|{{#if (or c b)}}or{{/if}}|{{#if (not c)}}not{{/if}}|{{#if (and a c)}}no{{else}}else{{/if}}';
    expect(render(t, 'nl', { a: 'x', b: [1], c: [] })).toBe('eq|and|or|not|else');
    expect(render('{{#if (or a b c)}}y{{/if}}', 'en', { a: 0, b: '', c: null })).toBe('');
  });

  it('plain escapes markup and joins lines', () => {
    expect(render('{{plain v}}', 'nl', { v: 'Wijk *Noord*\n- [[qr]]' })).toBe('Wijk \\*Noord\\* \\- \\[\\[qr\\]\\]');
  });

  it('explains a wrong value in a user template', () => {
    expect(() => render('{{date s}}', 'nl', data)).toThrow(/Expected a date like 2026-02-10, got "19:30"/);
    expect(() => render('{{date s}}', 'nl', data)).toThrow(UserError);
    expect(() => render('{{time}}', 'nl', data)).toThrow(/"time" takes 1 value, but got 0/);
    expect(() => render('{{plural "3" "a" "b"}}', 'nl', data)).toThrow(/Expected a number/);
  });
});
