// `welkome-wijk init` as users meet it: in a real terminal (a pty made by util-linux `script`) with
// a wrong e-mail, an impossible date and Ctrl-C, and one full run whose file validates and renders
// the situation cards it proposed from the kick-off's findings; then `--answers` (valid and not),
// `--yes` (placeholders that validate points out), and the refusals.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProjectSource } from '../../src/project/load.js';
import { BIN, cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Proposals are made from "today": fixed, so the expected dates hold every year.
const TODAY = '2026-12-01';
// Under `npx vitest` npm's user agent is set, which init reads as "run through npx".
const ENV = { WELKOME_WIJK_TODAY: TODAY, npm_config_user_agent: '' };

/** Ctrl-U empties the line: after a refused answer @inquirer keeps it there to be corrected. */
const CLEAR = '\u0015';
const CTRL_C = '\u0003';

/**
 * Run init in a pseudo-terminal. Each step waits until its text appears on the screen (after the
 * previous step's), then types its keys. Resolves with the exit code and the screen without escapes.
 */
function runInTerminal(args: string[], steps: [string, string][], cwd: string): Promise<{ code: number | null; screen: string; done: number }> {
  return new Promise((resolve) => {
    const child = spawn('script', ['-qfec', `node ${BIN} ${args.join(' ')}`, '/dev/null'], { cwd, env: { ...process.env, NO_COLOR: '1', ...ENV } });
    let screen = '';
    let from = 0;
    let next = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      while (next < steps.length) {
        const at = screen.indexOf(steps[next][0], from);
        if (at < 0) break;
        from = at + steps[next][0].length;
        child.stdin.write(steps[next][1]);
        next++;
      }
    });
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      // eslint-disable-next-line no-control-regex
      resolve({ code, screen: screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, ''), done: next });
    });
  });
}

/** What the Heseveld-like kick-off found, typed as a project leader would (semicolons between answers). */
const REASONS = "Buren klagen over geluidsoverlast 's nachts in de flats";
const STIGMA_SHOP = 'Mensen die hardop in zichzelf praten worden weggestuurd uit het winkelcentrum';
const STIGMA_LETTERBOX = 'Bewoners durven niet aan te bellen als de brievenbus van een buur overvol raakt';

describe('init in a terminal', () => {
  it('asks a wrong e-mail and an impossible date again, and Ctrl-C ends it without writing', async () => {
    const cwd = join(dir, 'cancelled');
    mkdirSync(cwd);
    const r = await runInTerminal(['init'], [
      ['In welke taal', '\r'],
      ['Welke gemeente', 'Wijchen\r'],
      ['Welke wijk', 'Centrum\r'],
      ['Wat voor gebied', '\r'],
      ['Hoeveel inwoners', '\r'],
      ['Naam van de projectleider', 'Anouk de Vries\r'],
      ['Organisatie van de projectleider', 'Welzijn Wijchen\r'],
      ['E-mailadres van de projectleider', 'anouk.devries@farent\r'],
      ["'anouk.devries@farent' is geen geldig e-mailadres.", `${CLEAR}anouk.devries@example.nl\r`],
      ['Telefoonnummer van de projectleider', '\r'],
      ['al geweest', '\r'],
      ['Datum van de startbijeenkomst', '2027-02-30\r'],
      ["'2027-02-30' is geen bestaande datum.", `${CLEAR}2026-11-02\r`],
      ['is al voorbij (vandaag is het 2026-12-01)', CTRL_C],
    ], cwd);
    expect(r.done, r.screen).toBe(14);
    expect(r.code, r.screen).toBe(130);
    expect(r.screen).toContain('Gestopt. Er is niets geschreven.');
    expect(r.screen).not.toMatch(/Error|at .*\.js:\d+/);
    expect(readdirSync(cwd)).toEqual([]);
    // @inquirer's key hints in the catalogue's words, not its English.
    expect(r.screen).toContain('↑↓ bladeren • ⏎ kiezen');
    expect(r.screen).not.toMatch(/navigate|submit/);
  });

  it('a full run: the file validates without warnings and renders the situation cards proposed from the findings', async () => {
    const cwd = join(dir, 'full');
    mkdirSync(cwd);
    const meeting = (who: string, extra: [string, string][] = []): [string, string][] => [
      [`Datum van de bijeenkomst voor ${who}`, '\r'],
      [`Eten de ${who}`, '\r'],
      [who === 'professionals' ? `Hoe laat begint de bijeenkomst voor ${who}` : `Hoe laat begint het eten voor ${who}`, '\r'],
      [`Waar is de bijeenkomst voor ${who}`, '\r'],
      ['Adres van Wijkcentrum', '\r'],
      ...extra,
      [`Praktijksituaties voor ${who}`, '\r'],
    ];
    const r = await runInTerminal(['init', 'centrum.yaml'], [
      ['In welke taal', '\r'],
      ['Welke gemeente', 'Wijchen\r'],
      ['Welke wijk', 'Centrum: oost\r'],
      ['Wat voor gebied', '\r'],
      ['Hoeveel inwoners', '8.000\r'],
      ['Naam van de projectleider', 'Anna de Vries\r'],
      ['Organisatie van de projectleider', 'Welzijn Wijchen\r'],
      ['E-mailadres van de projectleider', 'anna@example.nl\r'],
      ['Telefoonnummer van de projectleider', '024 641 00 00\r'],
      ['al geweest', 'j\r'],
      ['Datum van de startbijeenkomst', '2026-11-10\r'],
      ['Hoe laat begint de startbijeenkomst', '\r'],
      ['Waar is de startbijeenkomst', '\r'],
      ['Naam van de plek van de startbijeenkomst', 'Wijkcentrum "De Linde"\r'],
      ['Adres van Wijkcentrum', 'Lindeplein 4, 6602 AA Wijchen\r'],
      ['nu invullen wat de startbijeenkomst', '\r'],
      ['Waarom begint', `${REASONS}\r`],
      ['Welke stigma-kwesties', `${STIGMA_SHOP}; ${STIGMA_LETTERBOX}\r`],
      ['Wie zijn erbij betrokken', 'Wijkagent; Woningcorporatie Talis\r'],
      ['Bij welk beleid', '\r'],
      ['gewenste veranderingen per doelgroep', '\r'],
      ['randvoorwaarden', '\r'],
      ['Naam van de gespreksleider', 'Peter Bos\r'],
      ['Nog een gespreksleider', '\r'],
      ['Naam van de eerste persoon', 'Karin\r'],
      ['Mogen we de naam Karin op uitnodigingen en kaarten zetten?', 'j\r'],
      ['Naam van de tweede persoon', 'Joost\r'],
      ['Mogen we de naam Joost', '\r'],
      ['Voor welke doelgroepen', '\r'],
      ...meeting('professionals', [['Hoeveel professionals', '\r'], ['Waar melden professionals', '\r'], ['Aanmelden kan tot en met', '\r']]),
      ...meeting('vrijwilligers', [['Hoeveel vrijwilligers', '\r'], ['Waar melden vrijwilligers', '\r'], ['Aanmelden kan tot en met', '\r']]),
      ...meeting('buurtbewoners', [['Hoeveel buurtbewoners', '20\r'], ['Waar melden buurtbewoners', 'https://aanmelden.example.nl/centrum\r'], ['Aanmelden kan tot en met', '\r']]),
    ], cwd);
    expect(r.code, r.screen).toBe(0);
    // The closing hint names the command as it was run here (node and the script, from a clone).
    expect(r.screen).toContain(`✓ centrum.yaml is gemaakt. Controleer het met 'node ${BIN} validate centrum.yaml'`);
    expect(r.screen).toContain('spatie aan/uit');

    const file = join(cwd, 'centrum.yaml');
    const source = readFileSync(file, 'utf8');
    expect(source.split('\n')[0]).toBe('# yaml-language-server: $schema=welkome-wijk.schema.json');
    expect(existsSync(join(cwd, 'welkome-wijk.schema.json'))).toBe(true);
    const check = checkProjectSource(source, file);
    expect(check.problems).toEqual([]);
    const project = check.project!;
    expect(project.area).toEqual({ name: 'Centrum: oost', kind: 'wijk', inhabitants: 8000 });
    expect(project.team.livedExperience.map((p) => [p.name, p.public])).toEqual([['Karin', true], ['Joost', false]]);
    // The handbook's order, on weekdays, after today; daytime for professionals, evenings with a meal.
    expect(project.meetings.map((m) => [m.audience, m.date, m.start, m.meal?.when])).toEqual([
      ['professionals', '2027-01-06', '13:30', undefined],
      ['vrijwilligers', '2027-01-27', '18:45', 'before'],
      ['bewoners', '2027-02-17', '18:45', 'before'],
    ]);
    expect(project.meetings[2].registration).toEqual({ url: 'https://aanmelden.example.nl/centrum', deadline: '2027-02-10' });
    // Proposed from the findings: one situation per small group, each saying which finding it answers.
    const situations = project.meetings.map((m) => m.situations);
    expect(situations.map((s) => s.length)).toEqual([3, 3, 4]);
    expect(situations[0]).toContainEqual({ id: 'hardop-in-het-winkelcentrum', why: STIGMA_SHOP });
    expect(situations[2]).toContainEqual({ id: 'een-volle-brievenbus', why: STIGMA_LETTERBOX });
    expect(situations[2]).toContainEqual({ id: 'wakker-als-de-straat-slaapt', why: REASONS });

    const render = await cli(['render', 'cards', file, '--format', 'pdf', '--out', join(cwd, 'out')], { env: ENV });
    expect(render.exitCode, render.stderr).toBe(0);
    const folder = join(cwd, 'out', 'wijchen', 'centrum-oost');
    for (const audience of ['professionals', 'vrijwilligers', 'bewoners']) expect(existsSync(join(folder, `kaarten-situaties-${audience}.pdf`))).toBe(true);
    const cards = execFileSync('pdftotext', [join(folder, 'kaarten-situaties-bewoners.pdf'), '-'], { encoding: 'utf8' });
    expect(cards).toContain('Een volle brievenbus');
  });
});

/** Answers for --answers: the project file's shape, with what init proposes left out. */
const ANSWERS = `municipality: Wijchen
area: { name: Centrum, kind: wijk }
organisers:
  projectLeader: { name: Anna de Vries, organisation: Welzijn Wijchen, email: anna@example.nl }
kickoff:
  date: 2026-11-10
  mode: online
  link: https://meet.example.nl/wijchen
  findings:
    reasons: ["${REASONS}"]
    stigmaIssues: [${STIGMA_SHOP}, ${STIGMA_LETTERBOX}]
    involved: [Wijkagent Centrum, Bibliotheek Wijchen]
team:
  discussionLeaders: [{ name: Peter Bos }]
  livedExperience: [{ name: Karin, public: true }, { name: Joost }]
meetings:
  - audience: professionals
    venue: { name: Wijkcentrum De Linde, address: "Lindeplein 4, 6602 AA Wijchen" }
    registration: { email: anna@example.nl }
  - audience: bewoners
    meal: { when: break }
    expectedParticipants: 22
    venue: { name: Wijkcentrum De Linde, address: "Lindeplein 4, 6602 AA Wijchen" }
    registration: { phone: 024 641 00 00 }
`;

describe('init --answers', () => {
  it('takes YAML or JSON answers, fills in the proposals and writes a file that validates', async () => {
    const cwd = join(dir, 'answers');
    mkdirSync(cwd);
    writeFileSync(join(cwd, 'antwoorden.yaml'), ANSWERS);
    writeFileSync(join(cwd, 'antwoorden.json'), JSON.stringify(parse(ANSWERS), null, '\t'));
    for (const [answers, out] of [['antwoorden.yaml', 'a.yaml'], ['antwoorden.json', 'b.yaml']]) {
      const r = await cli(['init', out, '--answers', answers], { cwd, env: ENV });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).toContain(`✓ ${out} is gemaakt.`);
      // Advice is located in the answers, like an error, and does not stop the file.
      expect(r.stderr).toMatch(new RegExp(`^${answers.replace('.', '\\.')}:${answers.endsWith('.yaml') ? '16:1' : '\\d+:\\d+'} waarschuwing  meetings$`, 'm'));
      expect(r.stderr).toContain('Er is nog geen bijeenkomst voor: vrijwilligers. [unique-audience]');
      expect(r.stdout).toContain(`Er is 1 waarschuwing om naar te kijken: 'node ${BIN} validate ${out}' laat ze zien.`);
    }
    // The same answers as YAML or JSON make the same file (but for its own name in the header).
    expect(readFileSync(join(cwd, 'b.yaml'), 'utf8').replaceAll('b.yaml', 'a.yaml')).toBe(readFileSync(join(cwd, 'a.yaml'), 'utf8'));
    const validate = await cli(['validate', 'a.yaml'], { cwd, env: ENV });
    expect(validate.exitCode).toBe(0);
    expect([...validate.stderr.matchAll(/ \[([a-z-]+)\]$/gm)].map((m) => m[1])).toEqual(['unique-audience']);
    const { meetings, kickoff } = checkProjectSource(readFileSync(join(cwd, 'a.yaml'), 'utf8'), join(cwd, 'a.yaml')).project!;
    expect(kickoff!.start).toBe('13:20');
    expect(meetings.map((m) => [m.date, m.start, m.registration.deadline, m.leader, m.livedExperience])).toEqual([
      ['2027-01-06', '13:30', '2026-12-30', 'Peter Bos', ['Karin', 'Joost']],
      ['2027-01-27', '19:30', '2027-01-20', 'Peter Bos', ['Karin', 'Joost']],
    ]);
    // 15 professionals (the default): three groups, three situations, best fitting first.
    expect(meetings[0].situations).toEqual([
      { id: 'hardop-in-het-winkelcentrum', why: STIGMA_SHOP },
      { id: 'als-eerste-bij-de-bakker', why: STIGMA_SHOP },
      { id: 'de-deur-blijft-dicht', why: REASONS },
    ]);
    // 22 residents: five groups.
    expect(meetings[1].situations.map((s) => s.id)).toEqual(['naakt-voor-het-raam', 'een-volle-brievenbus', 'wakker-als-de-straat-slaapt', 'hardop-in-het-trappenhuis', 'druk-met-grote-plannen']);
  });

  it('says what is wrong in the answers with line and column, and writes nothing', async () => {
    const cwd = join(dir, 'answers-wrong');
    mkdirSync(cwd);
    const wrong = ANSWERS.replace('email: anna@example.nl }', 'email: anouk.devries@farent }')
      .replace('date: 2026-11-10', 'date: 2026-02-30')
      .replace('    registration: { email: anna@example.nl }\n', '    registration: { deadline: 2027-05-01 }\n    expectedParticipant: 12\n');
    writeFileSync(join(cwd, 'antwoorden.yaml'), wrong);
    const r = await cli(['init', '--answers', 'antwoorden.yaml'], { cwd, env: ENV });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("antwoorden.yaml:4:79 fout  organisers.projectLeader.email\n");
    expect(r.stderr).toContain("'anouk.devries@farent' is geen geldig e-mailadres.");
    expect(r.stderr).toContain("antwoorden.yaml:6:9 fout  kickoff.date\n");
    expect(r.stderr).toContain("'2026-02-30' is geen bestaande datum.");
    expect(r.stderr).toMatch(/antwoorden\.yaml:20:5 fout {2}meetings\[0\]\.expectedParticipant\n[\s\S]*Onbekend veld 'expectedParticipant'\. Bedoelt u 'expectedParticipants'\?/);
    expect(r.stderr).toContain('3 fouten in antwoorden.yaml. Er is niets geschreven.');
    expect(readdirSync(cwd)).toEqual(['antwoorden.yaml']);

    // With the shape right, the rules `validate` applies speak, at the place in the answers.
    writeFileSync(join(cwd, 'antwoorden.yaml'), wrong.replace('anouk.devries@farent', 'anna@example.nl').replace('2026-02-30', '2026-11-10').replace('    expectedParticipant: 12\n', ''));
    const rules = await cli(['init', '--answers', 'antwoorden.yaml'], { cwd, env: ENV });
    expect(rules.exitCode).toBe(2);
    expect(rules.stderr).toContain('antwoorden.yaml:19:5 fout  meetings[0].registration\n');
    expect(rules.stderr).toContain('Geef minstens één manier om aan te melden: email, phone of url. [registration-contact]');
    expect(rules.stderr).toContain('antwoorden.yaml:19:31 fout  meetings[0].registration.deadline\n');
    expect(readdirSync(cwd)).toEqual(['antwoorden.yaml']);

    const missing = await cli(['init', '--answers', 'geen.yaml'], { cwd, env: ENV });
    expect([missing.exitCode, missing.stderr.trim()]).toEqual([2, 'Het antwoordbestand geen.yaml bestaat niet.']);
  });
});

describe('init --yes', () => {
  it('writes proposals and placeholders; validate points at the placeholders and --strict refuses', async () => {
    const cwd = join(dir, 'yes');
    mkdirSync(cwd);
    const r = await cli(['init', '--yes'], { cwd, env: { ...ENV, npm_config_user_agent: 'npm/10.9.4 node/v20.20.2 linux x64 workspaces/false' } });
    expect(r.exitCode, r.stderr).toBe(0);
    // Started through npx (npm's user agent): the hint says so.
    expect(r.stdout).toContain("Controleer het met 'npx welkome-wijk validate' en maak alles met 'npx welkome-wijk render all'.");
    const source = readFileSync(join(cwd, 'welkome-wijk.yaml'), 'utf8');
    expect(source).toContain("# Controleer dit bestand met 'npx welkome-wijk validate'");
    expect(source).toContain("# Waar 'nog invullen', 'Persoon A', 'Persoon B', '000 000 00 00' staat");

    const validate = await cli(['validate'], { cwd, env: ENV });
    expect(validate.exitCode).toBe(0);
    const warned = [...validate.stderr.matchAll(/ \[([a-z-]+)\]$/gm)].map((m) => m[1]);
    expect(new Set(warned)).toEqual(new Set(['placeholders']));
    expect(validate.stderr).toContain("'nog invullen' lijkt een plaatsvervanger");
    expect(validate.stderr).toContain("'000 000 00 00' lijkt een plaatsvervanger");
    const strict = await cli(['validate', '--strict'], { cwd, env: ENV });
    expect(strict.exitCode).toBe(2);

    // Even with placeholders, every meeting has situations: the cards do not silently vanish.
    const project = checkProjectSource(source, join(cwd, 'welkome-wijk.yaml')).project!;
    expect(project.meetings.map((m) => m.situations.length)).toEqual([3, 3, 3]);
  });

  it('in English with --lang en: English placeholders that validate recognises too', async () => {
    const cwd = join(dir, 'yes-en');
    mkdirSync(cwd);
    const r = await cli(['init', '--yes', '--lang', 'en'], { cwd, env: ENV });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('✓ welkome-wijk.yaml has been made.');
    const source = readFileSync(join(cwd, 'welkome-wijk.yaml'), 'utf8');
    expect(source).toMatch(/^language: en$/m);
    expect(source).toContain('# Step 2: discussion leaders');
    const validate = await cli(['validate', '--lang', 'en'], { cwd, env: ENV });
    expect(validate.stderr).toContain("'fill in' looks like a stand-in");
    expect(validate.stderr).toContain("'Person A' looks like a stand-in");
  });
});

describe('init refuses', () => {
  it('without a terminal and without --answers or --yes, instead of silently doing nothing', async () => {
    const r = await cli(['init', join(dir, 'no-tty.yaml')], { env: ENV });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('heeft dus een terminal nodig');
    expect(r.stderr).toContain('--answers');
    expect(existsSync(join(dir, 'no-tty.yaml'))).toBe(false);
  });

  it('to overwrite a file without --force, and --answers with --yes', async () => {
    const cwd = join(dir, 'yes');
    const exists = await cli(['init', '--yes'], { cwd, env: ENV });
    expect([exists.exitCode, exists.stderr]).toEqual([2, expect.stringContaining('bestaat al')]);
    const both = await cli(['init', 'x.yaml', '--yes', '--answers', 'a.yaml'], { cwd, env: ENV });
    expect([both.exitCode, both.stderr]).toEqual([2, expect.stringContaining('Kies --answers of --yes, niet allebei')]);
  });
});
