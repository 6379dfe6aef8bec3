// The answer sheets' formats and parts: CSV as spreadsheets write it, the XLSX we write (opened by
// LibreOffice Calc, with its 1-10 validation) and XLSX as Calc saves it, header matching in both
// languages, marks, averages, and what free text may show.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { loadResultsTexts } from '../../src/content/results.js';
import { groupAnswers, scrub } from '../../src/materials/results.js';
import { readGrade, readSheet, type AnswerForm } from '../../src/results/answers.js';
import { decodeCsv, parseCsv, writeCsv } from '../../src/results/csv.js';
import { readSheets } from '../../src/results/files.js';
import { gradeStats, roundedAverage } from '../../src/results/stats.js';
import { columnLetter, matchHeader, surveyOf } from '../../src/results/survey.js';
import { headerRow, templateCsv, templateXlsx, TEMPLATE_ROWS } from '../../src/results/template.js';
import { readXlsx } from '../../src/results/xlsx.js';
import { cli, ROOT } from '../cli/helpers.js';
import { loadExample } from '../materials/helpers.js';

const work = mkdtempSync(join(tmpdir(), 'ww-sheets-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** LibreOffice Calc, headless, with a profile of its own so a parallel test's LibreOffice cannot block it. */
function calc(args: string[]): void {
  execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--headless', ...args], { cwd: work, stdio: 'pipe', timeout: 120_000 });
}

const meeting = { key: 'bewoners', audience: 'bewoners' as const, date: '2027-03-23' };

describe('CSV', () => {
  it('reads commas, semicolons and tabs, quotes with doubled quotes and line breaks inside', () => {
    expect(parseCsv('a;b;c\r\n1;"zeg ""hoi"";x";\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'zeg "hoi";x', null],
    ]);
    expect(parseCsv('a,b\n"twee\nregels",2\n\n')).toEqual([
      ['a', 'b'],
      ['twee\nregels', '2'],
    ]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads UTF-8 with and without BOM, UTF-16 with BOM and the Windows-1252 that Dutch Excel saves', () => {
    const text = 'Dit neem ik mee\nDat één gesprek al helpt\n';
    expect(decodeCsv(new TextEncoder().encode(text))).toBe(text);
    expect(decodeCsv(new TextEncoder().encode(`\ufeff${text}`))).toBe(text);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeCsv(utf16)).toBe(text);
    const cp1252 = Buffer.from(text.replace(/é/g, '\u00e9'), 'latin1');
    expect(decodeCsv(cp1252)).toBe(text);
  });

  it('writes a BOM and quotes what needs quoting, and reads its own output back', () => {
    const rows = [['a;b', 'c"d', 'e\nf', ' g']];
    const bytes = writeCsv(rows, ';');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseCsv(decodeCsv(bytes))).toEqual(rows);
  });
});

describe('headers', () => {
  const survey = surveyOf('nl');
  it('finds each column by the sheet header, the question or the id, in Dutch or English, whatever the case and spacing', () => {
    const cases: [string, string][] = [
      ['Cijfer bijeenkomst (1-10)', 'meeting'],
      ['  CIJFER   bijeenkomst ', 'meeting'],
      ['Welk rapportcijfer krijgt de gespreksleider?', 'leader'],
      ['The discussion leader: what mark would you give them?', 'leader'],
      ['Mark for the people with lived experience (1 to 10)', 'experts'],
      ['experts', 'experts'],
      ['Dit neem ik vooral mee uit de bijeenkomst:', 'takeaway'],
      ['Questions or remarks', 'remarks'],
    ];
    for (const [header, id] of cases) expect(matchHeader(header, 'nl'), header).toEqual({ kind: 'column', id });
  });

  it('reads the meeting from the form column, never a name column, and suggests the nearest header', () => {
    expect(matchHeader('Formulier · Buurtbewoners · 2027-03-23', 'nl')).toEqual({ kind: 'form', meeting: { audience: 'bewoners', date: '2027-03-23' } });
    expect(matchHeader('Form · Volunteers · 2027-03-02', 'en')).toEqual({ kind: 'form', meeting: { audience: 'vrijwilligers', date: '2027-03-02' } });
    expect(matchHeader('Nr', 'nl')).toEqual({ kind: 'form', meeting: {} });
    for (const h of ['Naam', 'E-mailadres', 'Your name', 'Email']) expect(matchHeader(h, 'nl'), h).toEqual({ kind: 'personal' });
    expect(matchHeader('Cijfer bijeenkomts', 'nl')).toEqual({ kind: 'unknown', suggestion: 'Cijfer bijeenkomst (1-10)' });
  });

  it('has a header for every question of the survey, in every language', () => {
    for (const lang of ['nl', 'en'] as const) expect(surveyOf(lang).columns.map((c) => c.id)).toEqual(['form', 'meeting', 'leader', 'experts', 'takeaway', 'remarks']);
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(28)).toBe('AB');
  });
});

describe('marks and numbers', () => {
  const scale = { min: 1, max: 10 };
  it('takes whole marks 1-10 and nothing else', () => {
    expect(readGrade(7, scale)).toEqual({ ok: 7 });
    expect(readGrade(' 8 ', scale)).toEqual({ ok: 8 });
    expect(readGrade('9,0', scale)).toEqual({ ok: 9 });
    expect(readGrade(7.000000000000001, scale)).toEqual({ ok: 7 });
    expect(readGrade('', scale)).toEqual({ ok: null });
    expect(readGrade(null, scale)).toEqual({ ok: null });
    expect(readGrade(11, scale)).toEqual({ problem: 'answers_grade_range' });
    expect(readGrade('0', scale)).toEqual({ problem: 'answers_grade_range' });
    expect(readGrade('-3', scale)).toEqual({ problem: 'answers_grade_range' });
    expect(readGrade('7,5', scale)).toEqual({ problem: 'answers_grade_fraction' });
    expect(readGrade('acht', scale)).toEqual({ problem: 'answers_grade_text' });
    expect(readGrade('8+', scale)).toEqual({ problem: 'answers_grade_text' });
    expect(readGrade(true, scale)).toEqual({ problem: 'answers_grade_text' });
  });

  it('rounds the average half up from whole numbers, not from floating point', () => {
    expect(roundedAverage(29, 4)).toBe(7.3); // 7.25
    expect(roundedAverage(147, 20)).toBe(7.4); // 7.35, which floating point holds as 7.3499...
    expect(roundedAverage(30, 3)).toBe(10);
  });

  it('counts a form without a mark as a form, not as a mark', () => {
    const forms: AnswerForm[] = [
      { row: 2, grades: { meeting: 8 }, open: {} },
      { row: 3, grades: { meeting: null }, open: { takeaway: 'x' } },
      { row: 4, grades: { meeting: 10 }, open: {} },
    ];
    const s = gradeStats(forms, 'meeting', scale);
    expect(s).toMatchObject({ count: 2, missing: 1, sum: 18, average: 9, min: 8, max: 10 });
    expect(s.counts).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 1]);
  });

  it('skips rows without answers, but not a row with only text', () => {
    const rows = [headerRow('nl', meeting), ['1', '', '', '', '', ''], [], ['3', '', '', '', 'Alleen tekst', ''], ['4', '8', '', '9', '', '']];
    const read = readSheet({ name: 's', rows }, 'f.csv', surveyOf('nl'), meeting);
    expect(read.problems).toEqual([]);
    expect(read.forms.map((f) => f.row)).toEqual([4, 5]);
  });
});

describe('free text', () => {
  const texts = loadResultsTexts('nl').report;
  it('takes out the names the project knows, e-mail addresses and phone numbers', () => {
    expect(scrub('Marco en Ingrid Willems deden het goed, mail piet@example.nl of bel 06-12345678', ['Ingrid Willems', 'Ingrid', 'Willems', 'Marco'], texts)).toBe(
      '[naam] en [naam] deden het goed, mail [e-mail] of bel [telefoon]',
    );
    // Whole words only: "Marcone" is not Marco.
    expect(scrub('Marcone', ['Marco'], texts)).toBe('Marcone');
  });

  it('groups answers that say the same, most frequent first', () => {
    expect(groupAnswers(['Luisteren', 'Geduld', ' luisteren.', 'LUISTEREN!', '', 'Geduld '])).toEqual([
      { text: 'Luisteren', count: 3 },
      { text: 'Geduld', count: 2 },
    ]);
  });
});

describe('the XLSX template', () => {
  const { ctx } = loadExample('nijmegen-heseveld.yaml');
  const m = ctx.meetings.find((x) => x.audience === 'bewoners')!;
  const ref = { key: m.fileSuffix, audience: m.audience, date: m.date };
  const bytes = templateXlsx('nl', { ...ref, dateText: m.date, venue: m.venue.name, expected: m.expectedParticipants }, { headerFill: '#e7f0ef', date: ctx.date, title: 'test' });

  it('holds the marks to whole numbers 1-10 with a data validation on every mark column, and says what to type', () => {
    const sheet = new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    const texts = loadResultsTexts('nl').sheet;
    for (const col of ['B', 'C', 'D']) {
      expect(sheet).toMatch(new RegExp(`<dataValidation type="whole" operator="between"[^>]*sqref="${col}2:${col}${TEMPLATE_ROWS + 1}"><formula1>1</formula1><formula2>10</formula2>`));
    }
    expect(sheet).toContain(`promptTitle="${texts.gradePrompt.title}"`);
    expect(sheet).toContain('state="frozen"');
  });

  it('is the same file every time', () => {
    const again = templateXlsx('nl', { ...ref, dateText: m.date, venue: m.venue.name, expected: m.expectedParticipants }, { headerFill: '#e7f0ef', date: ctx.date, title: 'test' });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('opens in LibreOffice Calc with the header and the explanation tab; a sheet Calc saves is read back', () => {
    const dir = join(work, 'calc');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'template.xlsx'), bytes);
    calc(['--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76', '--outdir', join(dir, 'csv'), join(dir, 'template.xlsx')]);
    const header = readFileSync(join(dir, 'csv', 'template.csv'), 'utf8').split(/\r?\n/)[0];
    expect(header.split(';')).toEqual(headerRow('nl', ref));

    // A volunteer's sheet, typed as CSV and saved by Calc as XLSX (shared strings, numbers as numbers).
    const typed = [headerRow('nl', ref), ['1', '8', '7', '9', 'Eerst vragen, dan pas denken', ''], ['2', '10', '9', '', '', 'Tot de volgende keer']];
    writeFileSync(join(dir, 'typed.csv'), writeCsv(typed, ';'));
    calc(['--infilter=CSV:59,34,76,1', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'xlsx'), join(dir, 'typed.csv')]);
    const saved = readFileSync(join(dir, 'xlsx', 'typed.xlsx'));
    expect(Object.keys(unzipSync(saved))).toContain('xl/sharedStrings.xml');
    const [sheet] = readXlsx(saved);
    const read = readSheet(sheet, 'typed.xlsx', surveyOf('nl'), ref);
    expect(read.problems).toEqual([]);
    expect(read.forms).toEqual([
      { row: 2, grades: { meeting: 8, leader: 7, experts: 9 }, open: { takeaway: 'Eerst vragen, dan pas denken' } },
      { row: 3, grades: { meeting: 10, leader: 9, experts: null }, open: { remarks: 'Tot de volgende keer' } },
    ]);
  });

  it('has a CSV twin with the same header, in the separator Dutch Excel expects', () => {
    expect(parseCsv(decodeCsv(templateCsv('nl', ref)))).toEqual([headerRow('nl', ref)]);
    expect(new TextDecoder().decode(templateCsv('nl', ref))).toContain(';');
  });
});

describe('clumsy and hostile files', () => {
  it('says what is wrong with a truncated workbook, a renamed one or garbage, and never throws or hangs', () => {
    const { ctx } = loadExample('nijmegen-heseveld.yaml');
    const m = ctx.meetings[0];
    const good = templateXlsx('nl', { key: m.fileSuffix, audience: m.audience, date: m.date, dateText: m.date, venue: m.venue.name, expected: 10 }, { headerFill: '#e7f0ef', date: ctx.date, title: 't' });
    const dir = join(work, 'hostile');
    mkdirSync(dir, { recursive: true });
    const cases: [string, Uint8Array][] = [
      ['half.xlsx', good.subarray(0, Math.floor(good.length / 2))],
      ['random.xlsx', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)],
      ['renamed.csv', good],
      ['answers.ods', good],
      ['zip-of-nothing.xlsx', Uint8Array.of(0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0))],
    ];
    for (const [name, bytes] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const started = performance.now();
      const read = readSheets(path, name);
      expect(performance.now() - started, name).toBeLessThan(2000);
      expect('problem' in read ? read.problem.key : 'read', name).toMatch(/^answers_(not_xlsx|xlsx_named_csv|not_sheet)$/);
    }
  });
});

describe('welkome-wijk results template', () => {
  it('writes an XLSX and a CSV per meeting, and never replaces a sheet without --force', async () => {
    const out = join(work, 'template-out');
    const example = join(ROOT, 'examples', 'heumen-malden.yaml');
    const first = await cli(['results', 'template', example, '--out', out]);
    expect(first.exitCode, first.stderr).toBe(0);
    const folder = join(out, 'heumen', 'malden', 'antwoorden');
    const { ctx } = loadExample('heumen-malden.yaml');
    expect(readdirSync(folder).sort()).toEqual(ctx.meetings.flatMap((m) => [`antwoorden-${m.fileSuffix}.csv`, `antwoorden-${m.fileSuffix}.xlsx`]).sort());
    const typed = join(folder, `antwoorden-${ctx.meetings[0].fileSuffix}.csv`);
    writeFileSync(typed, 'getypt');
    const second = await cli(['results', 'template', example, '--out', out, '--lang', 'en']);
    expect(second.exitCode).toBe(0);
    expect(second.stderr).toContain('already exists and was not replaced');
    expect(readFileSync(typed, 'utf8')).toBe('getypt');
    const forced = await cli(['results', 'template', example, '--out', out, '--force']);
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(typed, 'utf8')).not.toBe('getypt');
  });
});
