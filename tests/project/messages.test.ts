// The message catalogues: every language has exactly the keys of the Dutch one, the keys the code may
// use are a TypeScript type generated from that catalogue (so a misspelt key does not compile), and
// keys the compiler cannot see (zod's `msg:` texts) exist too.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { languageCodes } from '../../src/languages.js';
import { messageKeys } from '../../src/messages.js';

const root = join(import.meta.dirname, '..', '..');
const generated = join(root, 'src', 'message-keys.ts');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** The generated module: one union member per key of the Dutch catalogue. */
function keysFile(): string {
  const keys = Object.keys(parse(readFileSync(join(root, 'content', 'nl', 'messages.yaml'), 'utf8')) as object).sort();
  return [
    '// Generated from content/nl/messages.yaml by tests/project/messages.test.ts (`npm run keys`): do not edit.',
    '// Every key of the message catalogue, so the compiler refuses a key that does not exist.',
    'export type MessageKey =',
    ...keys.map((k, i) => `  | '${k}'${i === keys.length - 1 ? ';' : ''}`),
    '',
  ].join('\n');
}

describe('message catalogues', () => {
  it.each(languageCodes())('%s has exactly the keys of the Dutch catalogue', (lang) => {
    expect(messageKeys(lang)).toEqual(messageKeys('nl'));
  });

  it('src/message-keys.ts is generated from the current catalogue', () => {
    if (process.env.UPDATE_KEYS) writeFileSync(generated, keysFile());
    expect(readFileSync(generated, 'utf8')).toBe(keysFile());
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
});
