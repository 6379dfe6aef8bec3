// The invitations to the awareness meetings, one per audience: the words come from
// templates/<lang>/invitation/<audience>.md.hbs, the when/where/register blocks are built here.
import { loadLabels, type Labels } from '../content/labels.js';
import type { ContentBlock, Fact } from '../document/model.js';
import type { ResolvedMeeting } from '../resolve/index.js';
import { baseDocument, templateProject, type MaterialContext, type MaterialOptions, type Output } from './context.js';
import { mealSentence, meetingTeamForTemplates, organiserForTemplates } from './shared.js';
import { renderText, textInline, wording, type Words } from './text.js';

/** Everything practical in one place: when, where, food, cost, how to register; the QR code beside it. */
function details(meeting: ResolvedMeeting, labels: Labels, words: Words): ContentBlock[] {
  const r = meeting.registration;
  const facts: Fact[] = [
    { label: labels.facts.when, value: textInline(words.when(meeting.date, meeting.start, meeting.end)) },
    { label: labels.facts.duration, value: textInline(words.duration(meeting.minutes)) },
    { label: labels.facts.where, value: textInline(meeting.venue.name) },
    { label: labels.facts.address, value: textInline(meeting.venue.address) },
  ];
  if (meeting.venue.accessibility) facts.push({ label: labels.facts.accessibility, value: textInline(meeting.venue.accessibility) });
  const meal = mealSentence(meeting, labels, words);
  if (meal) facts.push({ label: labels.facts.meal, value: textInline(meal) });
  facts.push({ label: labels.facts.cost, value: textInline(labels.costText) });
  if (r.email) facts.push({ label: labels.facts.email, value: [{ kind: 'link', text: r.email, url: `mailto:${r.email}` }] });
  if (r.phone) facts.push({ label: labels.facts.phone, value: [{ kind: 'link', text: r.phone, url: `tel:${r.phone.replace(/[^+0-9]/g, '')}` }] });
  if (r.url) facts.push({ label: labels.facts.website, value: [{ kind: 'link', text: r.url.replace(/^https?:\/\//, ''), url: r.url }] });
  if (r.deadline) facts.push({ label: labels.facts.deadline, value: textInline(words.date(r.deadline), { bold: true }) });
  if (!r.url) return [{ kind: 'facts', items: facts }];
  // The QR code sits beside the details, so scanning and reading need no page turn.
  return [
    {
      kind: 'columns',
      columns: [
        { width: 3, blocks: [{ kind: 'facts', items: facts }] },
        { width: 1, blocks: [{ kind: 'qr', data: r.url, sizeMm: 26, alt: labels.qrAlt, caption: labels.qrCaption }] },
      ],
    },
  ];
}

/** One invitation document for one meeting. */
export function invitationFor(ctx: MaterialContext, meeting: ResolvedMeeting): Output {
  const labels = loadLabels(ctx.lang);
  const text = renderText(ctx, `invitation/${meeting.audience}`, {
    project: templateProject(ctx),
    meeting: { audience: meeting.audience, date: meeting.date, start: meeting.start, end: meeting.end, programme: meeting.programme, venue: meeting.venue, meal: meeting.meal ? { when: meeting.meal.when, start: meeting.meal.start, end: meeting.meal.end } : null },
    audience: labels.audiences[meeting.audience],
    areaKind: labels.areaKinds[ctx.area.kind],
    ...meetingTeamForTemplates(meeting),
    organiser: organiserForTemplates(ctx),
    organisations: ctx.organisations,
  });
  const doc = baseDocument(ctx, {
    title: `${labels.materials.invitation} ${labels.audiences[meeting.audience].people} - ${ctx.area.name}`,
    visibility: 'public',
    header: `Welkome Wijk ${ctx.area.name}`,
  });
  doc.blocks = text.parse({ details: details(meeting, labels, wording(ctx.lang)) });
  return { kind: 'document', name: `uitnodiging-${meeting.fileSuffix}`, document: doc };
}

export async function renderInvitations(ctx: MaterialContext, opts: MaterialOptions): Promise<Output[]> {
  return ctx.meetings.filter((m) => !opts.audience || m.audience === opts.audience).map((m) => invitationFor(ctx, m));
}
