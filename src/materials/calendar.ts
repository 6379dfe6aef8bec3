// Calendar files (.ics, RFC 5545) for the kick-off, each meeting and the organisers' overview, written by hand.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { loadContentFile } from '../content/library.js';
import { loadKickoffProgramme, loadMeetingProgramme } from '../content/programme.js';
import { InternalError } from '../errors.js';
import type { Audience, Meeting, Project } from '../project/schema.js';
import { nameKey } from '../project/names.js';
import { formatDate, formatList, formatTime } from '../templating/helpers.js';
import { leaderOf, pairOf, publicName, type Lang, type MaterialContext, type MaterialOptions, type Output } from './context.js';
import { addMinutes, kickoffMinutes, kickoffTimes, meetingEnd, toMinutes } from './timing.js';

// ---------------------------------------------------------------------------------------------
// Words (content/<lang>/calendar.yaml)

const text = z.string().trim().min(1);
const calendarTextsSchema = z.strictObject({
  calendarName: text,
  summary: z.strictObject({ meeting: text, kickoff: text, learningSession: text, finalEvaluation: text, titled: text }),
  audiences: z.strictObject({ professionals: text, vrijwilligers: text, bewoners: text }),
  description: z.strictObject({
    meeting: text,
    kickoff: text,
    learningSession: text,
    finalEvaluation: text,
    meal: text,
    accessibility: text,
    online: text,
    register: text,
    email: text,
    phone: text,
    website: text,
    deadline: text,
    leader: text,
    contact: text,
  }),
  organisers: z.strictObject({ arrive: text, debrief: text, preMeeting: text, expected: text, pair: text }),
});
type CalendarTexts = z.output<typeof calendarTextsSchema>;

function loadCalendarTexts(lang: Lang): CalendarTexts {
  return loadContentFile(lang, 'calendar.yaml', calendarTextsSchema);
}

/** Fills `{name}` placeholders; an unknown one means calendar.yaml and this code disagree. */
function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (!Object.hasOwn(values, key)) throw new InternalError(`Unknown placeholder {${key}} in "${pattern}" (calendar.yaml).`);
    return values[key];
  });
}

// ---------------------------------------------------------------------------------------------
// RFC 5545 writing

/** TEXT values: backslash, semicolon, comma and newlines are escaped (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // Other control characters are not allowed in TEXT at all; a tab is.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** A parameter value, always quoted; RFC 6868 caret escapes for what a quoted value cannot hold. */
function paramValue(value: string): string {
  return `"${value.replace(/\^/g, '^^').replace(/"/g, "^'").replace(/\r\n|\r|\n/g, '^n')}"`;
}

const FOLD_AT = 75;

/**
 * Folds a content line at 75 octets (RFC 5545 3.1): continuation lines start with one space,
 * which counts towards their 75. Splits only between code points, so a multi-byte UTF-8
 * character (é, ë, an emoji) is never cut in half.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= FOLD_AT) return line;
  const chunks: string[] = [];
  let current = '';
  let size = 0;
  let limit = FOLD_AT;
  for (const char of line) {
    const bytes = Buffer.byteLength(char, 'utf8');
    if (size + bytes > limit) {
      chunks.push(current);
      current = '';
      size = 0;
      limit = FOLD_AT - 1;
    }
    current += char;
    size += bytes;
  }
  chunks.push(current);
  return chunks.join('\r\n ');
}

type Params = Record<string, string>;

class IcsWriter {
  private readonly lines: string[] = [];

  raw(line: string): this {
    this.lines.push(line);
    return this;
  }

  /** A property; `value` is written as is (dates, URIs, numbers). */
  prop(name: string, value: string, params: Params = {}): this {
    const p = Object.entries(params)
      .map(([k, v]) => `;${k}=${v}`)
      .join('');
    return this.raw(`${name}${p}:${value}`);
  }

  /** A TEXT property, escaped. */
  text(name: string, value: string, params: Params = {}): this {
    return this.prop(name, escapeText(value), params);
  }

  toBytes(): Uint8Array {
    return new TextEncoder().encode(this.lines.map(foldLine).join('\r\n') + '\r\n');
  }
}

export const TZID = 'Europe/Amsterdam';

/**
 * The Netherlands' time zone with the EU rules in force since 1996 (summer time from the last
 * Sunday of March at 02:00 to the last Sunday of October at 03:00). Written out rather than
 * taken from a tz database so the bytes never change with the machine; every event in these
 * files is after 1996, so the older rules are not needed.
 */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  `X-LIC-LOCATION:${TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19810329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** "2026-02-10" + "19:30" + n minutes → "20260210T193000" (wall-clock arithmetic; the TZID says where). */
export function localDateTime(date: string, time: string, plusMinutes = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  // Date.UTC is used as a plain calendar calculator here (no time zone involved), so that an
  // event running past midnight ends on the next day.
  const at = new Date(Date.UTC(y, m - 1, d, 0, toMinutes(time) + plusMinutes));
  return `${basicDate(at)}T${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}00`;
}

function basicDate(at: Date): string {
  return `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`;
}

/** "2026-04-14" → "20260414", and the day after for an all-day event's exclusive DTEND. */
function dateValue(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  return basicDate(new Date(Date.UTC(y, m - 1, d + plusDays)));
}

/** DTSTAMP in UTC from the context's fixed date, so the same project gives the same bytes. */
function utcStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// ---------------------------------------------------------------------------------------------
// Events

interface CalendarEvent {
  uid: string;
  /** For sorting the organisers' overview: "YYYYMMDD" or "YYYYMMDDTHHMMSS". */
  sortKey: string;
  when: { kind: 'timed'; start: string; end: string } | { kind: 'allDay'; date: string };
  summary: string;
  location?: string;
  url?: string;
  description: string;
}

/**
 * A UID that stays the same when the file is rendered again, so re-importing updates rather than
 * duplicates. Date and start time are part of it on purpose: DTSTAMP does not change when a
 * meeting moves, so a calendar could ignore a moved event with an unchanged UID; a new UID makes
 * the moved meeting show up (next to the old one, which is visible and easy to delete).
 */
function stableUid(project: Project, ...parts: string[]): string {
  const key = [project.municipality, project.area.name, ...parts].map((s) => s.trim().toLocaleLowerCase('nl')).join('\u001f');
  return `${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32)}@welkome-wijk`;
}

/** Names that must never appear: people with lived experience who did not say yes. */
function privateNames(project: Project): Set<string> {
  return new Set(project.team.livedExperience.filter((p) => !p.public).map((p) => nameKey(p.name)));
}

/** A person's name unless it belongs to someone with lived experience who did not agree to be named. */
function shownName(project: Project, name: string | undefined): string | undefined {
  if (!name) return undefined;
  return privateNames(project).has(nameKey(name)) ? undefined : name;
}

function paragraphs(...blocks: (string | string[] | undefined)[]): string {
  return blocks
    .map((b) => (Array.isArray(b) ? b.filter(Boolean).join('\n') : b))
    .filter((b): b is string => !!b)
    .join('\n\n');
}

function venueLocation(venue: { name: string; address: string }): string {
  return `${venue.name}, ${venue.address}`;
}

/** Where organisers and participants can ask questions: the project leader. */
function contactLine(project: Project, words: CalendarTexts): string {
  const leader = project.organisers.projectLeader;
  const who = [leader.name, leader.organisation].filter(Boolean).join(', ');
  return fill(words.description.contact, { contact: [who, leader.email, leader.phone].filter(Boolean).join(' - ') });
}

function meetingEvent(ctx: MaterialContext, meeting: Meeting, words: CalendarTexts, forOrganisers: boolean): CalendarEvent {
  const { project, lang } = ctx;
  const d = words.description;
  const r = meeting.registration;
  const leader = leaderOf(project, meeting);
  const leaderName = shownName(project, leader?.name ?? meeting.leader);
  const leaderText = leaderName ? [leaderName, leader?.organisation].filter(Boolean).join(', ') : undefined;

  const registration = [
    d.register,
    r.email ? fill(d.email, { email: r.email }) : undefined,
    r.phone ? fill(d.phone, { phone: r.phone }) : undefined,
    r.url ? fill(d.website, { url: r.url }) : undefined,
    r.deadline ? fill(d.deadline, { date: formatDate(r.deadline, lang) }) : undefined,
  ].filter((l): l is string => !!l);

  let team: string[] | undefined;
  if (forOrganisers) {
    const programme = loadMeetingProgramme(lang);
    const end = meetingEnd(meeting);
    // Privacy: the organisers' file is shared as well, so only people who agreed are named.
    const named = pairOf(project, meeting.livedExperience)
      .map(publicName)
      .filter((n): n is string => !!n);
    team = [
      fill(words.organisers.arrive, { time: formatTime(addMinutes(meeting.start, -programme.arriveMinutesBefore), lang) }),
      fill(words.organisers.debrief, { time: formatTime(addMinutes(end, programme.debrief.minutes), lang) }),
      fill(words.organisers.expected, { count: String(meeting.expectedParticipants) }),
      named.length ? fill(words.organisers.pair, { names: formatList(named, lang) }) : '',
    ];
  }

  return {
    uid: stableUid(project, 'meeting', meeting.audience, meeting.date, meeting.start),
    sortKey: localDateTime(meeting.date, meeting.start),
    when: { kind: 'timed', start: localDateTime(meeting.date, meeting.start), end: localDateTime(meeting.date, meeting.start, meeting.durationMinutes) },
    summary: fill(words.summary.meeting, { area: project.area.name, audience: words.audiences[meeting.audience] }),
    location: venueLocation(meeting.venue),
    url: r.url,
    description: paragraphs(
      d.meeting,
      [meeting.meal ? d.meal : '', meeting.venue.accessibility ? fill(d.accessibility, { text: meeting.venue.accessibility }) : ''],
      leaderText ? fill(d.leader, { name: leaderText }) : undefined,
      registration,
      team,
    ),
  };
}

function kickoffEvent(ctx: MaterialContext, words: CalendarTexts, forOrganisers: boolean): CalendarEvent | undefined {
  const { project, lang } = ctx;
  const kickoff = project.kickoff;
  if (!kickoff) return undefined;
  const programme = loadKickoffProgramme(lang);
  const schedule = kickoffTimes(kickoff, programme);
  const minutes = kickoffMinutes(schedule);
  const online = kickoff.mode === 'online';
  const location = online ? kickoff.link : kickoff.venue ? venueLocation(kickoff.venue) : kickoff.link;

  let team: string[] | undefined;
  if (forOrganisers) {
    const roles = programme.roles
      .filter((role) => role.modes.includes(kickoff.mode))
      .map((role) => {
        const holder = role.id === 'projectLeader' ? project.organisers.projectLeader.name : kickoff.roles[role.id];
        const name = shownName(project, holder);
        return name ? `${role.label}: ${name}` : '';
      });
    team = [
      fill(words.organisers.preMeeting, { time: formatTime(schedule.preMeeting.start, lang) }),
      fill(words.organisers.debrief, { time: formatTime(schedule.debrief.end, lang) }),
      ...roles,
    ];
  }

  return {
    uid: stableUid(project, 'kickoff', kickoff.date, kickoff.start),
    sortKey: localDateTime(kickoff.date, kickoff.start),
    when: { kind: 'timed', start: localDateTime(kickoff.date, schedule.start), end: localDateTime(kickoff.date, schedule.start, minutes) },
    summary: fill(words.summary.kickoff, { area: project.area.name }),
    location,
    url: kickoff.link,
    description: paragraphs(
      words.description.kickoff,
      [
        kickoff.link ? fill(words.description.online, { link: kickoff.link }) : '',
        !online && kickoff.venue?.accessibility ? fill(words.description.accessibility, { text: kickoff.venue.accessibility }) : '',
      ],
      contactLine(project, words),
      team,
    ),
  };
}

function allDayEvents(ctx: MaterialContext, words: CalendarTexts): CalendarEvent[] {
  const { project } = ctx;
  const area = project.area.name;
  // Keyed by date (and a count for sessions on the same date), not by position, so adding a session
  // earlier in the list does not change the UIDs of the others.
  const onDate = new Map<string, number>();
  const events: CalendarEvent[] = project.learningSessions.map((session) => {
    const nth = (onDate.get(session.date) ?? 0) + 1;
    onDate.set(session.date, nth);
    return {
      uid: stableUid(project, 'learning-session', session.date, String(nth)),
      sortKey: dateValue(session.date),
      when: { kind: 'allDay', date: session.date },
      summary: session.title ? fill(words.summary.titled, { area, title: session.title }) : fill(words.summary.learningSession, { area }),
      description: words.description.learningSession,
    };
  });
  const final = project.finalEvaluation;
  if (final) {
    events.push({
      uid: stableUid(project, 'final-evaluation', final.date),
      sortKey: dateValue(final.date),
      when: { kind: 'allDay', date: final.date },
      summary: final.title ? fill(words.summary.titled, { area, title: final.title }) : fill(words.summary.finalEvaluation, { area }),
      description: words.description.finalEvaluation,
    });
  }
  return events;
}

function writeCalendar(ctx: MaterialContext, events: CalendarEvent[], name?: string): Uint8Array {
  const { project } = ctx;
  const ics = new IcsWriter()
    .raw('BEGIN:VCALENDAR')
    .prop('VERSION', '2.0')
    // No version number in PRODID: an upgrade alone should not change the bytes of every file.
    .prop('PRODID', `-//welkome-wijk//Welkome Wijk materials//${ctx.lang.toUpperCase()}`)
    .prop('CALSCALE', 'GREGORIAN')
    .prop('METHOD', 'PUBLISH');
  if (name) ics.text('X-WR-CALNAME', name);
  for (const line of VTIMEZONE) ics.raw(line);

  const stamp = utcStamp(ctx.date);
  const leader = project.organisers.projectLeader;
  for (const event of events) {
    ics.raw('BEGIN:VEVENT').prop('UID', event.uid).prop('DTSTAMP', stamp);
    if (event.when.kind === 'timed') {
      ics.prop('DTSTART', event.when.start, { TZID }).prop('DTEND', event.when.end, { TZID });
    } else {
      // All day: the end date is exclusive. Transparent, because the hours are not known and the
      // whole day should not show as busy.
      ics.prop('DTSTART', dateValue(event.when.date), { VALUE: 'DATE' }).prop('DTEND', dateValue(event.when.date, 1), { VALUE: 'DATE' }).prop('TRANSP', 'TRANSPARENT');
    }
    ics.text('SUMMARY', event.summary);
    if (event.location) ics.text('LOCATION', event.location);
    if (event.url) ics.prop('URL', event.url);
    ics.text('DESCRIPTION', event.description);
    // METHOD:PUBLISH expects an organiser; the project leader is the public contact anyway.
    if (leader.email) ics.prop('ORGANIZER', `mailto:${leader.email}`, { CN: paramValue(leader.name) });
    ics.prop('SEQUENCE', '0').prop('STATUS', 'CONFIRMED').raw('END:VEVENT');
  }
  ics.raw('END:VCALENDAR');
  return ics.toBytes();
}

// ---------------------------------------------------------------------------------------------
// The material

/** File names: one per meeting by audience; a date is added only if an audience repeats (the rules forbid it, but never overwrite). */
function meetingFileNames(meetings: Meeting[]): string[] {
  const count = new Map<Audience, number>();
  for (const m of meetings) count.set(m.audience, (count.get(m.audience) ?? 0) + 1);
  return meetings.map((m) => ((count.get(m.audience) ?? 0) > 1 ? `bijeenkomst-${m.audience}-${m.date}.ics` : `bijeenkomst-${m.audience}.ics`));
}

/**
 * One .ics per meeting (for participants), one for the kick-off, and the organisers' overview with
 * all of them plus the learning sessions and final evaluation as all-day events. With an audience
 * only that meeting's file is made: the kick-off and the overview are not per audience.
 */
export async function renderCalendars(ctx: MaterialContext, opts: MaterialOptions): Promise<Output[]> {
  const { project } = ctx;
  const words = loadCalendarTexts(ctx.lang);
  const names = meetingFileNames(project.meetings);
  const outputs: Output[] = [];

  project.meetings.forEach((meeting, i) => {
    if (opts.audience && meeting.audience !== opts.audience) return;
    outputs.push({ kind: 'file', name: names[i], bytes: writeCalendar(ctx, [meetingEvent(ctx, meeting, words, false)]) });
  });
  if (opts.audience) return outputs;

  const kickoff = kickoffEvent(ctx, words, false);
  if (kickoff) outputs.push({ kind: 'file', name: 'startbijeenkomst.ics', bytes: writeCalendar(ctx, [kickoff]) });

  const organisersKickoff = kickoffEvent(ctx, words, true);
  const all: CalendarEvent[] = [
    ...(organisersKickoff ? [organisersKickoff] : []),
    ...project.meetings.map((m) => meetingEvent(ctx, m, words, true)),
    ...allDayEvents(ctx, words),
  ];
  // Date order reads best in a list view; the sort is stable, so equal keys keep the file's order.
  all.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  if (all.length > 0) {
    outputs.push({
      kind: 'file',
      name: 'welkome-wijk-agenda.ics',
      bytes: writeCalendar(ctx, all, fill(words.calendarName, { area: project.area.name })),
    });
  }
  return outputs;
}
