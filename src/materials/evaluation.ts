// Evaluation: the participants' form after each meeting (appendix 9, on A4 and on A5) and the
// guide for the final group evaluation with the project group (appendix 10).
import { areaPlaceholders, fillAreaWords } from '../content/area-words.js';
import { loadLabels } from '../content/labels.js';
import { loadEvaluation } from '../content/evaluation.js';
import type { Block, ContentBlock } from '../document/model.js';
import type { ResolvedMeeting } from '../resolve/index.js';
import { baseDocument, templateProject, type MaterialContext, type MaterialOptions, type Output } from './context.js';
import { renderText } from './text.js';

// The survey's texts moved to content/ when the results sheets (src/results) came to read them too.
export { loadEvaluation, type EvaluationTexts } from '../content/evaluation.js';

/**
 * Sizes per paper format; the form must stay on one side, as a second page gets lost or left blank.
 * On A5 the three grade rows take most of the page, so the open questions stand side by side there.
 */
const FORMS = {
  A4: { suffix: '', margins: [17, 19, 17, 19], lines: 5, compact: false },
  A5: { suffix: '-a5', margins: [12, 13, 9, 13], lines: 3, compact: true },
} as const satisfies Record<string, { suffix: string; margins: [number, number, number, number]; lines: number; compact: boolean }>;

/**
 * Open questions side by side: the questions in one row, the writing lines in the next, so the lines
 * of both columns stay level even when one question takes two lines and the other one.
 */
function sideBySide(questions: readonly { question: string }[], lines: number): ContentBlock[] {
  return [
    { kind: 'columns', columns: questions.map((q) => ({ width: 1, blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: q.question, bold: true }] }] })) },
    // The label stays empty: the question stands right above, in the row before.
    { kind: 'columns', columns: questions.map(() => ({ width: 1, blocks: [{ kind: 'writeLines', label: '', lines }] })) },
  ];
}

/** The participants' form for one meeting on one paper size. */
export function surveyFor(ctx: MaterialContext, meeting: ResolvedMeeting, size: keyof typeof FORMS): Output {
  const { lang } = ctx;
  const labels = loadLabels(lang);
  const texts = loadEvaluation(lang).survey;
  const form = FORMS[size];
  const grades: Block[] = texts.grades.map((g) => ({ kind: 'scoreBoxes', label: g.question, from: texts.gradeScale.min, to: texts.gradeScale.max }));
  // The residents' A4 form has larger type: two lines less to write on keep it on one side.
  const lines = meeting.audience === 'bewoners' && size === 'A4' ? form.lines - 2 : form.lines;
  const open: Block[] = form.compact ? sideBySide(texts.open, lines) : texts.open.map((o) => ({ kind: 'writeLines', label: o.question, lines }));
  const data = {
    project: templateProject(ctx),
    meeting: { audience: meeting.audience, date: meeting.date, start: meeting.start, venue: meeting.venue },
    survey: texts,
    meetingName: labels.materials.meetingName,
    audience: labels.audiences[meeting.audience],
    /** True on A5: the template uses a smaller title there. */
    compact: form.compact,
  };
  const doc = baseDocument(ctx, {
    title: `${labels.materials.evaluationForm} ${labels.audiences[meeting.audience].people} - ${ctx.area.name}`,
    visibility: 'public',
    header: `Welkome Wijk ${ctx.area.name}`,
    size,
    marginsMm: [...form.margins],
    // Residents get the larger type older readers ask for, on the A4 form (the A5 one stays compact).
    reading: meeting.audience === 'bewoners' && size === 'A4' ? 'large' : undefined,
    // A form is all writing room: the small running header names the project, the lockup would push a question to a second side.
    brand: false,
  });
  doc.blocks = renderText(ctx, 'evaluation/survey', data).parse({ grades, open });
  return { kind: 'document', name: `evaluatie-${meeting.fileSuffix}${form.suffix}`, document: doc };
}

/** Blocks that put numbers into the guide (see materials/results.ts): under the topic `topic`, instead of its notes. */
export interface GuideResults {
  topic: string;
  blocks: ContentBlock[];
  /** The file name of the guide with numbers, beside the empty one. */
  name: string;
}

/** The guide for the final group interview with the project group, with room for notes under every topic. */
export function finalEvaluationGuide(ctx: MaterialContext, results?: GuideResults): Output {
  const { lang } = ctx;
  const labels = loadLabels(lang);
  // The first topic shares its page with the introduction; every other topic has a page of its own,
  // so the note-taker never turns a page in the middle of a topic.
  const notes: ContentBlock[] = [{ kind: 'writeLines', label: labels.facts.notes, lines: 10 }];
  const notesPage: ContentBlock[] = [{ kind: 'writeLines', label: labels.facts.notes, lines: 17 }];
  const words = areaPlaceholders(labels, ctx.area.kind, ctx.area.name);
  const final = fillAreaWords(loadEvaluation(lang).final, words);
  const topics = final.topics.map((topic) => ({ ...topic, withResults: results?.topic === topic.id }));
  const data = { project: templateProject(ctx), final: { ...final, topics }, evaluationDate: ctx.finalEvaluation?.date ?? null };
  // For the project group's own conversation: it names no one, but is not meant for participants.
  const doc = baseDocument(ctx, {
    title: `${labels.materials.finalEvaluationGuide} - ${ctx.area.name}`,
    visibility: 'team',
    header: `Welkome Wijk ${ctx.area.name}`,
  });
  doc.blocks = renderText(ctx, 'evaluation/final', data).parse({ notes, notesPage, results: results?.blocks ?? [] });
  // A user's own copy of the template from before the numbers existed has no [[results]]: they go at the end then.
  if (results && results.blocks.length && !doc.blocks.includes(results.blocks[0])) doc.blocks.push({ kind: 'pageBreak' }, ...results.blocks);
  return { kind: 'document', name: results?.name ?? 'eindevaluatie-gespreksleidraad', document: doc };
}

export async function renderEvaluation(ctx: MaterialContext, opts: MaterialOptions): Promise<Output[]> {
  const outputs: Output[] = [];
  for (const meeting of ctx.meetings) {
    if (opts.audience && meeting.audience !== opts.audience) continue;
    outputs.push(surveyFor(ctx, meeting, 'A4'), surveyFor(ctx, meeting, 'A5'));
  }
  // The final evaluation belongs to no audience: asking for one meeting's materials leaves it out.
  if (!opts.audience) outputs.push(finalEvaluationGuide(ctx));
  return outputs;
}
