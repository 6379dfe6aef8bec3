// A bundle's inputs as checksums: the same files give the same key; any change to the project file,
// a template (also one added or renamed), the logo or photo, the options or the tool's version gives another.
import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleInputs, type InputSources } from '../../src/output/inputs.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'templates', 'nl', 'invitation'), { recursive: true });
writeFileSync(join(dir, 'templates', 'nl', 'invitation', 'bewoners.md.hbs'), '# Welkom\n');
writeFileSync(join(dir, 'logo.png'), 'png');

const base = (): InputSources => ({
  source: new TextEncoder().encode('municipality: A\n'),
  templateDirs: [join(dir, 'templates')],
  logo: join(dir, 'logo.png'),
  options: { formats: ['pdf', 'docx'], writers: ['pdfmake', 'docx'], audience: null, sourceDateEpoch: null },
});
const key = (s: InputSources = base()) => bundleInputs(s)!.key;

describe('bundleInputs', () => {
  it('is the same for the same inputs, whatever their times say', () => {
    const first = key();
    utimesSync(join(dir, 'logo.png'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(key()).toBe(first);
  });

  it('changes with the file, a template, the logo and the options', () => {
    const first = key();
    expect(key({ ...base(), source: new TextEncoder().encode('municipality: B\n') })).not.toBe(first);
    expect(key({ ...base(), options: { ...base().options, formats: ['pdf'] } })).not.toBe(first);
    expect(key({ ...base(), options: { ...base().options, sourceDateEpoch: '0' } })).not.toBe(first);
    expect(key({ ...base(), logo: undefined })).not.toBe(first);
    // The photo on the residents' invitation is an input as well.
    expect(key({ ...base(), photo: join(dir, 'logo.png') })).not.toBe(first);
    writeFileSync(join(dir, 'logo.png'), 'png2');
    const afterLogo = key();
    expect(afterLogo).not.toBe(first);
    const file = join(dir, 'templates', 'nl', 'invitation', 'bewoners.md.hbs');
    writeFileSync(file, '# Welkom!\n');
    const afterEdit = key();
    expect(afterEdit).not.toBe(afterLogo);
    renameSync(file, join(dir, 'templates', 'nl', 'invitation', 'vrijwilligers.md.hbs'));
    expect(key()).not.toBe(afterEdit);
  });

  it('a missing template folder or logo is an input too (and never an exception)', () => {
    expect(key({ ...base(), templateDirs: [join(dir, 'nope')] })).not.toBe(key({ ...base(), templateDirs: [] }));
    expect(bundleInputs({ ...base(), logo: join(dir, 'nope.png') })!.logo).toBe('missing');
  });
});
