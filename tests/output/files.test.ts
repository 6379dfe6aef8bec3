// File names are safe whatever the YAML says, and writes are atomic.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectFolder, slug, writeFileAtomic } from '../../src/output/files.js';

describe('slug', () => {
  it.each([
    ['Nijmegen', 'nijmegen'],
    ["'s-Hertogenbosch", 's-hertogenbosch'],
    ['Heseveld / Hazenkamp', 'heseveld-hazenkamp'],
    ['../../etc/passwd', 'etc-passwd'],
    ['Çağlayan Ïlpendam Łódź', 'caglayan-ilpendam-lodz'],
    ['', 'project'],
    ['CON', 'con-1'],
  ])('%s → %s', (input, expected) => {
    expect(slug(input)).toBe(expected);
  });
});

describe('slug of a name without Latin letters', () => {
  it('keeps a fingerprint of the name, so two such areas get two folders, the same on every run', () => {
    const moscow = slug('Москва', 'gebied');
    const beijing = slug('北京', 'gebied');
    expect(moscow).toMatch(/^gebied-[0-9a-f]{8}$/);
    expect(beijing).toMatch(/^gebied-[0-9a-f]{8}$/);
    expect(moscow).not.toBe(beijing);
    expect(slug('Москва', 'gebied')).toBe(moscow);
    expect(slug('...')).toMatch(/^project-[0-9a-f]{8}$/);
  });
});

describe('projectFolder', () => {
  it('stays inside the output folder whatever the names are', () => {
    const out = join(tmpdir(), 'ww-out');
    for (const [m, a] of [['..', '..'], ['/etc', '/passwd'], ['a\\..\\..', 'b'], ['\u0000', '\n']]) {
      expect(projectFolder(out, m, a).startsWith(out + sep)).toBe(true);
    }
  });
});

describe('writeFileAtomic', () => {
  it('writes the whole file and leaves no temp file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-atomic-'));
    const file = join(dir, 'a', 'b.txt');
    writeFileAtomic(file, 'hallo');
    writeFileAtomic(file, 'opnieuw');
    expect(readFileSync(file, 'utf8')).toBe('opnieuw');
    expect(readdirSync(join(dir, 'a'))).toEqual(['b.txt']);
    rmSync(dir, { recursive: true });
  });

  it('leaves the old file in place when writing fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-atomic-'));
    const file = join(dir, 'b.txt');
    writeFileAtomic(file, 'oud');
    // A directory where the file should go makes the rename fail.
    expect(() => writeFileAtomic(join(dir, 'b.txt', 'x'), 'nieuw')).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('oud');
    expect(existsSync(join(dir, 'b.txt'))).toBe(true);
    rmSync(dir, { recursive: true });
  });
});
