// Language check: finds stigmatising words (content/<lang>/words.yaml) in a text, and in every text this package ships.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../paths.js';
import { isLang } from '../languages.js';
import { LANGS, loadContentFile, type Lang } from './library.js';

/** One stigmatising word or phrase found in a text. */
export interface LanguageFinding {
  /** The words as they stand in the text (line breaks included), so `word.length` spans the match. */
  word: string;
  /** Offset in UTF-16 code units from the start of the text. */
  index: number;
  /** 1-based. */
  line: number;
  /** 1-based, counted in characters (code points). */
  column: number;
  instead: string;
  why: string;
}

/** A finding in one of the package's own files; `file` is relative to the package root, with `/`. */
export interface ShippedTextFinding {
  file: string;
  line: number;
  column: number;
  word: string;
}

const wordEntrySchema = z.strictObject({
  avoid: z.array(z.string().trim().min(1)).min(1),
  instead: z.string().min(1),
  why: z.string().min(1),
});
const wordListSchema = z.strictObject({ entries: z.array(wordEntrySchema).min(1) });

export type WordEntry = z.output<typeof wordEntrySchema>;

interface Matcher {
  entries: WordEntry[];
  regex: RegExp;
  /** For capture group i + 1: the entry that listed that word. */
  groupEntries: WordEntry[];
}

const matchers = new Map<Lang, Matcher>();

/** The word list of a language, as shipped in content/<lang>/words.yaml (a copy: the check keeps its own). */
export function loadWordList(lang: Lang): WordEntry[] {
  return structuredClone(matcherFor(lang).entries);
}

/**
 * Finds every listed word or phrase in `text`: whole words only, case-insensitive, phrases across
 * any whitespace. Overlapping hits keep the longest listed form, so a phrase is reported once.
 */
export function checkLanguage(text: string, lang: Lang): LanguageFinding[] {
  const matcher = matcherFor(lang);
  const { normal, toOriginal } = normaliseWithOffsets(text);
  const lineStarts = lineStartsOf(text);
  const findings: LanguageFinding[] = [];
  for (const match of normal.matchAll(matcher.regex)) {
    const group = match.findIndex((value, i) => i > 0 && value !== undefined);
    const entry = matcher.groupEntries[group - 1];
    const start = toOriginal[match.index];
    const end = toOriginal[match.index + match[0].length];
    const { line, column } = position(text, lineStarts, start);
    findings.push({ word: text.slice(start, end), index: start, line, column, instead: entry.instead, why: entry.why });
  }
  return findings;
}

/** Every file the language check covers: content/**.yaml (word lists excluded) and everything under templates/. */
export function listShippedTextFiles(root: string = packageRoot()): string[] {
  const content = filesUnder(join(root, 'content')).filter(
    (file) => /\.ya?ml$/i.test(file) && !/(^|[\\/])words\.ya?ml$/i.test(file),
  );
  return [...content, ...filesUnder(join(root, 'templates'))].sort();
}

/** Runs the language check over every shipped text, in the language of the folder it sits in. */
export function checkShippedTexts(root: string = packageRoot()): ShippedTextFinding[] {
  const findings: ShippedTextFinding[] = [];
  for (const path of listShippedTextFiles(root)) {
    const file = relative(root, path).split(sep).join('/');
    const text = readFileSync(path, 'utf8');
    if (text.includes('\u0000')) continue; // an image or font: nothing to read
    for (const lang of languagesOf(file)) {
      for (const finding of checkLanguage(text, lang)) {
        findings.push({ file, line: finding.line, column: finding.column, word: finding.word });
      }
    }
  }
  return findings;
}

function matcherFor(lang: Lang): Matcher {
  let matcher = matchers.get(lang);
  if (!matcher) {
    matcher = buildMatcher(readWordList(lang));
    matchers.set(lang, matcher);
  }
  return matcher;
}

function readWordList(lang: Lang): WordEntry[] {
  return loadContentFile(lang, 'words.yaml', wordListSchema).entries;
}

// A letter, a combining mark or a digit on either side means we are inside a longer word.
// `\b` would not do: it counts é, ë and ï as boundaries, so it would find "gek" in "cafégek".
const BEFORE = '(?<![\\p{L}\\p{M}\\p{N}_])';
const AFTER = '(?![\\p{L}\\p{M}\\p{N}_])';

function buildMatcher(entries: WordEntry[]): Matcher {
  const forms = entries.flatMap((entry) => entry.avoid.map((word) => ({ word: word.normalize('NFC'), entry })));
  // Longest first: at one position the regex takes the first alternative that fits.
  forms.sort((a, b) => b.word.length - a.word.length);
  const alternatives = forms.map(({ word }) => `(${patternFor(word)})`);
  return {
    entries,
    regex: new RegExp(`${BEFORE}(?:${alternatives.join('|')})${AFTER}`, 'giu'),
    groupEntries: forms.map((form) => form.entry),
  };
}

/** A listed form as a pattern: any run of whitespace between words, hyphen or space in compounds, either apostrophe. */
function patternFor(word: string): string {
  return word
    .trim()
    .split(/\s+/u)
    .map((part) =>
      part
        .split('-')
        .map((piece) => escapeForUnicodeRegex(piece).replace(/['’]/gu, "['’]"))
        .join('(?:\\s*[-‐‑]\\s*|\\s+)'),
    )
    .join('\\s+');
}

// In a `u` regex only syntax characters may be escaped; `\-` would be a syntax error.
function escapeForUnicodeRegex(value: string): string {
  return value.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');
}

/**
 * The text in NFC, so "patiënt" typed with a combining diaeresis still matches, together with the
 * offset in the original text of every position in the normalised one (one extra at the end).
 */
function normaliseWithOffsets(text: string): { normal: string; toOriginal: number[] } {
  const normal = text.normalize('NFC');
  if (normal === text) {
    return { normal, toOriginal: Array.from({ length: text.length + 1 }, (_, i) => i) };
  }
  let out = '';
  const toOriginal: number[] = [];
  // A base character with the marks that follow it normalises on its own.
  for (const cluster of text.matchAll(/[^\p{M}]\p{M}*|\p{M}+/gsu)) {
    const piece = cluster[0].normalize('NFC');
    for (let i = 0; i < piece.length; i += 1) toOriginal.push(cluster.index);
    out += piece;
  }
  toOriginal.push(text.length);
  return { normal: out, toOriginal };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/gu)) starts.push(match.index + match[0].length);
  return starts;
}

function position(text: string, lineStarts: number[], index: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= index) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: Array.from(text.slice(lineStarts[low], index)).length + 1 };
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile());
}

/** content/nl/... and templates/en/... say their language; anything else is checked in both. */
function languagesOf(file: string): readonly Lang[] {
  const folder = file.split('/')[1];
  return isLang(folder) ? [folder] : LANGS;
}
