// The conventions of a good npm CLI, each tested as a process the way a user or a CI job meets it:
// closed pipes, colour switches, the version, exit codes and plain messages for usage mistakes and
// file-system refusals, Dutch everywhere in Dutch mode, one validation summary, progress on a terminal.
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cli, cliInTerminal, ROOT } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'ww-conv-'));
// Copies of the example are written here: the drawing it names comes along.
cpSync(join(import.meta.dirname, '..', '..', 'examples', 'assets'), join(work, 'assets'), { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));
const example = join(ROOT, 'examples', 'nijmegen-heseveld.yaml');
const broken = join(ROOT, 'tests', 'fixtures', 'invalid', '11-typo-top-level-key.yaml');
const ESC = '\u001b';
const noStack = /\n\s+at .*:\d+:\d+/;

/** Run the CLI with its stdout read until `readBytes` arrive, then closed, like `| head -c`. */
async function closedPipe(args: string[], readBytes: number) {
  const child = execa('node', [BIN, ...args], { cwd: ROOT, reject: false, stdin: 'ignore', buffer: { stdout: false }, env: { NO_COLOR: '1' } });
  let got = 0;
  if (readBytes === 0) child.stdout!.destroy();
  else
    child.stdout!.on('data', (chunk: Buffer) => {
      got += chunk.length;
      if (got >= readBytes) child.stdout!.destroy();
    });
  const r = await child;
  return { exitCode: r.exitCode, stderr: String(r.stderr) };
}

describe('a closed pipe (`| head -1`) ends the output quietly', () => {
  it('list situations | head -1, in a real shell pipeline', async () => {
    const r = await execa('bash', ['-o', 'pipefail', '-c', `node ${BIN} list situations | head -1`], { cwd: ROOT, reject: false, env: { NO_COLOR: '1' } });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it.each([
    [['list', 'situations'], 1],
    [['list', 'tips'], 1],
    [['--help'], 0],
    [['render', '--help'], 0],
  ])('%j with the reader gone after %i byte(s)', async (args, bytes) => {
    const r = await closedPipe(args, bytes);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });
});

describe('colour', () => {
  it('on a terminal: coloured by default, plain with NO_COLOR=1 or --no-color', async () => {
    const coloured = await cliInTerminal(['validate', broken]);
    expect(coloured.exitCode).toBe(2);
    expect(coloured.output).toContain(`${ESC}[`);
    const noColor = await cliInTerminal(['validate', broken], { env: { NO_COLOR: '1' } });
    expect(noColor.output).toContain('Onbekend veld');
    expect(noColor.output).not.toContain(ESC);
    const flag = await cliInTerminal(['validate', broken, '--no-color']);
    expect(flag.output).toContain('Onbekend veld');
    expect(flag.output).not.toContain(ESC);
  });

  it('in a pipe: plain by default, coloured with FORCE_COLOR=1 or --color', async () => {
    expect((await cli(['validate', broken], { env: { NO_COLOR: '' } })).stderr).not.toContain(ESC);
    expect((await cli(['validate', broken], { env: { FORCE_COLOR: '1' } })).stderr).toContain(`${ESC}[`);
    expect((await cli(['validate', broken, '--color'])).stderr).toContain(`${ESC}[`);
  });
});

describe('--version', () => {
  it("is the package's own, also under npx inside another npm project", async () => {
    const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    const project = join(work, 'other-project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{"name":"other","version":"9.9.9"}');
    const r = await cli(['--version'], { cwd: project, env: { npm_package_version: '9.9.9', npm_package_name: 'other' } });
    expect(r.stdout.trim()).toBe(own);
    expect(r.exitCode).toBe(0);
  });
});

describe('usage mistakes: exit 2, one plain Dutch line and where to find help', () => {
  it.each([
    [['validate', '--bogus'], "Onbekende optie '--bogus'."],
    [['validate', '--strickt'], 'Bedoelt u --strict?'],
    [['valideer'], "Onbekende opdracht 'valideer'. Bedoelt u validate?"],
    [['templates', 'copy'], 'Er ontbreekt nog een argument: <map>.'],
    [['render', 'invite', '--out'], 'De optie -o, --out <map> heeft een waarde nodig.'],
    [['validate', '--lang', 'fr'], "'fr' kan niet bij --lang <taal>. Kies uit: nl, en."],
    // validate and render all take many files; one material takes one.
    [['render', 'invite', 'a.yaml', 'b.yaml'], 'Te veel argumenten'],
    [['render', 'calendar', '--format', 'pdf'], "Onbekende optie '--format'."],
  ])('%j', async (args, message) => {
    const r = await cli(args);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(/Meer uitleg: welkome-wijk .*--help/);
    expect(r.stderr).not.toMatch(/error:|Did you mean|Usage:/);
    expect(r.stderr).not.toMatch(noStack);
  });

  it('in English with --lang en', async () => {
    const r = await cli(['validate', '--bogus', '--lang', 'en']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("Unknown option '--bogus'.");
    expect(r.stderr).toContain('More help: welkome-wijk validate --help');
  });

  it('render calendar --help offers no --format (calendar files are always .ics)', async () => {
    const r = await cli(['render', 'calendar', '--help']);
    expect(r.stdout).not.toContain('--format');
    expect((await cli(['render', 'invite', '--help'])).stdout).toContain('--format');
  });

  it('a typo in --audience gets "Bedoelt u …?"', async () => {
    const r = await cli(['render', 'invite', example, '--audience', 'bewoner', '--out', work]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("Onbekende doelgroep 'bewoner'. Bedoelt u 'bewoners'?");
  });
});

describe('file-system refusals: exit 2, a plain message, no stack trace', () => {
  const expectPlain = (r: { exitCode?: number; stderr: string }, message: string | RegExp) => {
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(noStack);
    expect(r.stderr).not.toContain('Er ging iets mis in welkome-wijk zelf');
  };

  it('--out is a file', async () => {
    const file = join(work, 'a-file');
    writeFileSync(file, '');
    expectPlain(await cli(['render', 'invite', example, '--out', file]), "De uitvoermap '" + file + "' is een bestand, geen map.");
    expectPlain(await cli(['render', 'invite', example, '--out', join(file, 'sub')]), /kan niet worden gemaakt: '.*a-file' is een bestand/);
  });

  it('--out in a read-only folder (as an ordinary user: root may write anywhere)', async () => {
    const ro = join(work, 'read-only');
    mkdirSync(ro);
    chmodSync(work, 0o755);
    chmodSync(ro, 0o555);
    const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', 'node'] : ['node'];
    const r = await execa(asUser[0], [...asUser.slice(1), BIN, 'render', 'invite', example, '--out', join(ro, 'materialen')], { cwd: ROOT, reject: false, stdin: 'ignore', env: { NO_COLOR: '1' } });
    expectPlain({ exitCode: r.exitCode, stderr: String(r.stderr) }, /welkome-wijk mag niet schrijven in '.*read-only'/);
    expect(existsSync(join(ro, 'materialen'))).toBe(false);
  });

  it('a write refused halfway (a file where the area folder should be) is a plain message too', async () => {
    const out = join(work, 'blocked');
    mkdirSync(join(out, 'nijmegen'), { recursive: true });
    writeFileSync(join(out, 'nijmegen', 'heseveld'), 'not a folder');
    const r = await cli(['render', 'invite', example, '--audience', 'bewoners', '--format', 'pdf', '--out', out]);
    expectPlain(r, /heseveld/);
  });

  it('SOURCE_DATE_EPOCH that is no date is said plainly', async () => {
    for (const value of ['99999999999999', 'gisteren', '-1']) {
      const r = await cli(['render', 'invite', example, '--out', work], { env: { SOURCE_DATE_EPOCH: value } });
      expectPlain(r, `SOURCE_DATE_EPOCH is '${value}'`);
    }
  });
});

describe('templates copy', () => {
  it('refuses in Dutch to overwrite, and replaces with --force', async () => {
    const target = join(work, 'sjablonen');
    expect((await cli(['templates', 'copy', target])).exitCode).toBe(0);
    const again = await cli(['templates', 'copy', target]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/^Niet gekopieerd: in .*sjablonen staan al \d+ sjablonen met dezelfde naam, zoals .*\. Kies een andere map, of gebruik --force/);
    writeFileSync(join(target, 'nl', 'invitation', 'bewoners.md.hbs'), 'mijn eigen tekst');
    const forced = await cli(['templates', 'copy', target, '--force']);
    expect(forced.exitCode).toBe(0);
    expect(forced.stdout).toMatch(/sjablonen gekopieerd naar .*, waarvan \d+ vervangen/);
    expect(readFileSync(join(target, 'nl', 'invitation', 'bewoners.md.hbs'), 'utf8')).not.toBe('mijn eigen tekst');
  });
});

describe('validate', () => {
  it('with warnings prints one closing line, not two that disagree', async () => {
    const file = join(work, 'warnings.yaml');
    writeFileSync(file, readFileSync(example, 'utf8').replace('livedExperience: [Esther, Lotte]', 'livedExperience: [Esther]'));
    const r = await cli(['validate', file]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('waarschuwing');
    expect(r.stderr).not.toMatch(/bruikbaar|in orde/);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/^✓ .*warnings\.yaml is bruikbaar: Heseveld \(Nijmegen\), 3 bijeenkomsten, 4 ervaringsdeskundigen; met 1 waarschuwing hierboven\.$/m);
  });

  it('escape codes in a value reach the terminal as visible symbols, never raw', async () => {
    const file = join(work, 'escape.yaml');
    writeFileSync(file, readFileSync(example, 'utf8').replace('municipality: Nijmegen', 'municipality: "\\e[31mRed\\e]0;pwned\\a"'));
    const r = await cli(['validate', file]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stdout).toContain('␛[31mRed␛]0;pwned␇');
  });
});

describe('hostile input, as a user meets it', () => {
  it('a logo that is no image stops render with a located message and exit 2, before anything is written', async () => {
    const folder = join(work, 'text-logo');
    mkdirSync(join(folder, 'assets'), { recursive: true });
    writeFileSync(join(folder, 'assets', 'logo.png'), 'this is text, not a picture\n');
    writeFileSync(join(folder, 'project.yaml'), readFileSync(join(ROOT, 'examples', 'beuningen.yaml'), 'utf8').replace('assets/beuningen-logo.png', 'assets/logo.png'));
    const out = join(folder, 'out');
    const r = await cli(['render', 'invite', join(folder, 'project.yaml'), '--out', out]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/project\.yaml:\d+:\d+ fout {2}branding\.logo/);
    expect(r.stderr).toContain('is geen PNG- of JPEG-afbeelding');
    expect(r.stderr).not.toMatch(noStack);
    expect(existsSync(out)).toBe(false);
  });

  it('a file saved as Windows-1252 is refused where the first accented letter is', async () => {
    const file = join(work, 'cp1252.yaml');
    writeFileSync(file, Buffer.from(readFileSync(example, 'utf8').replace('Sanne Verhoeven', 'Renée Verhoeven'), 'latin1'));
    const r = await cli(['validate', file]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/cp1252\.yaml:\d+:14 fout\n.*name: Ren\ufffde Verhoeven\n/);
    expect(r.stderr).toContain('Windows-1252');
  });
});

describe('progress while rendering', () => {
  it('one line per material on a terminal, nothing extra in a pipe', async () => {
    const args = ['render', 'invite', example, '--audience', 'bewoners', '--format', 'pdf', '--out', join(work, 'progress')];
    const terminal = await cliInTerminal(args, { env: { NO_COLOR: '1' } });
    expect(terminal.exitCode).toBe(0);
    expect(terminal.output).toMatch(/uitnodigingen klaar: 2 bestanden \(\d+,\d s\)/);
    const piped = await cli(args);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).not.toContain('klaar');
  });
});

describe('the package', () => {
  it('says where it lives and where to report faults, and ships its licence and changes', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\//);
    expect(pkg.bugs?.url).toMatch(/^https:\/\//);
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain(`## ${pkg.version}`);
  });
});
