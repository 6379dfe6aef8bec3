// The results report from generated answers for every example, read back with poppler: the counts,
// percentages, averages and ranges in the PDF text must be the ones worked out here from the
// generated forms, for the edge cases too (no forms, one form, all tens, no file at all). The marks for
// the people with lived experience are on the internal page only.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEvaluation } from '../../src/content/evaluation.js';
import { loadLabels } from '../../src/content/labels.js';
import { fill, loadResultsTexts } from '../../src/content/results.js';
import { renderResults } from '../../src/materials/results.js';
import type { MeetingRef } from '../../src/results/answers.js';
import { collectAnswers } from '../../src/results/files.js';
import { surveyOf } from '../../src/results/survey.js';
import { templateName } from '../../src/results/template.js';
import { writeDocument, WRITERS } from '../../src/writers/index.js';
import { EXAMPLES, loadExample } from '../materials/helpers.js';
import { average, flat, generateForms, loose, percent, random, sheetRows, writeSheet, type Case, type GeneratedForm } from './helpers.js';

/** Two runs per example: every edge case appears in each, and a meeting without any file. */
const SCENARIOS: { name: string; cases: (Case | 'no-file')[]; format: 'csv' | 'xlsx' }[] = [
  { name: 'a', cases: ['random', 'one', 'tens'], format: 'xlsx' },
  { name: 'b', cases: ['none', 'random', 'no-file'], format: 'csv' },
];

interface Rendered {
  example: string;
  scenario: string;
  lang: 'nl' | 'en';
  meetings: { ref: MeetingRef; expected: number; people: string; forms?: GeneratedForm[] }[];
  text: Map<string, string>;
  /** The same, laid out as on the page (for table rows whose cells wrap). */
  layout: Map<string, string>;
  docs: Map<string, Uint8Array>;
}

const work = mkdtempSync(join(tmpdir(), 'ww-results-'));
const rendered: Rendered[] = [];
/** Text in reading order; `-layout` keeps a table row on one line where poppler's reading order would split a one-row table. */
const pdfText = (path: string, layout = false) => flat(execFileSync('pdftotext', [...(layout ? ['-layout'] : []), path, '-'], { encoding: 'utf8' }));

beforeAll(async () => {
  for (const [e, example] of EXAMPLES.entries()) {
    const { ctx } = loadExample(example);
    const lang = ctx.lang as 'nl' | 'en';
    const sep = loadResultsTexts(ctx.lang).sheet.csvSeparator;
    for (const scenario of SCENARIOS) {
      const dir = join(work, `${basename(example, '.yaml')}-${scenario.name}`);
      mkdirSync(dir, { recursive: true });
      const next = random(1000 * (e + 1) + scenario.name.charCodeAt(0));
      const meetings: Rendered['meetings'] = ctx.meetings.map((m, i) => {
        const ref: MeetingRef = { key: m.fileSuffix, audience: m.audience, date: m.date };
        const kind = scenario.cases[i % scenario.cases.length];
        const people = loadLabels(ctx.lang).audiences[m.audience].people;
        if (kind === 'no-file') return { ref, expected: m.expectedParticipants, people };
        const forms = generateForms(ctx.lang, kind, m.expectedParticipants, next);
        writeSheet(dir, templateName(ref), sheetRows(ctx.lang, ref, forms), scenario.format, sep);
        return { ref, expected: m.expectedParticipants, people, forms };
      });
      const collected = collectAnswers([dir], meetings.map((m) => m.ref), surveyOf(ctx.lang));
      expect(collected.problems.filter((p) => p.severity === 'error'), `${example} ${scenario.name}`).toEqual([]);
      const text = new Map<string, string>();
      const layout = new Map<string, string>();
      const docs = new Map<string, Uint8Array>();
      for (const output of renderResults(ctx, collected.meetings)) {
        if (output.kind !== 'document') throw new Error('the results are documents');
        const pdf = join(dir, `${output.name}.pdf`);
        writeFileSync(pdf, await writeDocument(output.document, 'pdf'));
        text.set(output.name, pdfText(pdf, output.name.startsWith('resultaten-intern-')));
        layout.set(output.name, execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
        if (scenario.name === 'a' && output.name === 'resultaten') docs.set('docx', await writeDocument(output.document, 'docx'));
        // The default PDF engine is Typst; the other one draws the same report.
        if (scenario.name === 'a' && e === 0 && output.name === 'resultaten') {
          const other = join(dir, `${output.name}-pdfmake.pdf`);
          writeFileSync(other, await (await WRITERS.pdfmake.load())(output.document));
          text.set('pdfmake', pdfText(other));
        }
      }
      rendered.push({ example, scenario: scenario.name, lang, meetings, text, layout, docs });
    }
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The marks given for a question, empty ones left out. */
const marks = (forms: readonly GeneratedForm[], id: string) => forms.map((f) => f.grades[id]).filter((g): g is number => g !== null);

/**
 * The cells of the table row that starts with `first`, from `pdftotext -layout`: a cell that wraps
 * continues on the next lines at its own column, until an empty line ends the row.
 */
function rowCells(page: string, first: string): string[] {
  const lines = page.split('\n');
  const at = lines.findIndex((l) => l.trim() === first || l.trimStart().startsWith(`${first}  `));
  if (at < 0) return [];
  const chunks = (line: string) => [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ x: m.index, text: m[0] }));
  const cells = chunks(lines[at]);
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === '') break;
    for (const c of chunks(line)) {
      const cell = cells.reduce((best, x) => (Math.abs(x.x - c.x) < Math.abs(best.x - c.x) ? x : best));
      // A word hyphenated at the line's end (a soft hyphen in poppler's text) is joined again.
      cell.text = cell.text.endsWith('\u00ad') ? cell.text.slice(0, -1) + c.text : `${cell.text} ${c.text}`;
    }
  }
  return cells.map((c) => c.text);
}

/** "8,3 (6 tot 10)" as the report writes it, from the marks. */
function averageWithRange(lang: 'nl' | 'en', given: number[]): string {
  const texts = loadResultsTexts(lang).report;
  return `${average(given, lang)} (${fill(texts.rangeValue, { min: Math.min(...given), max: Math.max(...given) })})`;
}

function formsLine(lang: 'nl' | 'en', forms: number, expected: number): string {
  const texts = loadResultsTexts(lang).report;
  return forms === 0 ? texts.formsNone : fill(texts.formsOf, { forms, expected, percent: percent(forms, expected) });
}

/** The public report's part about one meeting: from its heading to the next meeting's. */
function section(r: Rendered, index: number): string {
  const texts = loadResultsTexts(r.lang).report;
  const report = r.text.get('resultaten')!;
  const titles = r.meetings.map((m) => fill(texts.meetingTitle, { people: m.people }));
  const from = report.indexOf(titles[index]);
  const next = index + 1 < titles.length ? report.indexOf(titles[index + 1], from + 1) : -1;
  const to = next < 0 ? report.length : next;
  expect(from, `section of ${titles[index]}`).toBeGreaterThan(0);
  return report.slice(from, to);
}

describe.each(EXAMPLES)('%s', (example) => {
  const runs = () => rendered.filter((r) => r.example === example);

  it('says per meeting how many forms came back against the participants expected', () => {
    for (const r of runs()) {
      const texts = loadResultsTexts(r.lang).report;
      r.meetings.forEach((m, i) => {
        const part = section(r, i);
        if (!m.forms) expect(part, `${r.scenario} ${m.ref.key}`).toContain(texts.noFile);
        else expect(part, `${r.scenario} ${m.ref.key}`).toMatch(loose(`${texts.formsReturned} ${formsLine(r.lang, m.forms.length, m.expected)}`));
      });
    }
  });

  it('gives per meeting the count, the average and the range of each public mark', () => {
    for (const r of runs()) {
      const texts = loadResultsTexts(r.lang).report;
      const survey = loadEvaluation(r.lang).survey;
      r.meetings.forEach((m, i) => {
        if (!m.forms?.length) return;
        const part = section(r, i);
        for (const q of survey.grades) {
          const given = marks(m.forms, q.id);
          const row = `${texts.gradeNames[q.id]} ${given.length} ${given.length ? `${average(given, r.lang)} ${fill(texts.rangeValue, { min: Math.min(...given), max: Math.max(...given) })}` : ''}`.trim();
          if (q.id === 'experts') expect(part, `${r.scenario} ${m.ref.key}: experts' marks stay internal`).not.toMatch(loose(row));
          else expect(part, `${r.scenario} ${m.ref.key} ${q.id}`).toMatch(loose(row));
        }
      });
    }
  });

  it('sums up the season: forms of the meetings with answers against their participants, and the pooled averages', () => {
    for (const r of runs()) {
      const texts = loadResultsTexts(r.lang).report;
      const withFile = r.meetings.filter((m) => m.forms);
      const all = withFile.flatMap((m) => m.forms!);
      const expected = withFile.reduce((n, m) => n + m.expected, 0);
      const pooled = ['meeting', 'leader'].map((id) => {
        const given = marks(all, id);
        return given.length ? averageWithRange(r.lang, given) : texts.noMarks;
      });
      const row = [texts.total, formsLine(r.lang, all.length, expected), ...pooled];
      expect(rowCells(r.layout.get('resultaten')!, texts.total), r.scenario).toEqual(row);
      // The same row in the final evaluation guide, where the project group talks about it.
      expect(rowCells(r.layout.get('eindevaluatie-met-resultaten')!, texts.total), r.scenario).toEqual(row);
    }
  });

  it("shows the marks for the people with lived experience on an internal page per meeting, with the pair's names", () => {
    for (const r of runs()) {
      const texts = loadResultsTexts(r.lang).report;
      const { ctx } = loadExample(example);
      r.meetings.forEach((m, i) => {
        const page = r.text.get(`resultaten-intern-${m.ref.key}`);
        if (!m.forms?.length) {
          expect(page, `${r.scenario} ${m.ref.key}: no page without forms`).toBeUndefined();
          return;
        }
        const given = marks(m.forms, 'experts');
        expect(page, `${r.scenario} ${m.ref.key}`).toMatch(
          loose(`${texts.gradeNames.experts} ${given.length} ${given.length ? `${average(given, r.lang)} ${fill(texts.rangeValue, { min: Math.min(...given), max: Math.max(...given) })}` : ''}`.trim()),
        );
        expect(page).toContain(ctx.meetings[i].leader.name);
        for (const p of ctx.meetings[i].pair) expect(page).toContain(p.name);
      });
    }
  });

  it('draws the distributions: every count of the first meeting is a bar label in the PDF, in the DOCX as an image with the numbers in its alt text', () => {
    const r = runs().find((x) => x.scenario === 'a')!;
    const m = r.meetings[0];
    const counts = new Map<number, number>();
    for (const g of marks(m.forms!, 'meeting')) counts.set(g, (counts.get(g) ?? 0) + 1);
    const texts = loadResultsTexts(r.lang).report;
    const part = section(r, 0);
    expect(part).toContain(fill(texts.chartTitle, { question: texts.gradeNames.meeting }));
    for (const count of counts.values()) expect(part).toMatch(new RegExp(`(?<!\\d)${count}(?!\\d)`));
    const files = unzipSync(r.docs.get('docx')!);
    const xml = new TextDecoder().decode(files['word/document.xml']);
    const alt = [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([grade, count]) => fill(texts.chartAltCount, { grade, count })).join(', ');
    expect(xml).toContain(alt);
    const pngs = Object.entries(files).filter(([name]) => name.startsWith('word/media/') && name.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(2);
    for (const [, bytes] of pngs) expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});

describe('the pdfmake writer', () => {
  it('draws the same report, with the same numbers', () => {
    const r = rendered.find((x) => x.text.has('pdfmake'))!;
    const texts = loadResultsTexts(r.lang).report;
    const all = r.meetings.filter((m) => m.forms).flatMap((m) => m.forms!);
    expect(r.text.get('pdfmake')).toMatch(loose(averageWithRange(r.lang, marks(all, 'meeting'))));
    expect(r.text.get('pdfmake')).toContain(fill(texts.chartTitle, { question: texts.gradeNames.meeting }));
    expect(r.text.get('pdfmake')).toMatch(loose(`${texts.total} ${formsLine(r.lang, all.length, r.meetings.filter((m) => m.forms).reduce((n, m) => n + m.expected, 0))}`));
  });
});
