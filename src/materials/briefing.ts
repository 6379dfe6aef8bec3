// The confirmation and briefing letter for the pair of people with lived experience, one per meeting:
// when to arrive, who comes and how many, their part and its length, the situations the groups talk
// about, the fee and expenses, and who to call on the day. A team document: it names the pair, as
// the run sheets do, and goes to them only.
import { loadKit } from '../content/kit.js';
import { loadLabels } from '../content/labels.js';
import type { ContentBlock, Fact, Inline } from '../document/model.js';
import { shown, shownName, type ResolvedMeeting } from '../resolve/index.js';
import { baseDocument, templateProject, type MaterialContext, type MaterialOptions, type Output } from './context.js';
import { mealSentence, venueInline } from './shared.js';
import { renderText, textInline, wording } from './text.js';

function briefingFor(ctx: MaterialContext, meeting: ResolvedMeeting): Output {
  const labels = loadLabels(ctx.lang);
  const kit = loadKit(ctx.lang).briefing;
  const words = wording(ctx.lang);
  // A team document: the pair and the leader are named in full, as on the run sheet.
  const pairNames = meeting.pair.map((p) => shownName(p, 'team')).filter((n): n is string => !!n);
  const leader = shown(meeting.leader, 'team');
  const organiser = shown(ctx.projectLeader, 'team');

  const details: Fact[] = [
    { label: labels.facts.when, value: textInline(words.date(meeting.date)) },
    { label: kit.arrive, value: textInline(words.at(meeting.arrive), { bold: true }) },
    { label: kit.programme, value: textInline(words.timeRange(meeting.start, meeting.end)) },
    { label: kit.where, value: venueInline(meeting) },
  ];
  if (meeting.venue.accessibility) details.push({ label: labels.facts.accessibility, value: textInline(meeting.venue.accessibility) });
  const meal = mealSentence(meeting, labels, words);
  if (meal) details.push({ label: kit.meal, value: textInline(meal) });

  const audience: Fact[] = [
    { label: kit.audience, value: textInline(labels.audiences[meeting.audience].people) },
    { label: kit.expected, value: textInline(String(meeting.expectedParticipants)) },
  ];
  if (meeting.audience === 'professionals' && meeting.participantsWork.length) audience.push({ label: kit.work, value: textInline(words.list(meeting.participantsWork)) });
  audience.push({ label: kit.leader, value: textInline(leader.organisation ? `${leader.name} (${leader.organisation})` : (leader.name ?? '')) });

  // Their own parts of the programme, with the clock and the length: what to prepare for.
  // The meal and the break are everyone's, not a part to prepare.
  const theirs = meeting.parts.filter((part) => part.kind !== 'meal' && part.kind !== 'break' && part.who.includes('experts'));
  const parts: ContentBlock = {
    kind: 'table',
    columns: [{ width: 1.4 }, { width: 4 }, { width: 1.2 }],
    header: [textInline(kit.time), textInline(kit.part), textInline(kit.length)],
    rows: theirs.map((part) => [textInline(words.span(part.start, part.end)), textInline(part.title, { bold: true }), textInline(words.duration(part.minutes))]),
  };
  const situations: ContentBlock[] = meeting.situations.length ? [{ kind: 'list', ordered: false, items: meeting.situations.map((s) => textInline(s.title, { bold: true })) }] : [];

  const notAgreed: Inline[] = [{ kind: 'text', text: kit.notAgreed, italic: true }];
  const fee: Fact[] = [
    { label: kit.fee, value: ctx.pairFee.amount !== undefined ? textInline(kit.feeAmount.replace('{amount}', formatEuros(ctx.pairFee.amount, ctx.lang))) : notAgreed },
    { label: kit.expenses, value: ctx.pairFee.expenses ? textInline(ctx.pairFee.expenses) : notAgreed },
  ];
  // On the day: the leader first (they are at the venue), then the project leader.
  const contacts = [leader, organiser].filter((p, i, all) => p.name && (p.phone || p.email) && all.findIndex((q) => q.name === p.name) === i);
  const contact: Fact[] = contacts.map((p) => ({ label: kit.dayContact, value: textInline([p.name, p.phone ?? p.email].join(', ')) }));

  const text = renderText(ctx, 'kit/briefing', {
    project: templateProject(ctx),
    audience: labels.audiences[meeting.audience],
    dateText: words.date(meeting.date),
    pairNames: words.list(pairNames),
    pairCount: pairNames.length,
    leaderName: leader.name ?? null,
    organiser: { name: organiser.name ?? null },
    partCount: theirs.length,
    situationCount: meeting.situations.length,
    hasContact: contact.length > 0,
  });
  const doc = baseDocument(ctx, {
    title: `${loadKit(ctx.lang).materials.briefing} ${labels.audiences[meeting.audience].people} - ${ctx.area.name}`,
    visibility: 'team',
    header: `Welkome Wijk ${ctx.area.name}`,
  });
  doc.blocks = text.parse({
    details: [{ kind: 'facts', items: details }],
    audience: [{ kind: 'facts', items: audience }],
    parts: theirs.length ? [parts] : [],
    situations,
    fee: [{ kind: 'facts', items: fee }],
    contact: contact.length ? [{ kind: 'facts', items: contact }] : [],
  });
  return { kind: 'document', name: `briefing-duo-${meeting.fileSuffix}`, document: doc };
}

/** "75" or "72,50" (nl) / "72.50" (en): whole euros without cents. */
function formatEuros(amount: number, lang: string): string {
  const cents = Math.round(amount * 100) % 100 !== 0;
  return amount.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 });
}

export async function renderBriefings(ctx: MaterialContext, opts: MaterialOptions): Promise<Output[]> {
  return ctx.meetings.filter((m) => !opts.audience || m.audience === opts.audience).map((m) => briefingFor(ctx, m));
}
