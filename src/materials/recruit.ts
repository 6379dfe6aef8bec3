// The recruitment kit for the residents' meeting, on paper: a poster (A4 and A3) for places people
// already go, and a card for key figures who invite people personally (what to say, in two sentences).
// The texts to copy and the square picture for social media are in social.ts.
import { loadLabels } from '../content/labels.js';
import { loadKit } from '../content/kit.js';
import type { Card, ContentBlock, Fact } from '../document/model.js';
import type { ResolvedMeeting } from '../resolve/index.js';
import { backOf } from './cards.js';
import { baseDocument, templateProject, type MaterialContext, type MaterialOptions, type Output } from './context.js';
import { shortAddress, when } from './invitation.js';
import { mealSentence, organiserForTemplates, venueInline } from './shared.js';
import { renderText, textInline, wording } from './text.js';

/**
 * Sizes per poster: A3 is A4 enlarged (type, photo and QR code alike), so the two look the same
 * from their own distance. The QR code must be scanned from a step away on a notice board.
 */
const POSTERS = {
  A4: { suffix: 'a4', qrMm: 38, photoMm: 172, photoMaxMm: 56, margins: [13, 18, 14, 18] },
  A3: { suffix: 'a3', qrMm: 54, photoMm: 249, photoMaxMm: 79, margins: [18, 25, 20, 25] },
} as const satisfies Record<string, { suffix: string; qrMm: number; photoMm: number; photoMaxMm: number; margins: [number, number, number, number] }>;

/** Values every recruitment text needs (the poster, the card, the social texts). */
export function recruitData(ctx: MaterialContext, meeting: ResolvedMeeting) {
  const labels = loadLabels(ctx.lang);
  const words = wording(ctx.lang);
  const r = meeting.registration;
  return {
    project: templateProject(ctx),
    areaKind: labels.areaKinds[ctx.area.kind],
    dateText: words.date(meeting.date),
    timeText: words.timeRange(meeting.start, meeting.end),
    startText: words.time(meeting.start),
    endText: words.time(meeting.end),
    venue: { name: meeting.venue.name, address: meeting.venue.address },
    meal: meeting.meal ? { when: meeting.meal.when, sentence: mealSentence(meeting, labels, words) } : null,
    register: { url: r.url ? shortAddress(r.url) : null, phone: r.phone ?? null, email: r.email ?? null, deadline: r.deadline ? words.date(r.deadline) : null },
    organiser: organiserForTemplates(ctx),
    organisations: ctx.organisations,
  };
}

/** Where, how to sign up, and the QR code with its short address beside it. */
function posterDetails(ctx: MaterialContext, meeting: ResolvedMeeting, size: keyof typeof POSTERS): ContentBlock[] {
  const labels = loadLabels(ctx.lang);
  const words = wording(ctx.lang);
  const r = meeting.registration;
  const facts: Fact[] = [{ label: labels.facts.where, value: venueInline(meeting) }];
  if (meeting.venue.accessibility) facts.push({ label: labels.facts.accessibility, value: textInline(meeting.venue.accessibility) });
  if (r.phone) facts.push({ label: labels.facts.phone, value: [{ kind: 'link', text: r.phone, url: `tel:${r.phone.replace(/[^+0-9]/g, '')}` }] });
  if (r.email) facts.push({ label: labels.facts.email, value: [{ kind: 'link', text: r.email, url: `mailto:${r.email}` }] });
  if (r.deadline) facts.push({ label: labels.facts.deadline, value: textInline(words.date(r.deadline), { bold: true }) });
  const list: ContentBlock = { kind: 'facts', items: facts };
  if (!r.url) return [list];
  return [
    {
      kind: 'columns',
      columns: [
        { width: 2, blocks: [list] },
        { width: 1, blocks: [{ kind: 'qr', data: r.url, sizeMm: POSTERS[size].qrMm, alt: labels.qrAlt, caption: labels.qrOrType, address: shortAddress(r.url) }] },
      ],
    },
  ];
}

/** The poster on one paper size: the date large, the place, the meal, "free", the QR code. */
function posterFor(ctx: MaterialContext, meeting: ResolvedMeeting, size: keyof typeof POSTERS): Output {
  const labels = loadLabels(ctx.lang);
  const kit = loadKit(ctx.lang);
  const words = wording(ctx.lang);
  const form = POSTERS[size];
  const doc = baseDocument(ctx, {
    title: `${kit.materials.poster} ${labels.audiences[meeting.audience].people} - ${ctx.area.name}`,
    visibility: 'public',
    header: `Welkome Wijk ${ctx.area.name}`,
    size,
    marginsMm: [...form.margins],
    reading: size === 'A3' ? 'poster-a3' : 'poster',
  });
  const photo: ContentBlock[] = ctx.photo ? [{ kind: 'image', path: ctx.photo.path, widthMm: form.photoMm, maxHeightMm: form.photoMaxMm, alt: ctx.photo.alt }] : [];
  if (ctx.photo) doc.allowedFiles.push(ctx.photo.path);
  const text = renderText(ctx, 'kit/poster', recruitData(ctx, meeting));
  doc.blocks = text.parse({ photo, when: when(meeting, labels, words), details: posterDetails(ctx, meeting, size) });
  return { kind: 'document', name: `affiche-${meeting.fileSuffix}-${form.suffix}`, document: doc };
}

/**
 * The key figures' card: four the same on an A4 sheet, one for each person who invites others (the
 * caretaker, the shopkeeper, the community worker). The front says what to say; the date and place
 * under it; the back is every deck's back.
 */
function keyFigureCards(ctx: MaterialContext, meeting: ResolvedMeeting): Output {
  const labels = loadLabels(ctx.lang);
  const kit = loadKit(ctx.lang);
  const words = wording(ctx.lang);
  const blocks = renderText(ctx, 'kit/sleutelfiguren', recruitData(ctx, meeting)).parse({}) as ContentBlock[];
  // When and where in one line at the foot: a table of two facts would take four lines of a small card.
  const facts: ContentBlock = {
    kind: 'paragraph',
    content: [
      { kind: 'text', text: `${kit.keyFigures.when}: `, bold: true },
      { kind: 'text', text: `${words.when(meeting.date, meeting.start, meeting.end)}, ${meeting.venue.name}` },
    ],
  };
  const card: Card = { kicker: kit.keyFigures.kicker, title: kit.keyFigures.title, icon: 'house', blocks, foot: [facts], back: backOf(ctx, labels, kit.materials.keyFigures) };
  const doc = baseDocument(ctx, { title: `${kit.materials.keyFigures} - ${ctx.area.name}`, visibility: 'public', size: 'A6' });
  doc.blocks = [{ kind: 'cards', layout: { kind: 'a4-four' }, cards: [card, card, card, card], name: kit.materials.keyFigures, printNote: kit.keyFigures.printNote }];
  return { kind: 'document', name: `sleutelfiguren-${meeting.fileSuffix}`, document: doc };
}

/** The residents' meetings only: the kit is for reaching neighbours, the other audiences are invited by letter. */
export function residentsMeetings(ctx: MaterialContext, opts: MaterialOptions): ResolvedMeeting[] {
  return ctx.meetings.filter((m) => m.audience === 'bewoners' && (!opts.audience || opts.audience === 'bewoners'));
}

export async function renderRecruitment(ctx: MaterialContext, opts: MaterialOptions): Promise<Output[]> {
  return residentsMeetings(ctx, opts).flatMap((m) => [posterFor(ctx, m, 'A4'), posterFor(ctx, m, 'A3'), keyFigureCards(ctx, m)]);
}
