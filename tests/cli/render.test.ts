// `welkome-wijk render` as a process: files where the user expects them, byte-identical runs,
// SOURCE_DATE_EPOCH changing only dates, clear errors, and nothing half-written after a failure.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'ww-render-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const example = join(ROOT, 'examples', 'nijmegen-heseveld.yaml');

function files(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)) : [];
}

describe('render invite', () => {
  it('writes one audience in one format into <out>/<municipality>/<area>/', async () => {
    const out = join(work, 'one');
    const r = await cli(['render', 'invite', example, '--audience', 'bewoners', '--format', 'pdf', '--out', out]);
    expect(r.exitCode).toBe(0);
    // The residents' invitation is a flyer: on A4, and on A5.
    const folder = join(out, 'nijmegen', 'heseveld');
    expect(files(out).sort()).toEqual([join(folder, 'uitnodiging-bewoners-a5.pdf'), join(folder, 'uitnodiging-bewoners.pdf')]);
    expect(r.stdout).toContain('uitnodiging-bewoners.pdf');
    expect(r.stdout).toContain('2 bestanden gemaakt voor Heseveld.');
  });

  it('gives byte-identical files on a second run', async () => {
    const [a, b] = [join(work, 'a'), join(work, 'b')];
    await cli(['render', 'invite', example, '--out', a]);
    await cli(['render', 'invite', example, '--out', b]);
    const fa = files(a).sort();
    // Three audiences in PDF and DOCX, and the residents' A5 flyer in both.
    expect(fa.length).toBe(8);
    for (const f of fa) expect(readFileSync(f).equals(readFileSync(f.replace(a, b))), f).toBe(true);
  });

  it('SOURCE_DATE_EPOCH changes the embedded dates and nothing else', async () => {
    const [a, b] = [join(work, 'epoch-a'), join(work, 'epoch-b')];
    await cli(['render', 'invite', example, '--audience', 'professionals', '--out', a], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
    await cli(['render', 'invite', example, '--audience', 'professionals', '--out', b], { env: { SOURCE_DATE_EPOCH: '1798761600' } });
    const pdf = (d: string) => join(d, 'nijmegen', 'heseveld', 'uitnodiging-professionals.pdf');
    expect(readFileSync(pdf(a)).equals(readFileSync(pdf(b)))).toBe(false);
    const text = (f: string) => execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' });
    expect(text(pdf(a))).toBe(text(pdf(b)));
    expect(execFileSync('pdfinfo', [pdf(a)], { encoding: 'utf8' })).toMatch(/CreationDate:.*2026/);
    expect(execFileSync('pdfinfo', [pdf(b)], { encoding: 'utf8' })).toMatch(/CreationDate:.*2027/);
    const docx = (d: string) => unzipSync(readFileSync(join(d, 'nijmegen', 'heseveld', 'uitnodiging-professionals.docx')));
    const [za, zb] = [docx(a), docx(b)];
    const changed = Object.keys(za).filter((k) => !Buffer.from(za[k]).equals(Buffer.from(zb[k])));
    expect(changed).toEqual(['docProps/core.xml']);
  });

  it('refuses an unknown audience or format with exit code 2', async () => {
    const r1 = await cli(['render', 'invite', example, '--audience', 'bewonerz', '--out', work]);
    expect(r1.exitCode).toBe(2);
    expect(r1.stderr).toContain("Onbekende doelgroep 'bewonerz'. Bedoelt u 'bewoners'? Kies uit: professionals, vrijwilligers, bewoners.");
    const r2 = await cli(['render', 'invite', example, '--format', 'pdf,odt', '--out', work]);
    expect(r2.exitCode).toBe(2);
    expect(r2.stderr).toContain("Onbekend formaat 'odt'");
  });

  it('writes nothing when one document of the set fails, and says why in plain words', async () => {
    // A project with its own templates, one of which uses a field that does not exist.
    const dir = join(work, 'broken');
    mkdirSync(join(dir, 'mijn-sjablonen', 'nl', 'invitation'), { recursive: true });
    cpSync(join(ROOT, 'examples', 'assets'), join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'project.yaml'), `${readFileSync(example, 'utf8')}\ntemplates: mijn-sjablonen\n`);
    writeFileSync(join(dir, 'mijn-sjablonen', 'nl', 'invitation', 'bewoners.md.hbs'), '# Welkom\n\n{{meeting.zaal}}\n');
    const out = join(dir, 'out');
    const r = await cli(['render', 'invite', join(dir, 'project.yaml'), '--out', out]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('bewoners.md.hbs');
    expect(r.stderr).toContain('zaal');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(files(out)).toEqual([]);
  });

  it('uses the user template when the file points at one', async () => {
    const dir = join(work, 'own');
    mkdirSync(join(dir, 'sjablonen', 'nl', 'invitation'), { recursive: true });
    cpSync(join(ROOT, 'examples', 'assets'), join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'project.yaml'), `${readFileSync(example, 'utf8')}\ntemplates: sjablonen\n`);
    writeFileSync(join(dir, 'sjablonen', 'nl', 'invitation', 'bewoners.md.hbs'), '# Eigen uitnodiging voor {{project.area.name}}\n\n[[details]]\n');
    const out = join(dir, 'out');
    const r = await cli(['render', 'invite', join(dir, 'project.yaml'), '--audience', 'bewoners', '--format', 'pdf', '--out', out]);
    expect(r.exitCode, r.stderr).toBe(0);
    const text = execFileSync('pdftotext', [join(out, 'nijmegen', 'heseveld', 'uitnodiging-bewoners.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Eigen uitnodiging voor Heseveld');
    expect(text).toContain('Wijkcentrum De Klokketoren');
    // A template of one's own without [[when]] still says when: in the facts.
    expect(text).toContain('dinsdag 23 maart 2027');
  });
});
