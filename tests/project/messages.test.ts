// The Dutch and English message catalogues stay in step, and every key the code uses exists.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { messageKeys, printable, readCatalogue, t } from '../../src/messages.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('message catalogues', () => {
  it('nl and en have the same keys', () => {
    expect(messageKeys('en')).toEqual(messageKeys('nl'));
  });

  it('the quick catalogue reader (used so --help needs no YAML parser) agrees with the YAML parser', () => {
    for (const lang of ['nl', 'en']) {
      const text = readFileSync(join(import.meta.dirname, '..', '..', 'content', lang, 'messages.yaml'), 'utf8');
      expect(readCatalogue(text)).toEqual(parse(text));
    }
    expect(() => readCatalogue('key: |\n  block\n')).toThrow(/one line/);
  });

  it('has real plurals, not "bestand(en)"', () => {
    for (const lang of ['nl', 'en'] as const) {
      const text = readFileSync(join(import.meta.dirname, '..', '..', 'content', lang, 'messages.yaml'), 'utf8');
      expect(text).not.toMatch(/\w\((en|n|s)\)/);
    }
    expect(t('nl', 'render_summary', { count: 1, area: 'Heseveld' })).toBe('1 bestand gemaakt voor Heseveld.');
    expect(t('nl', 'render_summary', { count: 3, area: 'Heseveld' })).toBe('3 bestanden gemaakt voor Heseveld.');
    expect(t('en', 'validate_summary', { errors: 1, warnings: 20000, file: 'x' })).toBe('1 error and 20,000 warnings in x.');
    expect(t('nl', 'validate_summary', { errors: 1, warnings: 20000, file: 'x' })).toBe('1 fout en 20.000 waarschuwingen in x.');
  });

  it('never passes control characters from a value through to the terminal', () => {
    const value = '\u001b[31mRed\u001b]0;pwned\u0007\u202e';
    const shown = t('nl', 'unknown_key', { key: value, allowed: '' });
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(shown).toContain('␛[31mRed␛]0;pwned␇');
    expect(printable('a\tb')).toBe('a→b');
  });

  it("every literal key passed to t(), report() or a problem exists", () => {
    const keys = new Set(messageKeys('nl'));
    const used = new Set<string>();
    for (const file of sources(join(import.meta.dirname, '..', '..', 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\([^,]+, '([a-z_A-Z]+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/report\('(?:error|warning)', [^;]*?'(rule_[a-z_]+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/'msg:([a-z_]+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/key: '([a-z_A-Z]+)'/g)) used.add(m[1]);
      // Any other literal that looks like a catalogue key (passed on through helpers such as at()).
      for (const m of text.matchAll(/'((?:yaml|rule|cli|fs|help|encoding|validate|render|templates|out|list|init|problems|unknown|source)_[a-zA-Z_]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((k) => !keys.has(k))).toEqual([]);
  });
});
