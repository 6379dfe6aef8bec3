// The words of the answer sheets and the results report (content/<lang>/results.yaml), checked on loading.
import { z } from 'zod';
import { loadContentFile, type Lang } from './library.js';

const text = z
  .string()
  .refine((s) => s.trim().length > 0, 'must not be empty')
  .refine((s) => s.trim() === s, 'must not start or end with white space');
/** Excel refuses a data validation whose title is longer than 32 characters or whose text is longer than 255. */
const prompt = z.strictObject({ title: text.refine((s) => s.length <= 32, 'at most 32 characters'), text: text.refine((s) => s.length <= 255, 'at most 255 characters') });
const ids = z.record(z.string().regex(/^[a-z0-9-]+$/), text);

const resultsSchema = z.strictObject({
  sheet: z.strictObject({
    csvSeparator: z.enum([',', ';', '\t']),
    helpSheet: text.refine((s) => s.length <= 31 && !/[[\]:*?/\\]/.test(s), 'a sheet name: at most 31 characters, none of [ ] : * ? / \\'),
    columns: ids,
    formWords: z.array(text).min(1),
    personalWords: z.array(text).min(1),
    gradePrompt: prompt,
    gradeError: prompt,
    formPrompt: prompt,
    help: z.strictObject({
      title: text,
      meeting: text,
      date: text,
      expected: text,
      howTitle: text,
      how: z.array(text).min(1),
      privacy: text,
    }),
  }),
  report: z.strictObject({
    reportTitle: text,
    season: text,
    meetingTitle: text,
    formsReturned: text,
    formsOf: text,
    formsNone: text,
    noFile: text,
    question: text,
    marks: text,
    average: text,
    range: text,
    answeredColumn: text,
    rangeValue: text,
    noMarks: text,
    chartUnit: text,
    chartTitle: text,
    chartAlt: text,
    chartAltNone: text,
    chartAltCount: text,
    gradeNames: ids,
    openNames: ids,
    meetingColumn: text,
    total: text,
    wroteSomething: text,
    times: text,
    nameMark: text,
    emailMark: text,
    phoneMark: text,
    goldenRules: text,
    goldenRuleCount: text,
    guideTopic: z.string().regex(/^[a-z0-9-]+$/),
    guideTitle: text,
    guideNote: text,
    guideNotesLines: z.int().min(0).max(20),
  }),
});

export type ResultsTexts = z.output<typeof resultsSchema>;

/** content/<lang>/results.yaml. */
export function loadResultsTexts(lang: Lang): ResultsTexts {
  return loadContentFile(lang, 'results.yaml', resultsSchema);
}

/** `{name}` placeholders of a text from results.yaml filled in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : whole));
}
