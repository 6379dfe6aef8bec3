// Every broken file under tests/fixtures/invalid/ is reported at the line:col and with the message
// its `# expect:` header lines promise, and never accepted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProjectSource } from '../../src/project/load.js';
import { formatPath, formatProblem } from '../../src/project/problems.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'invalid');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

/** `# expect: 12:7 meetings[0].venue.adress | Bedoelt u 'address'?` (path and message optional). */
function expectations(source: string) {
  return [...source.matchAll(/^# expect: (\d+):(\d+)(?: (\S+))?(?: \| (.+))?$/gm)].map((m) => ({
    line: Number(m[1]),
    col: Number(m[2]),
    path: m[3],
    message: m[4]?.trim(),
  }));
}

describe('broken neighbourhood files', () => {
  it('has a corpus of at least 30 files', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of files) {
    it(name, () => {
      const source = readFileSync(join(dir, name), 'utf8');
      const expected = expectations(source);
      expect(expected.length, 'fixture needs at least one "# expect:" line').toBeGreaterThan(0);
      const result = checkProjectSource(source, join(dir, name));
      expect(result.project).toBeUndefined();
      for (const want of expected) {
        const match = result.problems.find((p) => p.pos?.line === want.line && p.pos?.col === want.col && p.severity === 'error');
        const shown = result.problems.map((p) => `${p.pos?.line}:${p.pos?.col} ${formatPath(p.path)} ${p.key}`).join('\n');
        expect(match, `no error at ${want.line}:${want.col}; got:\n${shown}`).toBeDefined();
        if (want.path) expect(formatPath(match!.path)).toBe(want.path);
        if (want.message) {
          const text = formatProblem(match!, { lang: 'nl', file: name, source });
          expect(text).toContain(want.message);
        }
      }
    });
  }
});
