// The survey after each meeting and the final evaluation's topics (content/<lang>/evaluation.yaml):
// read by the forms and the guide (materials/evaluation.ts) and by the answer sheets (src/results).
import { z } from 'zod';
import { loadContentFile, type Lang } from './library.js';

// The same text rules as the other shipped content: a field left empty is caught on loading.
const text = z
  .string()
  .refine((s) => s.trim().length > 0, 'must not be empty')
  .refine((s) => s.trim() === s, 'must not start or end with white space');
const question = z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), question: text });

const evaluationSchema = z.strictObject({
  survey: z.strictObject({
    title: text,
    intro: text,
    gradeScale: z
      .strictObject({ min: z.int(), max: z.int(), label: text })
      .refine((s) => s.min < s.max && s.max - s.min < 12, 'min must be below max, and the scale must fit one row'),
    grades: z.array(question).min(1),
    open: z.array(question).min(1),
    thanks: text,
  }),
  final: z.strictObject({
    title: text,
    intro: text,
    notes: z.array(text),
    topics: z.array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), title: text, questions: z.array(text).min(1) })).min(1),
  }),
});

export type EvaluationTexts = z.output<typeof evaluationSchema>;

/** content/<lang>/evaluation.yaml: the survey questions and the final evaluation's topics. */
export function loadEvaluation(lang: Lang): EvaluationTexts {
  return loadContentFile(lang, 'evaluation.yaml', evaluationSchema);
}
