// Each meeting's programme and run sheet and the season overview for every example, read back from
// the PDF with poppler: clock times scaled to the meeting, practice situations per group, privacy.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLabels } from '../../src/content/labels.js';
import { loadSituations } from '../../src/content/library.js';
import { loadMeetingProgramme } from '../../src/content/programme.js';
import type { Document } from '../../src/document/model.js';
import { renderSchedules } from '../../src/materials/schedule.js';
import { loadProjectFile } from '../../src/project/load.js';
import type { Meeting, Project } from '../../src/project/schema.js';
import { formatDate } from '../../src/templating/helpers.js';
import { writeDocument } from '../../src/writers/index.js';
import { clock, contextFor, eveningMinutes, flat, renderAndRead } from './helpers.js';

const root = join(import.meta.dirname, '..', '..');
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.yaml'));
const dir = mkdtempSync(join(tmpdir(), 'ww-schedule-'));

interface Rendered {
  example: string;
  file: string;
  project: Project;
  documents: Map<string, Document>;
  text: Map<string, string>;
  pages: Map<string, number>;
}
const rendered: Rendered[] = [];

/** A name as a whole word: "Sem" must not match inside "Semester". */
const word = (name: string) => new RegExp(`(^|[^\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');

beforeAll(async () => {
  for (const example of examples) {
    const file = join(root, 'examples', example);
    const { project } = loadProjectFile(file, 'nl');
    if (!project) throw new Error(`${example} did not load`);
    const outputs = await renderSchedules(contextFor(project, dirname(file)), {});
    const entry: Rendered = { example, file, project, ...(await renderAndRead(outputs, dir, basename(example, '.yaml'))) };
    rendered.push(entry);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every example's meetings with their rendered texts. */
function eachMeeting(fn: (r: Rendered, meeting: Meeting) => void): void {
  for (const r of rendered) for (const meeting of r.project.meetings) fn(r, meeting);
}

describe('meeting schedules', () => {
  it('make a programme and a run sheet per meeting, and one season overview', () => {
    expect(rendered.length).toBe(examples.length);
    for (const r of rendered) {
      const expected = r.project.meetings.flatMap((m) => [`programma-${m.audience}`, `draaiboek-${m.audience}`]);
      expect([...r.documents.keys()], r.example).toEqual([...expected, 'seizoensoverzicht']);
    }
  });

  it('with an audience: only that meeting, and no season overview', async () => {
    const r = rendered[0];
    const outputs = await renderSchedules(contextFor(r.project, dirname(r.file)), { audience: 'vrijwilligers' });
    expect(outputs.map((o) => o.name)).toEqual(['programma-vrijwilligers', 'draaiboek-vrijwilligers']);
  });

  it('programme: one page (residents: one sheet, both sides), the first part at the start and the last part ending at start + duration', () => {
    eachMeeting((r, meeting) => {
      const name = `programma-${meeting.audience}`;
      const t = r.text.get(name)!;
      const lang = r.project.language;
      // The residents' programme is set in larger type (12.5 pt): it may take the back of the sheet too.
      expect(r.pages.get(name), `${r.example}/${name}`).toBe(meeting.audience === 'bewoners' ? 2 : 1);
      expect(t, `${r.example}/${name}`).toContain(`${clock(meeting.start, 0, lang)} – `);
      expect(t, `${r.example}/${name}`).toContain(` – ${clock(meeting.start, eveningMinutes(meeting), lang)}`);
      expect(t, `${r.example}/${name}`).toContain(meeting.venue.name);
      const programme = loadMeetingProgramme(lang);
      // A meal as the break takes the break's place.
      const parts = programme.parts.filter((p) => !(meeting.meal?.when === 'break' && p.kind === 'break'));
      for (const part of parts) expect(t, `${r.example}/${name}`).toContain(flat(part.title));
      if (meeting.meal) expect(t, `${r.example}/${name}`).toContain(programme.meal.title);
    });
  });

  it('programme: every part has a plain line for participants, in both languages', () => {
    for (const lang of ['nl', 'en'] as const) {
      const lines = loadLabels(lang).meetingPartLines;
      for (const part of loadMeetingProgramme(lang).parts) expect(lines[part.id], `${lang}: ${part.id}`).toBeTruthy();
    }
  });

  it('programme: the parts add up to the meeting, one after the other', () => {
    eachMeeting((r, meeting) => {
      const doc = r.documents.get(`programma-${meeting.audience}`)!;
      const table = doc.blocks.find((b) => b.kind === 'table');
      expect(table?.kind).toBe('table');
      if (table?.kind !== 'table') return;
      const spans = table.rows.map((row) => row[0].map((i) => (i.kind === 'text' ? i.text : '')).join('').split(' – '));
      expect(spans[0][0]).toBe(clock(meeting.start, 0, r.project.language));
      expect(spans[spans.length - 1][1]).toBe(clock(meeting.start, eveningMinutes(meeting), r.project.language));
      for (let i = 1; i < spans.length; i++) expect(spans[i][0], `${r.example} row ${i}`).toBe(spans[i - 1][1]);
    });
  });

  it('run sheet: arrival, the team by name, the clock, the situation per group, the debrief', () => {
    eachMeeting((r, meeting) => {
      const name = `draaiboek-${meeting.audience}`;
      const t = r.text.get(name)!;
      const lang = r.project.language;
      const programme = loadMeetingProgramme(lang);
      const where = `${r.example}/${name}`;
      expect(t, where).toContain(clock(meeting.start, -programme.arriveMinutesBefore, lang));
      expect(t, where).toContain(`${clock(meeting.start, 0, lang)} – `);
      const end = eveningMinutes(meeting);
      expect(t, where).toContain(`${clock(meeting.start, end, lang)} – ${clock(meeting.start, end + programme.debrief.minutes, lang)}`);
      expect(t, where).toContain(meeting.leader);
      for (const person of meeting.livedExperience) expect(t, where).toMatch(word(person));
      expect(t, where).toContain(String(meeting.expectedParticipants));
      if (meeting.audience === 'professionals') for (const work of meeting.participantsWork) expect(t, where).toContain(work);
      expect(t, where).toMatch(lang === 'nl' ? /Intern document/ : /Internal document/);
      // Every situation chosen for the meeting shows by its title in the project's language.
      const titles = new Map([...loadSituations(lang), ...r.project.situations].map((s) => [s.id, s.title]));
      for (const { id } of meeting.situations) expect(t, `${where}: ${id}`).toContain(flat(titles.get(id)!));
    });
  });

  it('season overview: every meeting in order, and only the names people agreed to', () => {
    for (const r of rendered) {
      const t = r.text.get('seizoensoverzicht')!;
      const json = JSON.stringify(r.documents.get('seizoensoverzicht'));
      for (const meeting of r.project.meetings) {
        expect(t, r.example).toContain(clock(meeting.start, 0, r.project.language));
        expect(t, r.example).toContain(meeting.venue.name);
        expect(t, r.example).toContain(meeting.leader);
      }
      for (const session of r.project.learningSessions) if (session.title) expect(t, r.example).toContain(session.title);
      // In date order: each meeting's date comes after the one before.
      const at = [...r.project.meetings].sort((a, b) => a.date.localeCompare(b.date)).map((m) => t.indexOf(formatDate(m.date, r.project.language)));
      for (let i = 0; i < at.length; i++) expect(at[i], `${r.example} meeting ${i}`).toBeGreaterThan(i === 0 ? -1 : at[i - 1]);
      const pairs = new Set(r.project.meetings.flatMap((m) => m.livedExperience));
      for (const person of r.project.team.livedExperience) {
        if (person.public && pairs.has(person.name)) expect(t, `${r.example}: ${person.name}`).toMatch(word(person.name));
        if (!person.public) {
          expect(t, `${r.example}: ${person.name}`).not.toMatch(word(person.name));
          expect(json, `${r.example}: ${person.name}`).not.toMatch(word(person.name));
        }
      }
    }
  });

  it('never print contact details of people with lived experience', () => {
    for (const r of rendered) {
      for (const person of r.project.team.livedExperience) {
        for (const detail of [person.email, person.phone].filter((d): d is string => !!d)) {
          for (const [name, t] of r.text) {
            expect(t, `${r.example}/${name}`).not.toContain(detail);
            expect(JSON.stringify(r.documents.get(name)), `${r.example}/${name}`).not.toContain(detail);
          }
        }
      }
    }
  });

  it('DOCX carries the same clock times', async () => {
    const r = rendered.find((x) => x.project.language === 'nl')!;
    const meeting = r.project.meetings[0];
    for (const name of [`programma-${meeting.audience}`, `draaiboek-${meeting.audience}`]) {
      const docx = await writeDocument(r.documents.get(name)!, 'docx');
      const xml = new TextDecoder().decode(unzipSync(docx)['word/document.xml']);
      const words = flat(xml.replace(/<[^>]+>/g, ' '));
      expect(words, name).toContain(clock(meeting.start, 0, 'nl'));
      expect(words, name).toContain(clock(meeting.start, eveningMinutes(meeting), 'nl'));
    }
  });
});
