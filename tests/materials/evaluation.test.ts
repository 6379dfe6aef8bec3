// Evaluation forms and the final evaluation guide as readers see them: via poppler (text, page count and
// size) and in the DOCX's document.xml.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLabels } from '../../src/content/labels.js';
import { loadEvaluation, renderEvaluation } from '../../src/materials/evaluation.js';
import type { Project } from '../../src/project/schema.js';
import { formatDate } from '../../src/templating/helpers.js';
import { writeDocument } from '../../src/writers/index.js';
import { EXAMPLES, inArea, loadExample } from './helpers.js';


let dir: string;
const rendered = new Map<string, { project: Project; files: Map<string, { pdf: string; docx: Uint8Array }> }>();

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
/** pdftotext output with whitespace runs collapsed, so wrapped lines still match. */
const text = (path: string) => run('pdftotext', [path, '-']).replace(/\u00ad\s*/g, '').replace(/\s+/g, ' ');
/** The left and the right half of the page read apart: on A5 the open questions stand side by side. */
function halves(path: string): string {
  const [w, h] = pageSize(path).map(Math.ceil);
  const half = (x: number) => run('pdftotext', ['-x', String(x), '-y', '0', '-W', String(Math.ceil(w / 2)), '-H', String(h), path, '-']);
  return `${half(0)} ${half(Math.floor(w / 2))}`.replace(/\s+/g, ' ');
}
const pages = (path: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]))![1]);
const pageSize = (path: string) => /Page size:\s+([\d.]+) x ([\d.]+)/.exec(run('pdfinfo', [path]))!.slice(1).map(Number);
/** The forms' file suffixes per audience: residents get the A4 form only. */
const sizes = (audience: string) => (audience === 'bewoners' ? [''] : ['', '-a5']);
const documentXml = (docx: Uint8Array) => new TextDecoder().decode(unzipSync(docx)['word/document.xml']);

/** The words on the pages, from `pdftotext -bbox`. */
function words(path: string): string[] {
  return [...run('pdftotext', ['-bbox', path, '-']).matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => m[1]);
}

const load = loadExample;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ww-evaluation-'));
  for (const example of EXAMPLES) {
    const { project, ctx } = load(example);
    const files = new Map<string, { pdf: string; docx: Uint8Array }>();
    for (const output of await renderEvaluation(ctx, {})) {
      if (output.kind !== 'document') throw new Error(`${output.name} is not a document`);
      const pdf = join(dir, `${basename(example, '.yaml')}-${output.name}.pdf`);
      writeFileSync(pdf, await writeDocument(output.document, 'pdf'));
      files.set(output.name, { pdf, docx: await writeDocument(output.document, 'docx') });
    }
    rendered.set(example, { project, files });
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(EXAMPLES)('%s', (example) => {
  const get = (name: string) => {
    const file = rendered.get(example)!.files.get(name);
    if (!file) throw new Error(`${example} has no ${name}`);
    return file;
  };

  it('has an A4 form per meeting, an A5 one too except for residents (their 12 pt form needs A4), and the final evaluation guide', () => {
    const { project, files } = rendered.get(example)!;
    const expected = project.meetings.flatMap((m) => [`evaluatie-${m.audience}`, ...sizes(m.audience).slice(1).map((s) => `evaluatie-${m.audience}${s}`)]);
    expect([...files.keys()]).toEqual([...expected, 'eindevaluatie-gespreksleidraad']);
  });

  it("prints the meeting's name and date, the grade scales 1 to 10, the open questions and a thank-you", () => {
    const { project } = rendered.get(example)!;
    const labels = loadLabels(project.language);
    const survey = loadEvaluation(project.language).survey;
    for (const meeting of project.meetings) {
      for (const suffix of sizes(meeting.audience)) {
        const { pdf } = get(`evaluatie-${meeting.audience}${suffix}`);
        const t = text(pdf);
        expect(t, `${meeting.audience}${suffix}`).toContain(formatDate(meeting.date, project.language));
        // Plain words for every audience: 'Bijeenkomst van Welkome Wijk', not 'Bewustwordingsbijeenkomst'.
        expect(t).toContain(project.language === 'nl' ? 'Bijeenkomst van Welkome Wijk' : 'Welkome Wijk meeting');
        expect(t).not.toContain(labels.materials.meetingName);
        expect(t).toContain(labels.audiences[meeting.audience].people);
        for (const q of survey.grades) expect(t).toContain(q.question);
        const columns = suffix ? halves(pdf) : t;
        for (const q of survey.open) expect(columns).toContain(q.question);
        expect(t).toContain(survey.thanks);
        // Every number of the scale once per grade row: the meeting, the leader and the pair.
        const all = words(pdf);
        for (let n = 1; n <= 10; n++) expect(all.filter((w) => w === String(n)).length, `number ${n}`).toBeGreaterThanOrEqual(survey.grades.length);
      }
    }
  });

  it('addresses nobody as u or je in Dutch, so one form fits volunteers (je) and residents (u)', () => {
    const { project } = rendered.get(example)!;
    if (project.language !== 'nl') return;
    for (const meeting of project.meetings) {
      const t = text(get(`evaluatie-${meeting.audience}`).pdf);
      expect(t.match(/(?<![\p{L}])(?:u|uw|je|jij|jou|jouw)(?![\p{L}])/giu), meeting.audience).toBeNull();
    }
  });

  it('fits each form on exactly one page of its size', () => {
    const { project } = rendered.get(example)!;
    for (const meeting of project.meetings) {
      const a4 = get(`evaluatie-${meeting.audience}`).pdf;
      expect(pages(a4), `${meeting.audience} A4`).toBe(1);
      const [w4, h4] = pageSize(a4);
      expect([Math.round(w4), Math.round(h4)]).toEqual([595, 842]);
      if (meeting.audience === 'bewoners') continue;
      const a5 = get(`evaluatie-${meeting.audience}-a5`).pdf;
      expect(pages(a5), `${meeting.audience} A5`).toBe(1);
      const [w5, h5] = pageSize(a5);
      expect([Math.round(w5), Math.round(h5)]).toEqual([420, 595]);
    }
  });

  it('has the date in the DOCX forms', () => {
    const { project } = rendered.get(example)!;
    for (const meeting of project.meetings) {
      for (const suffix of sizes(meeting.audience)) {
        expect(documentXml(get(`evaluatie-${meeting.audience}${suffix}`).docx)).toContain(formatDate(meeting.date, project.language));
      }
    }
  });

  it('gives the final evaluation guide every topic with its questions, a page each with room for notes', () => {
    const { project } = rendered.get(example)!;
    const final = inArea(loadEvaluation(project.language).final, project);
    const { pdf, docx } = get('eindevaluatie-gespreksleidraad');
    const t = text(pdf);
    expect(t).toContain(final.title);
    if (project.finalEvaluation) expect(t).toContain(formatDate(project.finalEvaluation.date, project.language));
    for (const topic of final.topics) {
      expect(t).toContain(topic.title);
      for (const q of topic.questions) expect(t).toContain(q);
    }
    const notes = loadLabels(project.language).facts.notes;
    expect(words(pdf).filter((w) => w === notes)).toHaveLength(final.topics.length);
    expect(pages(pdf)).toBe(final.topics.length);
    const xml = documentXml(docx);
    for (const topic of final.topics) expect(xml).toContain(topic.title.replace(/'/g, '&apos;'));
  });
});

describe('audience', () => {
  it("gives one meeting's forms and leaves out the final guide, which belongs to no audience; residents' form only on A4, in large type", async () => {
    const { ctx } = load('nijmegen-heseveld.yaml');
    const names = (await renderEvaluation(ctx, { audience: 'bewoners' })).map((o) => o.name);
    expect(names).toEqual(['evaluatie-bewoners']);
    const volunteers = (await renderEvaluation(ctx, { audience: 'vrijwilligers' })).map((o) => o.name);
    expect(volunteers).toEqual(['evaluatie-vrijwilligers', 'evaluatie-vrijwilligers-a5']);
  });
});
