// Calendar files: parsed back with ical.js, checked for times (also across summer time), stable UIDs, folding, privacy.
import { join } from 'node:path';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderCalendars } from '../../src/materials/calendar.js';
import type { MaterialContext } from '../../src/materials/context.js';
import { loadProjectFile } from '../../src/project/load.js';
import type { Project } from '../../src/project/schema.js';
import { escapeText, foldLine, localDateTime, writeIcs } from '../../src/writers/ics.js';
import { contextFor as resolvedFor } from './helpers.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');

function loadExample(name = 'nijmegen-heseveld.yaml'): Project {
  const result = loadProjectFile(join(examples, name), 'nl');
  if (!result.project) throw new Error(`example ${name} did not load: ${JSON.stringify(result.problems)}`);
  return result.project;
}

function contextFor(project: Project): MaterialContext {
  return resolvedFor(project, examples);
}

/** A calendar as the user gets it: the .ics file written from the material's calendar. */
interface FileOutput {
  name: string;
  bytes: Uint8Array;
}

async function render(project: Project, audience?: Project['meetings'][number]['audience']): Promise<Map<string, FileOutput>> {
  const outputs = await renderCalendars(contextFor(project), audience ? { audience } : {});
  const files = new Map<string, FileOutput>();
  for (const o of outputs) {
    if (o.kind !== 'calendar') throw new Error(`${o.name} is not a calendar`);
    files.set(`${o.name}.ics`, { name: `${o.name}.ics`, bytes: await writeIcs(o.calendar) });
  }
  return files;
}

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

/** Parses a file and registers its VTIMEZONE so that TZID=Europe/Amsterdam resolves through the file's own rules. */
function parse(bytes: Uint8Array): { calendar: ICAL.Component; events: ICAL.Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(decode(bytes)));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  expect(vtimezone, 'VTIMEZONE').toBeTruthy();
  ICAL.TimezoneService.remove('Europe/Amsterdam');
  ICAL.TimezoneService.register(vtimezone!);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

/** Local wall-clock time as the file says it, and the UTC instant it stands for. */
function times(event: ICAL.Event) {
  const local = (t: ICAL.Time) => t.toString().slice(0, 16); // "2026-02-10T13:30"
  return {
    tz: event.startDate.zone?.tzid,
    start: local(event.startDate),
    end: local(event.endDate),
    startUtc: event.startDate.toJSDate().toISOString(),
    endUtc: event.endDate.toJSDate().toISOString(),
  };
}

beforeEach(() => {
  ICAL.TimezoneService.remove('Europe/Amsterdam');
});

describe('the Heseveld example', async () => {
  const project = loadExample();
  const files = await render(project);

  it('makes one file per meeting, one for the kick-off and the organisers’ overview', () => {
    expect([...files.keys()].sort()).toEqual([
      'bijeenkomst-bewoners.ics',
      'bijeenkomst-professionals.ics',
      'bijeenkomst-vrijwilligers.ics',
      'startbijeenkomst.ics',
      'welkome-wijk-agenda.ics',
    ]);
  });

  it('writes the calendar header and the Amsterdam time zone with the EU rules', () => {
    for (const [name, file] of files) {
      const text = decode(file.bytes);
      expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:'), name).toBe(true);
      expect(text).toContain('\r\nCALSCALE:GREGORIAN\r\n');
      expect(text).toContain('\r\nMETHOD:PUBLISH\r\n');
      expect(text).toContain('\r\nTZID:Europe/Amsterdam\r\n');
      expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
      expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
      expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    }
  });

  it('has CRLF line endings only and lines of at most 75 octets', () => {
    for (const [name, file] of files) {
      const text = decode(file.bytes);
      expect(text.replace(/\r\n/g, ''), name).not.toMatch(/[\r\n]/);
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8'), `${name}: ${line}`).toBeLessThanOrEqual(75);
    }
  });

  it('the professionals’ meeting on 9 February (winter, UTC+1): 13:30-16:00 local = 12:30Z-15:00Z', () => {
    const { events } = parse(files.get('bijeenkomst-professionals.ics')!.bytes);
    expect(events).toHaveLength(1);
    expect(times(events[0])).toEqual({
      tz: 'Europe/Amsterdam',
      start: '2027-02-09T13:30',
      end: '2027-02-09T16:00',
      startUtc: '2027-02-09T12:30:00.000Z',
      endUtc: '2027-02-09T15:00:00.000Z',
    });
    expect(events[0].summary).toBe('Welkome Wijk Heseveld: bijeenkomst voor professionals');
    expect(events[0].location).toBe('Wijkcentrum De Klokketoren, Heseveldstraat 12, 6541 AB Nijmegen');
    expect(events[0].component.getFirstPropertyValue('url')).toBe('https://aanmelden.example.nl/heseveld-professionals');
  });

  it('the residents’ evening on 23 March, before summer time: 18:00 local = 17:00Z, to 20:55 with the meal in the break', () => {
    const { events } = parse(files.get('bijeenkomst-bewoners.ics')!.bytes);
    expect(times(events[0])).toMatchObject({ start: '2027-03-23T18:00', end: '2027-03-23T20:55', startUtc: '2027-03-23T17:00:00.000Z' });
    expect(events[0].description).toContain('Halverwege eten we samen, van 19.05 tot 19.45 uur.');
    expect(events[0].summary).toBe('Welkome Wijk Heseveld: bijeenkomst voor buurtbewoners');
  });

  it('puts the registration and the discussion leader in the description, with commas intact', () => {
    const { events } = parse(files.get('bijeenkomst-professionals.ics')!.bytes);
    const description = events[0].description;
    expect(description).toContain('welkomewijk@example.nl');
    expect(description).toContain('https://aanmelden.example.nl/heseveld-professionals');
    expect(description).toContain('dinsdag 2 februari 2027');
    expect(description).toContain('Ingrid Willems');
    expect(description).toContain('Toegankelijk voor rolstoelen, met een aangepast toilet.');
    expect(description).toContain('\n\n');
    const residents = parse(files.get('bijeenkomst-bewoners.ics')!.bytes).events[0].description;
    expect(residents).toContain('024 123 45 67');
    expect(residents).toContain('dinsdag 16 maart 2027');
  });

  it('the online kick-off runs from its programme start to its end, with the link as location and URL', () => {
    const { events } = parse(files.get('startbijeenkomst.ics')!.bytes);
    expect(events).toHaveLength(1);
    expect(times(events[0])).toEqual({
      tz: 'Europe/Amsterdam',
      start: '2027-01-19T13:20',
      end: '2027-01-19T16:30',
      startUtc: '2027-01-19T12:20:00.000Z',
      endUtc: '2027-01-19T15:30:00.000Z',
    });
    expect(events[0].location).toBe('https://meet.example.nl/welkome-wijk-heseveld');
    expect(events[0].component.getFirstPropertyValue('url')).toBe('https://meet.example.nl/welkome-wijk-heseveld');
    expect(events[0].summary).toBe('Welkome Wijk Heseveld: startbijeenkomst');
  });

  it('the organisers’ overview has everything in date order: training, kick-off, meetings, learning sessions, evaluation', () => {
    const { calendar, events } = parse(files.get('welkome-wijk-agenda.ics')!.bytes);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Welkome Wijk Heseveld');
    expect(events.map((e) => e.startDate.toString().slice(0, 16))).toEqual([
      '2026-12-15T19:30', '2027-01-12T10:00', '2027-01-19T13:20', '2027-02-09T13:30', '2027-03-02T18:00', '2027-03-23T18:00',
      '2027-04-13T15:00', '2027-05-11T13:00', '2027-06-08T15:00', '2027-09-14T14:00',
    ]);
    expect(events.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        'Welkome Wijk Heseveld: Webinar voor gespreksleiders',
        'Welkome Wijk Heseveld: Instructiedag voor gespreksleiders en ervaringsdeskundigen',
        'Welkome Wijk Heseveld: Eerste leersessie projectgroep',
        'Welkome Wijk Heseveld: eindevaluatie met de projectgroep',
      ]),
    );
    const session = events.find((e) => e.summary.includes('Eerste leersessie'))!;
    expect(times(session)).toMatchObject({ start: '2027-04-13T15:00', end: '2027-04-13T16:30' });
    expect(session.location).toBe('Gemeentehuis Nijmegen, Korte Nieuwstraat 6, 6511 PP Nijmegen');
    expect(events.find((e) => e.summary.includes('Tweede leersessie'))!.location).toBe('https://meet.example.nl/welkome-wijk-leersessie');
    // The organisers' copy adds the team's times around the meeting.
    const professionals = events.find((e) => e.summary.endsWith('professionals'))!.description;
    expect(professionals).toContain('12.45');
    expect(professionals).toContain('Verwacht: 18 deelnemers');
    expect(events.find((e) => e.summary.endsWith('startbijeenkomst'))!.description).toContain('13.00');
  });

  it('a learning session without a time is an all-day event that does not block the day', async () => {
    const changed = structuredClone(project);
    for (const s of changed.learningSessions) Object.assign(s, { start: undefined, durationMinutes: undefined });
    const { events } = parse((await render(changed)).get('welkome-wijk-agenda.ics')!.bytes);
    const sessions = events.filter((e) => e.summary.includes('leersessie'));
    expect(sessions).toHaveLength(2);
    for (const e of sessions) {
      expect(e.startDate.isDate).toBe(true);
      expect(e.duration.toSeconds()).toBe(24 * 3600);
      expect(e.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    }
  });

  it('uses the same UID for an event in its own file and in the overview, and different UIDs between events', () => {
    const overview = parse(files.get('welkome-wijk-agenda.ics')!.bytes).events.map((e) => e.uid);
    expect(new Set(overview).size).toBe(overview.length);
    for (const uid of overview) expect(uid).toMatch(/^[0-9a-f]{32}@welkome-wijk$/);
    for (const name of ['bijeenkomst-professionals.ics', 'bijeenkomst-vrijwilligers.ics', 'bijeenkomst-bewoners.ics', 'startbijeenkomst.ics']) {
      expect(overview).toContain(parse(files.get(name)!.bytes).events[0].uid);
    }
  });

  it('DTSTAMP is the context date in UTC', () => {
    const ctx = contextFor(project);
    const stamp = ctx.date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    for (const file of files.values()) {
      const text = decode(file.bytes);
      const stamps = text.match(/^DTSTAMP:.*$/gm)!;
      expect(stamps.length).toBeGreaterThan(0);
      for (const s of stamps) expect(s.trim()).toBe(`DTSTAMP:${stamp}`);
    }
  });

  it('gives the same bytes and UIDs when rendered twice', async () => {
    const again = await render(loadExample());
    for (const [name, file] of files) expect(Buffer.from(again.get(name)!.bytes).equals(Buffer.from(file.bytes)), name).toBe(true);
  });

  it('never names a person with lived experience who did not agree, nor anyone’s private contact details', () => {
    const secret = project.team.livedExperience.filter((p) => !p.public);
    expect(secret.length).toBeGreaterThan(0);
    for (const [name, file] of files) {
      const text = decode(file.bytes);
      const unfolded = text.replace(/\r\n /g, '');
      for (const person of secret) {
        expect(unfolded.toLowerCase(), `${name} names ${person.name}`).not.toContain(person.name.toLowerCase());
        if (person.email) expect(unfolded, name).not.toContain(person.email);
        if (person.phone) expect(unfolded, name).not.toContain(person.phone);
      }
      for (const person of project.team.livedExperience) if (person.email) expect(unfolded).not.toContain(person.email);
    }
  });

  it('names public people with lived experience only in the organisers’ overview', () => {
    const participants = decode(files.get('bijeenkomst-vrijwilligers.ics')!.bytes).replace(/\r\n /g, '');
    expect(participants).not.toContain('Marco');
    const overview = parse(files.get('welkome-wijk-agenda.ics')!.bytes).events;
    expect(overview.find((e) => e.summary.endsWith('vrijwilligers'))!.description).toContain('Lotte en Marco');
  });

  it('with an audience, makes only that meeting’s file', async () => {
    const only = await render(project, 'bewoners');
    expect([...only.keys()]).toEqual(['bijeenkomst-bewoners.ics']);
    expect(Buffer.from(only.get('bijeenkomst-bewoners.ics')!.bytes).equals(Buffer.from(files.get('bijeenkomst-bewoners.ics')!.bytes))).toBe(true);
  });
});

describe('summer time', () => {
  /** The example with its residents' meeting moved; the last Sunday of March 2026 is the 29th. */
  function withResidentsOn(date: string, start = '19:30', durationMinutes = 150): Project {
    const project = structuredClone(loadExample());
    const meeting = project.meetings.find((m) => m.audience === 'bewoners')!;
    Object.assign(meeting, { date, start, durationMinutes, meal: undefined });
    meeting.registration.deadline = undefined;
    return project;
  }

  it.each([
    ['2026-03-28', '2026-03-28T18:30:00.000Z', '2026-03-28T21:00:00.000Z'], // Saturday before the change: UTC+1
    ['2026-03-29', '2026-03-29T17:30:00.000Z', '2026-03-29T20:00:00.000Z'], // the evening of the change: UTC+2
    ['2026-03-31', '2026-03-31T17:30:00.000Z', '2026-03-31T20:00:00.000Z'], // Tuesday after: UTC+2
    ['2026-10-24', '2026-10-24T17:30:00.000Z', '2026-10-24T20:00:00.000Z'], // Saturday before winter time: UTC+2
    ['2026-10-27', '2026-10-27T18:30:00.000Z', '2026-10-27T21:00:00.000Z'], // Tuesday after: UTC+1
  ])('a meeting on %s at 19:30 local', async (date, startUtc, endUtc) => {
    const files = await render(withResidentsOn(date));
    const { events } = parse(files.get('bijeenkomst-bewoners.ics')!.bytes);
    const t = times(events[0]);
    expect(t.start).toBe(`${date}T19:30`);
    expect(t.end).toBe(`${date}T22:00`);
    expect(t.startUtc).toBe(startUtc);
    expect(t.endUtc).toBe(endUtc);
    const text = decode(files.get('bijeenkomst-bewoners.ics')!.bytes);
    expect(text).toContain(`DTSTART;TZID=Europe/Amsterdam:${date.replace(/-/g, '')}T193000\r\n`);
  });

  it('a meeting running past midnight ends on the next day', async () => {
    const files = await render(withResidentsOn('2026-03-31', '22:30', 120));
    const t = times(parse(files.get('bijeenkomst-bewoners.ics')!.bytes).events[0]);
    expect(t).toMatchObject({ start: '2026-03-31T22:30', end: '2026-04-01T00:30', endUtc: '2026-03-31T22:30:00.000Z' });
  });

  it('the file’s time zone agrees with the system tz database for every hour of 2026-2030', async () => {
    const { events } = parse((await render(withResidentsOn('2026-03-31'))).get('bijeenkomst-bewoners.ics')!.bytes);
    const zone = events[0].startDate.zone!;
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    const wallClock = (utc: Date) => {
      const p = Object.fromEntries(intl.formatToParts(utc).map((x) => [x.type, x.value]));
      return { year: +p.year, month: +p.month, day: +p.day, hour: +p.hour, minute: +p.minute };
    };
    const lastSunday = (year: number, month: number) => 31 - new Date(Date.UTC(year, month - 1, 31)).getUTCDay();
    // The direction a calendar reads these files: wall-clock time in the zone → instant. (ical.js's
    // own instant → wall-clock conversion is off by an hour just after a change, with any VTIMEZONE.)
    const instantOf = (w: ReturnType<typeof wallClock>) =>
      new ICAL.Time({ ...w, second: 0, isDate: false }, zone).toJSDate().toISOString();

    for (const year of [2026, 2027, 2028, 2029, 2030]) {
      const march = lastSunday(year, 3);
      const october = lastSunday(year, 10);
      expect(instantOf({ year, month: 3, day: march, hour: 1, minute: 30 })).toBe(new Date(Date.UTC(year, 2, march, 0, 30)).toISOString());
      expect(instantOf({ year, month: 3, day: march, hour: 3, minute: 30 })).toBe(new Date(Date.UTC(year, 2, march, 1, 30)).toISOString());
      expect(instantOf({ year, month: 10, day: october, hour: 1, minute: 30 })).toBe(new Date(Date.UTC(year, 9, october - 1, 23, 30)).toISOString());
      expect(instantOf({ year, month: 10, day: october, hour: 3, minute: 30 })).toBe(new Date(Date.UTC(year, 9, october, 2, 30)).toISOString());
    }
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2026, 0, 1) / 3_600_000, max: Date.UTC(2030, 11, 31) / 3_600_000 }), (hours) => {
        const utc = new Date(hours * 3_600_000);
        const w = wallClock(utc);
        // 02:00-03:00 on the last Sunday of October happens twice: a wall-clock time there is ambiguous.
        fc.pre(!(w.month === 10 && w.day === lastSunday(w.year, 10) && w.hour === 2));
        expect(instantOf(w)).toBe(utc.toISOString());
      }),
      { numRuns: 500 },
    );
  });
});

describe('every shipped example', () => {
  it.each(['beuningen.yaml', 'heumen-malden.yaml', 'hoorn-koggenland-en.yaml', 'nijmegen-heseveld.yaml'])('%s renders calendars that ical.js reads', async (name) => {
    const project = loadExample(name);
    const files = await render(project);
    expect(files.size).toBeGreaterThanOrEqual(project.meetings.length + 1);
    for (const [file, output] of files) {
      const text = decode(output.bytes);
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8'), `${file}: ${line}`).toBeLessThanOrEqual(75);
      const { events } = parse(output.bytes);
      expect(events.length, file).toBeGreaterThan(0);
      for (const e of events) {
        expect(e.summary).toContain(`Welkome Wijk ${project.area.name}`);
        if (!e.startDate.isDate) expect(e.startDate.zone?.tzid).toBe('Europe/Amsterdam');
        expect(e.endDate.compare(e.startDate)).toBeGreaterThanOrEqual(0);
      }
      const unfolded = text.replace(/\r\n /g, '');
      for (const person of project.team.livedExperience.filter((p) => !p.public)) expect(unfolded, file).not.toContain(person.name);
    }
  });
});

describe('UIDs', () => {
  it('stay the same across renders and differ between meetings, also between projects', async () => {
    const a = await render(loadExample());
    const b = await render(loadExample());
    const uid = (files: Map<string, FileOutput>, name: string) => parse(files.get(name)!.bytes).events[0].uid;
    expect(uid(a, 'bijeenkomst-bewoners.ics')).toBe(uid(b, 'bijeenkomst-bewoners.ics'));
    expect(uid(a, 'bijeenkomst-bewoners.ics')).not.toBe(uid(a, 'bijeenkomst-vrijwilligers.ics'));
    const other = loadExample();
    other.area.name = 'Hatert';
    expect(uid(await render(other), 'bijeenkomst-bewoners.ics')).not.toBe(uid(a, 'bijeenkomst-bewoners.ics'));
  });
});

describe('privacy beyond the example', () => {
  it('leaves out a kick-off role held by someone with lived experience who is not public', async () => {
    const project = loadExample();
    project.kickoff!.roles.host = 'Yusuf';
    const files = await render(project);
    for (const file of files.values()) expect(decode(file.bytes).replace(/\r\n /g, '')).not.toContain('Yusuf');
  });
});

describe('RFC 5545 text', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a character, and unfolds to the original', () => {
    const line = `DESCRIPTION:${'é'.repeat(40)}${'ë😀'.repeat(30)}`;
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
  });

  it('any line: every physical line ≤ 75 octets, valid UTF-8 on its own, unfolds to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const line = `X:${s.replace(/[\r\n]/g, '')}`;
        const folded = foldLine(line);
        for (const physical of folded.split('\r\n')) {
          const bytes = Buffer.from(physical, 'utf8');
          expect(bytes.length).toBeLessThanOrEqual(75);
          expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(physical);
        }
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
      { numRuns: 300 },
    );
  });

  it('wall-clock arithmetic rolls over days, months and years', () => {
    expect(localDateTime('2026-02-10', '19:30')).toBe('20260210T193000');
    expect(localDateTime('2026-02-10', '19:30', 150)).toBe('20260210T220000');
    expect(localDateTime('2026-12-31', '23:00', 90)).toBe('20270101T003000');
  });
});
