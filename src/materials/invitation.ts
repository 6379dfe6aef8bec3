// The invitations to the awareness meetings, one per audience: the words come from
// templates/<lang>/invitation/<audience>.md.hbs, the when/where/register blocks are built here.
import { loadLabels, type Labels } from '../content/labels.js';
import type { ContentBlock, Fact } from '../document/model.js';
import type { Meeting } from '../project/schema.js';
import { baseDocument, leaderOf, pairOf, publicName, type MaterialContext, type MaterialOptions, type Output } from './context.js';
import { renderText, textInline } from './text.js';
import { meetingEnd } from './timing.js';

/** Everything practical in one place: when, where, food, cost, how to register; the QR code beside it. */
function details(meeting: Meeting, labels: Labels, when: string, duration: string, deadline?: string): ContentBlock[] {
  const r = meeting.registration;
  const facts: Fact[] = [
    { label: labels.facts.when, value: textInline(when) },
    { label: labels.facts.duration, value: textInline(duration) },
    { label: labels.facts.where, value: textInline(meeting.venue.name) },
    { label: labels.facts.address, value: textInline(meeting.venue.address) },
  ];
  if (meeting.venue.accessibility) facts.push({ label: labels.facts.accessibility, value: textInline(meeting.venue.accessibility) });
  if (meeting.meal) facts.push({ label: labels.facts.meal, value: textInline(labels.mealText) });
  facts.push({ label: labels.facts.cost, value: textInline(labels.costText) });
  if (r.email) facts.push({ label: labels.facts.email, value: [{ kind: 'link', text: r.email, url: `mailto:${r.email}` }] });
  if (r.phone) facts.push({ label: labels.facts.phone, value: [{ kind: 'link', text: r.phone, url: `tel:${r.phone.replace(/[^+0-9]/g, '')}` }] });
  if (r.url) facts.push({ label: labels.facts.website, value: [{ kind: 'link', text: r.url.replace(/^https?:\/\//, ''), url: r.url }] });
  if (deadline) facts.push({ label: labels.facts.deadline, value: textInline(deadline, { bold: true }) });
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
export function invitationFor(ctx: MaterialContext, meeting: Meeting): Output {
  const { project, lang } = ctx;
  const labels = loadLabels(lang);
  const leader = leaderOf(project, meeting);
  const pair = pairOf(project, meeting.livedExperience);
  // Privacy: only people who said yes are named; the others are counted, never described.
  const namedExperts = pair.map(publicName).filter((n): n is string => !!n);
  const data = {
    project,
    meeting,
    audience: labels.audiences[meeting.audience],
    areaKind: labels.areaKinds[project.area.kind],
    leaderName: leader?.name ?? meeting.leader,
    leaderOrganisation: leader?.organisation,
    namedExperts,
    expertCount: pair.length,
    unnamedCount: pair.length - namedExperts.length,
    organiser: project.organisers.projectLeader,
    organisations: project.branding.organisations.length ? project.branding.organisations : [project.organisers.projectLeader.organisation],
  };
  const text = renderText(ctx, `invitation/${meeting.audience}`, data);
  const deadline = meeting.registration.deadline ? text.helpers.date(meeting.registration.deadline) : undefined;
  const blocks = text.parse({
    details: details(meeting, labels, text.helpers.when(meeting.date, meeting.start, meetingEnd(meeting)), text.helpers.duration(meeting.durationMinutes), deadline),
  });
  const doc = baseDocument(ctx, {
    title: `${labels.materials.invitation} ${labels.audiences[meeting.audience].people} - ${project.area.name}`,
    header: `Welkome Wijk ${project.area.name}`,
  });
  doc.blocks = blocks;
  return { kind: 'document', name: `uitnodiging-${meeting.audience}`, document: doc };
}

export async function renderInvitations(ctx: MaterialContext, opts: MaterialOptions): Promise<Output[]> {
  return ctx.project.meetings.filter((m) => !opts.audience || m.audience === opts.audience).map((m) => invitationFor(ctx, m));
}

