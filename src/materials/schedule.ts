// Each awareness meeting's programme (for participants) and run sheet (for the team), and the overview of the whole project.
import { loadLabels, type Labels } from '../content/labels.js';
import type { MeetingPart } from '../content/programme.js';
import type { ContentBlock, Fact, Inline } from '../document/model.js';
import { shown, shownName, type Person, type ResolvedEvent, type ResolvedMeeting } from '../resolve/index.js';
import type { TimedPart } from '../resolve/index.js';
import { baseDocument, templateProject, type MaterialContext, type MaterialOptions, type Output } from './context.js';
import { mealSentence, meetingTeamForTemplates, organiserForTemplates, venueInline } from './shared.js';
import { renderText, textInline, wording, type Words } from './text.js';

/** What every document here needs once: the short words and the wording helpers. */
interface Shared {
  labels: Labels;
  words: Words;
}

// ---------------------------------------------------------------------------------------------
// 1. Programme for the participants

function programmeDoc(ctx: MaterialContext, shared: Shared, meeting: ResolvedMeeting): Output {
  const { labels, words } = shared;
  const s = labels.schedule;
  const facts: Fact[] = [
    { label: labels.facts.when, value: textInline(words.when(meeting.date, meeting.start, meeting.end)) },
    { label: labels.facts.where, value: venueInline(meeting) },
  ];
  if (meeting.venue.accessibility) facts.push({ label: labels.facts.accessibility, value: textInline(meeting.venue.accessibility) });
  const meal = mealSentence(meeting, labels, words);
  if (meal) facts.push({ label: labels.facts.meal, value: textInline(meal) });

  const rows = meeting.parts.map((part): Inline[][] => {
    const line = labels.meetingPartLines[part.id];
    // A break is the same row, only lighter: it should not compete with the content.
    const tone = part.kind === 'break' ? { tone: 'muted' as const } : {};
    const title: Inline[] = [{ kind: 'text', text: part.title, ...(part.kind === 'break' ? tone : { bold: true }) }];
    if (line) title.push({ kind: 'lineBreak' }, { kind: 'text', text: line, ...tone });
    return [[{ kind: 'text', text: words.span(part.start, part.end), ...tone }], title];
  });
  const table: ContentBlock = {
    kind: 'table',
    columns: [{ width: 1.35 }, { width: 5 }],
    header: [textInline(s.time), textInline(s.part)],
    rows,
  };

  const text = renderText(ctx, 'schedule/programma', {
    project: templateProject(ctx),
    audience: labels.audiences[meeting.audience],
    areaKind: labels.areaKinds[ctx.area.kind],
    ...meetingTeamForTemplates(meeting),
  });
  const doc = baseDocument(ctx, {
    title: `${s.programmeTitle} ${labels.audiences[meeting.audience].people} - ${ctx.area.name}`,
    visibility: 'public',
    header: `Welkome Wijk ${ctx.area.name}`,
    // Residents get the larger type older readers ask for.
    reading: meeting.audience === 'bewoners' ? 'large' : undefined,
  });
  doc.blocks = text.parse({ details: [{ kind: 'facts', items: facts }], programme: [table] });
  return { kind: 'document', name: `programma-${meeting.fileSuffix}`, document: doc };
}

// ---------------------------------------------------------------------------------------------
// 2. Run sheet for the discussion leader and the people with lived experience

function runSheetDoc(ctx: MaterialContext, shared: Shared, meeting: ResolvedMeeting): Output {
  const { labels, words } = shared;
  const programme = ctx.programmes.meeting;
  const s = labels.schedule;
  // An internal document for the team itself, so everyone in the pair is named; contact details
  // of the pair never reach the resolved project, so they cannot end up on paper.
  const leader = shown(meeting.leader, 'team');
  const leaderName = leader.name ?? '';
  const pairNames = meeting.pair.map((p) => shownName(p, 'team')).filter((n): n is string => !!n);
  const participants = `${meeting.expectedParticipants} ${meeting.expectedParticipants === 1 ? s.participantOne : s.participantMany}`;

  const details: Fact[] = [
    { label: s.date, value: textInline(words.date(meeting.date)) },
    { label: s.programme, value: textInline(words.timeRange(meeting.start, meeting.end)) },
    { label: s.arrive, value: textInline(words.time(meeting.arrive)) },
    { label: labels.facts.where, value: venueInline(meeting) },
    { label: s.expected, value: textInline(participants) },
  ];
  if (meeting.audience === 'professionals' && meeting.participantsWork.length) {
    details.push({ label: s.work, value: textInline(words.list(meeting.participantsWork)) });
  }
  const meal = mealSentence(meeting, labels, words);
  if (meal) details.push({ label: labels.facts.meal, value: textInline(meal) });

  const pairInline: Inline[] = pairNames.length ? textInline(words.list(pairNames)) : [{ kind: 'text', text: s.toBeDecided, italic: true, tone: 'muted' }];
  const team: Fact[] = [
    { label: labels.facts.leader, value: textInline(leader.organisation ? `${leaderName} (${leader.organisation})` : leaderName) },
    { label: labels.facts.experts, value: pairInline },
  ];

  const whoNames = (part: MeetingPart): string =>
    words.list(part.who.flatMap((w) => (w === 'leader' ? [leaderName] : pairNames.length ? pairNames : [labels.facts.experts])));
  const italicRow = (from: string, to: string, title: string, who: string): Inline[][] => [
    [{ kind: 'text', text: words.span(from, to), italic: true }],
    [{ kind: 'text', text: title, italic: true }],
    [{ kind: 'text', text: who, italic: true }],
  ];
  const teamNames = words.list([leaderName, ...pairNames]);
  const overview: ContentBlock = {
    kind: 'table',
    columns: [{ width: 1.35 }, { width: 3.3 }, { width: 3 }],
    header: [textInline(s.time), textInline(s.part), textInline(s.who)],
    rows: [
      italicRow(meeting.arrive, meeting.start, programme.briefing.title, teamNames),
      ...meeting.parts.map((part): Inline[][] => {
        const tone = part.kind === 'break' ? { tone: 'muted' as const } : {};
        return [
          [{ kind: 'text', text: words.span(part.start, part.end), ...tone }],
          [{ kind: 'text', text: part.title, ...(part.kind === 'break' ? tone : { bold: true }) }],
          [{ kind: 'text', text: whoNames(part), ...tone }],
        ];
      }),
      italicRow(meeting.debrief.start, meeting.debrief.end, programme.debrief.title, teamNames),
    ],
  };

  // Small groups: a different practice situation per group while there are enough.
  const titles = new Map(meeting.situations.map((sit) => [sit.id, sit.title]));
  const groupsTable: ContentBlock = {
    kind: 'table',
    columns: [{ width: 1.1 }, { width: 1 }, { width: 5 }],
    header: [textInline(s.group), textInline(s.groupSize), textInline(s.situation)],
    rows: meeting.groups.map((g) => [
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
  meeting.parts.forEach((part, i) => {
    slots[`part-${i}`] = [partBlock(shared, part, whoNames(part))];
  });

  const groupCount = meeting.groups.length;
  const text = renderText(ctx, 'schedule/draaiboek', {
    project: templateProject(ctx),
    audience: labels.audiences[meeting.audience],
    briefing: { title: programme.briefing.title, what: programme.briefing.what, clock: words.span(meeting.arrive, meeting.start) },
    parts: meeting.parts.map((part) => ({
      title: part.title,
      clock: words.span(part.start, part.end),
      showGroups: part.id === 'praktijksituaties',
      showIsNot: part.id === 'uitleg',
      showFigures: part.id === 'achtergrond',
    })),
    expected: meeting.expectedParticipants,
    groupCount,
    situationCount: meeting.situations.length,
    repeated: meeting.situations.length > 0 && meeting.situations.length < groupCount,
    // Situations beyond the groups stay at hand in case more people come than expected.
    spare: meeting.situations.slice(groupCount).map((sit) => sit.title),
    plenary: programme.plenary,
    // What the kick-off found: the leader listens for it in this area's conversations.
    listenFor: ctx.kickoff?.findings.stigmaIssues ?? [],
    // The situations' own tips, for the people with lived experience to add after the groups have talked.
    situationTips: meeting.situations.filter((sit) => sit.tip).map((sit) => ({ title: sit.title, tip: sit.tip })),
    isNot: programme.isNot,
    figures: programme.figures,
    debrief: { title: programme.debrief.title, what: programme.debrief.what, clock: words.span(meeting.debrief.start, meeting.debrief.end) },
  });
  const doc = baseDocument(ctx, {
    title: `${s.meetingRunSheetTitle} ${labels.audiences[meeting.audience].people} - ${ctx.area.name}`,
    visibility: 'team',
    header: `Welkome Wijk ${ctx.area.name}`,
  });
  doc.blocks = text.parse(slots);
  return { kind: 'document', name: `draaiboek-${meeting.fileSuffix}`, document: doc };
}

/**
 * One part of the run sheet: what happens and the questions on the left; who, and the leader's
 * points of attention, in a grey box on the right: read before, glanced at during the meeting.
 */
function partBlock(shared: Shared, part: TimedPart<MeetingPart>, who: string): ContentBlock {
  const s = shared.labels.schedule;
  const tone = part.kind === 'break' ? { tone: 'muted' as const } : {};
  const main: ContentBlock[] = [{ kind: 'paragraph', content: [{ kind: 'text', text: part.what, ...tone }] }];
  if (part.questions.length) {
    main.push({ kind: 'paragraph', content: textInline(s.questions, { bold: true }) });
    main.push({ kind: 'list', ordered: false, items: part.questions.map((q) => textInline(q)) });
  }
  // The leader's notes are what the team reads in the moment: full-size, full-contrast text, not fine print.
  const side: ContentBlock[] = [{ kind: 'paragraph', content: [...textInline(s.who, { bold: true }), { kind: 'lineBreak' }, ...textInline(who)] }];
  if (part.leaderNotes.length) {
    side.push({ kind: 'paragraph', content: textInline(s.leaderNotes, { bold: true }) });
    side.push({ kind: 'list', ordered: false, items: part.leaderNotes.map((note) => textInline(note)) });
  }
  return { kind: 'columns', columns: [{ width: 1.7, blocks: main }, { width: 1, blocks: [{ kind: 'callout', tone: 'neutral', blocks: side }] }] };
}

// ---------------------------------------------------------------------------------------------
// 3. Overview of the whole project

interface SeasonRow {
  date: string;
  start: string;
  cells: Inline[][];
}

/** A public name, or nothing: the overview may be shared, so names appear only by consent. */
function publicNames(people: readonly (Person | undefined)[]): string[] {
  return people.map((p) => shownName(p, 'public')).filter((n): n is string => !!n);
}

/** Every date of the project on one page, in date order. */
function seasonDoc(ctx: MaterialContext, shared: Shared): Output {
  const { labels, words } = shared;
  const s = labels.schedule;
  const muted = (text: string): Inline => ({ kind: 'text', text, tone: 'muted' });
  const whenCell = (date: string, start?: string, end?: string): Inline[] => {
    const out: Inline[] = textInline(words.date(date));
    if (start && end) out.push({ kind: 'lineBreak' }, muted(words.span(start, end)));
    return out;
  };
  const rows: SeasonRow[] = [];

  const kickoff = ctx.kickoff;
  if (kickoff) {
    const where: Inline[] = kickoff.mode === 'online' || !kickoff.venue ? textInline(s.online) : [{ kind: 'text', text: kickoff.venue.name }, { kind: 'lineBreak' }, muted(kickoff.venue.address)];
    const chair = publicNames([kickoff.roles.find((r) => r.role.id === 'chair')?.person]);
    rows.push({
      date: kickoff.date,
      start: kickoff.schedule.start,
      cells: [whenCell(kickoff.date, kickoff.schedule.start, kickoff.schedule.end), textInline(labels.materials.kickoffName, { bold: true }), where, chair.length ? textInline(chair[0]) : []],
    });
  }

  for (const meeting of ctx.meetings) {
    const named = publicNames(meeting.pair);
    const unnamed = meeting.pair.length - named.length;
    const leader = shownName(meeting.leader, 'public');
    const who: Inline[] = leader ? textInline(leader) : [];
    const others = unnamed === 0 ? [] : [unnamed === 1 ? s.unnamedOne : s.unnamedMany.replace('{n}', String(unnamed))];
    if (meeting.pair.length) {
      if (who.length) who.push({ kind: 'lineBreak' });
      who.push(muted(words.list([...named, ...others])));
    }
    rows.push({
      date: meeting.date,
      start: meeting.start,
      cells: [
        whenCell(meeting.date, meeting.start, meeting.end),
        [{ kind: 'text', text: labels.audiences[meeting.audience].name, bold: true }, { kind: 'lineBreak' }, muted(labels.materials.meetingName)],
        [{ kind: 'text', text: meeting.venue.name }, { kind: 'lineBreak' }, muted(meeting.venue.address)],
        who,
      ],
    });
  }

  // The project's own dates: training (step 2), learning sessions and the final evaluation (step 5).
  const place = (e: ResolvedEvent): Inline[] =>
    e.venue ? [{ kind: 'text', text: e.venue.name }, { kind: 'lineBreak' }, muted(e.venue.address)] : e.link ? textInline(s.online) : [];
  const eventRow = (e: ResolvedEvent, what: string) =>
    rows.push({ date: e.date, start: e.start ?? '', cells: [whenCell(e.date, e.start, e.end), textInline(what, { bold: true }), place(e), []] });
  for (const t of ctx.training) eventRow(t, t.title ?? labels.training[t.kind]);
  for (const session of ctx.learningSessions) eventRow(session, session.title ?? s.learningSession);
  if (ctx.finalEvaluation) eventRow(ctx.finalEvaluation, ctx.finalEvaluation.title ?? s.finalEvaluation);
  // Date order (stable, so same-day items keep the order above): the overview is a calendar.
  rows.sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));

  const table: ContentBlock = {
    kind: 'table',
    columns: [{ width: 2.4 }, { width: 2.5 }, { width: 3.1 }, { width: 2.8 }],
    header: [textInline(labels.facts.when), textInline(s.what), textInline(labels.facts.where), textInline(s.who)],
    rows: rows.map((r) => r.cells),
  };
  const text = renderText(ctx, 'schedule/seizoen', {
    project: templateProject(ctx),
    areaKind: labels.areaKinds[ctx.area.kind],
    organiser: organiserForTemplates(ctx),
    anyUnnamed: ctx.meetings.some((m) => m.pair.some((p) => !p.nameable)),
  });
  // Landscape: four columns of names, places and long Dutch words ("bewustwordingsbijeenkomst")
  // stay on one line each, and the season reads as one calendar page for the wall.
  const doc = baseDocument(ctx, {
    title: `${s.seasonTitle} - ${ctx.area.name}`,
    visibility: 'public',
    header: `Welkome Wijk ${ctx.area.name}`,
    orientation: 'landscape',
    marginsMm: [16, 19, 17, 19],
  });
  doc.blocks = text.parse({ season: [table] });
  return { kind: 'document', name: 'seizoensoverzicht', document: doc };
}

export async function renderSchedules(ctx: MaterialContext, opts: MaterialOptions): Promise<Output[]> {
  const shared: Shared = { labels: loadLabels(ctx.lang), words: wording(ctx.lang) };
  const outputs: Output[] = [];
  for (const meeting of ctx.meetings) {
    if (opts.audience && meeting.audience !== opts.audience) continue;
    outputs.push(programmeDoc(ctx, shared, meeting), runSheetDoc(ctx, shared, meeting));
  }
  // The overview covers the whole project, so it is not made when one audience is asked for.
  if (!opts.audience) outputs.push(seasonDoc(ctx, shared));
  return outputs;
}
