// What the evening itself needs on the table: an attendance list per meeting (name, organisation or
// street, signature, and an e-mail address only for whoever wants news) and a sheet of name badges
// (eight per A4, the first name written large by hand). Nothing is filled in beforehand: both are
// blank forms, so no participant's name is ever in a file.
import { loadKit } from '../content/kit.js';
import { loadLabels } from '../content/labels.js';
import type { Card, ContentBlock, Inline } from '../document/model.js';
import type { ResolvedMeeting } from '../resolve/index.js';
import { baseDocument, templateProject, type MaterialContext, type MaterialOptions, type Output } from './context.js';
import { renderText, textInline, wording } from './text.js';

/** Rows on the list: everyone expected, and room for those who come without signing up. */
export function attendanceRows(expected: number): number {
  return Math.max(15, expected + Math.ceil(expected / 3));
}

function attendanceFor(ctx: MaterialContext, meeting: ResolvedMeeting): Output {
  const labels = loadLabels(ctx.lang);
  const kit = loadKit(ctx.lang);
  const words = wording(ctx.lang);
  const a = kit.attendance;
  // Professionals come for an organisation; residents and volunteers are neighbours, a street says enough.
  const where = meeting.audience === 'professionals' ? a.organisation : a.street;
  // A number and a line break make each row two lines high: tall enough to sign in.
  const rows = Array.from({ length: attendanceRows(meeting.expectedParticipants) }, (_, i): Inline[][] => [
    [{ kind: 'text', text: String(i + 1), tone: 'muted' }, { kind: 'lineBreak' }],
    [],
    [],
    [],
    [],
  ]);
  const table: ContentBlock = {
    kind: 'table',
    columns: [{ width: 0.4, align: 'right' }, { width: 3 }, { width: 3 }, { width: 2.4 }, { width: 3.2 }],
    header: [textInline('#'), textInline(a.name), textInline(where), textInline(a.signature), textInline(a.email)],
    rows,
  };
  const text = renderText(ctx, 'kit/presentielijst', {
    project: templateProject(ctx),
    audience: labels.audiences[meeting.audience],
    whenText: words.when(meeting.date, meeting.start, meeting.end),
    venue: meeting.venue.name,
    countLabel: a.count,
  });
  const doc = baseDocument(ctx, {
    title: `${kit.materials.attendance} ${labels.audiences[meeting.audience].people} - ${ctx.area.name}`,
    visibility: 'public',
    header: `Welkome Wijk ${ctx.area.name} · ${kit.materials.attendance}`,
    orientation: 'landscape',
    marginsMm: [14, 15, 14, 15],
    // A form: all room for writing, with the small running header instead of the lockup.
    brand: false,
  });
  doc.blocks = text.parse({ list: [table] });
  return { kind: 'document', name: `presentielijst-${meeting.fileSuffix}`, document: doc };
}

/** Eight blank badges per sheet: the project's name small, the first name written large. */
function badges(ctx: MaterialContext): Output {
  const labels = loadLabels(ctx.lang);
  const kit = loadKit(ctx.lang);
  const badge: Card = {
    kicker: `${labels.wordmark} ${ctx.area.name}`,
    title: kit.badges.title,
    icon: 'house',
    blocks: [{ kind: 'writeLines', label: '', lines: 1 }],
    foot: [{ kind: 'paragraph', style: 'small', content: [{ kind: 'text', text: kit.badges.nameLabel, tone: 'muted' }] }],
    // The back holds the project's lockup and logo only: a badge has no room for a sentence as well.
    back: [],
  };
  const doc = baseDocument(ctx, { title: `${kit.materials.badges} - ${ctx.area.name}`, visibility: 'public', size: 'A6' });
  doc.blocks = [{ kind: 'cards', layout: { kind: 'a4-eight' }, cards: Array.from({ length: 8 }, () => badge), name: kit.materials.badges, printNote: kit.badges.printNote }];
  // PDF only, like the print shop's deck: eight cards cut to size must sit exactly on the sheet, and
  // Word sets each a little taller, which pushed the last cut marks onto a page of their own (so the
  // backs printed behind the wrong sheet). There is nothing to edit on a blank badge.
  return { kind: 'document', name: 'naambadges', document: doc, formats: ['pdf'] };
}

export async function renderEvening(ctx: MaterialContext, opts: MaterialOptions): Promise<Output[]> {
  const lists = ctx.meetings.filter((m) => !opts.audience || m.audience === opts.audience).map((m) => attendanceFor(ctx, m));
  // The badges are the same for every evening: one sheet, printed as often as needed.
  return ctx.meetings.length ? [...lists, badges(ctx)] : lists;
}
