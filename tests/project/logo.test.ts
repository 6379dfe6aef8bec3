// The logo is checked when the file is validated, by its content: type, completeness, file size and
// pixel count, with a located message in both languages (in-process; the CLI test runs one as a user).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProjectSource } from '../../src/project/load.js';
import { formatProblem } from '../../src/project/problems.js';
import { inspectImage } from '../../src/image.js';

const root = join(import.meta.dirname, '..', '..');
const example = readFileSync(join(root, 'examples', 'beuningen.yaml'), 'utf8');
const realLogo = readFileSync(join(root, 'examples', 'assets', 'beuningen-logo.png'));
const dir = mkdtempSync(join(tmpdir(), 'ww-logo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])) >>> 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG whose header says width × height; the pixel data is a token (the check never decodes it). */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
}

/** The markers of a baseline JPEG of 3 × 2 pixels: SOI, APP0, SOF0, SOS, data, EOI. */
const jpeg = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x02, 0x00, 0x03, 0x01, 0x01, 0x11, 0x00,
  0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34, 0x56,
  0xff, 0xd9,
]);

/** Validate the Beuningen example with its logo replaced by `bytes` (or by what `make` puts there). */
function withLogo(name: string, bytes: Buffer | ((path: string) => void), lang: 'nl' | 'en' = 'nl') {
  const folder = join(dir, name.replace(/\W/g, '_'));
  mkdirSync(join(folder, 'assets'), { recursive: true });
  const logo = join(folder, 'assets', name);
  if (typeof bytes === 'function') bytes(logo);
  else writeFileSync(logo, bytes);
  const file = join(folder, 'project.yaml');
  const source = example.replace('assets/beuningen-logo.png', `assets/${name}`);
  const result = checkProjectSource(source, file);
  const errors = result.problems.filter((p) => p.severity === 'error');
  return { result, errors, shown: errors.map((p) => formatProblem(p, { lang, file: 'project.yaml', source })).join('\n') };
}

describe('logo-file', () => {
  it('accepts the real PNG logo, and a JPEG whatever its name says', () => {
    expect(withLogo('logo.png', realLogo).errors).toEqual([]);
    expect(withLogo('logo-really-a-jpeg.png', jpeg).errors).toEqual([]);
    expect(inspectImage(jpeg)).toEqual({ ok: true, type: 'JPEG', width: 3, height: 2 });
  });

  it('refuses a text file named .png, with the line and the field', () => {
    const { errors, shown } = withLogo('tekst.png', Buffer.from('dit is geen plaatje\n'));
    expect(errors.map((p) => p.key)).toEqual(['rule_logo_type']);
    expect(shown).toMatch(/project\.yaml:\d+:\d+ fout {2}branding\.logo/);
    expect(shown).toContain("Het logo 'assets/tekst.png' is geen PNG- of JPEG-afbeelding");
  });

  it('says it in English too', () => {
    const { shown } = withLogo('text.png', Buffer.from('not a picture\n'), 'en');
    expect(shown).toMatch(/project\.yaml:\d+:\d+ error {2}branding\.logo/);
    expect(shown).toContain("The logo 'assets/text.png' is not a PNG or JPEG image");
  });

  it('refuses an empty file', () => {
    expect(withLogo('leeg.png', Buffer.alloc(0)).errors.map((p) => p.key)).toEqual(['rule_logo_empty']);
  });

  it('refuses a truncated PNG and a truncated JPEG', () => {
    const png = withLogo('half.png', realLogo.subarray(0, Math.floor(realLogo.length / 2)));
    expect(png.errors.map((p) => p.key)).toEqual(['rule_logo_broken']);
    expect(png.shown).toContain('het lijkt een PNG');
    expect(withLogo('half.jpg', jpeg.subarray(0, 40)).errors.map((p) => p.key)).toEqual(['rule_logo_broken']);
    expect(withLogo('header-only.png', realLogo.subarray(0, 20)).errors.map((p) => p.key)).toEqual(['rule_logo_broken']);
  });

  it('refuses a 16000 × 16000 PNG by its header, without decoding it', () => {
    const start = performance.now();
    const { errors, shown } = withLogo('huge.png', pngHeader(16000, 16000));
    expect(performance.now() - start).toBeLessThan(2000);
    expect(errors.map((p) => p.key)).toEqual(['rule_logo_too_many_pixels']);
    expect(shown).toContain('16.000 × 16.000 pixels (256 megapixel); er past hoogstens 40 megapixel');
  });

  it('refuses a file over 5 MB', () => {
    const big = Buffer.concat([pngHeader(100, 100), Buffer.alloc(6 * 1024 * 1024)]);
    const { errors, shown } = withLogo('zwaar.png', big);
    expect(errors.map((p) => p.key)).toEqual(['rule_logo_too_big']);
    expect(shown).toContain('is 6 MB; er past hoogstens 5 MB');
  });

  it('follows a symlink and judges what it points at', () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'geen plaatje');
    expect(withLogo('link.png', (path) => symlinkSync(text, path)).errors.map((p) => p.key)).toEqual(['rule_logo_type']);
    const real = join(dir, 'real.png');
    writeFileSync(real, realLogo);
    expect(withLogo('good-link.png', (path) => symlinkSync(real, path)).errors).toEqual([]);
    expect(withLogo('dangling.png', (path) => symlinkSync(join(dir, 'nothing.png'), path)).errors.map((p) => p.key)).toEqual(['rule_logo_missing']);
  });

  it('refuses a folder where the logo should be', () => {
    expect(withLogo('map.png', (path) => mkdirSync(path)).errors.map((p) => p.key)).toEqual(['rule_logo_not_file']);
  });
});
