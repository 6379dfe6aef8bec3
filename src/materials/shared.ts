// Pieces several materials say the same way: who leads and tells, the public contact, the meal with
// its clock times, the venue. One wording each, so an invitation and a programme never disagree.
import type { Labels } from '../content/labels.js';
import type { Inline } from '../document/model.js';
import { shown, shownName, type ResolvedMeeting } from '../resolve/index.js';
import type { MaterialContext } from './context.js';
import type { Words } from './text.js';

/**
 * Who leads and who tells their story, as a public document may say it: only the people who said
 * yes are named, the others are counted, never described.
 */
export function meetingTeamForTemplates(meeting: ResolvedMeeting) {
  const namedExperts = meeting.pair.map((p) => shownName(p, 'public')).filter((n): n is string => !!n);
  const leader = shown(meeting.leader, 'public');
  return {
    leaderName: leader.name ?? null,
    leaderOrganisation: leader.organisation ?? null,
    namedExperts,
    expertCount: meeting.pair.length,
    unnamedCount: meeting.pair.length - namedExperts.length,
  };
}

/** The project's public contact, as templates see it. */
export function organiserForTemplates(ctx: MaterialContext) {
  const o = shown(ctx.projectLeader, 'public');
  return { name: o.name ?? null, organisation: o.organisation ?? null, email: o.email ?? null, phone: o.phone ?? null };
}

/** "We beginnen om 17.30 uur met samen eten. Om 18.15 begint het programma.": the meal with its times, or nothing. */
export function mealSentence(meeting: ResolvedMeeting, labels: Labels, words: Words): string | undefined {
  const meal = meeting.meal;
  if (!meal) return undefined;
  return labels.mealText[meal.when]
    .replace('{start}', words.time(meal.start))
    .replace('{end}', words.time(meal.end))
    .replace('{programme}', words.time(meeting.programme.start));
}

/** The venue's name with the address under it. */
export function venueInline(meeting: ResolvedMeeting): Inline[] {
  return [{ kind: 'text', text: meeting.venue.name }, { kind: 'lineBreak' }, { kind: 'text', text: meeting.venue.address }];
}
