// Schedule arithmetic for meetings and the kick-off: parts set and scaled in five-minute steps, the
// meal placed, clock times, small groups. Pure, no I/O: the rules check with it, the resolve stage plans with it.
import { InternalError } from '../errors.js';
import type { Kickoff } from '../project/schema.js';

/** A programme part as far as timing is concerned; callers may pass richer objects (titles, notes) and get them back. */
export interface PartMinutes {
  id: string;
  minutes: number;
  kind: 'part' | 'break' | 'meal';
  /** The shortest this part may become and still do its job (0: it may be left out). */
  minMinutes?: number;
}

/** A part placed on the clock. `start`/`end` are HH:MM on a 24-hour clock (wrapping past midnight). */
export type TimedPart<P extends PartMinutes = PartMinutes> = P & { start: string; end: string };

const DAY = 24 * 60;

/** The shortest and longest break after scaling: shorter is no real break, longer eats the programme. */
export const BREAK_MIN = 5;
export const BREAK_MAX = 20;

/** Meetings are planned in steps of five minutes: nobody schedules 17:54. */
export const STEP = 5;

// ---------------------------------------------------------------------------------------------
// Clock

/** Minutes after midnight of "HH:MM" (also "H:MM"). */
export function toMinutes(hhmm: string): number {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new InternalError(`Expected a time like 19:30, got "${hhmm}".`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** "HH:MM" of a number of minutes after midnight; wraps around the day in both directions. */
export function fromMinutes(total: number): string {
  if (!Number.isInteger(total)) throw new InternalError(`Expected whole minutes, got ${total}.`);
  const t = ((total % DAY) + DAY) % DAY;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

/** "19:30" + 150 → "22:00"; negative n goes back ("13:20" - 20 → "13:00"). Wraps past midnight. */
export function addMinutes(hhmm: string, n: number): string {
  return fromMinutes(toMinutes(hhmm) + n);
}

/** The clock time at which something starting at `start` and lasting `minutes` ends. */
export function meetingEnd(meeting: { start: string; durationMinutes: number }): string {
  return addMinutes(meeting.start, meeting.durationMinutes);
}

// ---------------------------------------------------------------------------------------------
// Scaling a programme to another length

/**
 * Scales the parts of a programme (the awareness meeting's add up to 150 minutes) to `total`
 * minutes, in steps of `step` minutes (five for meetings, so every clock time is a round one).
 * The rule, and why:
 *
 * 1. A break scales with the meeting but is clamped to 5..20 minutes (and rounded to a step):
 *    below 5 there is no time for coffee, and above 20 a long meeting would mostly gain break
 *    rather than conversation.
 * 2. The time left over goes to the other parts in proportion to their default minutes, so the
 *    balance the programme was designed with (most time for the practice situations) stays.
 * 3. Whole steps by the largest-remainder method: every part first gets the whole steps of its
 *    exact share; the steps still missing go one each to the parts with the largest fractions,
 *    ties going to the longest part (then the earlier one). The sum is then exactly `total` and
 *    no part moves more than one step away from its exact share.
 *
 * Parts with 0 default minutes stay at 0. When the breaks alone would not fit (only possible far
 * below the 60-minute minimum), everything, breaks included, is scaled proportionally instead.
 */
export function scaleParts<P extends PartMinutes>(parts: readonly P[], total: number, step = 1): P[] {
  if (!Number.isInteger(total) || total < 0 || total % step !== 0) throw new InternalError(`Cannot scale a programme to ${total} minutes in steps of ${step}.`);
  const defaultSum = parts.reduce((sum, p) => sum + p.minutes, 0);
  if (parts.length === 0 || defaultSum === 0) {
    if (total === 0) return parts.map((p) => ({ ...p }));
    throw new InternalError('Cannot scale a programme without minutes.');
  }
  if (total === defaultSum) return parts.map((p) => ({ ...p }));

  const isBreak = (p: P) => p.kind === 'break' && p.minutes > 0;
  const breaks = new Map<number, number>();
  const toStep = (n: number) => Math.round(n / step) * step;
  parts.forEach((p, i) => {
    if (isBreak(p)) breaks.set(i, Math.min(toStep(BREAK_MAX), Math.max(Math.ceil(BREAK_MIN / step) * step, toStep((p.minutes * total) / defaultSum))));
  });
  const breakSum = [...breaks.values()].reduce((a, b) => a + b, 0);
  const others = parts.map((p, i) => (breaks.has(i) ? 0 : p.minutes));
  const otherSum = others.reduce((a, b) => a + b, 0);

  if (breakSum > total || otherSum === 0) {
    // Fallback: plain proportional scaling of everything.
    const shares = largestRemainder(parts.map((p) => p.minutes), total / step);
    return parts.map((p, i) => ({ ...p, minutes: shares[i] * step }));
  }
  const shares = largestRemainder(others, (total - breakSum) / step);
  return parts.map((p, i) => ({ ...p, minutes: breaks.get(i) ?? shares[i] * step }));
}

/** Splits `total` over `weights` in whole numbers (see scaleParts for the rule); weights > 0 somewhere. */
function largestRemainder(weights: readonly number[], total: number): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  // Integer arithmetic (numerator = w * total, denominator = weightSum) so that ties are exact.
  const result = weights.map((w) => Math.floor((w * total) / weightSum));
  const remainders = weights.map((w, i) => ({ i, w, rest: w * total - result[i] * weightSum }));
  let missing = total - result.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.rest - a.rest || b.w - a.w || a.i - b.i);
  for (const r of remainders) {
    if (missing <= 0) break;
    if (r.w === 0) continue; // a part left out stays out
    result[r.i] += 1;
    missing -= 1;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Parts on the clock

/** Places the parts one after the other from `start`: each part starts where the previous ended. */
export function clockTimes<P extends PartMinutes>(start: string, parts: readonly P[]): TimedPart<P>[] {
  let at = toMinutes(start);
  return parts.map((part) => {
    if (!Number.isInteger(part.minutes) || part.minutes < 0) throw new InternalError(`Part "${part.id}" has ${part.minutes} minutes.`);
    const timed = { ...part, start: fromMinutes(at), end: fromMinutes(at + part.minutes) };
    at += part.minutes;
    return timed;
  });
}

// ---------------------------------------------------------------------------------------------
// An awareness meeting: parts set one by one, the rest scaled, the meal placed

/** When the meal is and how long it takes. */
export interface MealTime {
  when: 'before' | 'after' | 'break';
  minutes: number;
}

/** What a meeting's plan says that the file should change (the rules report these, located). */
export type PlanProblem =
  | { kind: 'unknown-part'; index: number; id: string }
  | { kind: 'parts-too-long'; fixed: number; duration: number }
  | { kind: 'parts-too-short'; fixed: number; duration: number }
  | { kind: 'part-too-short'; id: string; minutes: number; min: number; index?: number };

export interface MeetingPlan<P extends PartMinutes> {
  /** When participants are welcome (the meal, when it comes first) and when they go home. */
  start: string;
  end: string;
  /** The programme without the meal. */
  programme: { start: string; end: string; minutes: number };
  /** Everything on the clock in order, the meal included (kind 'meal'). */
  items: TimedPart<P>[];
  meal?: TimedPart<P>;
  problems: PlanProblem[];
}

export interface MeetingPlanInput {
  start: string;
  /** The programme's length without the meal. */
  durationMinutes: number;
  /** Minutes set per part in the file, by id. */
  parts: readonly { id: string; minutes: number }[];
  meal?: MealTime;
}

/**
 * A meeting on the clock. Parts the file sets keep their minutes; the other parts share what is
 * left of `durationMinutes` in five-minute steps (see scaleParts). A meal comes before the
 * programme, after it, or instead of the break. Problems (an unknown part, parts that do not fit,
 * a part below its minimum) are returned for the rules to report; the plan is still made.
 */
export function planMeeting<P extends PartMinutes>(input: MeetingPlanInput, programmeParts: readonly P[], mealPart: Omit<P, 'minutes' | 'kind' | 'minMinutes'>): MeetingPlan<P> {
  const problems: PlanProblem[] = [];
  const known = new Set(programmeParts.map((p) => p.id));
  const set = new Map<string, { minutes: number; index: number }>();
  input.parts.forEach((o, index) => {
    if (known.has(o.id)) set.set(o.id, { minutes: o.minutes, index });
    else problems.push({ kind: 'unknown-part', index, id: o.id });
  });
  // The break is part of the programme's length; with the meal as the break, the meal takes its place
  // (and its own length), so the other parts keep the time they would have had.
  const breakIndex = programmeParts.findIndex((p) => p.kind === 'break');
  const mealInBreak = input.meal?.when === 'break' && breakIndex >= 0;
  const parts = programmeParts;

  const fixed = parts.filter((p) => set.has(p.id));
  const free = parts.filter((p) => !set.has(p.id) && p.minutes > 0);
  const fixedMinutes = fixed.reduce((sum, p) => sum + set.get(p.id)!.minutes, 0);
  const left = input.durationMinutes - fixedMinutes;
  if (left < 0) problems.push({ kind: 'parts-too-long', fixed: fixedMinutes, duration: input.durationMinutes });
  if (left > 0 && free.length === 0) problems.push({ kind: 'parts-too-short', fixed: fixedMinutes, duration: input.durationMinutes });
  const scaled = left > 0 && free.length > 0 ? scaleParts(free, Math.floor(left / STEP) * STEP, STEP) : free.map((p) => ({ ...p, minutes: 0 }));
  const minutesOf = new Map<string, number>([...fixed.map((p): [string, number] => [p.id, set.get(p.id)!.minutes]), ...scaled.map((p): [string, number] => [p.id, p.minutes])]);

  const meal = input.meal ? ({ ...mealPart, minutes: input.meal.minutes, kind: 'meal' } as unknown as P) : undefined;
  const sequence: P[] = [];
  parts.forEach((p, i) => {
    const minutes = minutesOf.get(p.id) ?? 0;
    if (mealInBreak && i === breakIndex) {
      sequence.push(meal!);
      return;
    }
    const min = p.minMinutes ?? 0;
    if (minutes < min) problems.push({ kind: 'part-too-short', id: p.id, minutes, min, index: set.get(p.id)?.index });
    if (minutes > 0) sequence.push({ ...p, minutes });
  });
  if (meal && input.meal!.when === 'before') sequence.unshift(meal);
  else if (meal && input.meal!.when === 'after') sequence.push(meal);
  // A programme without a break: the meal "as the break" comes half-way.
  else if (meal && !mealInBreak) sequence.splice(Math.ceil(sequence.length / 2), 0, meal);
  const programmeMinutes = sequence.filter((p) => p.kind !== 'meal').reduce((sum, p) => sum + p.minutes, 0);

  const items = clockTimes(input.start, sequence);
  const programmeItems = items.filter((i) => i.kind !== 'meal');
  const first = programmeItems[0];
  const last = programmeItems[programmeItems.length - 1];
  return {
    start: input.start,
    end: items.length ? items[items.length - 1].end : input.start,
    programme: { start: first?.start ?? input.start, end: last?.end ?? input.start, minutes: programmeMinutes },
    items,
    meal: items.find((i) => i.kind === 'meal'),
    problems,
  };
}

// ---------------------------------------------------------------------------------------------
// Kick-off

/** What kickoffTimes needs from the kick-off programme (content/<lang>/kickoff.yaml). */
export interface KickoffTiming<P extends PartMinutes = PartMinutes> {
  preMeeting: { minutes: number };
  parts: readonly P[];
  debrief: { minutes: number };
}

/** A stretch of time outside the programme proper (the team's pre-meeting and debrief). */
export interface TimeSpan {
  start: string;
  end: string;
  minutes: number;
}

export interface KickoffSchedule<P extends PartMinutes = PartMinutes> {
  /** The project team meets before the walk-in. */
  preMeeting: TimeSpan;
  /** The programme from the walk-in to the closing; parts set to 0 minutes are left out. */
  parts: TimedPart<P>[];
  /** When the programme starts (the project's `kickoff.start`) and ends: what participants see. */
  start: string;
  end: string;
  /** The project team's debrief right after the end. */
  debrief: TimeSpan;
  /** Override ids that match no part: the caller may warn about them (probably a typo). */
  unknownOverrides: string[];
}

/**
 * The kick-off on the clock: the default minutes from the programme, changed by the project's
 * `kickoff.parts` (by id; 0 leaves a part out), from `kickoff.start`. The pre-meeting ends when the
 * programme starts and the debrief starts when it ends, as in the handbook's script.
 */
export function kickoffTimes<P extends PartMinutes>(kickoff: Pick<Kickoff, 'start' | 'parts'>, programme: KickoffTiming<P>): KickoffSchedule<P> {
  const overrides = new Map<string, number>();
  for (const o of kickoff.parts ?? []) overrides.set(o.id, o.minutes); // the last one wins, as when reading the file top to bottom
  const known = new Set(programme.parts.map((p) => p.id));
  const parts = programme.parts
    .map((p) => ({ ...p, minutes: overrides.get(p.id) ?? p.minutes }))
    .filter((p) => p.minutes > 0);
  const timed = clockTimes(kickoff.start, parts);
  const total = parts.reduce((sum, p) => sum + p.minutes, 0);
  const end = addMinutes(kickoff.start, total);
  return {
    preMeeting: { start: addMinutes(kickoff.start, -programme.preMeeting.minutes), end: kickoff.start, minutes: programme.preMeeting.minutes },
    parts: timed,
    start: kickoff.start,
    end,
    debrief: { start: end, end: addMinutes(end, programme.debrief.minutes), minutes: programme.debrief.minutes },
    unknownOverrides: [...overrides.keys()].filter((id) => !known.has(id)),
  };
}

/** Total minutes of the kick-off programme after overrides (walk-in to closing). */
export function kickoffMinutes(schedule: Pick<KickoffSchedule, 'parts'>): number {
  return schedule.parts.reduce((sum, p) => sum + p.minutes, 0);
}

// ---------------------------------------------------------------------------------------------
// Small groups

export interface SmallGroup {
  /** 1-based, as said aloud: "group 1". */
  group: number;
  size: number;
  /** The practice situation id for this group, when the meeting has any. */
  situation?: string;
}

/** The handbook's small groups hold 4 or 5 people. */
export const GROUP_MIN = 4;
export const GROUP_MAX = 5;

/**
 * Divides the expected participants into small groups. The number of groups is ceil(n / 5), the
 * same count the project rules use to warn about too few situations, so both always agree; the
 * people are spread as evenly as possible (sizes differ by at most one, larger groups first).
 * That gives groups of 4-5 for 8, 9, 10 and every count from 12 up; 11 cannot be split into 4s
 * and 5s at all, so it becomes 4+4+3 (never a group of 6), and 1-7 give one group or two small
 * ones (6 → 3+3, 7 → 4+3). Each group gets a different situation while there are enough; with
 * more groups than situations they are handed out again from the first.
 */
export function smallGroups(expectedParticipants: number, situations: readonly string[] = []): SmallGroup[] {
  if (!Number.isInteger(expectedParticipants) || expectedParticipants < 0) {
    throw new InternalError(`Expected a number of participants, got ${expectedParticipants}.`);
  }
  if (expectedParticipants === 0) return [];
  const count = Math.ceil(expectedParticipants / GROUP_MAX);
  const base = Math.floor(expectedParticipants / count);
  const larger = expectedParticipants % count;
  return Array.from({ length: count }, (_, i) => {
    const group: SmallGroup = { group: i + 1, size: base + (i < larger ? 1 : 0) };
    if (situations.length > 0) group.situation = situations[i % situations.length];
    return group;
  });
}
