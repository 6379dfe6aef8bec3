// The invitations as their readers get them: PDF text via poppler, DOCX opened by LibreOffice,
// one page each, the right date, place and registration details, and nobody named without consent.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderInvitations } from '../../src/materials/invitation.js';
import type { Project } from '../../src/project/schema.js';
import { formatDate } from '../../src/templating/helpers.js';
import { writeDocument } from '../../src/writers/index.js';
import { EXAMPLES as examples, flat, loadExample, renderAndRead } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-invite-'));

interface Rendered {
  project: Project;
  audience: string;
  pdfText: string;
  pages: number;
  docxText: string;
}
const rendered: Rendered[] = [];

beforeAll(async () => {
  const docxFiles: string[] = [];
  const pending: Omit<Rendered, 'docxText'>[] = [];
  for (const example of examples) {
    const { project, ctx } = loadExample(example);
    const prefix = basename(example, '.yaml');
    const read = await renderAndRead(await renderInvitations(ctx, {}), dir, prefix);
    for (const [name, document] of read.documents) {
      const docx = join(dir, `${prefix}-${name}.docx`);
      writeFileSync(docx, await writeDocument(document, 'docx'));
      docxFiles.push(docx);
      pending.push({ project, audience: name.replace('uitnodiging-', ''), pdfText: read.text.get(name)!, pages: read.pages.get(name)! });
    }
  }
  // One LibreOffice run for all files: it opens each DOCX as a Word user would and lays it out as
  // pages, so the text read back also shows where lines break (a word split in a narrow column).
  const laidOut = join(dir, 'libreoffice');
  execFileSync('soffice', ['-env:UserInstallation=file:///tmp/ww-lo-invite', '--headless', '--convert-to', 'pdf', '--outdir', laidOut, ...docxFiles], { stdio: 'ignore' });
  docxFiles.forEach((docx, i) => {
    const pdf = join(laidOut, basename(docx).replace(/\.docx$/, '.pdf'));
    rendered.push({ ...pending[i], docxText: flat(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })) });
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('invitations', () => {
  it('render for every audience of every example', () => {
    expect(rendered.length).toBe(examples.length * 3);
  });

  it('fit on one page each', () => {
    expect(rendered.filter((r) => r.pages !== 1).map((r) => `${r.project.area.name} ${r.audience}: ${r.pages} pages`)).toEqual([]);
  });

  it('show the date, venue and registration details in PDF and in Word', () => {
    for (const r of rendered) {
      const meeting = r.project.meetings.find((m) => m.audience === r.audience)!;
      const expected = [formatDate(meeting.date, r.project.language), meeting.venue.name, meeting.venue.address];
      if (meeting.registration.email) expected.push(meeting.registration.email);
      if (meeting.registration.phone) expected.push(meeting.registration.phone);
      if (meeting.registration.url) expected.push(meeting.registration.url.replace(/^https?:\/\//, ''));
      if (meeting.registration.deadline) expected.push(formatDate(meeting.registration.deadline, r.project.language));
      for (const text of [r.pdfText, r.docxText]) {
        for (const piece of expected) expect(text, `${r.project.area.name} ${r.audience}`).toContain(flat(piece));
      }
    }
  });

  it('keep every fact label whole, in PDF and in Word', () => {
    for (const r of rendered) {
      const meeting = r.project.meetings.find((m) => m.audience === r.audience)!;
      if (!meeting.venue.accessibility) continue;
      const label = r.project.language === 'nl' ? 'Toegankelijkheid' : 'Access';
      expect(r.pdfText, `${r.project.area.name} ${r.audience}`).toContain(label);
      expect(r.docxText, `${r.project.area.name} ${r.audience}`).toContain(label);
    }
  });

  it('name people with lived experience only with their consent, and never their contact details', () => {
    for (const r of rendered) {
      const meeting = r.project.meetings.find((m) => m.audience === r.audience)!;
      for (const person of r.project.team.livedExperience) {
        const named = person.public && meeting.livedExperience.includes(person.name);
        for (const text of [r.pdfText, r.docxText]) {
          if (!person.public) expect(text, `${person.name} must not appear`).not.toMatch(new RegExp(`\\b${person.name}\\b`));
          if (named) expect(text).toContain(person.name);
          if (person.email) expect(text).not.toContain(person.email);
          if (person.phone) expect(text).not.toContain(person.phone);
        }
      }
    }
  });

  it('speak the file’s language, and plain Dutch to residents', () => {
    for (const r of rendered) {
      if (r.project.language === 'en') expect(r.pdfText).toMatch(/Where|register|Sign up/i);
      else expect(r.pdfText).toMatch(/Wanneer|Aanmelden/);
    }
    // B1: short sentences for residents (the lead and the lists; the facts are not sentences).
    const residents = rendered.filter((r) => r.audience === 'bewoners' && r.project.language === 'nl');
    for (const r of residents) {
      const body = r.pdfText.split('Wanneer')[0];
      const long = body.split(/[.?!]\s/).filter((s) => s.split(' ').length > 20);
      expect(long).toEqual([]);
    }
  });
});
