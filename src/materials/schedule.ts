// Each awareness meeting's programme (for participants) and run sheet (for the team), and the season overview.
import { loadLabels, type Labels } from '../content/labels.js';
import { loadSituations } from '../content/library.js';
import { loadKickoffProgramme, loadMeetingProgramme, type MeetingPart, type MeetingProgramme } from '../content/programme.js';
import type { ContentBlock, Fact, Inline } from '../document/model.js';
import type { Meeting, Project } from '../project/schema.js';
import { baseDocument, leaderOf, pairOf, publicName, type MaterialContext, type MaterialOptions, type Output } from './context.js';
import { renderText, textInline, wording } from './text.js';
import { addMinutes, kickoffTimes, meetingEnd, meetingTimes, smallGroups, type TimedPart } from './timing.js';

type Words = ReturnType<typeof wording>;

/** What every document here needs once: the programme, the short words and the wording helpers. */
interface Shared {
  programme: MeetingProgramme;
  labels: Labels;
  words: Words;
}

/** "13.30 – 13.50": a compact span for table cells and headings (the helpers' range adds "uur"). */
function span(words: Words, start: string, end: string): string {
  return `${words.time(start)} – ${words.time(end)}`;
}

/** The meeting's parts on the clock: scaled to its length, so the last part ends exactly at its end. */
function timedParts(meeting: Meeting, programme: MeetingProgramme): TimedPart<MeetingPart>[] {
  return meetingTimes(meeting, programme.parts);
}

/** The venue's name with the address under it. */
function venueInline(meeting: Meeting): Inline[] {
  return [{ kind: 'text', text: meeting.venue.name }, { kind: 'lineBreak' }, { kind: 'text', text: meeting.venue.address }];
}

/** File names per meeting: by audience, with the date only when an audience repeats (never overwrite). */
function fileSuffixes(meetings: readonly Meeting[]): string[] {
  const count = new Map<string, number>();
  for (const m of meetings) count.set(m.audience, (count.get(m.audience) ?? 0) + 1);
  return meetings.map((m) => ((count.get(m.audience) ?? 0) > 1 ? `${m.audience}-${m.date}` : m.audience));
}

// ---------------------------------------------------------------------------------------------
// 1. Programme for the participants

function programmeDoc(ctx: MaterialContext, shared: Shared, meeting: Meeting, suffix: string): Output {
  const { project } = ctx;
  const { labels, words, programme } = shared;
  const s = labels.schedule;
  const facts: Fact[] = [
    { label: labels.facts.when, value: textInline(words.when(meeting.date, meeting.start, meetingEnd(meeting))) },
    { label: labels.facts.where, value: venueInline(meeting) },
  ];
  if (meeting.venue.accessibility) facts.push({ label: labels.facts.accessibility, value: textInline(meeting.venue.accessibility) });
  if (meeting.meal) facts.push({ label: labels.facts.meal, value: textInline(labels.mealText) });

  const rows = timedParts(meeting, programme).map((part): Inline[][] => {
    const line = labels.meetingPartLines[part.id];
    // A break is the same row, only lighter: it should not compete with the content.
    const tone = part.kind === 'break' ? { tone: 'muted' as const } : {};
    const title: Inline[] = [{ kind: 'text', text: part.title, ...(part.kind === 'break' ? tone : { bold: true }) }];
    if (line) title.push({ kind: 'lineBreak' }, { kind: 'text', text: line, ...tone });
    return [[{ kind: 'text', text: span(words, part.start, part.end), ...tone }], title];
  });
  const table: ContentBlock = {
    kind: 'table',
    columns: [{ width: 1.35 }, { width: 5 }],
    header: [textInline(s.time), textInline(s.part)],
    rows,
  };

  const pair = pairOf(project, meeting.livedExperience);
  // Privacy: a handout names only the people who said yes; the others are counted, never described.
  const namedExperts = pair.map(publicName).filter((n): n is string => !!n);
  const text = renderText(ctx, 'schedule/programma', {
    project,
    audience: labels.audiences[meeting.audience],
    areaKind: labels.areaKinds[project.area.kind],
    leaderName: leaderOf(project, meeting)?.name ?? meeting.leader,
    namedExperts,
    expertCount: pair.length,
    unnamedCount: pair.length - namedExperts.length,
  });
  const doc = baseDocument(ctx, {
    title: `${s.programmeTitle} ${labels.audiences[meeting.audience].people} - ${project.area.name}`,
    header: `Welkome Wijk ${project.area.name}`,
  });
  doc.blocks = text.parse({ details: [{ kind: 'facts', items: facts }], programme: [table] });
  return { kind: 'document', name: `programma-${suffix}`, document: doc };
}

// ---------------------------------------------------------------------------------------------
// 2. Run sheet for the discussion leader and the people with lived experience

/** Titles of practice situations by id: the project's own first (they are in its language), then the library. */
function situationTitles(ctx: MaterialContext): Map<string, string> {
  const titles = new Map<string, string>();
  for (const s of loadSituations(ctx.lang)) titles.set(s.id, s.title);
  for (const s of ctx.project.situations) titles.set(s.id, s.title);
  return titles;
}

function runSheetDoc(ctx: MaterialContext, shared: Shared, meeting: Meeting, suffix: string, titles: Map<string, string>): Output {
  const { project } = ctx;
  const { labels, words, programme } = shared;
  const s = labels.schedule;
  const leader = leaderOf(project, meeting);
  const leaderName = leader?.name ?? meeting.leader;
  // An internal document for the team itself, so everyone in the pair is named; contact details
  // are never read here, so they cannot end up on paper.
  const pairNames = pairOf(project, meeting.livedExperience).map((p) => p.name);
  const end = meetingEnd(meeting);
  const arrive = addMinutes(meeting.start, -programme.arriveMinutesBefore);
  const debriefEnd = addMinutes(end, programme.debrief.minutes);
  const parts = timedParts(meeting, programme);
  const participants = `${meeting.expectedParticipants} ${meeting.expectedParticipants === 1 ? s.participantOne : s.participantMany}`;

  const details: Fact[] = [
    { label: s.date, value: textInline(words.date(meeting.date)) },
    { label: s.programme, value: textInline(words.timeRange(meeting.start, end)) },
    { label: s.arrive, value: textInline(words.time(arrive)) },
    { label: labels.facts.where, value: venueInline(meeting) },
    { label: s.expected, value: textInline(participants) },
  ];
  if (meeting.audience === 'professionals' && meeting.participantsWork.length) {
    details.push({ label: s.work, value: textInline(words.list(meeting.participantsWork)) });
  }
  if (meeting.meal) details.push({ label: labels.facts.meal, value: textInline(labels.mealText) });

  const pairInline: Inline[] = pairNames.length ? textInline(words.list(pairNames)) : [{ kind: 'text', text: s.toBeDecided, italic: true, tone: 'muted' }];
  const team: Fact[] = [
    { label: labels.facts.leader, value: textInline(leader?.organisation ? `${leaderName} (${leader.organisation})` : leaderName) },
    { label: labels.facts.experts, value: pairInline },
  ];

  const whoNames = (part: MeetingPart): string =>
    words.list(part.who.flatMap((w) => (w === 'leader' ? [leaderName] : pairNames.length ? pairNames : [labels.facts.experts])));
  const italicRow = (from: string, to: string, title: string, who: string): Inline[][] => [
    [{ kind: 'text', text: span(words, from, to), italic: true }],
    [{ kind: 'text', text: title, italic: true }],
    [{ kind: 'text', text: who, italic: true }],
  ];
  const teamNames = words.list([leaderName, ...pairNames]);
  const overview: ContentBlock = {
    kind: 'table',
    columns: [{ width: 1.35 }, { width: 3.3 }, { width: 3 }],
    header: [textInline(s.time), textInline(s.part), textInline(s.who)],
    rows: [
      italicRow(arrive, meeting.start, programme.briefing.title, teamNames),
      ...parts.map((part): Inline[][] => {
        const tone = part.kind === 'break' ? { tone: 'muted' as const } : {};
        return [
          [{ kind: 'text', text: span(words, part.start, part.end), ...tone }],
          [{ kind: 'text', text: part.title, ...(part.kind === 'break' ? tone : { bold: true }) }],
          [{ kind: 'text', text: whoNames(part), ...tone }],
        ];
      }),
      italicRow(end, debriefEnd, programme.debrief.title, teamNames),
    ],
  };

  // Small groups: a different practice situation per group while there are enough.
  const groups = smallGroups(meeting.expectedParticipants, meeting.situations);
  const groupsTable: ContentBlock = {
    kind: 'table',
    columns: [{ width: 1.1 }, { width: 1 }, { width: 5 }],
    header: [textInline(s.group), textInline(s.groupSize), textInline(s.situation)],
    rows: groups.map((g) => [
      textInline(String(g.group)),
      textInline(String(g.size)),
      g.situation ? textInline(titles.get(g.situation) ?? g.situation, { bold: true }) : [{ kind: 'text', text: s.notChosen, italic: true, tone: 'muted' }],
    ]),
  };

  const slots: Record<string, ContentBlock[]> = {
    details: [{ kind: 'facts', items: details }],
    team: [{ kind: 'facts', items: team }],
    overview: [overview],
    groups: [groupsTable],
    // Room to write during the debrief, so its conclusions do not depend on memory.
    notes: [s.notesWentWell, s.notesBetter, s.notesFollowUp].map((label): ContentBlock => ({ kind: 'writeLines', label, lines: 3 })),
  };
  parts.forEach((part, i) => {
    slots[`part-${i}`] = [partBlock(shared, part, whoNames(part))];
  });

  const text = renderText(ctx, 'schedule/draaiboek', {
    project,
    audience: labels.audiences[meeting.audience],
    briefing: { title: programme.briefing.title, what: programme.briefing.what, clock: span(words, arrive, meeting.start) },
    parts: parts.map((part) => ({ title: part.title, clock: span(words, part.start, part.end), showGroups: part.id === 'praktijksituaties', showIsNot: part.id === 'uitleg', showFigures: part.id === 'achtergrond' })),
    expected: meeting.expectedParticipants,
    groupCount: groups.length,
    situationCount: meeting.situations.length,
    repeated: meeting.situations.length > 0 && meeting.situations.length < groups.length,
    // Situations beyond the groups stay at hand in case more people come than expected.
    spare: meeting.situations.slice(groups.length).map((id) => titles.get(id) ?? id),
    plenary: programme.plenary,
    isNot: programme.isNot,
    figures: programme.figures,
    debrief: { title: programme.debrief.title, what: programme.debrief.what, clock: span(words, end, debriefEnd) },
  });
  const doc = baseDocument(ctx, {
    title: `${s.meetingRunSheetTitle} ${labels.audiences[meeting.audience].people} - ${project.area.name}`,
    header: `Welkome Wijk ${project.area.name} · ${s.internal}`,
  });
  doc.blocks = text.parse(slots);
  return { kind: 'document', name: `draaiboek-${suffix}`, document: doc };
}

/**
 * One part of the run sheet: what happens and the questions on the left; who, and the leader's
 * points of attention, in a grey box on the right: read before, glanced at during the meeting.
 */
function partBlock(shared: Shared, part: MeetingPart, who: string): ContentBlock {
  const s = shared.labels.schedule;
  const tone = part.kind === 'break' ? { tone: 'muted' as const } : {};
  const main: ContentBlock[] = [{ kind: 'paragraph', content: [{ kind: 'text', text: part.what, ...tone }] }];
  if (part.questions.length) {
    main.push({ kind: 'paragraph', content: textInline(s.questions, { bold: true }) });
    main.push({ kind: 'list', ordered: false, items: part.questions.map((q) => textInline(q)) });
  }
  const side: ContentBlock[] = [{ kind: 'paragraph', style: 'small', content: [...textInline(s.who, { bold: true }), { kind: 'lineBreak' }, ...textInline(who)] }];
  if (part.leaderNotes.length) {
    side.push({ kind: 'paragraph', style: 'small', content: textInline(s.leaderNotes, { bold: true }) });
    for (const note of part.leaderNotes) side.push({ kind: 'paragraph', style: 'small', content: textInline(`• ${note}`) });
  }
  return { kind: 'columns', columns: [{ width: 1.7, blocks: main }, { width: 1, blocks: [{ kind: 'callout', tone: 'neutral', blocks: side }] }] };
}

// ---------------------------------------------------------------------------------------------
// 3. Season overview

interface SeasonRow {
  date: string;
  start: string;
  cells: Inline[][];
}

/** The season on one page, in date order. It may be shared, so people with lived experience appear only by consent. */
function seasonDoc(ctx: MaterialContext, shared: Shared): Output {
  const { project } = ctx;
  const { labels, words } = shared;
  const s = labels.schedule;
  const muted = (text: string): Inline => ({ kind: 'text', text, tone: 'muted' });
  const whenCell = (date: string, start?: string, end?: string): Inline[] => {
    const out: Inline[] = textInline(words.date(date));
    if (start && end) out.push({ kind: 'lineBreak' }, muted(span(words, start, end)));
    return out;
  };
  const rows: SeasonRow[] = [];

  const kickoff = project.kickoff;
  if (kickoff) {
    // The kick-off's end comes from the same arithmetic as its agenda, overrides included.
    const end = kickoffEnd(ctx, kickoff);
    const where: Inline[] = kickoff.mode === 'online' || !kickoff.venue ? textInline(s.online) : [{ kind: 'text', text: kickoff.venue.name }, { kind: 'lineBreak' }, muted(kickoff.venue.address)];
    rows.push({
      date: kickoff.date,
      start: kickoff.start,
      cells: [whenCell(kickoff.date, kickoff.start, end), textInline(labels.materials.kickoffName, { bold: true }), where, kickoff.roles.chair ? textInline(kickoff.roles.chair) : []],
    });
  }

  for (const meeting of project.meetings) {
    const pair = pairOf(project, meeting.livedExperience);
    const named = pair.map(publicName).filter((n): n is string => !!n);
    const unnamed = pair.length - named.length;
    const who: Inline[] = textInline(leaderOf(project, meeting)?.name ?? meeting.leader);
    const others = unnamed === 0 ? [] : [unnamed === 1 ? s.unnamedOne : s.unnamedMany.replace('{n}', String(unnamed))];
    if (pair.length) who.push({ kind: 'lineBreak' }, muted(words.list([...named, ...others])));
    rows.push({
      date: meeting.date,
      start: meeting.start,
      cells: [
        whenCell(meeting.date, meeting.start, meetingEnd(meeting)),
        [{ kind: 'text', text: labels.audiences[meeting.audience].name, bold: true }, { kind: 'lineBreak' }, muted(labels.materials.meetingName)],
        [{ kind: 'text', text: meeting.venue.name }, { kind: 'lineBreak' }, muted(meeting.venue.address)],
        who,
      ],
    });
  }

  for (const session of project.learningSessions) {
    rows.push({ date: session.date, start: '', cells: [whenCell(session.date), textInline(session.title ?? s.learningSession, { bold: true }), [], []] });
  }
  if (project.finalEvaluation) {
    const final = project.finalEvaluation;
    rows.push({ date: final.date, start: '', cells: [whenCell(final.date), textInline(final.title ?? s.finalEvaluation, { bold: true }), [], []] });
  }
  // Date order (stable, so same-day items keep the order above): the overview is a calendar.
  rows.sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));

  const table: ContentBlock = {
    kind: 'table',
    columns: [{ width: 2.4 }, { width: 2.5 }, { width: 3.1 }, { width: 2.8 }],
    header: [textInline(labels.facts.when), textInline(s.what), textInline(labels.facts.where), textInline(s.who)],
    rows: rows.map((r) => r.cells),
  };
  const text = renderText(ctx, 'schedule/seizoen', {
    project,
    areaKind: labels.areaKinds[project.area.kind],
    organiser: project.organisers.projectLeader,
    anyUnnamed: project.meetings.some((m) => pairOf(project, m.livedExperience).some((p) => !p.public)),
  });
  // Landscape: four columns of names, places and long Dutch words ("bewustwordingsbijeenkomst")
  // stay on one line each, and the season reads as one calendar page for the wall.
  const doc = baseDocument(ctx, { title: `${s.seasonTitle} - ${project.area.name}`, header: `Welkome Wijk ${project.area.name}`, orientation: 'landscape', marginsMm: [16, 19, 17, 19] });
  doc.blocks = text.parse({ season: [table] });
  return { kind: 'document', name: 'seizoensoverzicht', document: doc };
}

/** When the kick-off programme ends, by the same rule (and overrides) as the kick-off's own agenda. */
function kickoffEnd(ctx: MaterialContext, kickoff: NonNullable<Project['kickoff']>): string {
  return kickoffTimes(kickoff, loadKickoffProgramme(ctx.lang)).end;
}

export async function renderSchedules(ctx: MaterialContext, opts: MaterialOptions): Promise<Output[]> {
  const shared: Shared = { programme: loadMeetingProgramme(ctx.lang), labels: loadLabels(ctx.lang), words: wording(ctx.lang) };
  const titles = situationTitles(ctx);
  const meetings = ctx.project.meetings;
  const suffixes = fileSuffixes(meetings);
  const outputs: Output[] = [];
  meetings.forEach((meeting, i) => {
    if (opts.audience && meeting.audience !== opts.audience) return;
    outputs.push(programmeDoc(ctx, shared, meeting, suffixes[i]), runSheetDoc(ctx, shared, meeting, suffixes[i], titles));
  });
  // The overview covers the whole season, so it is not made when one audience is asked for.
  if (!opts.audience) outputs.push(seasonDoc(ctx, shared));
  return outputs;
}
