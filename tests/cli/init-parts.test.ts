// The parts of `init` that need no terminal: the dates it proposes, the command its hints name, the
// checks on typed answers, the situations it proposes and why, and what happens when a file it
// made would not validate.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { rankSituations, wordFits, normaliseWords } from '../../src/content/suggest-situations.js';
import { finish } from '../../src/cli/init.js';
import { placeholderAnswers } from '../../src/cli/init/answers.js';
import { contactsCheck, FIELDS, fieldCheck, numberCheck, parseContacts, wholeNumber } from '../../src/cli/init/checks.js';
import { commandName, examplePath, type Invocation } from '../../src/cli/init/install.js';
import { themeFor } from '../../src/cli/init/prompts.js';
import { inChristmasHolidays, isWeekend, nextOpenDay, proposeDeadline, proposeKickoff, proposeMeeting, proposeStart } from '../../src/cli/init/schedule.js';
import { t } from '../../src/messages.js';
import { isPlaceholder } from '../../src/project/rules.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-init-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('proposed dates', () => {
  it('skip weekends and the Christmas holidays', () => {
    expect(isWeekend('2026-12-05')).toBe(true);
    expect(inChristmasHolidays('2026-12-28')).toBe(true);
    expect(inChristmasHolidays('2027-01-05')).toBe(true);
    expect(inChristmasHolidays('2027-01-06')).toBe(false);
    // 28 December, where the old init put a meeting, moves to the first weekday after the holidays.
    expect(nextOpenDay('2026-12-28')).toBe('2027-01-06');
    expect(nextOpenDay('2027-01-09')).toBe('2027-01-11');
  });

  it('put the kick-off first and the meetings weeks apart, in the handbook order, never in the past', () => {
    const today = '2026-12-01';
    const kickoff = proposeKickoff(today);
    expect(kickoff).toBe('2027-01-06');
    const first = proposeMeeting(today, { kickoff });
    const second = proposeMeeting(today, { kickoff, previousMeeting: first });
    expect([first, second]).toEqual(['2027-02-03', '2027-02-24']);
    // A kick-off long gone: the first meeting is still weeks from today.
    expect(proposeMeeting(today, { kickoff: '2025-03-01' })).toBe('2027-01-06');
    for (const day of ['2026-01-01', '2026-06-15', '2026-12-19', '2027-07-31']) {
      for (const date of [proposeKickoff(day), proposeMeeting(day, {}), proposeMeeting(day, { previousMeeting: day })]) {
        expect(date >= day && !isWeekend(date) && !inChristmasHolidays(date), `${day} → ${date}`).toBe(true);
      }
    }
  });

  it('a deadline a week before, not in the past; daytime for professionals, evenings for residents', () => {
    expect(proposeDeadline('2026-12-01', '2027-01-06')).toBe('2026-12-30');
    expect(proposeDeadline('2026-12-01', '2026-12-03')).toBe('2026-12-01');
    expect(proposeStart('professionals', 0)).toBe('13:30');
    expect(proposeStart('bewoners', 0)).toBe('19:30');
    expect(proposeStart('bewoners', 45)).toBe('18:45');
  });
});

describe('the command hints name', () => {
  const base: Invocation = { script: '', packageRoot: '', env: {}, execPath: '/usr/local/bin/node', platform: 'linux', cwd: '/home/anna/wijk' };
  const cases: [string, Partial<Invocation>, string][] = [
    ['npx (npm user agent)', { script: '/home/anna/.npm/_npx/1a2b/node_modules/.bin/welkome-wijk', packageRoot: '/home/anna/.npm/_npx/1a2b/node_modules/welkome-wijk', env: { npm_config_user_agent: 'npm/10.9.4 node/v20.20.2 linux x64' } }, 'npx welkome-wijk'],
    ['npx cache without the user agent', { script: '/home/anna/.npm/_npx/1a2b/node_modules/.bin/welkome-wijk', packageRoot: '/home/anna/.npm/_npx/1a2b/node_modules/welkome-wijk' }, 'npx welkome-wijk'],
    ['a local install run from node_modules/.bin', { script: '/home/anna/wijk/node_modules/.bin/welkome-wijk', packageRoot: '/home/anna/wijk/node_modules/welkome-wijk' }, 'npx welkome-wijk'],
    ['a global install', { script: '/usr/local/bin/welkome-wijk', packageRoot: '/usr/local/lib/node_modules/welkome-wijk' }, 'welkome-wijk'],
    ['a global install under another prefix', { script: '/home/anna/.npm-global/bin/welkome-wijk', packageRoot: '/home/anna/.npm-global/lib/node_modules/welkome-wijk' }, 'welkome-wijk'],
    ['npm link in a clone', { script: '/usr/local/bin/welkome-wijk', packageRoot: '/home/anna/src/welkome-wijk' }, 'welkome-wijk'],
    ['a global install on Windows', { platform: 'win32', execPath: 'C:\\Program Files\\nodejs\\node.exe', env: { APPDATA: 'C:\\Users\\anna\\AppData\\Roaming' }, cwd: 'C:\\Users\\anna\\wijk', script: 'C:\\Users\\anna\\AppData\\Roaming\\npm\\node_modules\\welkome-wijk\\bin\\welkome-wijk.js', packageRoot: 'C:\\Users\\anna\\AppData\\Roaming\\npm\\node_modules\\welkome-wijk' }, 'welkome-wijk'],
    ['a local install on Windows', { platform: 'win32', execPath: 'C:\\Program Files\\nodejs\\node.exe', env: { APPDATA: 'C:\\Users\\anna\\AppData\\Roaming' }, cwd: 'C:\\Users\\anna\\wijk', script: 'C:\\Users\\anna\\wijk\\node_modules\\welkome-wijk\\bin\\welkome-wijk.js', packageRoot: 'C:\\Users\\anna\\wijk\\node_modules\\welkome-wijk' }, 'npx welkome-wijk'],
    ['the script in a clone, run with node', { script: '/home/anna/src/welkome-wijk/bin/welkome-wijk.js', packageRoot: '/home/anna/src/welkome-wijk', cwd: '/home/anna/src/welkome-wijk' }, 'node bin/welkome-wijk.js'],
  ];
  it.each(cases)('%s', (_, inv, expected) => {
    expect(commandName({ ...base, ...inv })).toBe(expected);
  });

  it('the example in the header only when it is there next to the package, and not in npx’s cache', () => {
    const root = join(import.meta.dirname, '..', '..');
    expect(examplePath(join(root, 'x'), { ...base, packageRoot: root })).toBe('../examples/nijmegen-heseveld.yaml');
    expect(examplePath('/a/b/c/d/e/f', { ...base, packageRoot: root })).toBe(join(root, 'examples', 'nijmegen-heseveld.yaml'));
    const bare = join(dir, 'package-without-examples');
    mkdirSync(bare);
    expect(examplePath(dir, { ...base, packageRoot: bare })).toBeUndefined();
    expect(examplePath(dir, { ...base, packageRoot: join(dir, '_npx', 'x') })).toBeUndefined();
  });
});

describe('checks on typed answers', () => {
  it("use the schema's validators and validate's words", () => {
    const email = fieldCheck(FIELDS.email, 'nl', 'email', { optional: true });
    expect(email('anouk.devries@farent')).toBe("'anouk.devries@farent' is geen geldig e-mailadres.");
    expect(email('  ')).toBe(true);
    expect(email('anouk@example.nl')).toBe(true);
    const date = fieldCheck(FIELDS.date, 'nl', 'date');
    expect(date('2027-02-30')).toBe("'2027-02-30' is geen bestaande datum. Kijk de dag en de maand na.");
    expect(date('30-01-2027')).toMatch(/^'date' moet een datum zijn in de vorm JJJJ-MM-DD/);
    expect(date('')).toBe(t('nl', 'init_required'));
    expect(fieldCheck(FIELDS.time, 'en', 'start')('19.30')).toMatch(/^'start' must be a time/);
    expect(fieldCheck(FIELDS.phone, 'nl', 'phone')('bel me')).toBe("'bel me' is geen telefoonnummer. Gebruik cijfers, zoals 024 123 45 67.");
    expect(numberCheck(FIELDS.participants, 'nl', 'expectedParticipants')('veel')).toMatch(/moet een heel getal zijn/);
    expect(numberCheck(FIELDS.participants, 'nl', 'expectedParticipants')('500')).toBe("'expectedParticipants' mag hoogstens 200 zijn, maar is 500.");
    expect(numberCheck(FIELDS.inhabitants, 'nl', 'inhabitants')('0')).toBe("'inhabitants' moet groter zijn dan 0, maar is 0.");
    expect(['6.000', '6,000', '6 000', '6000'].map(wholeNumber)).toEqual([6000, 6000, 6000, 6000]);
    expect(['6.5', '1,50', 'zes'].map(wholeNumber)).toEqual([undefined, undefined, undefined]);
  });

  it('registration: an e-mail, a phone number or a web address, told apart, each checked', () => {
    const check = contactsCheck('nl');
    expect(check('')).toBe(t('nl', 'init_contact_required'));
    expect(check('anna@example.nl; 024 123 45 67; https://aanmelden.example.nl')).toBe(true);
    expect(check('anna@example')).toBe("'anna@example' is geen geldig e-mailadres.");
    expect(check('a@example.nl; b@example.nl')).toMatch(/Noem elke soort één keer/);
    expect(parseContacts('anna@example.nl; 024 123 45 67')).toEqual({ email: 'anna@example.nl', phone: '024 123 45 67' });
  });

  it('the placeholders --yes writes are the ones validate recognises', () => {
    for (const lang of ['nl', 'en'] as const) {
      for (const key of ['init_placeholder', 'init_person_a', 'init_person_b'] as const) expect(isPlaceholder(t(lang, key)), t(lang, key)).toBe(true);
      expect(JSON.stringify(placeholderAnswers(lang))).toContain('000 000 00 00');
    }
  });
});

describe("@inquirer's words", () => {
  it('are the catalogue’s: Dutch in Dutch mode, English with --lang en', () => {
    vi.stubEnv('FORCE_COLOR', undefined);
    vi.stubEnv('NO_COLOR', '1');
    const checkbox: [string, string][] = [['↑↓', 'navigate'], ['space', 'select'], ['a', 'all'], ['⏎', 'submit']];
    expect(themeFor('nl').style.keysHelpTip(checkbox)).toBe('↑↓ bladeren • spatie aan/uit • a alles • ⏎ klaar');
    expect(themeFor('nl').style.keysHelpTip([['↑↓', 'navigate'], ['⏎', 'select']])).toBe('↑↓ bladeren • ⏎ kiezen');
    expect(themeFor('en').style.keysHelpTip(checkbox)).toBe('↑↓ navigate • space select • a all • ⏎ submit');
    expect([themeFor('nl').keywords.yes, themeFor('nl').keywords.no, themeFor('nl').keywords.error()]).toEqual(['Ja', 'Nee', 'Antwoord met ja of nee.']);
    vi.unstubAllEnvs();
  });
});

describe('proposed practice situations', () => {
  const findings = {
    reasons: ["Buren klagen over geluidsoverlast 's nachts in de flats."],
    stigmaIssues: ['Mensen die hardop in zichzelf praten worden weggestuurd uit het winkelcentrum.'],
    involved: ['Bibliotheek Wijchen'],
  };

  it('match words as typed: whole words, stems from five letters, inside compounds from six', () => {
    const words = normaliseWords("Geluidsoverlast 's nachts; één buurvrouw");
    expect(words).toEqual(['geluidsoverlast', 's', 'nachts', 'een', 'buurvrouw']);
    expect(wordFits('overlast', words)).toBe('geluidsoverlast');
    expect(wordFits('nacht', words)).toBe('nachts');
    expect(wordFits('buur', words)).toBeUndefined();
    expect(wordFits('front door', normaliseWords('They keep the front door shut'))).toBe('front door');
  });

  it('written for the audience first, then the findings they answer, with the finding as why', () => {
    const ranked = rankSituations({ lang: 'nl', audience: 'bewoners', count: 3, findings });
    expect(ranked.filter((r) => r.suggested).every((r) => r.fitsAudience)).toBe(true);
    const top = ranked.slice(0, 3).map((r) => r.situation.id);
    expect(top).toContain('wakker-als-de-straat-slaapt');
    expect(top).toContain('hardop-in-het-trappenhuis');
    const night = ranked.find((r) => r.situation.id === 'wakker-als-de-straat-slaapt')!;
    expect(night.why).toBe(findings.reasons[0]);
    expect(night.matches).toContainEqual({ finding: findings.reasons[0], words: ['nachts'], theme: 'Dag en nacht omgedraaid' });
    // Professionals: the place or job the findings name.
    const pros = rankSituations({ lang: 'nl', audience: 'professionals', count: 4, findings });
    expect(pros.slice(0, 4).map((r) => r.situation.id)).toEqual(['hardop-in-het-winkelcentrum', 'als-eerste-bij-de-bakker', 'de-deur-blijft-dicht', 'een-plek-bij-de-leesclub']);
    expect(pros[1].matches).toContainEqual({ finding: findings.stigmaIssues[0], words: ['winkelcentrum'] });
    expect(pros[3].matches).toEqual([{ finding: 'Bibliotheek Wijchen', words: ['bibliotheek'] }]);
  });

  it('as many as there are small groups, different themes first, never a story with a team member’s name', () => {
    const ranked = rankSituations({ lang: 'nl', audience: 'bewoners', count: 4, teamNames: ['Theo Jansen'] });
    expect(ranked.filter((r) => r.suggested)).toHaveLength(4);
    const theo = ranked.find((r) => r.namesTeamMember === 'Theo');
    expect(theo).toBeDefined();
    expect(theo!.suggested).toBe(false);
    // Without findings: the four proposals between them cover more themes than the first four listed.
    const themes = new Set(ranked.filter((r) => r.suggested).flatMap((r) => r.situation.themes));
    expect(themes.size).toBeGreaterThanOrEqual(8);
    // English has the same ids and proposes from English words.
    const en = rankSituations({ lang: 'en', audience: 'bewoners', count: 2, findings: { stigmaIssues: ['Neighbours complain about loud music at night.'] } });
    expect(en.slice(0, 2).map((r) => r.situation.id)).toContain('wakker-als-de-straat-slaapt');
  });
});

describe('a file init made that would not validate', () => {
  it('is not written; the answers are kept beside it and the message says where', () => {
    const file = join(dir, 'kapot.yaml');
    const answers = { municipality: 'Wijchen' };
    const project = { version: 1, language: 'nl', municipality: 'Wijchen', area: { name: 'Centrum', kind: 'wijk' }, organisers: { projectLeader: { name: 'Anna', organisation: 'Welzijn' } }, team: { discussionLeaders: [{ name: 'Peter' }] }, meetings: [{ audience: 'bewoners', date: '2027-02-17', start: '19:30', venue: { name: 'De Linde', address: 'Lindeplein 4' }, registration: { phone: '024 641 00 00' }, leader: 'Petr', livedExperience: [] }] };
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = finish(project, answers, { file, lang: 'nl', command: 'npx welkome-wijk', placeholders: [] });
    const said = stderr.mock.calls.map((c) => String(c[0])).join('');
    stderr.mockRestore();
    expect(code).toBe(2);
    expect(existsSync(file)).toBe(false);
    expect(JSON.parse(readFileSync(`${file}.answers.json`, 'utf8'))).toEqual(answers);
    expect(said).toContain('Het bestand kon niet worden gemaakt:\n  meetings[0].leader: Gespreksleider \'Petr\' staat niet bij team.discussionLeaders. Bedoelt u \'Peter\'?');
    expect(said).toContain(`Uw antwoorden zijn bewaard in ${file}.answers.json. Pas ze daar aan en probeer het opnieuw met: npx welkome-wijk init --answers ${file}.answers.json`);
    expect(said).not.toMatch(/at .*\.ts:\d+|Error/);
  });
});
