// The answers to init's questions, as one object in the shape of the project file itself: what the
// prompts collect, what `--answers FILE` reads and what a failed run saves to be tried again. What
// is left out is proposed (dates, times, deadlines, the leader and the pair, practice situations).
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { rankSituations, groupsFor, type FindingsInput } from '../../content/suggest-situations.js';
import { t, type Lang } from '../../messages.js';
import { checkSourceWith } from '../../project/load.js';
import { sameName } from '../../project/names.js';
import type { Problem } from '../../project/problems.js';
import { checkRules, isPlaceholder } from '../../project/rules.js';
import { AUDIENCES, clockTime, isoDate, kickoffSchema, meetingSchema, projectSchema, type Audience } from '../../project/schema.js';
import { KICKOFF_START, proposeDeadline, proposeKickoff, proposeMeeting, proposeStart } from './schedule.js';

/** A meeting as an answer: date, time, deadline, leader, pair and situations may be left to init. */
const meetingAnswer = meetingSchema.extend({
  date: isoDate.optional(),
  start: clockTime.optional(),
  leader: meetingSchema.shape.leader.optional(),
  livedExperience: meetingSchema.shape.livedExperience.optional(),
  situations: meetingSchema.shape.situations.unwrap().optional(),
});

/** The answers: the project file's shape, with what init can propose made optional. */
export const answersSchema = projectSchema.extend({
  language: projectSchema.shape.language.unwrap().optional(),
  kickoff: kickoffSchema.extend({ date: isoDate.optional(), start: clockTime.optional() }).optional(),
  meetings: z.array(meetingAnswer).min(1),
});

export type Answers = z.output<typeof answersSchema>;
/** Answers as written (or typed): plain data in the file's shape. */
export type RawAnswers = Record<string, unknown>;

export interface CompleteOptions {
  /** The language for the file when the answers do not say (the message language). */
  lang: Lang;
  /** Today as YYYY-MM-DD (WELKOME_WIJK_TODAY in tests). */
  today: string;
}

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {});

/** Minutes of a meal that comes before the programme (it moves the welcome earlier). */
export function mealBefore(meal: Answers['meetings'][number]['meal']): number {
  return meal?.when === 'before' ? meal.minutes : 0;
}

/** The pair for a meeting: the first two people with lived experience who do not avoid the area. */
export function defaultPair(answers: Pick<Answers, 'team' | 'area' | 'municipality'>): string[] {
  const avoids = (areas: string[]) => areas.some((a) => sameName(a, answers.area.name) || sameName(a, answers.municipality));
  return answers.team.livedExperience.filter((p) => !avoids(p.avoidAreas)).slice(0, 2).map((p) => p.name);
}

/** Everyone on the team by name, without init's placeholders ("Persoon A" is nobody's name). */
export function teamNames(answers: Pick<Answers, 'team' | 'organisers'>): string[] {
  return [
    ...answers.team.livedExperience.map((p) => p.name),
    ...answers.team.discussionLeaders.map((p) => p.name),
    answers.organisers.projectLeader.name,
    ...answers.organisers.projectGroup.map((p) => p.name),
  ].filter((n) => !isPlaceholder(n));
}

/** The situations init proposes for a meeting: one per small group, best fitting first. */
export function suggestedSituations(answers: Answers, audience: Audience, expectedParticipants: number, lang: Lang): (string | { id: string; why: string })[] {
  const ranked = rankSituations({
    lang,
    audience,
    count: groupsFor(expectedParticipants),
    findings: answers.kickoff?.findings as FindingsInput | undefined,
    hidden: answers.hideSituations,
    teamNames: teamNames(answers),
  });
  return ranked.filter((r) => r.suggested).map((r) => (r.why ? { id: r.situation.id, why: r.why } : r.situation.id));
}

/**
 * The project file's data: the answers as written, with every proposal filled in. The parsed answers
 * decide (a meal's minutes, the number of groups); the written ones are kept as they are, so the file
 * holds what the user said, in their words, and none of the schema's defaults spelled out.
 */
export function completeAnswers(raw: RawAnswers, answers: Answers, opts: CompleteOptions): Obj {
  const out = structuredClone(raw) as Obj;
  const language = answers.language ?? opts.lang;
  out.version ??= 1;
  out.language = language;
  let kickoffDate: string | undefined;
  if (answers.kickoff) {
    const kickoff = obj(out.kickoff);
    kickoff.date ??= proposeKickoff(opts.today);
    kickoff.start ??= KICKOFF_START;
    kickoffDate = kickoff.date as string;
  }
  const pair = defaultPair(answers);
  const leader = answers.team.discussionLeaders[0]?.name;
  let previous: string | undefined;
  const meetings = out.meetings as unknown[];
  answers.meetings.forEach((meeting, i) => {
    const m = obj(meetings[i]);
    m.date ??= proposeMeeting(opts.today, { kickoff: kickoffDate, previousMeeting: previous });
    m.start ??= proposeStart(meeting.audience, mealBefore(meeting.meal));
    const registration = obj(m.registration);
    registration.deadline ??= proposeDeadline(opts.today, m.date as string);
    if (leader !== undefined) m.leader ??= leader;
    m.livedExperience ??= pair;
    m.situations ??= suggestedSituations(answers, meeting.audience, meeting.expectedParticipants, language);
    previous = m.date as string;
  });
  return out;
}

/** What checking answers gives: the file's data when nothing stops it, and every problem located. */
export interface CheckedAnswers {
  source: string;
  project?: Obj;
  problems: Problem[];
}

/**
 * Check answers as text (YAML or JSON): their shape with the answers schema, then, with the
 * proposals filled in, every rule `validate` applies. A problem is located in the answers
 * themselves, at the same path (the answers have the file's shape); a problem in something init
 * proposed points at the nearest thing the user wrote.
 */
export function checkAnswers(text: string, answersFile: string, projectFile: string, opts: CompleteOptions): CheckedAnswers {
  let project: Obj | undefined;
  const result = checkSourceWith(text, answersFile, answersSchema, (answers) => {
    const raw = answersFromText(text);
    project = completeAnswers(raw, answers, opts);
    const parsed = projectSchema.safeParse(project);
    if (!parsed.success) {
      // Cannot happen when the answers passed their own schema; said plainly if it ever does.
      return parsed.error.issues.map((issue) => ({ severity: 'error' as const, path: issue.path as (string | number)[], key: 'invalid' as const, params: { field: issue.path.join('.'), got: issue.message } }));
    }
    return checkRules(parsed.data, projectFile);
  });
  const hasErrors = result.problems.some((p) => p.severity === 'error');
  return { source: result.source, project: hasErrors ? undefined : project, problems: result.problems };
}

/**
 * The answers as written, without zod's defaults. Called only once the check has parsed the same
 * text without errors, with the same options, so this cannot fail.
 */
export function answersFromText(text: string): RawAnswers {
  return obj(parseDocument(text.replace(/^\ufeff/, ''), { uniqueKeys: false }).toJS({ maxAliasCount: 100 }));
}

/** The answers `--yes` gives: proposals where init has them, recognisable placeholders elsewhere. */
export function placeholderAnswers(lang: Lang): RawAnswers {
  const fill = t(lang, 'init_placeholder');
  const place = { name: fill, address: fill };
  return {
    language: lang,
    municipality: fill,
    area: { name: fill, kind: 'wijk' },
    organisers: { projectLeader: { name: fill, organisation: fill } },
    kickoff: { mode: 'in-person', venue: place },
    team: {
      discussionLeaders: [{ name: fill }],
      livedExperience: [
        { name: t(lang, 'init_person_a'), public: false },
        { name: t(lang, 'init_person_b'), public: false },
      ],
    },
    meetings: AUDIENCES.map((audience) => ({ audience, venue: place, registration: { phone: PLACEHOLDER_PHONE } })),
  };
}

/** A phone number nobody has, which the `placeholders` rule recognises. */
export const PLACEHOLDER_PHONE = '000 000 00 00';
