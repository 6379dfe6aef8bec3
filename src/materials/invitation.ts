// The invitations to the awareness meetings, one per audience: the words come from
// templates/<lang>/invitation/<audience>.md.hbs, the date, details and QR code are built here.
// The residents' invitation is a flyer: large type, the date large, an A4 and an A5 version.
import { loadLabels, type Labels } from '../content/labels.js';
import type { ContentBlock, Fact, PageSize } from '../document/model.js';
import type { ResolvedMeeting } from '../resolve/index.js';
import { baseDocument, templateProject, type MaterialContext, type MaterialOptions, type Output } from './context.js';
import { mealSentence, meetingTeamForTemplates, organiserForTemplates, venueInline } from './shared.js';
import { renderText, textInline, wording, type Words } from './text.js';

/**
 * A QR code a phone reads from arm's length on a notice board (the residents' flyer), or from a
 * letter in the hand (the other invitations), with the short address under it.
 */
const QR_MM = { flyer: 30, letter: 24 };

/** "https://example.nl/aanmelden/" → "example.nl/aanmelden": what a reader types over. */
export function shortAddress(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/$/, '');
}

/**
 * The date large, then the times, the place and the meal: what someone passing a notice board
 * must take away. Filled in where the template says `[[when]]`.
 */
export function when(meeting: ResolvedMeeting, labels: Labels, words: Words): ContentBlock[] {
  const meal = mealSentence(meeting, labels, words);
  const line = [words.timeRange(meeting.start, meeting.end), meeting.venue.name, labels.costText.toLowerCase()].join(' · ');
  return [
    { kind: 'paragraph', style: 'display', content: textInline(words.date(meeting.date)) },
    { kind: 'paragraph', style: 'lead', content: [{ kind: 'text', text: line, bold: true }, ...(meal ? [{ kind: 'lineBreak' } as const, { kind: 'text', text: meal, bold: true } as const] : [])] },
  ];
}

/**
 * Everything practical in one place: where, food, cost, how to register; the QR code beside it.
 * With the date shown large above (`[[when]]`), the facts do not repeat it.
 */
function details(meeting: ResolvedMeeting, labels: Labels, words: Words, dateAbove: boolean, narrow: boolean, contact?: ReturnType<typeof organiserForTemplates>): ContentBlock[] {
  const qrMm = meeting.audience === 'bewoners' ? QR_MM.flyer : QR_MM.letter;
  const r = meeting.registration;
  const facts: Fact[] = [];
  if (dateAbove) {
    facts.push({ label: labels.facts.where, value: venueInline(meeting) });
  } else {
    facts.push(
      { label: labels.facts.when, value: textInline(words.when(meeting.date, meeting.start, meeting.end)) },
      { label: labels.facts.duration, value: textInline(words.duration(meeting.minutes)) },
      { label: labels.facts.where, value: textInline(meeting.venue.name) },
      { label: labels.facts.address, value: textInline(meeting.venue.address) },
    );
  }
  if (meeting.venue.accessibility) facts.push({ label: labels.facts.accessibility, value: textInline(meeting.venue.accessibility) });
  const meal = mealSentence(meeting, labels, words);
  if (meal && !dateAbove) facts.push({ label: labels.facts.meal, value: textInline(meal) });
  if (!dateAbove) facts.push({ label: labels.facts.cost, value: textInline(labels.costText) });
  if (r.email) facts.push({ label: labels.facts.email, value: [{ kind: 'link', text: r.email, url: `mailto:${r.email}` }] });
  if (r.phone) facts.push({ label: labels.facts.phone, value: [{ kind: 'link', text: r.phone, url: `tel:${r.phone.replace(/[^+0-9]/g, '')}` }] });
  if (r.url && !dateAbove) facts.push({ label: labels.facts.website, value: [{ kind: 'link', text: shortAddress(r.url), url: r.url }] });
  if (r.deadline) facts.push({ label: labels.facts.deadline, value: textInline(words.date(r.deadline), { bold: true }) });
  // Who to ask, at the size of the rest (not as fine print): the name, and a number or address
  // only where the registration rows above do not already give it.
  if (contact?.name) {
    const more = [contact.phone !== r.phone ? contact.phone : null, contact.email !== r.email ? contact.email : null].filter((x): x is string => !!x);
    facts.push({ label: labels.facts.contact, value: textInline([contact.name, ...more].join(', ')) });
  }
  if (!r.url) return [{ kind: 'facts', items: facts }];
  // The QR code sits beside the details, so scanning and reading need no page turn; under it the
  // short address, for whoever has no phone at hand.
  // With the date above (the flyer form), the short address to type over; otherwise the old caption.
  const [caption, address] = dateAbove ? [labels.qrOrType, shortAddress(r.url)] : [labels.qrCaption, undefined];
  const qr: ContentBlock = { kind: 'qr', data: r.url, sizeMm: qrMm, alt: labels.qrAlt, caption, address };
  // On A5, at the residents' 12 pt, a column beside the code is too narrow for "Toegankelijkheid"
  // next to "Heseveldstraat": the facts take the width and the code follows under them.
  if (narrow) return [{ kind: 'facts', items: facts }, qr];
  return [
    {
      kind: 'columns',
      columns: [
        { width: 2.7, blocks: [{ kind: 'facts', items: facts }] },
        { width: 1, blocks: [qr] },
      ],
    },
  ];
}

/** One invitation document for one meeting, on A4 or (the residents' flyer) A5. */
export function invitationFor(ctx: MaterialContext, meeting: ResolvedMeeting, size: PageSize = 'A4'): Output {
  const labels = loadLabels(ctx.lang);
  const words = wording(ctx.lang);
  const residents = meeting.audience === 'bewoners';
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
    size,
    // A flyer uses its paper: less white above and below than a document for reading.
    marginsMm: size === 'A5' ? [11, 12, 14, 12] : residents ? [13, 18, 14, 18] : undefined,
    // Residents get the larger type older readers ask for.
    reading: residents ? 'large' : undefined,
  });
  const photo: ContentBlock[] = ctx.photo ? [{ kind: 'image', path: ctx.photo.path, widthMm: size === 'A5' ? 122 : 172, maxHeightMm: size === 'A5' ? 28 : 24, alt: ctx.photo.alt }] : [];
  if (ctx.photo) doc.allowedFiles.push(ctx.photo.path);
  // A template of one's own written before [[when]] existed still shows the date, in the facts.
  const dateAbove = text.uses('when');
  doc.blocks = text.parse({ when: when(meeting, labels, words), details: details(meeting, labels, words, dateAbove, size === 'A5', organiserForTemplates(ctx)), photo });
  return { kind: 'document', name: `uitnodiging-${meeting.fileSuffix}${size === 'A5' ? '-a5' : ''}`, document: doc };
}

export async function renderInvitations(ctx: MaterialContext, opts: MaterialOptions): Promise<Output[]> {
  return ctx.meetings
    .filter((m) => !opts.audience || m.audience === opts.audience)
    .flatMap((m) => (m.audience === 'bewoners' ? [invitationFor(ctx, m), invitationFor(ctx, m, 'A5')] : [invitationFor(ctx, m)]));
}
