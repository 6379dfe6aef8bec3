// `render all` over many files, as a CI job runs it: 12 generated neighbourhoods (342 in `npm run
// bench`, which is too slow for the suite) with one broken file; --jobs 1 and --jobs 2 give the same
// bytes; the broken file is reported with file:line:col and the rest built; a second run writes
// nothing; an edit rebuilds one bundle; shards cover the set exactly once; zips are reproducible;
// a killed run leaves no half bundle; GitHub annotations.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { unzipSync } from 'fflate';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProjects } from '../fixtures/generate.js';
import { BIN, cli, cliInTerminal, ROOT } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'ww-batch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const projects = join(work, 'projects');
const BROKEN = 4;
let files: string[] = [];
const outA = join(work, 'out-jobs-1');
const outB = join(work, 'out-jobs-2');

/** Every file below `dir` with its checksum, by path inside `dir`. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

/** Every file's identity (inode and modification time): a run that writes nothing changes none. */
function stamps(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const st = statSync(join(e.parentPath, e.name));
    out[relative(dir, join(e.parentPath, e.name))] = `${st.ino}:${st.mtimeMs}`;
  }
  return out;
}

/** Folders a bundle passes through must never be left behind. */
const passing = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((p) => /\.(tmp|old)-\d+-/.test(p));

/** Every bundle folder has its manifest and every file it lists, at its size: none is half made. */
function expectWholeBundles(out: string): number {
  let bundles = 0;
  if (!existsSync(out)) return 0;
  for (const m of readdirSync(out, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const a of readdirSync(join(out, m.name), { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.'))) {
      const folder = join(out, m.name, a.name);
      const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
      expect(readdirSync(folder).sort()).toEqual([...manifest.files.map((f: { file: string }) => f.file), 'manifest.json'].sort());
      for (const f of manifest.files) expect(statSync(join(folder, f.file)).size, `${folder}/${f.file}`).toBe(f.bytes);
      bundles++;
    }
  }
  return bundles;
}

beforeAll(() => {
  files = generateProjects(projects, 12, { broken: [BROKEN] });
});

describe('render all over a folder of 12 neighbourhoods', () => {
  let json: { summary: Record<string, number>; files: { file: string; status: string; folder: string | null; problems: { line: number; col: number; message: string }[]; files: { sha256: string }[] }[] };
  let stderrA = '';

  it('builds the 11 good files with --jobs 1 and --jobs 2, byte for byte the same, and reports the broken one', async () => {
    const [a, b] = [
      await cli(['render', 'all', '--out', outA, '--jobs', '1', '--json', projects]),
      await cli(['render', 'all', '--out', outB, '--jobs', '2', projects]),
    ];
    stderrA = a.stderr;
    expect(a.exitCode, a.stderr).toBe(2);
    expect(b.exitCode, b.stderr).toBe(2);
    json = JSON.parse(a.stdout);
    expect(json.summary).toMatchObject({ files: 12, built: 11, unchanged: 0, failed: 1 });
    expect(tree(outA)).toEqual(tree(outB));
    expect(expectWholeBundles(outA)).toBe(11);
    expect(passing(outA)).toEqual([]);
    expect(b.stdout).toMatch(/Klaar in \d+,\d s: gemaakt: 11, ongewijzigd: 0, met fouten: 1\./);
  }, 600_000);

  it('says where the broken file is wrong, as validate does, and which file was not made', () => {
    const broken = files[BROKEN];
    const line = readFileSync(files[BROKEN], 'utf8').split('\n').findIndex((l) => l.startsWith('municipalty:')) + 1;
    expect(stderrA).toContain(`${broken}:${line}:1 fout  municipalty`);
    expect(stderrA).toContain("Onbekend veld 'municipalty'. Bedoelt u 'municipality'?");
    expect(stderrA).toContain(`✗ ${broken}: niet gemaakt, 1 fout hierboven.`);
    const entry = json.files.find((f) => f.file === broken)!;
    expect(entry.status).toBe('invalid');
    expect(entry.problems[0]).toMatchObject({ line, col: 1 });
    // The JSON lists the files of each bundle with checksums, in path order (absolute: they are outside the working folder).
    expect(json.files.map((f) => f.file)).toEqual(files);
    // Every file of the bundle's folder but manifest.json itself (how many depends on the example it was made from).
    const built = json.files.filter((f) => f.status === 'built');
    expect(built.every((f) => f.folder && f.files.length === readdirSync(f.folder).length - 1 && f.files.length > 50 && f.files.every((x) => /^[0-9a-f]{64}$/.test(x.sha256)))).toBe(true);
  });

  it('mended, the broken file is built on its own: the others are unchanged', async () => {
    writeFileSync(files[BROKEN], readFileSync(files[BROKEN], 'utf8').replace(/^municipalty: typo\n/m, ''));
    const before = stamps(outA);
    const r = await cli(['render', 'all', '--out', outA, projects]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/gemaakt: 1, ongewijzigd: 11, met fouten: 0/);
    const after = stamps(outA);
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(new Set(changed.map((p) => p.split('/').slice(0, 2).join('/')))).toEqual(new Set(['zuidbroek/de-hoven', 'zuidbroek']));
  }, 300_000);

  it('a second run over the unchanged folder writes nothing and says so', async () => {
    const before = stamps(outA);
    const r = await cli(['render', 'all', '--out', outA, projects]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/gemaakt: 0, ongewijzigd: 12, met fouten: 0/);
    expect(r.stdout).toContain('Niets geschreven');
    expect(stamps(outA)).toEqual(before);
  });

  it('an edit to one file rebuilds that bundle only; a bundle folder holding your own files is not replaced', async () => {
    writeFileSync(files[0], `${readFileSync(files[0], 'utf8')}\n# bijgewerkt\n`);
    writeFileSync(join(outA, 'noordbroek', 'centrum', 'notities.txt'), 'van mij');
    const before = stamps(outA);
    const refused = await cli(['render', 'all', '--out', outA, projects]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/noordbroek\/centrum bevat iets dat welkome-wijk niet heeft gemaakt \(notities\.txt\)/);
    expect(stamps(outA)).toEqual(before);
    rmSync(join(outA, 'noordbroek', 'centrum', 'notities.txt'));
    const r = await cli(['render', 'all', '--out', outA, projects]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/gemaakt: 1, ongewijzigd: 11, met fouten: 0/);
    expect(r.stdout).toContain('noordbroek/centrum');
  }, 300_000);

  it('--shard 1/3, 2/3 and 3/3 together take every file exactly once, each municipality in one shard', async () => {
    const shards = await Promise.all([1, 2, 3].map((i) => cli(['render', 'all', '--out', outA, '--shard', `${i}/3`, '--json', projects])));
    const taken = shards.map((r) => {
      expect(r.exitCode, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as typeof json).files.map((f) => f.file);
    });
    expect(taken.flat().sort()).toEqual([...files].sort());
    // A municipality's files (one folder each here) are all in one shard.
    const shardOf = new Map<string, Set<number>>();
    taken.forEach((t, i) => t.forEach((f) => shardOf.set(f.split('/').slice(-2)[0], (shardOf.get(f.split('/').slice(-2)[0]) ?? new Set()).add(i))));
    expect([...shardOf.values()].map((s) => s.size)).toEqual([1, 1, 1, 1]);
    expect(taken.every((t) => t.length > 0)).toBe(true);
  });

  it('--zip makes one reproducible zip per municipality, and does not rewrite an unchanged one', async () => {
    const r = await cli(['render', 'all', '--out', outA, '--zip', projects]);
    expect(r.exitCode, r.stderr).toBe(0);
    const zips = readdirSync(outA).filter((f) => f.endsWith('.zip')).sort();
    expect(zips).toEqual(['noordbroek.zip', 'oostbroek.zip', 'westbroek.zip', 'zuidbroek.zip']);
    const zip = join(outA, 'noordbroek.zip');
    const entries = unzipSync(readFileSync(zip));
    const names = Object.keys(entries);
    expect(names).toEqual([...names].sort());
    expect(names.filter((n) => n.endsWith('manifest.json'))).toEqual(['centrum/manifest.json', 'de-hoven/manifest.json', 'het-veld/manifest.json']);
    for (const n of names) expect(Buffer.from(entries[n]).equals(readFileSync(join(outA, 'noordbroek', n))), n).toBe(true);
    // Every entry is dated by its bundle (the project's first date), not by the time of the run.
    const listed = execFileSync('unzip', ['-Z', '-T', zip], { encoding: 'utf8' });
    for (const area of ['centrum', 'de-hoven', 'het-veld']) {
      const date = JSON.parse(readFileSync(join(outA, 'noordbroek', area, 'manifest.json'), 'utf8')).date.slice(0, 10).replace(/-/g, '');
      const dates = new Set([...listed.matchAll(new RegExp(`(\\d{8})\\.000000 ${area}/`, 'g'))].map((m) => m[1]));
      expect([...dates]).toEqual([date]);
    }
    const before = stamps(outA);
    const again = await cli(['render', 'all', '--out', outA, '--zip', projects]);
    expect(again.stdout).toContain('Niets geschreven');
    expect(stamps(outA)).toEqual(before);
  });
});

describe('progress', () => {
  it('on a terminal: a bar below the bundle lines, counting; in a pipe (as in CI) plain lines only', async () => {
    const args = ['render', 'all', '--out', join(work, 'out-tty'), '--format', 'docx', '--jobs', '2', files[1], files[2]];
    const terminal = await cliInTerminal(args, { env: { NO_COLOR: '1' } });
    expect(terminal.exitCode).toBe(0);
    expect(terminal.output).toMatch(/\[\.{24}\] 0\/2 · 0 gemaakt, 0 met fouten · \d+,\d s/);
    expect(terminal.output).toMatch(/\[#{24}\] 2\/2 · 2 gemaakt, 0 met fouten/);
    expect(terminal.output).toMatch(/✓ .*noordbroek\/de-hoven \(\d+ bestanden, \d+,\d s\)/);
    const piped = await cli([...args, '--force']);
    expect(piped.stderr).toBe('');
    // A line per bundle, one for what is cut to size and has no DOCX (said once for the run), the closing line.
    const lines = piped.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^– Geen docx van 2 bestanden die op maat gesneden worden .*: kaarten-gouden-regels-drukwerk\.docx, naambadges\.docx$/);
  }, 300_000);
});

describe('an interrupted run', () => {
  /** Start a batch, and once the first bundle is in place, send `signal`. */
  async function interrupt(out: string, signal: 'SIGTERM' | 'SIGINT' | 'SIGKILL', extra: string[] = []) {
    const run = execa('node', [BIN, 'render', 'all', '--out', out, '--jobs', '1', '--format', 'pdf', ...extra, projects], { cwd: ROOT, reject: false, env: { NO_COLOR: '1' }, stdin: 'ignore' });
    let seen = '';
    await new Promise<void>((resolve) => {
      run.stdout!.on('data', (chunk: Buffer) => {
        seen += String(chunk);
        if (seen.includes('✓')) resolve();
      });
      void run.then(() => resolve());
    });
    run.kill(signal);
    return run;
  }

  it('SIGTERM stops between bundles: exit 143, every bundle whole, nothing temporary left', async () => {
    const out = join(work, 'out-term');
    const r = await interrupt(out, 'SIGTERM');
    expect(r.exitCode).toBe(143);
    expect(r.stderr).toMatch(/Onderbroken \(SIGTERM\): gemaakt: \d+, ongewijzigd: 0, niet gemaakt: \d+\./);
    expect(expectWholeBundles(out)).toBeGreaterThanOrEqual(1);
    expect(expectWholeBundles(out)).toBeLessThan(12);
    expect(passing(out)).toEqual([]);
  }, 300_000);

  it('SIGKILL (no chance to tidy up) leaves no half bundle either; the next run clears what is left', async () => {
    const out = join(work, 'out-kill');
    mkdirSync(out);
    const r = await interrupt(out, 'SIGKILL');
    expect(r.signal).toBe('SIGKILL');
    expectWholeBundles(out);
    // What the kill left beside a bundle is cleared by the next run that passes that municipality.
    const left = passing(out);
    for (const municipality of new Set(left.map((p) => p.split('/')[0]))) {
      const file = files.find((f) => f.includes(`-${municipality}/`))!;
      const next = await cli(['render', 'all', '--out', out, '--format', 'pdf', file]);
      expect(next.exitCode, next.stderr).toBe(0);
    }
    expect(passing(out)).toEqual([]);
    expectWholeBundles(out);
  }, 300_000);
});

describe('validate over many files, for CI', () => {
  it('checks every file, says how many are usable, and annotates problems in GitHub Actions', async () => {
    const bad = join(work, 'bad');
    mkdirSync(bad);
    const text = `${readFileSync(files[1], 'utf8').trimEnd()}\nadress: x\n`;
    const line = text.trimEnd().split('\n').length;
    writeFileSync(join(bad, 'a.yaml'), text);
    const r = await cli(['validate', projects, join(bad, '*.yaml')], { env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: work } });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain('13 bestanden gecontroleerd: 12 bruikbaar, 1 met fouten.');
    expect(r.stdout).toMatch(new RegExp(`^::error file=bad/a\\.yaml,line=${line},col=1,title=welkome-wijk::Onbekend veld 'adress'`, 'm'));
    const json = await cli(['validate', '--json', join(bad, 'a.yaml'), files[1]]);
    const report = JSON.parse(json.stdout);
    expect(report.summary).toEqual({ files: 2, valid: 1, invalid: 1 });
    expect(report.files[0].problems).toEqual([expect.objectContaining({ severity: 'error', line, col: 1, path: 'adress' })]);
  });
});

describe('many files with what a single render does', () => {
  it('the PDF engine chosen, web pages passed over said once, and an own situation too long reported at its story', async () => {
    const dir = join(work, 'engine');
    const [long, ...good] = generateProjects(dir, 3);
    // The first own situation's story, made far too long for its card.
    const doc = parseDocument(readFileSync(long, 'utf8'));
    doc.setIn(['situations', 0, 'story'], `${doc.getIn(['situations', 0, 'story'])} ${'Een zin over de buurman en zijn dag in de straat. '.repeat(20)}`.trim());
    const text = doc.toString();
    writeFileSync(long, text);
    const lines = text.split('\n');
    const story = lines.findIndex((l, i) => i > lines.indexOf('situations:') && /^\s+story:/.test(l)) + 1;
    expect(story).toBeGreaterThan(0);
    const out = join(work, 'out-engine');
    const r = await cli(['render', 'all', '--out', out, '--jobs', '2', '--format', 'pdf,html', '--pdf-engine', 'pdfmake', '--json', dir]);
    expect(r.exitCode, r.stderr).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({ files: 3, built: 2, failed: 1 });
    const bad = report.files.find((f: { file: string }) => f.file === long);
    expect(bad.status).toBe('invalid');
    expect(bad.problems).toEqual([expect.objectContaining({ severity: 'error', line: story, rule: 'situation-fits' })]);
    expect(r.stderr).toContain(`${long}:${story}:`);
    for (const file of good) {
      const entry = report.files.find((f: { file: string }) => f.file === file);
      expect(entry.status).toBe('built');
      expect(entry.skipped).toEqual(expect.arrayContaining([{ file: 'draaiboek-bewoners.html', format: 'html', reason: 'team' }]));
      const manifest = JSON.parse(readFileSync(join(entry.folder, 'manifest.json'), 'utf8'));
      expect(manifest.inputs.options.writers).toEqual(['pdfmake', 'html']);
      expect(new Set(manifest.files.filter((f: { file: string }) => f.file.endsWith('.pdf')).map((f: { writer: string }) => f.writer))).toEqual(new Set(['pdfmake']));
    }
    // Said once for the run, not once per bundle.
    expect(r.stderr.match(/Geen html van \d+ interne documenten/g)).toHaveLength(1);
  }, 300_000);
});
