// After the meetings: the follow-up and "borging" action list, a worksheet for the project group's
// learning sessions. The changes the kick-off asked for (right after the meetings and after a year,
// per audience) with empty columns for who takes each on and by when, then the ways to carry on that
// the handbook names (local inclusion agenda, courses, neighbourhood circles) to choose from.
import { loadKit } from '../content/kit.js';
import { loadLabels } from '../content/labels.js';
import type { ContentBlock, Inline } from '../document/model.js';
import { AUDIENCES } from '../content/library.js';
import { baseDocument, templateProject, type MaterialContext, type Output } from './context.js';
import { renderText, textInline, wording } from './text.js';

/** Empty rows under the kick-off's changes, for what the learning sessions add. */
const EMPTY_ROWS = 4;

export async function renderFollowUp(ctx: MaterialContext): Promise<Output[]> {
  const labels = loadLabels(ctx.lang);
  const kit = loadKit(ctx.lang);
  const words = wording(ctx.lang);
  const f = kit.followup;
  const wanted = ctx.kickoff?.findings.wantedChanges;
  const changes: Inline[][][] = [];
  for (const audience of AUDIENCES) {
    const perAudience = wanted?.[audience];
    for (const [when, items] of [['rightAfter', perAudience?.rightAfter ?? []], ['afterOneYear', perAudience?.afterOneYear ?? []]] as const) {
      for (const item of items) changes.push([textInline(item), textInline(labels.audiences[audience].people), textInline(f[when]), [], [], []]);
    }
  }
  // A line break makes an empty row two lines high: room to write in.
  const blank = (cells: number): Inline[][] => [[{ kind: 'text', text: ' ' }, { kind: 'lineBreak' }], ...Array.from({ length: cells - 1 }, () => [])];
  for (let i = 0; i < EMPTY_ROWS; i++) changes.push(blank(6));
  const changesTable: ContentBlock = {
    kind: 'table',
    columns: [{ width: 5 }, { width: 1.6 }, { width: 1.9 }, { width: 2.2 }, { width: 1.4 }, { width: 0.9, align: 'center' }],
    header: [f.change, f.audience, f.when, f.owner, f.date, f.done].map((h) => textInline(h)),
    rows: changes,
  };
  const optionsTable: ContentBlock = {
    kind: 'table',
    columns: [{ width: 2.6 }, { width: 5 }, { width: 2.2 }, { width: 1.4 }],
    header: [f.option, f.what, f.explore, f.date].map((h) => textInline(h)),
    rows: f.options.map((o) => [textInline(o.title, { bold: true }), textInline(o.what), [], []]),
  };
  const sessions = ctx.learningSessions.map((s) => (s.title ? `${s.title}: ${words.date(s.date)}` : words.date(s.date)));
  const text = renderText(ctx, 'kit/borging', {
    project: templateProject(ctx),
    sessions,
    hasChanges: changes.length > EMPTY_ROWS,
    nothing: f.nothing,
    policies: ctx.kickoff?.findings.policies ?? [],
    preconditions: ctx.kickoff?.findings.preconditions ?? [],
  });
  const doc = baseDocument(ctx, {
    title: `${kit.materials.followup} - ${ctx.area.name}`,
    visibility: 'team',
    header: `Welkome Wijk ${ctx.area.name} · ${kit.materials.followup}`,
    orientation: 'landscape',
    brand: false,
  });
  doc.blocks = text.parse({ changes: [changesTable], options: [optionsTable] });
  return [{ kind: 'document', name: 'borging-actielijst', document: doc }];
}
