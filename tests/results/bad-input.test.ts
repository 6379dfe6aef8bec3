// Bad answer sheets through the real command: a mark of 11, text or a half mark in a mark column, an
// empty sheet, a sheet made for another meeting, a missing or doubled column, two typed files for one
// meeting, a file of no meeting. Each is said at file:row:column in plain words, in Dutch and English,
// with exit code 2 and no report written: never a stack trace, never an average with a mistake in it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadResultsTexts } from '../../src/content/results.js';
import { t, type Lang } from '../../src/messages.js';
import { writeCsv } from '../../src/results/csv.js';
import { headerRow } from '../../src/results/template.js';
import { writeXlsx } from '../../src/results/xlsx.js';
import { cli, ROOT } from '../cli/helpers.js';
import { loadExample } from '../materials/helpers.js';

const work = mkdtempSync(join(tmpdir(), 'ww-answers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const project = join(work, 'heseveld.yaml');
cpSync(join(ROOT, 'examples', 'nijmegen-heseveld.yaml'), project);
// The example's drawing for the residents' invitation, which the file names.
cpSync(join(ROOT, 'examples', 'assets'), join(work, 'assets'), { recursive: true });
const example = loadExample('nijmegen-heseveld.yaml').ctx;
type Key = 'professionals' | 'vrijwilligers' | 'bewoners';

/** A meeting of the example, so the sheets' headers are the templates' own. */
function ref(key: Key) {
  const m = example.meetings.find((x) => x.audience === key)!;
  return { key: m.fileSuffix, audience: m.audience, date: m.date };
}

const csv = (dir: string, name: string, rows: string[][]) => writeFileSync(join(dir, name), writeCsv(rows, ';'));

/** A folder of answers and the run of `render results` on it. */
async function run(name: string, fill: (dir: string) => void, lang: Lang = 'nl') {
  const dir = join(work, name);
  const out = join(work, `${name}-out`);
  mkdirSync(dir, { recursive: true });
  fill(dir);
  const result = await cli(['render', 'results', project, '--answers', dir, '--out', out, '--format', 'pdf', '--lang', lang]);
  return { ...result, out, written: existsSync(out) ? readdirSync(out, { recursive: true }).length : 0 };
}

/** Bad marks in the residents' sheet, an empty volunteers' workbook, the residents' sheet saved as the professionals'. */
function badSheets(dir: string) {
  const bewoners = ref('bewoners');
  csv(dir, 'antwoorden-bewoners.csv', [
    headerRow('nl', bewoners),
    ['1', '8', '7', '9', 'Luisteren', ''],
    ['2', '9', '11', '8', '', ''],
    ['3', 'acht', '8', '8', '', ''],
    ['4', '8', '8', '7,5', '', ''],
  ]);
  writeFileSync(join(dir, 'antwoorden-vrijwilligers.xlsx'), writeXlsx([{ name: 'Blad1', rows: [] }], { headerFill: '#eeeeee', date: new Date(0), title: 'leeg' }));
  csv(dir, 'antwoorden-professionals.csv', [headerRow('nl', bewoners), ['1', '8', '8', '8', '', '']]);
}

let nl: Awaited<ReturnType<typeof run>>;
let en: Awaited<ReturnType<typeof run>>;
beforeAll(async () => {
  [nl, en] = await Promise.all([run('bad-nl', badSheets, 'nl'), run('bad-en', badSheets, 'en')]);
});

const header = (lang: Lang, id: string) => loadResultsTexts(lang).sheet.columns[id];
/** The located line and the message under it, as the command prints them. */
function located(lang: Lang, file: string, row: number, col: number, letter: string, key: Parameters<typeof t>[1], params: Parameters<typeof t>[2], column?: string): string {
  const cell = t(lang, 'answers_cell', { cell: `${letter}${row}` });
  return `${file}:${row}:${col} ${t(lang, 'label_error')}  ${column ? `${cell} · ${column}` : cell}\n  ${t(lang, key, params)}`;
}

describe.each([
  ['nl', () => nl],
  ['en', () => en],
] as const)('bad sheets, messages in %s', (lang, result) => {
  const file = (name: string) => join(work, `bad-${lang}`, name);
  const range = { min: 1, max: 10 };

  it('stops with exit 2, no stack trace and no report', () => {
    const r = result();
    expect(r.exitCode).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(r.written).toBe(0);
    expect(r.stderr).toContain(t(lang, 'answers_summary', { errors: 5, warnings: 0 }));
  });

  it('a mark of 11', () => {
    expect(result().stderr).toContain(located(lang, file('antwoorden-bewoners.csv'), 3, 3, 'C', 'answers_grade_range', { value: '11', ...range }, header('nl', 'leader')));
  });

  it('text in a mark column', () => {
    expect(result().stderr).toContain(located(lang, file('antwoorden-bewoners.csv'), 4, 2, 'B', 'answers_grade_text', { value: 'acht', ...range }, header('nl', 'meeting')));
  });

  it('a half mark', () => {
    expect(result().stderr).toContain(located(lang, file('antwoorden-bewoners.csv'), 5, 4, 'D', 'answers_grade_fraction', { value: '7,5', ...range }, header('nl', 'experts')));
  });

  it('an empty sheet', () => {
    expect(result().stderr).toContain(located(lang, file('antwoorden-vrijwilligers.xlsx'), 1, 1, 'A', 'answers_empty_sheet', {}));
  });

  it("a file with another meeting's columns", () => {
    const b = ref('bewoners');
    const p = ref('professionals');
    expect(result().stderr).toContain(
      located(lang, file('antwoorden-professionals.csv'), 1, 1, 'A', 'answers_other_meeting', { other: `bewoners, ${b.date}`, meeting: `professionals, ${p.date}` }, headerRow('nl', b)[0]),
    );
  });
});

describe('columns', () => {
  it('reports a missing and a doubled column, and reads nothing from that file', async () => {
    const b = ref('bewoners');
    const r = await run('columns', (dir) => {
      const h = headerRow('nl', b);
      csv(dir, 'antwoorden-bewoners.csv', [[h[0], h[1], h[2], h[1], h[4], h[5]], ['1', '8', '8', '8', '', '']]);
    });
    expect(r.exitCode).toBe(2);
    const file = join(work, 'columns', 'antwoorden-bewoners.csv');
    expect(r.stderr).toContain(located('nl', file, 1, 4, 'D', 'answers_duplicate_column', { first: 'B' }, header('nl', 'meeting')));
    expect(r.stderr).toContain(located('nl', file, 1, 7, 'G', 'answers_missing_column', { column: header('nl', 'experts') }));
  });

  it("takes an online form's export by its questions in either language, skips unknown columns and never reads a name column", async () => {
    const r = await run('online', (dir) => {
      csv(dir, 'bewoners-export.csv', [
        ['Tijdstempel', 'Naam', 'WHAT DID YOU THINK: the meeting as a whole: what mark would you give it?', '  welk rapportcijfer krijgt de gespreksleider  ', 'Cijfer mensen met ervaring', 'Dit neem ik mee', 'Vragen of opmerkingen'],
        ['2027-03-23 21:40', 'Jansje Geheim', '9', '8', '9', 'Rustig luisteren', ''],
      ]);
    });
    // "WHAT DID YOU THINK: ..." is not a header of the survey: a warning, and the meeting's mark is missing.
    expect(r.exitCode).toBe(2);
    const file = join(work, 'online', 'bewoners-export.csv');
    expect(r.stderr).toContain(`${file}:1:1 ${t('nl', 'label_warning')}  ${t('nl', 'answers_cell', { cell: 'A1' })} · Tijdstempel\n  ${t('nl', 'answers_unknown_column')}`);
    expect(r.stderr).toContain(`${file}:1:2 ${t('nl', 'label_warning')}  ${t('nl', 'answers_cell', { cell: 'B1' })} · Naam\n  ${t('nl', 'answers_personal_column')}`);
    expect(r.stderr).toContain(located('nl', file, 1, 8, 'H', 'answers_missing_column', { column: header('nl', 'meeting') }));

    const ok = await run('online-ok', (dir) => {
      csv(dir, 'bewoners-export.csv', [
        ['Tijdstempel', 'Naam', 'The meeting as a whole: what mark would you give it?', '  welk rapportcijfer krijgt de gespreksleider  ', 'Cijfer mensen met ervaring', 'Dit neem ik mee', 'Vragen of opmerkingen'],
        ['2027-03-23 21:40', 'Jansje Geheim', '9', '8', '9', 'Rustig luisteren', ''],
      ]);
    });
    expect(ok.exitCode, ok.stderr).toBe(0);
    const pdf = join(ok.out, 'nijmegen', 'heseveld', 'resultaten.pdf');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).not.toContain('Jansje');
    expect(text.replace(/\u00ad\s*/g, '').replace(/\s+/g, ' ')).toContain('1 van 20 verwachte deelnemers (5%)');
  });
});

describe('files and meetings', () => {
  it('refuses forms typed into two files for one meeting, and a file of no meeting', async () => {
    const b = ref('bewoners');
    const r = await run('files', (dir) => {
      const rows = [headerRow('nl', b), ['1', '8', '8', '8', '', '']];
      csv(dir, 'antwoorden-bewoners.csv', rows);
      writeFileSync(join(dir, 'antwoorden-bewoners.xlsx'), writeXlsx([{ name: 'B', rows: rows.map((row, i) => (i ? row.map((v) => (v ? Number(v) : null)) : row)) }], { headerFill: '#eeeeee', date: new Date(0), title: 'b' }));
      csv(dir, 'export.csv', [['Cijfer bijeenkomst', 'Cijfer gespreksleider', 'Cijfer mensen met ervaring', 'Dit neem ik mee', 'Vragen of opmerkingen'], ['7', '7', '7', '', '']]);
    });
    expect(r.exitCode).toBe(2);
    const dir = join(work, 'files');
    expect(r.stderr).toContain(located('nl', join(dir, 'antwoorden-bewoners.xlsx'), 1, 1, 'A', 'answers_two_files', { meeting: 'bewoners', other: join(dir, 'antwoorden-bewoners.csv') }));
    expect(r.stderr).toContain(located('nl', join(dir, 'export.csv'), 1, 1, 'A', 'answers_no_meeting', { example: 'professionals' }));
  });

  it('takes meeting=file for a file whose name says nothing', async () => {
    const dir = join(work, 'explicit');
    mkdirSync(dir, { recursive: true });
    csv(dir, 'export.csv', [['Cijfer bijeenkomst', 'Cijfer gespreksleider', 'Cijfer mensen met ervaring', 'Dit neem ik mee', 'Vragen of opmerkingen'], ['7', '7', '7', '', '']]);
    const r = await cli(['render', 'results', project, '--answers', `vrijwilligers=${join(dir, 'export.csv')}`, '--out', join(work, 'explicit-out'), '--format', 'pdf']);
    expect(r.exitCode, r.stderr).toBe(0);
    const text = execFileSync('pdftotext', [join(work, 'explicit-out', 'nijmegen', 'heseveld', 'resultaten.pdf'), '-'], { encoding: 'utf8' }).replace(/\u00ad\s*/g, '').replace(/\s+/g, ' ');
    expect(text).toMatch(/Vrijwilligers, [^]*?1 van \d+ verwachte deelnemers/);
  });
});
