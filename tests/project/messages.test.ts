// The message catalogues: every language has exactly the keys of the Dutch one, the keys the code may
// use are a TypeScript type generated from that catalogue (so a misspelt key does not compile), keys
// the compiler cannot see (zod's `msg:` texts) exist too, and messages read well and safely.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { languageCodes } from '../../src/languages.js';
import { messageKeys, printable, readCatalogue, t } from '../../src/messages.js';
import { generatedFile, keysFile } from '../tools/message-keys.mjs';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('message catalogues', () => {
  it.each(languageCodes())('%s has exactly the keys of the Dutch catalogue', (lang) => {
    expect(messageKeys(lang)).toEqual(messageKeys('nl'));
  });

  it('src/message-keys.ts is generated from the current catalogue (refresh: npm run keys)', () => {
    expect(readFileSync(generatedFile, 'utf8')).toBe(keysFile());
  });

  it("every key zod's messages name (msg:...) exists", () => {
    const keys = new Set(messageKeys('nl'));
    const used = new Set<string>();
    for (const file of sources(join(root, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'msg:([a-z_]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((k) => !keys.has(k))).toEqual([]);
  });

  it('the quick catalogue reader (used so --help needs no YAML parser) agrees with the YAML parser', () => {
    for (const lang of languageCodes()) {
      const text = readFileSync(join(root, 'content', lang, 'messages.yaml'), 'utf8');
      expect(readCatalogue(text)).toEqual(parse(text));
    }
    expect(() => readCatalogue('key: |\n  block\n')).toThrow(/one line/);
  });

  it('has real plurals, not "bestand(en)"', () => {
    for (const lang of languageCodes()) {
      const text = readFileSync(join(root, 'content', lang, 'messages.yaml'), 'utf8');
      expect(text).not.toMatch(/\w\((en|n|s)\)/);
    }
    expect(t('nl', 'render_summary', { count: 1, area: 'Heseveld' })).toBe('1 bestand gemaakt voor Heseveld.');
    expect(t('nl', 'render_summary', { count: 3, area: 'Heseveld' })).toBe('3 bestanden gemaakt voor Heseveld.');
    expect(t('en', 'validate_summary', { errors: 1, warnings: 20000, file: 'x' })).toBe('1 error and 20,000 warnings in x.');
    expect(t('nl', 'validate_summary', { errors: 1, warnings: 20000, file: 'x' })).toBe('1 fout en 20.000 waarschuwingen in x.');
  });

  it('words a catalogue word given as a placeholder in the same language', () => {
    expect(t('nl', 'card_back_too_long', { title: { key: 'help_render_cards' }, mm: 3 })).toContain(`'${t('nl', 'help_render_cards')}'`);
    expect(t('en', 'card_back_too_long', { title: { key: 'help_render_cards' }, mm: 3 })).toContain(`'${t('en', 'help_render_cards')}'`);
  });

  it('never passes control characters from a value through to the terminal', () => {
    const value = '\u001b[31mRed\u001b]0;pwned\u0007\u202e';
    const shown = t('nl', 'unknown_key', { key: value, allowed: '' });
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(shown).toContain('␛[31mRed␛]0;pwned␇');
    expect(printable('a\tb')).toBe('a→b');
  });
});
