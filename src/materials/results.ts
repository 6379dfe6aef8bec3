// The results of the questionnaires (step 5 of the handbook, "learn together"): a report per meeting and
// for the whole season, an internal page per meeting with the marks for the people with lived
// experience (first for the discussion leader), and the final evaluation guide with the numbers filled
// in. Not a material of `render all`: it needs the answers, which only `render results` is given.
import { loadTips } from '../content/library.js';
import { loadLabels } from '../content/labels.js';
import { fill, loadResultsTexts, type ResultsTexts } from '../content/results.js';
import type { Chart, ContentBlock, Inline } from '../document/model.js';
import { localeOf, type Lang } from '../languages.js';
import type { AnswerForm } from '../results/answers.js';
import type { MeetingAnswers } from '../results/files.js';
import { answeredCount, gradeStats, responsePercent, type GradeStats } from '../results/stats.js';
import { surveyOf, type Survey } from '../results/survey.js';
import { shownName, type Person, type ResolvedMeeting } from '../resolve/index.js';
import { baseDocument, templateProject, type MaterialContext, type Output } from './context.js';
import { finalEvaluationGuide } from './evaluation.js';
import { formatShortDate } from '../templating/helpers.js';
import { renderText, textInline } from './text.js';

/** Grade questions that are about the people with lived experience: shown to the discussion leader only. */
const INTERNAL_GRADES = ['experts'];

const CHART_HEIGHT_MM = 36;

/** The report's numbers in the language's way: "7,8" in Dutch, "7.8" in English, always one decimal. */
function decimal(lang: Lang, n: number): string {
  return n.toLocaleString(localeOf(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

interface Words {
  lang: Lang;
  texts: ResultsTexts['report'];
  survey: Survey;
}

/** "7,8 (5 tot 10)", or "geen cijfers". */
function averageText(w: Words, s: GradeStats): string {
  if (s.average === null) return w.texts.noMarks;
  return `${decimal(w.lang, s.average)} (${fill(w.texts.rangeValue, { min: s.min!, max: s.max! })})`;
}

function formsText(w: Words, forms: number, expected: number): string {
  return forms === 0 ? w.texts.formsNone : fill(w.texts.formsOf, { forms, expected, percent: responsePercent(forms, expected) });
}

const cell = (text: string, bold = false): Inline[] => textInline(text, { bold });

function gradeName(w: Words, id: string): string {
  return w.texts.gradeNames[id] ?? id;
}

/** The distribution of one grade question as a bar chart, with its numbers in the alt text. */
function gradeChart(w: Words, id: string, s: GradeStats): ContentBlock {
  const name = gradeName(w, id);
  const categories = s.counts.map((_, i) => String(w.survey.scale.min + i));
  const chart: Chart = { type: 'bar', title: fill(w.texts.chartTitle, { question: name }), categories, values: s.counts, unit: w.texts.chartUnit, heightMm: CHART_HEIGHT_MM };
  const counts = s.counts
    .map((count, i) => (count ? fill(w.texts.chartAltCount, { grade: categories[i], count }) : ''))
    .filter(Boolean)
    .join(', ');
  const alt =
    s.average === null
      ? fill(w.texts.chartAltNone, { question: name })
      : fill(w.texts.chartAlt, { question: name, counts, average: decimal(w.lang, s.average), min: s.min!, max: s.max! });
  return { kind: 'chart', chart, alt };
}

/** Charts side by side, two to a row. */
function chartRows(charts: ContentBlock[]): ContentBlock[] {
  const rows: ContentBlock[] = [];
  for (let i = 0; i < charts.length; i += 2) {
    const pair = charts.slice(i, i + 2);
    rows.push(pair.length === 2 ? { kind: 'columns', columns: pair.map((c) => ({ width: 1, blocks: [c] })) } : pair[0]);
  }
  return rows;
}

/** Question | marks | average | lowest to highest. */
function gradesTable(w: Words, forms: readonly AnswerForm[], ids: readonly string[]): ContentBlock {
  return {
    kind: 'table',
    columns: [{ width: 5 }, { width: 2, align: 'right' }, { width: 2, align: 'right' }, { width: 3, align: 'right' }],
    header: [cell(w.texts.question), cell(w.texts.marks), cell(w.texts.average), cell(w.texts.range)],
    rows: ids.map((id) => {
      const s = gradeStats(forms, id, w.survey.scale);
      return [
        cell(gradeName(w, id)),
        cell(String(s.count)),
        cell(s.average === null ? '–' : decimal(w.lang, s.average)),
        cell(s.min === null ? w.texts.noMarks : fill(w.texts.rangeValue, { min: s.min, max: s.max! })),
      ];
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Free text: quoted only with the file's consent, never with a name in it

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every name the project file knows, and each capitalised part of it ("Ingrid Willems" → Ingrid, Willems). */
function knownNames(ctx: MaterialContext): string[] {
  const people: (Person | undefined)[] = [ctx.projectLeader, ...ctx.projectGroup.map((m) => m.person), ...ctx.meetings.flatMap((m) => [m.leader, ...m.pair])];
  for (const role of ctx.kickoff?.roles ?? []) people.push(role.person);
  const names = new Set<string>();
  for (const p of people) {
    if (!p) continue;
    names.add(p.name);
    // Particles ("van", "de") are lower case and no name on their own.
    for (const part of p.name.split(/\s+/)) if (part.length >= 2 && /^\p{Lu}/u.test(part)) names.add(part);
  }
  return [...names].sort((a, b) => b.length - a.length);
}

/** Free text with the project's names, e-mail addresses and phone numbers replaced by a mark. */
export function scrub(text: string, names: readonly string[], texts: ResultsTexts['report']): string {
  let out = text.replace(/[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}/g, texts.emailMark).replace(/(?:\+|\b0)\d[\d ()-]{7,}\d/g, texts.phoneMark);
  if (names.length) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    out = out.replace(pattern, texts.nameMark);
  }
  return out;
}

/** Answers that say the same (case, spacing and end punctuation aside) as one, with how often; most frequent first. */
export function groupAnswers(answers: readonly string[]): { text: string; count: number }[] {
  const groups = new Map<string, { text: string; count: number; first: number }>();
  answers.forEach((a, i) => {
    const text = a.replace(/\s+/g, ' ').trim();
    if (!text) return;
    const key = text.toLocaleLowerCase().replace(/[\s.!?…,;:]+$/u, '');
    const found = groups.get(key);
    if (found) found.count++;
    else groups.set(key, { text, count: 1, first: i });
  });
  return [...groups.values()].sort((a, b) => b.count - a.count || a.first - b.first).map(({ text, count }) => ({ text, count }));
}

/** How many forms name each golden rule (OMA, LSD, ...) in what they wrote: counted, so it needs no consent to quote. */
function goldenRuleMentions(ctx: MaterialContext, forms: readonly AnswerForm[]): { rule: string; count: number }[] {
  return loadTips(ctx.lang)
    .goldenRules.map((rule) => {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(rule.acronym)}(?![\\p{L}\\p{N}])`, 'u');
      return { rule: rule.acronym, count: forms.filter((f) => Object.values(f.open).some((t) => pattern.test(t))).length };
    })
    .filter((m) => m.count > 0)
    .sort((a, b) => b.count - a.count);
}

function openTexts(ctx: MaterialContext, w: Words, forms: readonly AnswerForm[]): ContentBlock[] {
  const open = w.survey.columns.filter((c) => c.kind === 'open');
  const out: ContentBlock[] = [];
  if (ctx.results.quoteFreeText) {
    const names = knownNames(ctx);
    for (const q of open) {
      const groups = groupAnswers(forms.map((f) => scrub(f.open[q.id] ?? '', names, w.texts)));
      out.push({ kind: 'heading', level: 3, text: w.texts.openNames[q.id] ?? q.header });
      out.push(
        groups.length
          ? { kind: 'list', ordered: false, items: groups.map((g) => [{ kind: 'text', text: g.count > 1 ? `${g.text} ${fill(w.texts.times, { count: g.count })}` : g.text }]) }
          : { kind: 'paragraph', content: cell(fill(w.texts.wroteSomething, { count: 0, forms: forms.length })) },
      );
    }
  } else {
    out.push({
      kind: 'table',
      columns: [{ width: 5 }, { width: 6, align: 'right' }],
      header: [cell(w.texts.question), cell(w.texts.answeredColumn)],
      rows: open.map((q) => [cell(w.texts.openNames[q.id] ?? q.header), cell(fill(w.texts.wroteSomething, { count: answeredCount(forms, q.id), forms: forms.length }))]),
    });
  }
  const mentions = goldenRuleMentions(ctx, forms);
  if (mentions.length) {
    out.push({
      kind: 'paragraph',
      content: [{ kind: 'text', text: `${w.texts.goldenRules}: `, bold: true }, { kind: 'text', text: mentions.map((m) => fill(w.texts.goldenRuleCount, m)).join(', ') }],
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The documents

interface MeetingResult {
  meeting: ResolvedMeeting;
  answers?: MeetingAnswers;
}

function meetingTitle(ctx: MaterialContext, w: Words, meeting: ResolvedMeeting): string {
  return fill(w.texts.meetingTitle, { people: loadLabels(ctx.lang).audiences[meeting.audience].people });
}

/** The season: a row per meeting, a total, and the meeting marks of all forms together. */
function seasonBlocks(ctx: MaterialContext, w: Words, results: readonly MeetingResult[], publicGrades: readonly string[]): ContentBlock[] {
  const labels = loadLabels(ctx.lang);
  const withFile = results.filter((r) => r.answers?.file);
  const all = withFile.flatMap((r) => r.answers!.forms);
  const expected = withFile.reduce((n, r) => n + r.meeting.expectedParticipants, 0);
  const rows = results.map((r): Inline[][] => {
    const name = `${labels.audiences[r.meeting.audience].name}, ${formatShortDate(r.meeting.date, ctx.lang)}`;
    if (!r.answers?.file) return [cell(name), cell(w.texts.noFile), ...publicGrades.map(() => cell('–'))];
    const forms = r.answers.forms;
    return [cell(name), cell(formsText(w, forms.length, r.meeting.expectedParticipants)), ...publicGrades.map((id) => cell(averageText(w, gradeStats(forms, id, w.survey.scale))))];
  });
  rows.push([
    cell(w.texts.total, true),
    cell(withFile.length ? formsText(w, all.length, expected) : w.texts.noFile, true),
    ...publicGrades.map((id) => cell(withFile.length ? averageText(w, gradeStats(all, id, w.survey.scale)) : '–', true)),
  ]);
  const blocks: ContentBlock[] = [
    {
      kind: 'table',
      columns: [{ width: 4 }, { width: 5 }, ...publicGrades.map(() => ({ width: 3, align: 'right' as const }))],
      header: [cell(w.texts.meetingColumn), cell(w.texts.formsReturned), ...publicGrades.map((id) => cell(gradeName(w, id)))],
      rows,
    },
  ];
  if (all.length) blocks.push(...chartRows(publicGrades.map((id) => gradeChart(w, id, gradeStats(all, id, w.survey.scale)))));
  return blocks;
}

function meetingBlocks(ctx: MaterialContext, w: Words, r: MeetingResult, publicGrades: readonly string[]) {
  const labels = loadLabels(ctx.lang);
  const forms = r.answers?.forms ?? [];
  const returned: Inline[] = r.answers?.file ? cell(formsText(w, forms.length, r.meeting.expectedParticipants)) : cell(w.texts.noFile);
  const data = {
    project: templateProject(ctx),
    title: meetingTitle(ctx, w, r.meeting),
    meeting: { audience: r.meeting.audience, date: r.meeting.date, venue: r.meeting.venue },
    audience: labels.audiences[r.meeting.audience],
    hasForms: forms.length > 0,
    quoted: ctx.results.quoteFreeText,
  };
  return renderText(ctx, 'results/meeting', data).parse({
    forms: [{ kind: 'facts', items: [{ label: w.texts.formsReturned, value: returned }] }],
    grades: [gradesTable(w, forms, publicGrades)],
    charts: chartRows(publicGrades.map((id) => gradeChart(w, id, gradeStats(forms, id, w.survey.scale)))),
    texts: openTexts(ctx, w, forms),
  });
}

function report(ctx: MaterialContext, w: Words, results: readonly MeetingResult[], publicGrades: readonly string[]): Output {
  const doc = baseDocument(ctx, { title: `${w.texts.reportTitle} - ${ctx.area.name}`, visibility: 'public', header: `Welkome Wijk ${ctx.area.name}` });
  const meetings = results.flatMap((r) => meetingBlocks(ctx, w, r, publicGrades));
  const data = { project: templateProject(ctx), seasonTitle: w.texts.season };
  doc.blocks = renderText(ctx, 'results/report', data).parse({ season: seasonBlocks(ctx, w, results, publicGrades), meetings });
  return { kind: 'document', name: 'resultaten', document: doc };
}

/** The internal page of one meeting: the marks for the pair, for the discussion leader to pass on with care. */
function internalPage(ctx: MaterialContext, w: Words, r: MeetingResult, internalGrades: readonly string[]): Output {
  const labels = loadLabels(ctx.lang);
  const forms = r.answers!.forms;
  const doc = baseDocument(ctx, {
    title: `${meetingTitle(ctx, w, r.meeting)} · ${gradeName(w, internalGrades[0])} · ${ctx.area.name}`,
    visibility: 'team',
    header: `Welkome Wijk ${ctx.area.name}`,
  });
  const data = {
    project: templateProject(ctx),
    meeting: { audience: r.meeting.audience, date: r.meeting.date, venue: r.meeting.venue },
    audience: labels.audiences[r.meeting.audience],
    // A team document: the discussion leader and the pair work together and are named (as on run sheets).
    leader: shownName(r.meeting.leader, 'team') ?? '',
    pair: r.meeting.pair.map((p) => shownName(p, 'team')).filter((n): n is string => !!n),
  };
  const marks: ContentBlock[] = [
    { kind: 'facts', items: [{ label: w.texts.formsReturned, value: cell(formsText(w, forms.length, r.meeting.expectedParticipants)) }] },
    gradesTable(w, forms, internalGrades),
    ...chartRows(internalGrades.map((id) => gradeChart(w, id, gradeStats(forms, id, w.survey.scale)))),
  ];
  doc.blocks = renderText(ctx, 'results/internal', data).parse({ marks });
  return { kind: 'document', name: `resultaten-intern-${r.meeting.fileSuffix}`, document: doc };
}

/** The numbers the project group talks about at the final evaluation: the public ones, per meeting and together. */
function guideBlocks(ctx: MaterialContext, w: Words, results: readonly MeetingResult[], publicGrades: readonly string[]): ContentBlock[] {
  const labels = loadLabels(ctx.lang);
  const texts = loadResultsTexts(ctx.lang).report;
  return [
    { kind: 'heading', level: 3, text: texts.guideTitle },
    { kind: 'paragraph', style: 'small', content: cell(texts.guideNote) },
    seasonBlocks(ctx, w, results, publicGrades)[0],
    { kind: 'writeLines', label: labels.facts.notes, lines: texts.guideNotesLines },
  ];
}

/** Every document of the results, for the meetings' answers (one entry per meeting of the project, in order). */
export function renderResults(ctx: MaterialContext, answers: readonly MeetingAnswers[]): Output[] {
  const texts = loadResultsTexts(ctx.lang).report;
  const survey = surveyOf(ctx.lang);
  const w: Words = { lang: ctx.lang, texts, survey };
  const grades = survey.columns.filter((c) => c.kind === 'grade').map((c) => c.id);
  const publicGrades = grades.filter((id) => !INTERNAL_GRADES.includes(id));
  const internalGrades = grades.filter((id) => INTERNAL_GRADES.includes(id));
  const results: MeetingResult[] = ctx.meetings.map((meeting) => ({ meeting, answers: answers.find((a) => a.meeting.key === meeting.fileSuffix) }));
  const outputs: Output[] = [report(ctx, w, results, publicGrades)];
  if (internalGrades.length) {
    for (const r of results) if (r.answers?.forms.length) outputs.push(internalPage(ctx, w, r, internalGrades));
  }
  outputs.push(finalEvaluationGuide(ctx, { topic: texts.guideTopic, blocks: guideBlocks(ctx, w, results, publicGrades), name: 'eindevaluatie-met-resultaten' }));
  return outputs;
}
