// Which files a batch takes (files, folders, patterns; sorted the same everywhere), and how shards
// split them: together exactly all files, none twice, a municipality whole in one shard.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs, parseShard, shardOf, type BatchFile } from '../../src/batch/files.js';
import { UserError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const f of ['b/2.yaml', 'b/10.yaml', 'a/x.yaml', 'a/deep/y.yaml', 'a/notes.txt', 'a/.hidden.yaml', '.git/z.yaml', 'node_modules/p/q.yaml', 'c d/e.yaml']) {
  mkdirSync(join(dir, f, '..'), { recursive: true });
  writeFileSync(join(dir, f), 'version: 1\n');
}
const names = (files: BatchFile[]) => files.map((f) => f.path.slice(dir.length + 1));

describe('expandInputs', () => {
  it('a folder: every .yaml below it, not hidden ones or node_modules, sorted by path', () => {
    expect(names(expandInputs([dir]))).toEqual(['a/deep/y.yaml', 'a/x.yaml', 'b/10.yaml', 'b/2.yaml', 'c d/e.yaml']);
  });

  it('patterns, also ** and quoted ones the shell did not expand; each file once', () => {
    expect(names(expandInputs([join(dir, 'b', '*.yaml'), join(dir, 'b', '2.yaml')]))).toEqual(['b/10.yaml', 'b/2.yaml']);
    expect(names(expandInputs([join(dir, '**', '*.yaml')]))).toEqual(['a/deep/y.yaml', 'a/x.yaml', 'b/10.yaml', 'b/2.yaml', 'c d/e.yaml']);
    expect(names(expandInputs([join(dir, 'a', '?.yaml'), join(dir, '[bc]*')]))).toEqual(['a/x.yaml', 'b/10.yaml', 'b/2.yaml', 'c d/e.yaml']);
  });

  it('the same order from any working folder, and paths shown relative to it', () => {
    const files = expandInputs([dir]);
    expect(files.map((f) => f.shown)).toEqual(files.map((f) => f.path));
  });

  it('a pattern that matches nothing, or a folder without .yaml, is a plain UserError', () => {
    expect(() => expandInputs([join(dir, 'nope', '*.yaml')])).toThrow(UserError);
    mkdirSync(join(dir, 'empty'));
    expect(() => expandInputs([join(dir, 'empty')])).toThrow(UserError);
    // A plain name that does not exist is passed on: loading it says "does not exist" as always.
    expect(names(expandInputs([join(dir, 'missing.yaml')]))).toEqual(['missing.yaml']);
  });
});

describe('shards', () => {
  const files: BatchFile[] = Array.from({ length: 342 }, (_, i) => ({ path: `/p/${String(i).padStart(3, '0')}.yaml`, shown: `${String(i).padStart(3, '0')}.yaml` }));
  // Municipalities of one to five files, some not next to each other in path order.
  const municipality = (f: BatchFile) => {
    const i = Number(f.shown.slice(0, 3));
    return i % 50 === 7 ? 'scattered' : String(Math.floor(i / ((i % 5) + 1)));
  };

  it.each([1, 2, 3, 7, 342, 400])('%i shards together are every file exactly once, municipalities whole, sizes near even', (n) => {
    const shards = Array.from({ length: n }, (_, i) => shardOf(files, municipality, i + 1, n));
    expect(shards.flat().map((f) => f.shown).sort()).toEqual(files.map((f) => f.shown));
    const shardsOf = new Map<string, Set<number>>();
    shards.forEach((s, i) => s.forEach((f) => shardsOf.set(municipality(f), (shardsOf.get(municipality(f)) ?? new Set()).add(i))));
    for (const [m, set] of shardsOf) expect(set.size, m).toBe(1);
    if (n <= 7) for (const s of shards) expect(Math.abs(s.length - 342 / n)).toBeLessThanOrEqual(8);
  });

  it('--shard is i/n with 1 ≤ i ≤ n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0', '-1/2']) expect(() => parseShard(bad), bad).toThrow(UserError);
  });
});
