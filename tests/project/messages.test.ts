// The Dutch and English message catalogues stay in step, and every key the code uses exists.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageKeys } from '../../src/messages.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('message catalogues', () => {
  it('nl and en have the same keys', () => {
    expect(messageKeys('en')).toEqual(messageKeys('nl'));
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
    }
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((k) => !keys.has(k))).toEqual([]);
  });
});
