// The kick-off materials: the invitation for the broad network, the participants' agenda, the organisers'
// run sheet, the timeline worksheet, and the report of what the kick-off yielded.
import { loadLabels, type Labels } from '../content/labels.js';
import { loadThemes } from '../content/library.js';
import type { KickoffPart, KickoffProgramme } from '../content/programme.js';
import type { ContentBlock, Fact, Inline } from '../document/model.js';
import { shownName, type ResolvedKickoff } from '../resolve/index.js';
import { baseDocument, templateProject, type MaterialContext, type MaterialOptions, type Output } from './context.js';
import { organiserForTemplates } from './shared.js';
import { renderText, textInline, wording, type Words } from './text.js';

/** Everything the three documents share: the kick-off on the clock with its roles, the texts, the words. */
interface KickoffPlan {
  kickoff: ResolvedKickoff;
  programme: KickoffProgramme;
  labels: Labels;
  words: Words;
}

/** The roles of a part that exist in this mode; a part whose roles all fall away is the chair's. */
function partRoles(plan: KickoffPlan, part: KickoffPart): ResolvedKickoff['roles'] {
  const roles = part.who.map((id) => plan.kickoff.roles.find((r) => r.role.id === id)).filter((r): r is ResolvedKickoff['roles'][number] => !!r);
  const chair = plan.kickoff.roles.find((r) => r.role.id === 'chair');
  return roles.length || !chair ? roles : [chair];
}

/** "Dagvoorzitter (Sanne Verhoeven), Host (Fatima Amrani)": role first, the name where known (a team document). */
function whoInline(plan: KickoffPlan, part: KickoffPart): Inline[] {
  const out: Inline[] = [];
  partRoles(plan, part).forEach(({ role, person }, i) => {
    if (i > 0) out.push({ kind: 'text', text: ', ' });
    out.push({ kind: 'text', text: role.label });
    const name = shownName(person, 'team');
    if (name) out.push({ kind: 'text', text: ` (${name})`, tone: 'muted' });
  });
  return out;
}

/** Where the kick-off happens: the venue with its address, or "online" with the link. */
function placeFacts(kickoff: ResolvedKickoff, labels: Labels): Fact[] {
  const s = labels.schedule;
  if (kickoff.mode === 'online' || !kickoff.venue) {
    const facts: Fact[] = [{ label: labels.facts.where, value: textInline(s.online) }];
    if (kickoff.link) facts.push({ label: s.link, value: [{ kind: 'link', text: kickoff.link.replace(/^https?:\/\//, ''), url: kickoff.link }] });
    return facts;
  }
  const facts: Fact[] = [
    { label: labels.facts.where, value: [{ kind: 'text', text: kickoff.venue.name }, { kind: 'lineBreak' }, { kind: 'text', text: kickoff.venue.address }] },
  ];
  if (kickoff.venue.accessibility) facts.push({ label: labels.facts.accessibility, value: textInline(kickoff.venue.accessibility) });
  return facts;
}

/** A break row reads as a pause: every cell in the muted tone. */
function cell(text: string, part: { kind: 'part' | 'break' }, style: { bold?: boolean } = {}): Inline[] {
  return [{ kind: 'text', text, ...(part.kind === 'break' ? { tone: 'muted' as const } : style) }];
}

/** When and where, the same on the invitation and the agenda. */
function whenAndWhere(plan: KickoffPlan): Fact[] {
  const { kickoff, labels, words } = plan;
  const s = labels.schedule;
  return [
    { label: s.date, value: textInline(words.date(kickoff.date)) },
    { label: s.time, value: textInline(words.timeRange(kickoff.schedule.start, kickoff.schedule.end)) },
    ...placeFacts(kickoff, labels),
  ];
}

// ---------------------------------------------------------------------------------------------
// 0. Invitation for the broad network

function invitation(ctx: MaterialContext, plan: KickoffPlan): Output {
  const { kickoff, labels, words } = plan;
  const r = kickoff.registration;
  const facts = whenAndWhere(plan);
  // Replies go where the file says, or else to the project leader (the public contact).
  const contact = r ? { email: r.email, phone: r.phone, url: r.url } : organiserForTemplates(ctx);
  if (contact.email) facts.push({ label: labels.facts.email, value: [{ kind: 'link', text: contact.email, url: `mailto:${contact.email}` }] });
  if (contact.phone) facts.push({ label: labels.facts.phone, value: [{ kind: 'link', text: contact.phone, url: `tel:${contact.phone.replace(/[^+0-9]/g, '')}` }] });
  if ('url' in contact && contact.url) facts.push({ label: labels.facts.website, value: [{ kind: 'link', text: contact.url.replace(/^https?:\/\//, ''), url: contact.url }] });
  if (r?.deadline) facts.push({ label: labels.facts.deadline, value: textInline(words.date(r.deadline), { bold: true }) });
  const text = renderText(ctx, 'kickoff/invitation', {
    project: templateProject(ctx),
    title: plan.programme.title,
    areaKind: labels.areaKinds[ctx.area.kind],
    theAreaKind: labels.areaWords[ctx.area.kind].the,
    online: kickoff.mode === 'online',
    organiser: organiserForTemplates(ctx),
    organisations: ctx.organisations,
  });
  const doc = baseDocument(ctx, { title: `${labels.materials.kickoffInvitation} - ${ctx.area.name}`, visibility: 'public', header: `Welkome Wijk ${ctx.area.name}` });
  doc.blocks = text.parse({ details: [{ kind: 'facts', items: facts }] });
  return { kind: 'document', name: 'startbijeenkomst-uitnodiging', document: doc };
}

// ---------------------------------------------------------------------------------------------
// 1. Agenda for the participants

function agenda(ctx: MaterialContext, plan: KickoffPlan): Output {
  const { kickoff, labels, words } = plan;
  const { schedule } = kickoff;
  const s = labels.schedule;
  const details: ContentBlock = { kind: 'facts', items: whenAndWhere(plan) };
  const table: ContentBlock = {
    kind: 'table',
    columns: [{ width: 1.35 }, { width: 5 }],
    header: [textInline(s.time), textInline(s.part)],
    rows: schedule.parts.map((part) => [cell(words.span(part.start, part.end), part), cell(part.title, part)]),
  };
  const text = renderText(ctx, 'kickoff/agenda', {
    project: templateProject(ctx),
    title: plan.programme.title,
    areaKind: labels.areaKinds[ctx.area.kind],
    online: kickoff.mode === 'online',
    organiser: organiserForTemplates(ctx),
  });
  const doc = baseDocument(ctx, { title: `${s.agendaTitle} - ${ctx.area.name}`, visibility: 'public', header: `Welkome Wijk ${ctx.area.name}` });
  doc.blocks = text.parse({ details: [details], programme: [table] });
  return { kind: 'document', name: 'startbijeenkomst-agenda', document: doc };
}

// ---------------------------------------------------------------------------------------------
// 2. Run sheet for the project team

function runSheet(ctx: MaterialContext, plan: KickoffPlan): Output {
  const { kickoff, labels, words, programme } = plan;
  const { schedule } = kickoff;
  const s = labels.schedule;
  const details: ContentBlock = {
    kind: 'facts',
    items: [
      { label: s.date, value: textInline(words.date(kickoff.date)) },
      { label: s.programme, value: textInline(words.timeRange(schedule.start, schedule.end)) },
      { label: s.team, value: textInline(words.timeRange(schedule.preMeeting.start, schedule.debrief.end)) },
      { label: s.mode, value: textInline(kickoff.mode === 'online' ? s.modeOnline : s.modeInPerson) },
      ...placeFacts(kickoff, labels),
    ],
  };

  // Names left open stay visible as a gap to fill, rather than silently missing.
  const roleRows = kickoff.roles.map(({ role, person }): Inline[][] => {
    const name = shownName(person, 'team');
    return [
      textInline(role.label, { bold: true }),
      name ? textInline(name) : [{ kind: 'text', text: s.toBeDecided, italic: true, tone: 'muted' }],
      textInline(role.description),
    ];
  });
  const roles: ContentBlock = {
    kind: 'table',
    columns: [{ width: 1.5 }, { width: 1.6 }, { width: 4.2 }],
    header: [textInline(s.role), textInline(s.name), textInline(s.task)],
    rows: roleRows,
  };

  // The clock of the whole day on one table, including the team's own pre-meeting and debrief
  // (in italics): the chair keeps this page at hand, the sections below say how.
  const teamRow = (at: { start: string; end: string }, title: string): Inline[][] => [
    [{ kind: 'text', text: words.span(at.start, at.end), italic: true }],
    [{ kind: 'text', text: title, italic: true }],
    [{ kind: 'text', text: s.team, italic: true }],
  ];
  const overview: ContentBlock = {
    kind: 'table',
    columns: [{ width: 1.35 }, { width: 3.1 }, { width: 3.3 }],
    header: [textInline(s.time), textInline(s.part), textInline(s.who)],
    rows: [
      teamRow(schedule.preMeeting, programme.preMeeting.title),
      ...schedule.parts.map((part) => [
        cell(words.span(part.start, part.end), part),
        cell(part.title, part, { bold: true }),
        part.kind === 'break' ? cell(partRoles(plan, part).map((r) => r.role.label).join(', '), part) : whoInline(plan, part),
      ]),
      teamRow(schedule.debrief, programme.debrief.title),
    ],
  };

  const slots: Record<string, ContentBlock[]> = { details: [details], roles: [roles], overview: [overview] };
  schedule.parts.forEach((part, i) => {
    slots[`part-${i}`] = [partBlock(plan, part)];
  });

  const text = renderText(ctx, 'kickoff/draaiboek', {
    project: templateProject(ctx),
    online: kickoff.mode === 'online',
    preMeeting: { title: programme.preMeeting.title, what: programme.preMeeting.what, clock: words.span(schedule.preMeeting.start, schedule.preMeeting.end) },
    parts: schedule.parts.map((part) => ({ title: part.title, clock: words.span(part.start, part.end) })),
    groundRules: programme.groundRules,
    debrief: { title: programme.debrief.title, what: programme.debrief.what, clock: words.span(schedule.debrief.start, schedule.debrief.end) },
  });
  // A team document: it names who takes which role, and says on every page not to hand it out.
  const doc = baseDocument(ctx, { title: `${s.kickoffRunSheetTitle} - ${ctx.area.name}`, visibility: 'team', header: `Welkome Wijk ${ctx.area.name} · ${s.kickoffRunSheetTitle}` });
  doc.blocks = text.parse(slots);
  return { kind: 'document', name: 'startbijeenkomst-draaiboek', document: doc };
}

/**
 * One part of the run sheet: what happens and the questions on the left, who and how in a grey
 * box on the right, so the chair finds "what do I ask" and "who does it" without reading it all.
 */
function partBlock(plan: KickoffPlan, part: KickoffPart): ContentBlock {
  const s = plan.labels.schedule;
  const muted = part.kind === 'break';
  const main: ContentBlock[] = [{ kind: 'paragraph', content: [{ kind: 'text', text: part.what, ...(muted ? { tone: 'muted' as const } : {}) }] }];
  if (part.questions.length) {
    main.push({ kind: 'paragraph', content: textInline(s.questions, { bold: true }) });
    main.push({ kind: 'list', ordered: false, items: part.questions.map((q) => textInline(q)) });
  }
  const side: ContentBlock = {
    kind: 'callout',
    tone: 'neutral',
    blocks: [
      { kind: 'paragraph', content: [...textInline(s.who, { bold: true }), { kind: 'lineBreak' }, ...whoInline(plan, part)] },
      { kind: 'paragraph', content: [...textInline(s.method, { bold: true }), { kind: 'lineBreak' }, ...textInline(part.method[plan.kickoff.mode])] },
    ],
  };
  return { kind: 'columns', columns: [{ width: 2, blocks: main }, { width: 1, blocks: [side] }] };
}

// ---------------------------------------------------------------------------------------------
// 3. Timeline worksheet

/** Lines per write-area: two changes of a sentence or two each, with a line to spare; three audiences still fit one page. */
const LINES_PER_MOMENT = 5;

function worksheet(ctx: MaterialContext, plan: KickoffPlan): Output {
  const { timeline } = plan.programme;
  const s = plan.labels.schedule;
  // The audiences in their fixed order: professionals, volunteers, residents.
  const audiences = (['professionals', 'vrijwilligers', 'bewoners'] as const).map((id) => ({ label: timeline.audiences[id] }));
  const slots: Record<string, ContentBlock[]> = {};
  audiences.forEach((_, i) => {
    // The two moments side by side read as a timeline: now on the left, a year on the right.
    slots[`audience-${i}`] = [
      {
        kind: 'columns',
        columns: timeline.moments.map((moment) => ({ width: 1, blocks: [{ kind: 'writeLines', label: moment.label, lines: LINES_PER_MOMENT }] })),
      },
    ];
  });
  const text = renderText(ctx, 'kickoff/werkblad', {
    project: templateProject(ctx),
    title: timeline.title,
    instruction: timeline.instruction,
    audiences,
  });
  // A worksheet is writing room: the running header names the project, the lockup would cost a group its lines.
  const doc = baseDocument(ctx, { title: `${s.worksheetTitle} - ${ctx.area.name}`, visibility: 'public', header: `Welkome Wijk ${ctx.area.name}`, brand: false });
  doc.blocks = text.parse(slots);
  return { kind: 'document', name: 'startbijeenkomst-werkblad', document: doc };
}

// ---------------------------------------------------------------------------------------------
// 4. Report: what the kick-off yielded, and the situations chosen from it

function report(ctx: MaterialContext, plan: KickoffPlan): Output[] {
  const { kickoff, labels } = plan;
  const f = kickoff.findings;
  const s = labels.schedule;
  // Nothing yielded yet and nothing chosen: a report would be an empty page to hand out.
  const anyFinding = [f.reasons, f.stigmaIssues, f.involved, f.policies, f.preconditions].some((l) => l.length > 0) || Object.keys(f.wantedChanges).length > 0;
  if (!anyFinding && !ctx.meetings.some((m) => m.situations.length)) return [];
  const themes = new Map(loadThemes(ctx.lang).map((t) => [t.id, t.label]));
  const audiences = (['professionals', 'vrijwilligers', 'bewoners'] as const).map((a) => labels.audiences[a]);
  // The changes people want, per audience: a table with the two moments of the timeline exercise.
  const wanted = (['professionals', 'vrijwilligers', 'bewoners'] as const).flatMap((a, i): Inline[][][] => {
    const w = f.wantedChanges[a];
    if (!w || (w.rightAfter.length === 0 && w.afterOneYear.length === 0)) return [];
    // Items one per line (a table cell holds no list); the model has no typed bullets for a reader to hear.
    const cell = (items: string[]): Inline[] => items.flatMap((item, j): Inline[] => (j === 0 ? textInline(item) : [{ kind: 'lineBreak' }, ...textInline(item)]));
    return [[textInline(audiences[i].name, { bold: true }), cell(w.rightAfter), cell(w.afterOneYear)]];
  });
  const changes: ContentBlock[] = wanted.length
    ? [
        {
          kind: 'table',
          columns: [{ width: 1.3 }, { width: 2.5 }, { width: 2.5 }],
          header: [textInline(s.audience), ...plan.programme.timeline.moments.map((m) => textInline(m.label))],
          rows: wanted,
        },
      ]
    : [];
  const meetings = ctx.meetings.map((m) => ({
    audience: labels.audiences[m.audience],
    date: m.date,
    // Theme names can hold 'en' themselves ("Regie en ongeschreven regels"): a dot keeps them apart.
    situations: m.situations.map((sit) => ({ title: sit.title, why: sit.why ?? null, themes: sit.themes.map((t) => themes.get(t) ?? t).join(' · '), themeCount: sit.themes.length })),
  }));
  const text = renderText(ctx, 'kickoff/verslag', {
    project: templateProject(ctx),
    title: plan.programme.title,
    areaKind: labels.areaKinds[ctx.area.kind],
    theAreaKind: labels.areaWords[ctx.area.kind].the,
    date: kickoff.date,
    online: kickoff.mode === 'online',
    venue: kickoff.venue ?? null,
    findings: f,
    hasChanges: wanted.length > 0,
    meetings,
    organiser: organiserForTemplates(ctx),
  });
  const doc = baseDocument(ctx, { title: `${labels.materials.kickoffReport} - ${ctx.area.name}`, visibility: 'public', header: `Welkome Wijk ${ctx.area.name}` });
  doc.blocks = text.parse({ changes });
  return [{ kind: 'document', name: 'startbijeenkomst-verslag', document: doc }];
}

export async function renderKickoff(ctx: MaterialContext, _opts: MaterialOptions): Promise<Output[]> {
  const { kickoff } = ctx;
  if (!kickoff) return [];
  const plan: KickoffPlan = { kickoff, programme: ctx.programmes.kickoff, labels: loadLabels(ctx.lang), words: wording(ctx.lang) };
  return [invitation(ctx, plan), agenda(ctx, plan), runSheet(ctx, plan), worksheet(ctx, plan), ...report(ctx, plan)];
}
