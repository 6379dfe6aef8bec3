// The kick-off agenda, run sheet and worksheet for every example, read back from the PDF with
// poppler: the clock times (overrides included), roles per mode, and one DOCX checked for the same times.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKickoffProgramme } from '../../src/content/programme.js';
import type { Document } from '../../src/document/model.js';
import { renderKickoff } from '../../src/materials/kickoff.js';
import { loadProjectFile } from '../../src/project/load.js';
import type { Kickoff, Project } from '../../src/project/schema.js';
import { writeDocument } from '../../src/writers/index.js';
import { formatDate } from '../../src/templating/helpers.js';
import { clock, contextFor, flat, inArea, renderAndRead } from './helpers.js';

const root = join(import.meta.dirname, '..', '..');
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.yaml'));
const dir = mkdtempSync(join(tmpdir(), 'ww-kickoff-'));

const NAMES = ['startbijeenkomst-uitnodiging', 'startbijeenkomst-agenda', 'startbijeenkomst-draaiboek', 'startbijeenkomst-werkblad', 'startbijeenkomst-verslag'] as const;

interface Rendered {
  example: string;
  project: Project;
  kickoff: Kickoff;
  documents: Map<string, Document>;
  text: Map<string, string>;
  pages: Map<string, number>;
}
const rendered: Rendered[] = [];

/** The part minutes after the project's overrides (0 leaves a part out). */
function minutesOf(kickoff: Kickoff, project: Project) {
  const overrides = new Map(kickoff.parts.map((p) => [p.id, p.minutes]));
  return inArea(loadKickoffProgramme(project.language), project)
    .parts.map((p) => ({ ...p, minutes: overrides.get(p.id) ?? p.minutes }))
    .filter((p) => p.minutes > 0);
}

beforeAll(async () => {
  for (const example of examples) {
    const file = join(root, 'examples', example);
    const { project } = loadProjectFile(file, 'nl');
    if (!project?.kickoff) continue;
    const outputs = await renderKickoff(contextFor(project, dirname(file)), {});
    const entry: Rendered = { example, project, kickoff: project.kickoff, ...(await renderAndRead(outputs, dir, basename(example, '.yaml'))) };
    rendered.push(entry);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kick-off materials', () => {
  it('are made for every example with a kick-off: invitation, agenda, run sheet, worksheet and report', () => {
    expect(rendered.length).toBeGreaterThan(0);
    for (const r of rendered) expect([...r.documents.keys()]).toEqual([...NAMES]);
  });

  it('are not made without a kick-off', async () => {
    const { project, example } = rendered[0];
    const ctx = contextFor({ ...project, kickoff: undefined }, join(root, 'examples'));
    expect(await renderKickoff(ctx, {}), example).toEqual([]);
  });

  it('agenda: one page with the date, the place and every part on the clock, overrides included', () => {
    for (const { example, project, kickoff, text, pages } of rendered) {
      const t = text.get('startbijeenkomst-agenda')!;
      const lang = project.language;
      expect(pages.get('startbijeenkomst-agenda'), example).toBe(1);
      const parts = minutesOf(kickoff, project);
      let at = 0;
      for (const part of parts) {
        expect(t, `${example}: ${part.id}`).toContain(`${clock(kickoff.start, at, lang)} – ${clock(kickoff.start, at + part.minutes, lang)}`);
        expect(t, `${example}: ${part.id}`).toContain(flat(part.title));
        at += part.minutes;
      }
      // The end of the programme, also in the time range at the top.
      expect(t, example).toContain(` – ${clock(kickoff.start, at, lang)}`);
      expect(t, example).toContain(`${clock(kickoff.start, 0, lang)} ${lang === 'nl' ? '-' : 'to'} ${clock(kickoff.start, at, lang)}`);
      if (kickoff.mode === 'online') expect(t, example).toContain(kickoff.link!.replace(/^https?:\/\//, ''));
      else expect(t, example).toContain(kickoff.venue!.name);
    }
  });

  it('agenda leaves out a part set to 0 minutes', () => {
    const heumen = rendered.find((r) => r.kickoff.parts.some((p) => p.minutes === 0));
    expect(heumen, 'an example with a part left out').toBeDefined();
    const t = heumen!.text.get('startbijeenkomst-agenda')!;
    // Heumen drops the second break: one "Pauze" is left.
    expect(t.match(/Pauze/g)?.length).toBe(1);
  });

  it('run sheet: the team day from pre-meeting to debrief, the names per role, the roles of this mode', () => {
    for (const { example, project, kickoff, text } of rendered) {
      const t = text.get('startbijeenkomst-draaiboek')!;
      const lang = project.language;
      const programme = inArea(loadKickoffProgramme(lang), project);
      const total = minutesOf(kickoff, project).reduce((sum, p) => sum + p.minutes, 0);
      expect(t, example).toContain(`${clock(kickoff.start, -programme.preMeeting.minutes, lang)} – ${clock(kickoff.start, 0, lang)}`);
      expect(t, example).toContain(`${clock(kickoff.start, total, lang)} – ${clock(kickoff.start, total + programme.debrief.minutes, lang)}`);
      for (const name of Object.values(kickoff.roles)) expect(t, example).toContain(name);
      expect(t, example).toContain(project.organisers.projectLeader.name);
      const label = (id: string) => programme.roles.find((r) => r.id === id)!.label;
      if (kickoff.mode === 'online') {
        expect(t, example).toContain(label('chatWatcher'));
        expect(t, example).not.toContain(label('roomHost'));
      } else {
        expect(t, example).toContain(label('roomHost'));
        expect(t, example).not.toContain(label('chatWatcher'));
      }
      // Each part's method for this mode, its questions, and the ground rules.
      // Hyphens left out on both sides: poppler joins "flip-" at a line's end and "over" into "flipover".
      const bare = (x: string) => flat(x).replace(/-/g, '');
      for (const part of minutesOf(kickoff, project)) {
        expect(bare(t), `${example}: ${part.id}`).toContain(bare(part.method[kickoff.mode]).slice(0, 30));
        for (const q of part.questions) expect(bare(t), `${example}: ${part.id}`).toContain(bare(q).slice(0, 30));
      }
      for (const rule of programme.groundRules) expect(t, example).toContain(flat(rule).slice(0, 30));
    }
  });

  it('run sheet: an in-person kick-off says nothing of video or chat; an online one has the host test them', () => {
    for (const { example, project, kickoff, text } of rendered) {
      const t = text.get('startbijeenkomst-draaiboek')!;
      const video = project.language === 'nl' ? /beeld, geluid/ : /video, sound/;
      if (kickoff.mode === 'online') expect(t, example).toMatch(video);
      else expect(t, example).not.toMatch(/\bchat\b|video|beeld, geluid|wachtruimte|waiting room/i);
      // No key of the file is printed, and nothing points to a list "below" on another page.
      expect(t, example).not.toMatch(/findings|kickoff\b|hieronder|below/);
    }
  });

  it('speak of the area as what it is: a village, a whole municipality, a neighbourhood', () => {
    const byKind: Record<string, RegExp> = { dorp: /Het dorp in beeld/, gemeente: /De gemeente in beeld/, wijk: /(De wijk in beeld|The neighbourhood at a glance)/ };
    for (const { example, project, text } of rendered) {
      const t = text.get('startbijeenkomst-agenda')!;
      expect(t, example).toMatch(byKind[project.area.kind]);
      expect(t, example).not.toMatch(/wijk of gemeente|neighbourhood or municipality|Waar lijken de wijken/);
    }
  });

  it('invitation: one page, for the broad network, with when, where and how to say you come', () => {
    for (const { example, project, kickoff, text, pages } of rendered) {
      const t = text.get('startbijeenkomst-uitnodiging')!;
      expect(pages.get('startbijeenkomst-uitnodiging'), example).toBe(1);
      expect(t, example).toContain(formatDate(kickoff.date, project.language));
      expect(t, example).toContain(kickoff.mode === 'online' ? kickoff.link!.replace(/^https?:\/\//, '') : kickoff.venue!.name);
      const contact = kickoff.registration?.email ?? project.organisers.projectLeader.email;
      if (contact) expect(t, example).toContain(contact);
      // What to bring: knowledge of the area.
      expect(t, example).toMatch(project.language === 'nl' ? /kennis van (de wijk|het dorp|de gemeente|het stadsdeel)/ : /know about the/);
    }
  });

  it('report: every finding of the file, and the situations chosen per meeting with why', () => {
    for (const { example, project, kickoff, text } of rendered) {
      const t = text.get('startbijeenkomst-verslag')!;
      const f = kickoff.findings;
      const all = [...f.reasons, ...f.stigmaIssues, ...f.involved, ...f.policies, ...f.preconditions, ...Object.values(f.wantedChanges).flatMap((w) => [...(w?.rightAfter ?? []), ...(w?.afterOneYear ?? [])])];
      expect(all.length, example).toBeGreaterThan(5);
      // Table cells wrap anywhere: compare without white space.
      const squeezed = t.replace(/\u00ad/g, '').replace(/\s+/g, '');
      for (const finding of all) expect(squeezed, `${example}: ${finding}`).toContain(finding.replace(/\s+/g, ''));
      for (const meeting of project.meetings) {
        for (const ref of meeting.situations) if (ref.why) expect(squeezed, `${example}: ${ref.id}`).toContain(ref.why.replace(/\s+/g, ''));
      }
    }
  });

  it('worksheet: three audiences with two moments each, on one page', () => {
    for (const { example, project, text, pages, documents } of rendered) {
      const t = text.get('startbijeenkomst-werkblad')!;
      const { timeline } = loadKickoffProgramme(project.language);
      expect(pages.get('startbijeenkomst-werkblad'), example).toBe(1);
      for (const label of Object.values(timeline.audiences)) expect(t, example).toContain(label);
      const write = JSON.stringify(documents.get('startbijeenkomst-werkblad')!.blocks).match(/"kind":"writeLines"/g);
      expect(write?.length, example).toBe(6);
    }
  });

  it('never print contact details of people with lived experience', () => {
    for (const { example, project, text } of rendered) {
      for (const person of project.team.livedExperience) {
        for (const detail of [person.email, person.phone].filter((d): d is string => !!d)) {
          for (const name of NAMES) expect(text.get(name), `${example}/${name}`).not.toContain(detail);
        }
      }
    }
  });

  it('DOCX carries the same clock times', async () => {
    const { project, kickoff, documents } = rendered[0];
    const lang = project.language;
    const total = minutesOf(kickoff, project).reduce((sum, p) => sum + p.minutes, 0);
    for (const name of ['startbijeenkomst-agenda', 'startbijeenkomst-draaiboek']) {
      const docx = await writeDocument(documents.get(name)!, 'docx');
      const xml = new TextDecoder().decode(unzipSync(docx)['word/document.xml']);
      const words = flat(xml.replace(/<[^>]+>/g, ' '));
      expect(words, name).toContain(clock(kickoff.start, 0, lang));
      expect(words, name).toContain(clock(kickoff.start, total, lang));
    }
  });
});
