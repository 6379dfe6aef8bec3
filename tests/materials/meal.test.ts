// The meal as a real part of the evening, read as its readers get it: the invitation and the
// programme (PDF text) say when it is, the run sheet has it at the same time with the briefing
// before the doors open, and the calendar file runs from welcome to goodbye.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCalendars } from '../../src/materials/calendar.js';
import { renderInvitations } from '../../src/materials/invitation.js';
import { renderSchedules } from '../../src/materials/schedule.js';
import { writeIcs } from '../../src/writers/ics.js';
import { clock, loadExample, renderAndRead } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-meal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Dutch or English clock time of "HH:MM" plus minutes, as the tests write it themselves. */
const at = (hhmm: string, plus: number, lang: 'nl' | 'en') => clock(hhmm, plus, lang);

describe.each([
  // Beuningen: lunch after the professionals' morning, 10:00-12:30, lunch 12:30-13:15.
  { example: 'beuningen.yaml', audience: 'professionals' as const, meal: { from: 150, to: 195 }, programme: { from: 0, to: 150 } },
  // Heumen: volunteers eat first, 17:30-18:15, then the programme until 20:45.
  { example: 'heumen-malden.yaml', audience: 'vrijwilligers' as const, meal: { from: 0, to: 45 }, programme: { from: 45, to: 195 } },
  // Heseveld: residents eat in the break, 40 minutes instead of 15.
  { example: 'nijmegen-heseveld.yaml', audience: 'bewoners' as const, meal: { from: 65, to: 105 }, programme: { from: 0, to: 175 } },
])('$example, $audience', ({ example, audience, meal, programme }) => {
  const { project, ctx } = loadExample(example);
  const meeting = project.meetings.find((m) => m.audience === audience)!;
  const lang = project.language;
  const start = meeting.start;

  it('invitation and programme state the meal with its clock time, and the evening from welcome to goodbye', async () => {
    const outputs = [...(await renderInvitations(ctx, { audience })), ...(await renderSchedules(ctx, { audience }))];
    const read = await renderAndRead(outputs, dir, `${example}-${audience}`);
    for (const name of [`uitnodiging-${audience}`, `programma-${audience}`]) {
      const t = read.text.get(name)!;
      // The invitation says it under the date ("Halverwege eten we samen, van 19.05 tot 19.45 uur."), the programme as a fact.
      const times = name.startsWith('uitnodiging') && meal.from === 0 ? [at(start, 0, lang)] : [at(start, meal.from, lang), at(start, meal.to, lang)];
      const meals = t.split(/(?<=[.:]) /).filter((sentence) => /eten|Eten|eat|Food|meal/.test(sentence));
      expect(meals.some((sentence) => times.every((time) => sentence.includes(time))), `${name}: ${meals.join(' | ')}`).toBe(true);
      // The "when" line covers the whole evening, the meal included.
      const end = Math.max(meal.to, programme.to);
      expect(t, name).toContain(`${at(start, 0, lang)} - ${at(start, end, lang)} uur`);
    }
    // The programme's table has the meal as a row at that time.
    expect(read.text.get(`programma-${audience}`)).toContain(`${at(start, meal.from, lang)} – ${at(start, meal.to, lang)} Samen eten`);
    // The run sheet: the same row, and the team arrives 45 minutes before the first guest (meal or not).
    const sheet = read.text.get(`draaiboek-${audience}`)!;
    expect(sheet).toContain(`${at(start, meal.from, lang)} – ${at(start, meal.to, lang)} Samen eten`);
    expect(sheet).toContain(`${at(start, -45, lang)} – ${at(start, 0, lang)} Voorbespreking`);
  });

  it('the calendar event runs from the welcome to the end of the evening', async () => {
    const calendar = (await renderCalendars(ctx, { audience }))[0];
    if (calendar.kind !== 'calendar') throw new Error('expected a calendar');
    const parsed = new ICAL.Component(ICAL.parse(new TextDecoder().decode(await writeIcs(calendar.calendar))));
    const event = new ICAL.Event(parsed.getFirstSubcomponent('vevent')!);
    const local = (t: ICAL.Time) => t.toString().slice(11, 16);
    expect(local(event.startDate)).toBe(start);
    const end = Math.max(meal.to, programme.to);
    expect(local(event.endDate)).toBe(clock(start, end, 'en'));
    expect(event.description).toMatch(new RegExp(at(start, meal.from, lang).replace('.', '\\.')));
  });
});
