// Readability check for what residents receive (B1): sentence length, and words to avoid or explain
// (content/<lang>/plain-words.yaml). It reads plain strings, so it knows nothing of documents: the
// caller hands it the texts of one material, one string per paragraph, list item, cell or label.
import { z } from 'zod';
import { loadContentFile, type Lang } from './library.js';

const text = z
  .string()
  .refine((s) => s.trim().length > 0, 'must not be empty')
  .refine((s) => s.trim() === s, 'must not start or end with white space');

const plainWordSchema = z.strictObject({
  /** Forms to find: whole words or phrases, any case; every form is listed, no stemming. */
  avoid: z.array(text).min(1),
  /** What to say instead, in everyday words. */
  instead: text,
  /** Phrases that explain the word: when one of them is in the same material, the word may stay. */
  explainedBy: z.array(text).optional(),
});

const plainWordsFileSchema = z.strictObject({
  /** No sentence longer than this many words. */
  maxSentenceWords: z.int().min(5),
  /** The average sentence of one material at most this long. */
  maxAverageWords: z.number().min(3),
  words: z.array(plainWordSchema).min(1),
});

export type PlainWord = z.output<typeof plainWordSchema>;
export type ReadabilityRules = z.output<typeof plainWordsFileSchema>;

/** One problem in a material: a sentence too long, sentences too long on average, or a word to avoid. */
export type ReadabilityFinding =
  | { kind: 'long-sentence'; sentence: string; words: number; max: number }
  | { kind: 'long-average'; average: number; max: number }
  | { kind: 'word'; word: string; sentence: string; instead: string };

/** The limits and the word list of a language, from content/<lang>/plain-words.yaml. */
export function loadReadabilityRules(lang: Lang): ReadabilityRules {
  return loadContentFile(lang, 'plain-words.yaml', plainWordsFileSchema);
}

/**
 * The sentences of a text. A sentence ends at `.`, `!` or `?` followed by white space (so "19.30" and
 * "example.nl" stay whole), and a colon or semicolon also starts a new clause a reader has to hold.
 * Line breaks end a sentence too: a heading or a list item without a full stop is a sentence of its own.
 */
export function sentencesOf(value: string): string[] {
  return value
    .split(/(?<=[.!?…][’'")\]]?)\s+|[:;](?=\s)|\n+/u)
    .map((part) => part.trim())
    .filter((part) => /[\p{L}\p{N}]/u.test(part));
}

/** Words as a reader counts them: runs with at least one letter or digit (a dash or a bullet is no word). */
export function wordsOf(sentence: string): string[] {
  return sentence.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/**
 * Checks the texts of one material: every sentence within `maxSentenceWords`, the average sentence
 * within `maxAverageWords`, and no listed word unless the material also holds one of its explanations.
 */
export function checkReadability(texts: readonly string[], lang: Lang, rules: ReadabilityRules = loadReadabilityRules(lang)): ReadabilityFinding[] {
  const findings: ReadabilityFinding[] = [];
  const sentences = texts.flatMap(sentencesOf);
  for (const sentence of sentences) {
    const count = wordsOf(sentence).length;
    if (count > rules.maxSentenceWords) findings.push({ kind: 'long-sentence', sentence, words: count, max: rules.maxSentenceWords });
  }
  if (sentences.length > 0) {
    const average = sentences.reduce((sum, s) => sum + wordsOf(s).length, 0) / sentences.length;
    if (average > rules.maxAverageWords) findings.push({ kind: 'long-average', average: Math.round(average * 10) / 10, max: rules.maxAverageWords });
  }
  const whole = texts.join('\n');
  for (const entry of rules.words) {
    if (entry.explainedBy?.some((phrase) => wordPattern(phrase).test(whole))) continue;
    // Longest form first, one finding per sentence and entry: "psychische kwetsbaarheid" is not
    // reported a second time as "kwetsbaarheid".
    const patterns = [...entry.avoid].sort((a, b) => b.length - a.length).map(wordPattern);
    for (const sentence of sentences) {
      const match = patterns.map((pattern) => pattern.exec(sentence)).find((m) => m !== null);
      if (match) findings.push({ kind: 'word', word: match[0], sentence, instead: entry.instead });
    }
  }
  return findings;
}

/** A finding as one line, for test output and messages. */
export function describeFinding(finding: ReadabilityFinding): string {
  switch (finding.kind) {
    case 'long-sentence':
      return `${finding.words} words (max ${finding.max}): ${finding.sentence}`;
    case 'long-average':
      return `average sentence ${finding.average} words (max ${finding.max})`;
    case 'word':
      return `'${finding.word}' (say: ${finding.instead}): ${finding.sentence}`;
  }
}

// Whole words only, as in the stigma check: a letter, mark or digit on either side means a longer word.
function wordPattern(form: string): RegExp {
  const escaped = form
    .trim()
    .split(/\s+/u)
    .map((part) => part.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&').replace(/['’]/gu, "['’]"))
    .join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_])${escaped}(?![\\p{L}\\p{M}\\p{N}_])`, 'iu');
}
