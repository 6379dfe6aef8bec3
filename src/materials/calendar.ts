// Calendar events for the kick-off, each meeting and the organisers' overview (written as .ics by writers/ics.ts).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { loadLabels } from '../content/labels.js';
import { loadContentFile } from '../content/library.js';
import { eventSortKey, type CalendarEvent } from '../document/calendar.js';
import { InternalError } from '../errors.js';
import { localeOf } from '../languages.js';
import { shown, shownName, type ResolvedEvent, type ResolvedMeeting } from '../resolve/index.js';
import type { MaterialContext, MaterialOptions, Output } from './context.js';
import { mealSentence } from './shared.js';
import { wording } from './text.js';

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
    training: text,
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

/** Fills `{name}` placeholders; an unknown one means calendar.yaml and this code disagree. */
function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (!Object.hasOwn(values, key)) throw new InternalError(`Unknown placeholder {${key}} in "${pattern}" (calendar.yaml).`);
    return values[key];
  });
}

// ---------------------------------------------------------------------------------------------
// Events

/**
 * A UID that stays the same when the file is rendered again, so re-importing updates rather than
 * duplicates. Date and start time are part of it on purpose: DTSTAMP does not change when a
 * meeting moves, so a calendar could ignore a moved event with an unchanged UID; a new UID makes
 * the moved meeting show up (next to the old one, which is visible and easy to delete).
 */
function stableUid(ctx: MaterialContext, ...parts: string[]): string {
  const key = [ctx.municipality, ctx.area.name, ...parts].map((s) => s.trim().toLocaleLowerCase('nl')).join('\u001f');
  return `${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32)}@welkome-wijk`;
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

/** Where organisers and participants can ask questions: the project leader, as far as may be shown. */
function contactLine(ctx: MaterialContext, words: CalendarTexts): string | undefined {
  const c = shown(ctx.projectLeader, 'public');
  const who = [c.name, c.organisation].filter(Boolean).join(', ');
  const contact = [who, c.email, c.phone].filter(Boolean).join(' - ');
  return contact ? fill(words.description.contact, { contact }) : undefined;
}

/**
 * The calendar files are public: the organisers' overview is forwarded too, so it names only the
 * people who may be named in public.
 */
function meetingEvent(ctx: MaterialContext, meeting: ResolvedMeeting, words: CalendarTexts, forOrganisers: boolean): CalendarEvent {
  const w = wording(ctx.lang);
  const labels = loadLabels(ctx.lang);
  const d = words.description;
  const r = meeting.registration;
  const leader = shown(meeting.leader, 'public');
  const leaderText = leader.name ? [leader.name, leader.organisation].filter(Boolean).join(', ') : undefined;

  const registration = [
    d.register,
    r.email ? fill(d.email, { email: r.email }) : undefined,
    r.phone ? fill(d.phone, { phone: r.phone }) : undefined,
    r.url ? fill(d.website, { url: r.url }) : undefined,
    r.deadline ? fill(d.deadline, { date: w.date(r.deadline) }) : undefined,
  ].filter((l): l is string => !!l);

  let team: string[] | undefined;
  if (forOrganisers) {
    const named = meeting.pair.map((p) => shownName(p, 'public')).filter((n): n is string => !!n);
    team = [
      fill(words.organisers.arrive, { time: w.time(meeting.arrive) }),
      fill(words.organisers.debrief, { time: w.time(meeting.debrief.end) }),
      fill(words.organisers.expected, { count: String(meeting.expectedParticipants) }),
      named.length ? fill(words.organisers.pair, { names: w.list(named) }) : '',
    ];
  }

  return {
    uid: stableUid(ctx, 'meeting', meeting.audience, meeting.date, meeting.start),
    // From welcome to goodbye: a meal before or after the programme is part of the evening.
    when: { kind: 'timed', date: meeting.date, start: meeting.start, minutes: meeting.minutes },
    summary: fill(words.summary.meeting, { area: ctx.area.name, audience: words.audiences[meeting.audience] }),
    location: venueLocation(meeting.venue),
    url: r.url,
    description: paragraphs(
      d.meeting,
      [mealSentence(meeting, labels, w) ?? '', meeting.venue.accessibility ? fill(d.accessibility, { text: meeting.venue.accessibility }) : ''],
      leaderText ? fill(d.leader, { name: leaderText }) : undefined,
      registration,
      team,
    ),
  };
}

function kickoffEvent(ctx: MaterialContext, words: CalendarTexts, forOrganisers: boolean): CalendarEvent | undefined {
  const kickoff = ctx.kickoff;
  if (!kickoff) return undefined;
  const w = wording(ctx.lang);
  const { schedule } = kickoff;
  const minutes = schedule.parts.reduce((sum, p) => sum + p.minutes, 0);
  const online = kickoff.mode === 'online';
  const location = online ? kickoff.link : kickoff.venue ? venueLocation(kickoff.venue) : kickoff.link;

  let team: string[] | undefined;
  if (forOrganisers) {
    const roles = kickoff.roles.map(({ role, person }) => {
      const name = shownName(person, 'public');
      return name ? `${role.label}: ${name}` : '';
    });
    team = [fill(words.organisers.preMeeting, { time: w.time(schedule.preMeeting.start) }), fill(words.organisers.debrief, { time: w.time(schedule.debrief.end) }), ...roles];
  }

  return {
    uid: stableUid(ctx, 'kickoff', kickoff.date, schedule.start),
    when: { kind: 'timed', date: kickoff.date, start: schedule.start, minutes },
    summary: fill(words.summary.kickoff, { area: ctx.area.name }),
    location,
    url: kickoff.link,
    description: paragraphs(
      words.description.kickoff,
      [
        kickoff.link ? fill(words.description.online, { link: kickoff.link }) : '',
        !online && kickoff.venue?.accessibility ? fill(words.description.accessibility, { text: kickoff.venue.accessibility }) : '',
      ],
      contactLine(ctx, words),
      team,
    ),
  };
}

/** When a project event happens: its hours when the file gives them, else the whole day. */
function eventTime(event: ResolvedEvent): CalendarEvent['when'] {
  if (event.start && event.end) return { kind: 'timed', date: event.date, start: event.start, minutes: minutesBetween(event.start, event.end) };
  return { kind: 'allDay', date: event.date };
}

function minutesBetween(start: string, end: string): number {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return (m(end) - m(start) + 24 * 60) % (24 * 60);
}

/** The project's own dates: training (step 2), learning sessions and the final evaluation (step 5). */
function projectEvents(ctx: MaterialContext, words: CalendarTexts): CalendarEvent[] {
  const area = ctx.area.name;
  const labels = loadLabels(ctx.lang);
  const place = (e: ResolvedEvent) => (e.venue ? venueLocation(e.venue) : e.link);
  // Keyed by kind and date (and a count for events of one kind on one date), not by position, so
  // adding a session earlier in the list does not change the UIDs of the others.
  const onDate = new Map<string, number>();
  const uid = (kind: string, date: string) => {
    const nth = (onDate.get(`${kind}/${date}`) ?? 0) + 1;
    onDate.set(`${kind}/${date}`, nth);
    return stableUid(ctx, kind, date, String(nth));
  };
  const events: CalendarEvent[] = [
    ...ctx.training.map((t) => ({
      uid: uid(`training-${t.kind}`, t.date),
      when: eventTime(t),
      summary: fill(words.summary.titled, { area, title: t.title ?? labels.training[t.kind] }),
      location: place(t),
      url: t.link,
      description: words.description.training,
    })),
    ...ctx.learningSessions.map((session) => ({
      uid: uid('learning-session', session.date),
      when: eventTime(session),
      summary: session.title ? fill(words.summary.titled, { area, title: session.title }) : fill(words.summary.learningSession, { area }),
      location: place(session),
      url: session.link,
      description: words.description.learningSession,
    })),
  ];
  const final = ctx.finalEvaluation;
  if (final) {
    events.push({
      uid: stableUid(ctx, 'final-evaluation', final.date),
      when: eventTime(final),
      summary: final.title ? fill(words.summary.titled, { area, title: final.title }) : fill(words.summary.finalEvaluation, { area }),
      location: place(final),
      url: final.link,
      description: words.description.finalEvaluation,
    });
  }
  return events;
}

/**
 * One calendar per meeting (for participants), one for the kick-off, and the organisers' overview with
 * all of them plus the learning sessions and final evaluation as all-day events. With an audience
 * only that meeting's file is made: the kick-off and the overview are not per audience.
 */
export async function renderCalendars(ctx: MaterialContext, opts: MaterialOptions): Promise<Output[]> {
  const words = loadContentFile(ctx.lang, 'calendar.yaml', calendarTextsSchema);
  const contact = shown(ctx.projectLeader, 'public');
  const frame = {
    language: localeOf(ctx.lang),
    date: ctx.date,
    // METHOD:PUBLISH expects an organiser; the project leader is the public contact anyway.
    organiser: contact.email ? { name: contact.name, email: contact.email } : undefined,
  };
  const calendar = (name: string, events: CalendarEvent[], title?: string): Output => ({
    kind: 'calendar',
    name,
    visibility: 'public',
    calendar: { ...frame, name: title, events },
  });
  const outputs: Output[] = [];
  for (const meeting of ctx.meetings) {
    if (opts.audience && meeting.audience !== opts.audience) continue;
    outputs.push(calendar(`bijeenkomst-${meeting.fileSuffix}`, [meetingEvent(ctx, meeting, words, false)]));
  }
  if (opts.audience) return outputs;

  const kickoff = kickoffEvent(ctx, words, false);
  if (kickoff) outputs.push(calendar('startbijeenkomst', [kickoff]));

  const organisersKickoff = kickoffEvent(ctx, words, true);
  const all: CalendarEvent[] = [
    ...(organisersKickoff ? [organisersKickoff] : []),
    ...ctx.meetings.map((m) => meetingEvent(ctx, m, words, true)),
    ...projectEvents(ctx, words),
  ];
  // Date order reads best in a list view; the sort is stable, so equal keys keep the file's order.
  all.sort((a, b) => {
    const [ka, kb] = [eventSortKey(a.when), eventSortKey(b.when)];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  if (all.length > 0) outputs.push(calendar('welkome-wijk-agenda', all, fill(words.calendarName, { area: ctx.area.name })));
  return outputs;
}
