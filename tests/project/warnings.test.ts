// Warnings are advice from the approach: the file still renders, but the user is told.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkProjectSource } from '../../src/project/load.js';
import { formatProblem } from '../../src/project/problems.js';

const root = join(import.meta.dirname, '..', '..');
const file = join(root, 'examples', 'nijmegen-heseveld.yaml');
// "In the past" is measured from this date, so the test means the same next year.
process.env.WELKOME_WIJK_TODAY = '2026-11-30';

/** The Heseveld example with one change, checked as a file. */
function checkWith(change: (doc: ReturnType<typeof parseDocument>) => void) {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  change(doc);
  const source = doc.toString();
  const result = checkProjectSource(source, file);
  return { result, shown: result.problems.map((p) => formatProblem(p, { lang: 'nl', file: 'x.yaml', source })).join('\n') };
}

describe('warnings', () => {
  it('a stigmatising word in the project’s own text, with what to say instead', () => {
    const { result, shown } = checkWith((doc) => doc.setIn(['kickoff', 'findings', 'reasons', 0], 'Buren klagen over een verwarde man in de flat.'));
    expect(result.project).toBeDefined();
    expect(shown).toMatch(/'verwarde man' kan stigmatiserend overkomen/);
    expect(shown).toMatch(/x\.yaml:\d+:\d+ waarschuwing {2}kickoff\.findings\.reasons\[0\]/);
  });

  it('residents invited before professionals', () => {
    const { shown } = checkWith((doc) => doc.setIn(['meetings', 2, 'date'], '2026-02-01'));
    expect(shown).toContain('De bijeenkomst voor bewoners is eerder dan die voor vrijwilligers');
  });

  it('a meeting with one person with lived experience instead of a pair', () => {
    const { shown } = checkWith((doc) => doc.setIn(['meetings', 0, 'livedExperience'], doc.createNode(['Marco'])));
    expect(shown).toContain('De aanpak werkt met een duo');
  });

  it('placeholders as init writes them, and obvious fakes: located, one per value', () => {
    const { result, shown } = checkWith((doc) => {
      doc.setIn(['meetings', 1, 'registration', 'phone'], '000 000 00 00');
      doc.setIn(['team', 'livedExperience', 0, 'name'], 'Persoon A');
      doc.setIn(['meetings', 0, 'livedExperience', 0], 'Persoon A');
      doc.setIn(['meetings', 1, 'livedExperience', 1], 'Persoon A');
    });
    const placeholders = result.problems.filter((p) => p.rule === 'placeholders');
    expect(placeholders.map((p) => p.path.join('.'))).toEqual(
      expect.arrayContaining(['meetings.1.registration.phone', 'team.livedExperience.0.name', 'meetings.0.livedExperience.0']),
    );
    expect(placeholders.every((p) => p.severity === 'warning' && p.pos && p.pos.line > 1)).toBe(true);
    expect(shown).toContain("'000 000 00 00' lijkt een plaatsvervanger");
  });

  it('a date in the past', () => {
    const { result, shown } = checkWith((doc) => doc.setIn(['training', 0, 'date'], '2026-11-02'));
    expect(result.project).toBeDefined();
    expect(result.problems.find((p) => p.rule === 'dates-past')).toMatchObject({ severity: 'warning', path: ['training', 0, 'date'] });
    expect(shown).toContain('2026-11-02 is al voorbij (vandaag is het 2026-11-30)');
  });

  it('a meeting without practice situations: no cards for the groups', () => {
    const { shown, result } = checkWith((doc) => doc.setIn(['meetings', 2, 'situations'], doc.createNode([])));
    expect(result.problems.find((p) => p.rule === 'no-situations')).toMatchObject({ path: ['meetings', 2, 'situations'] });
    expect(shown).toContain('zijn nog geen praktijksituaties gekozen');
  });

  it('a character in a situation named like someone on the team', () => {
    const { shown, result } = checkWith((doc) => doc.setIn(['situations', 0, 'story'], 'Marco komt elke ochtend binnen en praat met niemand.'));
    expect(result.problems.find((p) => p.rule === 'character-names')).toMatchObject({ severity: 'warning', path: ['situations', 0, 'story'] });
    expect(shown).toContain("In praktijksituatie 'koffie-bij-de-inloop' heet iemand Marco");
  });

  it('a meeting that is not the handbook’s two and a half hours; an error when a part gets too short', () => {
    const longer = checkWith((doc) => doc.setIn(['meetings', 0, 'durationMinutes'], 180));
    expect(longer.result.problems.find((p) => p.rule === 'meeting-length')).toMatchObject({ severity: 'warning', path: ['meetings', 0, 'durationMinutes'] });
    const short = checkWith((doc) => doc.setIn(['meetings', 0, 'durationMinutes'], 60));
    expect(short.result.project).toBeUndefined();
    expect(short.shown).toMatch(/'Verhalen uit eigen ervaring' krijgt zo maar \d+ minuten; dat onderdeel heeft minstens 20 minuten nodig/);
    const odd = checkWith((doc) => doc.setIn(['meetings', 0, 'durationMinutes'], 152));
    expect(odd.shown).toContain('moet in stappen van vijf minuten');
  });

  it('--strict turns each of these warnings into exit 2, as a process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-strict-'));
    try {
      const doc = parseDocument(readFileSync(file, 'utf8'));
      doc.setIn(['meetings', 2, 'situations'], doc.createNode([]));
      const target = join(dir, 'welkome-wijk.yaml');
      writeFileSync(target, doc.toString());
      cpSync(join(root, 'examples', 'assets'), join(dir, 'assets'), { recursive: true });
      const run = (...args: string[]) => {
        try {
          execFileSync(process.execPath, [join(root, 'bin', 'welkome-wijk.js'), 'validate', target, ...args], { encoding: 'utf8', stdio: 'pipe', env: { ...process.env, WELKOME_WIJK_TODAY: '2026-11-30' } });
          return 0;
        } catch (err) {
          return (err as { status: number }).status;
        }
      };
      expect(run()).toBe(0);
      expect(run('--strict')).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
