// The invitations as their readers get them: PDF text via poppler, DOCX opened by LibreOffice,
// one page each, the right date, place and registration details, and nobody named without consent.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderInvitations, shortAddress } from '../../src/materials/invitation.js';
import type { Project } from '../../src/project/schema.js';
import { formatDate } from '../../src/templating/helpers.js';
import { writeDocument } from '../../src/writers/index.js';
import { addressParts } from '../../src/writers/typst/data.js';
import { EXAMPLES as examples, flat, loadExample, renderAndRead } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-invite-'));
/** Without any whitespace: a web address may break over two lines under its QR code. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

interface Rendered {
  project: Project;
  audience: string;
  /** The residents' flyer comes on A4 and on A5 as well. */
  a5: boolean;
  pdf: string;
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
      const pdf = join(dir, `${prefix}-${name}.pdf`);
      pending.push({ project, audience: name.replace('uitnodiging-', '').replace(/-a5$/, ''), a5: name.endsWith('-a5'), pdf, pdfText: read.text.get(name)!, pages: read.pages.get(name)! });
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
  it('render for every audience of every example, and the residents\' flyer on A5 too', () => {
    expect(rendered.length).toBe(examples.length * 4);
    expect(rendered.filter((r) => r.a5).map((r) => r.audience)).toEqual(examples.map(() => 'bewoners'));
  });

  it('fit on one page each; the A5 flyer on its two sides', () => {
    expect(rendered.filter((r) => r.pages !== (r.a5 ? 2 : 1)).map((r) => `${r.project.area.name} ${r.audience}${r.a5 ? ' A5' : ''}: ${r.pages} pages`)).toEqual([]);
  });

  it('give residents the date large, the times, the place and the meal, a QR code with the short address, and the drawing when there is one', () => {
    for (const r of rendered.filter((x) => x.audience === 'bewoners')) {
      const meeting = r.project.meetings.find((m) => m.audience === 'bewoners')!;
      const lang = r.project.language;
      // The date stands on its own line, right under the title.
      expect(r.pdfText, r.project.area.name).toMatch(new RegExp(`${flat(formatDate(meeting.date, lang))} ${meeting.start.replace(':', lang === 'nl' ? '.' : ':')}`));
      expect(r.pdfText).toContain(meeting.venue.name);
      if (meeting.meal) expect(r.pdfText).toMatch(lang === 'nl' ? /eten we samen|met samen eten/ : /eat together|a meal together|together/);
      if (meeting.registration.url) {
        expect(r.pdfText).toContain(lang === 'nl' ? 'Of ga naar:' : 'Or go to:');
        // Every piece of the address whole (lines break only after a "/"; a reader sees each piece intact).
        for (const part of addressParts(shortAddress(meeting.registration.url))) expect(r.pdfText, r.project.area.name).toContain(part);
      }
      // Soft masks (a PNG's transparency) are listed apart from their image.
      const images = execFileSync('pdfimages', ['-list', r.pdf], { encoding: 'utf8' }).trim().split('\n').slice(2).filter((l) => l.trim().split(/\s+/)[2] === 'image');
      // The drawing (Heseveld's file names one); the logo is there when the file has one.
      const expected = (r.project.branding.photo ? 1 : 0) + (r.project.branding.logo ? 1 : 0);
      expect(images.length, `${r.project.area.name}${r.a5 ? ' A5' : ''}: images`).toBe(expected);
    }
  });

  it('show the date, venue and registration details in PDF and in Word', () => {
    for (const r of rendered) {
      const meeting = r.project.meetings.find((m) => m.audience === r.audience)!;
      const expected = [formatDate(meeting.date, r.project.language), meeting.venue.name, meeting.venue.address];
      if (meeting.registration.email) expected.push(meeting.registration.email);
      if (meeting.registration.phone) expected.push(meeting.registration.phone);
      // The web address under the QR code, short: "aanmelden.example.nl/heseveld-bewoners".
      if (meeting.registration.url) for (const part of addressParts(shortAddress(meeting.registration.url))) expect(r.pdfText, `${r.project.area.name} ${r.audience}`).toContain(part);
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
      else expect(r.pdfText).toMatch(/Waar|Meld u aan|aanmelden/);
    }
    // B1: short sentences for residents (the lead and the lists; the facts are not sentences).
    const residents = rendered.filter((r) => r.audience === 'bewoners' && r.project.language === 'nl');
    for (const r of residents) {
      const meeting = r.project.meetings.find((m) => m.audience === 'bewoners')!;
      const body = r.pdfText.split('Doet u mee?')[0];
      // The title, the date and the times are a heading and labels, not sentences; so is a page's footer.
      const long = body.split(/[.?!]\s/).filter((s) => s.split(' ').length > 20 && !s.includes(formatDate(meeting.date, 'nl')) && !/pagina \d/.test(s));
      expect(long).toEqual([]);
    }
  });
});
