// Typed loaders for the default programmes: content/<lang>/meeting.yaml and content/<lang>/kickoff.yaml.
import { z } from 'zod';
import { InternalError } from '../errors.js';
import { loadContentFile, type Lang } from './library.js';

// Same text rules as the rest of the shipped content: a typo that leaves a field empty or padded
// is caught when the file is loaded, not when a PDF looks odd.
const text = z
  .string()
  .refine((s) => s.trim().length > 0, 'must not be empty')
  .refine((s) => s.trim() === s, 'must not start or end with white space');
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug like "kennismaking"');
const minutes = z.int().min(0).max(240);
const kind = z.enum(['part', 'break']);
const audienceTexts = z.strictObject({ professionals: text, vrijwilligers: text, bewoners: text });

/** Who does something in an awareness meeting. */
export const MEETING_ROLES = ['leader', 'experts'] as const;
/** Who does something at the kick-off (the role ids in kickoff.yaml). */
export const KICKOFF_ROLES = ['chair', 'host', 'chatWatcher', 'roomHost', 'projectLeader'] as const;

const titled = z.strictObject({ title: text, what: text });
const timed = z.strictObject({ minutes, title: text, what: text });

function uniqueIds(items: readonly { id: string }[], ctx: z.RefinementCtx, key: string): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', message: `duplicate id "${item.id}"`, path: [key, index, 'id'] });
    seen.add(item.id);
  });
}

const meetingPartSchema = z.strictObject({
  id: slug,
  title: text,
  minutes,
  /** The shortest the part may be set or scaled to and still do its job; 0: it may be left out. */
  minMinutes: minutes,
  kind,
  who: z.array(z.enum(MEETING_ROLES)).min(1),
  what: text,
  questions: z.array(text),
  leaderNotes: z.array(text),
});

export const meetingProgrammeSchema = z
  .strictObject({
    arriveMinutesBefore: minutes,
    briefing: titled,
    parts: z.array(meetingPartSchema).min(1),
    /** The meal, when the file has one: placed before, after or instead of the break. */
    meal: meetingPartSchema.omit({ minutes: true, minMinutes: true, kind: true }),
    plenary: titled,
    debrief: timed,
    themes: z.array(z.strictObject({ id: slug, label: text, description: text })).min(1),
    figures: z.array(z.strictObject({ id: slug, headline: text, fact: text, source: text })).min(1),
    isNot: z.array(text).min(1),
    groupSize: z.strictObject({ min: z.int().min(1), max: z.int().min(1) }),
  })
  .superRefine((file, ctx) => {
    uniqueIds(file.parts, ctx, 'parts');
    if (file.groupSize.min > file.groupSize.max) ctx.addIssue({ code: 'custom', message: 'min is larger than max', path: ['groupSize'] });
  });

const kickoffPartSchema = z.strictObject({
  id: slug,
  title: text,
  minutes,
  kind,
  who: z.array(z.enum(KICKOFF_ROLES)).min(1),
  what: text,
  questions: z.array(text),
  method: z.strictObject({ online: text, 'in-person': text }),
});

export const kickoffProgrammeSchema = z
  .strictObject({
    title: text,
    roles: z
      .array(
        z.strictObject({
          id: z.enum(KICKOFF_ROLES),
          label: text,
          description: text,
          modes: z.array(z.enum(['online', 'in-person'])).min(1),
        }),
      )
      .min(1),
    preMeeting: timed,
    parts: z.array(kickoffPartSchema).min(1),
    debrief: timed,
    groundRules: z.array(text).min(1),
    timeline: z.strictObject({
      title: text,
      instruction: text,
      moments: z.array(z.strictObject({ id: z.enum(['rightAfter', 'afterOneYear']), label: text })).length(2),
      audiences: audienceTexts,
    }),
  })
  .superRefine((file, ctx) => {
    uniqueIds(file.parts, ctx, 'parts');
    uniqueIds(file.roles, ctx, 'roles');
  });

export type MeetingProgramme = z.output<typeof meetingProgrammeSchema>;
/** A part of the meeting's programme, or the meal (kind 'meal', which the file places). */
export type MeetingPart = Omit<MeetingProgramme['parts'][number], 'kind'> & { kind: 'part' | 'break' | 'meal' };
export type KickoffProgramme = z.output<typeof kickoffProgrammeSchema>;
export type KickoffPart = KickoffProgramme['parts'][number];
export type KickoffRole = KickoffProgramme['roles'][number];

/** The parts of an awareness meeting have default minutes that add up to this (2.5 hours, the handbook's length). */
export const MEETING_DEFAULT_MINUTES = 150;

/** The awareness meeting's programme; the schedule arithmetic relies on the parts adding up to 150 minutes. */
export function loadMeetingProgramme(lang: Lang): MeetingProgramme {
  const programme = loadContentFile(lang, 'meeting.yaml', meetingProgrammeSchema);
  const sum = programme.parts.reduce((total, part) => total + part.minutes, 0);
  if (sum !== MEETING_DEFAULT_MINUTES) {
    throw new InternalError(`The shipped file content/${lang}/meeting.yaml is broken:\n  at parts: the minutes add up to ${sum}, not ${MEETING_DEFAULT_MINUTES}`);
  }
  return programme;
}

/** The kick-off's programme: roles, pre-meeting, parts with their default minutes, debrief, ground rules, timeline exercise. */
export function loadKickoffProgramme(lang: Lang): KickoffProgramme {
  return loadContentFile(lang, 'kickoff.yaml', kickoffProgrammeSchema);
}
