// A bundle goes in place whole: a failed write leaves the previous bundle as it was, a killed run's
// leftovers are cleared (or the previous bundle put back), a folder holding someone's own files is
// not replaced, and a bundle counts as current only with every file it lists at its size.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleIsCurrent, recoverBundles, writeBundle } from '../../src/output/bundle.js';
import type { BundleFile, RenderedBundle } from '../../src/output/render.js';
import { UserError } from '../../src/errors.js';

const work = mkdtempSync(join(tmpdir(), 'ww-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function bundle(folder: string, texts: Record<string, string>, key = 'k1'): RenderedBundle {
  const files: BundleFile[] = Object.entries(texts).map(([name, text]) => ({ name, material: 'invite', bytes: new TextEncoder().encode(text), sha256: '' }));
  const manifest = { municipality: 'M', area: 'A', language: 'nl', date: '2026-01-01T00:00:00.000Z', inputs: { key }, files: files.map((f) => ({ file: f.name, material: f.material, bytes: f.bytes.byteLength, sha256: '' })) };
  files.push({ name: 'manifest.json', material: 'manifest', bytes: new TextEncoder().encode(JSON.stringify(manifest)), sha256: '' });
  return { folder, files };
}
const listing = (dir: string) => readdirSync(dir).sort();

describe('writeBundle', () => {
  it('replaces the previous bundle whole, leaving nothing beside it', () => {
    const folder = join(work, 'a', 'm', 'area');
    writeBundle(bundle(folder, { 'x.pdf': 'one', 'old.pdf': 'gone next time' }));
    writeBundle(bundle(folder, { 'x.pdf': 'two', 'y.pdf': 'new' }));
    expect(listing(folder)).toEqual(['manifest.json', 'x.pdf', 'y.pdf']);
    expect(readFileSync(join(folder, 'x.pdf'), 'utf8')).toBe('two');
    expect(listing(join(work, 'a', 'm'))).toEqual(['area']);
  });

  it('a write that fails halfway leaves the previous bundle untouched and no temporary folder', () => {
    const folder = join(work, 'b', 'm', 'area');
    writeBundle(bundle(folder, { 'x.pdf': 'good' }));
    // A file name the file system refuses (too long) in the middle of the bundle.
    expect(() => writeBundle(bundle(folder, { 'a.pdf': 'new', [`${'n'.repeat(300)}.pdf`]: 'refused', 'z.pdf': 'new' }))).toThrow();
    expect(listing(folder)).toEqual(['manifest.json', 'x.pdf']);
    expect(readFileSync(join(folder, 'x.pdf'), 'utf8')).toBe('good');
    expect(listing(join(work, 'b', 'm'))).toEqual(['area']);
  });

  it('refuses to replace a folder with files it did not make, and names them', () => {
    const folder = join(work, 'c', 'm', 'area');
    writeBundle(bundle(folder, { 'x.pdf': 'one' }));
    writeFileSync(join(folder, 'notities.txt'), 'mine');
    mkdirSync(join(folder, 'foto'));
    let error: unknown;
    try {
      writeBundle(bundle(folder, { 'x.pdf': 'two' }));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).ref).toMatchObject({ key: 'bundle_foreign_files', params: { files: 'foto/, notities.txt' } });
    expect(readFileSync(join(folder, 'x.pdf'), 'utf8')).toBe('one');
    // Files of an earlier single render (same names as the bundle's) are ours.
    rmSync(join(folder, 'notities.txt'));
    rmSync(join(folder, 'foto'), { recursive: true });
    writeFileSync(join(folder, 'y.pdf'), 'from render invite');
    rmSync(join(folder, 'manifest.json'));
    writeBundle(bundle(folder, { 'x.pdf': 'two', 'y.pdf': 'bundle' }));
    expect(readFileSync(join(folder, 'y.pdf'), 'utf8')).toBe('bundle');
  });

  it('clears what a killed run left: a temporary folder, or the previous bundle moved aside', () => {
    const parent = join(work, 'd', 'm');
    const folder = join(parent, 'area');
    writeBundle(bundle(folder, { 'x.pdf': 'one' }));
    // Killed between the two renames: the previous bundle aside, the new one still temporary.
    const dead = 2 ** 22 + 12345; // no such process
    renameSync(folder, join(parent, `.area.old-${dead}-abcd1234`));
    mkdirSync(join(parent, `.area.tmp-${dead}-abcd1234`));
    writeFileSync(join(parent, `.area.tmp-${dead}-abcd1234`, 'x.pdf'), 'half');
    recoverBundles(parent);
    expect(listing(parent)).toEqual(['area']);
    expect(readFileSync(join(folder, 'x.pdf'), 'utf8')).toBe('one');
    // A run that is still going (this process) keeps its folders.
    mkdirSync(join(parent, `.area.tmp-${process.pid}-00000000`));
    expect(listing(parent)).toContain(`.area.tmp-${process.pid}-00000000`);
  });
});

describe('bundleIsCurrent', () => {
  it('only with the same inputs and every listed file present at its size', () => {
    const folder = join(work, 'e', 'm', 'area');
    writeBundle(bundle(folder, { 'x.pdf': 'one', 'y.pdf': 'two' }, 'key-a'));
    expect(bundleIsCurrent(folder, 'key-a')).toBeDefined();
    expect(bundleIsCurrent(folder, 'key-b')).toBeUndefined();
    // Emptied (a power cut before the data reached the disk), or removed: made again.
    writeFileSync(join(folder, 'y.pdf'), '');
    expect(bundleIsCurrent(folder, 'key-a')).toBeUndefined();
    rmSync(join(folder, 'y.pdf'));
    expect(bundleIsCurrent(folder, 'key-a')).toBeUndefined();
    expect(bundleIsCurrent(join(work, 'nowhere'), 'key-a')).toBeUndefined();
    expect(existsSync(join(work, 'nowhere'))).toBe(false);
  });

  it.skipIf(process.getuid?.() === 0)('a folder it may not write in is an error, and nothing is changed', () => {
    const folder = join(work, 'f', 'm', 'area');
    writeBundle(bundle(folder, { 'x.pdf': 'one' }));
    chmodSync(join(work, 'f', 'm'), 0o555);
    try {
      expect(() => writeBundle(bundle(folder, { 'x.pdf': 'two' }))).toThrow();
      expect(readFileSync(join(folder, 'x.pdf'), 'utf8')).toBe('one');
    } finally {
      chmodSync(join(work, 'f', 'm'), 0o755);
    }
  });
});
