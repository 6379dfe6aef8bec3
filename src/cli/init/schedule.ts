// The dates and times `init` proposes: the kick-off first, then the meetings in the handbook's order
// a few weeks apart, on weekdays outside the Christmas holidays, never in the past.
import type { Audience } from '../../project/schema.js';

/** Days between the proposals: time to invite people and to learn from the meeting before. */
export const KICKOFF_AFTER_DAYS = 21;
export const FIRST_MEETING_AFTER_DAYS = 28;
export const NEXT_MEETING_AFTER_DAYS = 21;
export const DEADLINE_DAYS_BEFORE = 7;

/** The programme's start: professionals during working hours, volunteers and residents in the evening. */
export const PROGRAMME_START: Record<Audience, string> = { professionals: '13:30', vrijwilligers: '19:30', bewoners: '19:30' };
/** The handbook's kick-off script starts with the walk-in at 13:20. */
export const KICKOFF_START = '13:20';

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

/**
 * The Christmas holidays as `init` avoids them: 20 December to 5 January. The Dutch school
 * holidays move a little each year; this span covers them and the days people are away.
 */
export function inChristmasHolidays(iso: string): boolean {
  const md = iso.slice(5);
  return md >= '12-20' || md <= '01-05';
}

export function isWeekend(iso: string): boolean {
  const day = toDate(iso).getUTCDay();
  return day === 0 || day === 6;
}

/** The first day on or after `iso` that is a weekday outside the Christmas holidays. */
export function nextOpenDay(iso: string): string {
  let d = iso;
  while (isWeekend(d) || inChristmasHolidays(d)) d = addDays(d, 1);
  return d;
}

const later = (a: string, b: string) => (a > b ? a : b);

/** The kick-off, three weeks from today. */
export function proposeKickoff(today: string): string {
  return nextOpenDay(addDays(today, KICKOFF_AFTER_DAYS));
}

/**
 * A meeting: four weeks after the kick-off (or after today, when the kick-off has been), or three
 * weeks after the meeting before it.
 */
export function proposeMeeting(today: string, before: { kickoff?: string; previousMeeting?: string }): string {
  if (before.previousMeeting) return nextOpenDay(addDays(later(before.previousMeeting, today), NEXT_MEETING_AFTER_DAYS));
  return nextOpenDay(addDays(later(before.kickoff ?? today, today), FIRST_MEETING_AFTER_DAYS));
}

/** Register a week before the meeting, but not before today and not after the meeting. */
export function proposeDeadline(today: string, meetingDate: string): string {
  const week = addDays(meetingDate, -DEADLINE_DAYS_BEFORE);
  return week < today ? (today <= meetingDate ? today : meetingDate) : week;
}

/** When people are welcome: with a meal first, the meal starts that much before the programme. */
export function proposeStart(audience: Audience, mealBeforeMinutes: number): string {
  const [h, m] = PROGRAMME_START[audience].split(':').map(Number);
  const minutes = h * 60 + m - mealBeforeMinutes;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
