// Turns the small Markdown subset that templates produce into document blocks, filling `[[slot]]` lines.
//
// The subset is deliberately tiny (headings, paragraphs, lists, callouts, bold/italic/links, line and
// page breaks) so that every construct maps onto the closed document model and both writers can show
// it. Anything outside the subset, and any unbalanced markup, stays literal text: user-edited
// templates must never crash the parser.
import { InternalError } from '../errors.js';
import type { Block, ContentBlock, Inline } from './model.js';

/**
 * Thrown when the text has a `[[name]]` line the material did not fill. It is an InternalError
 * (the built-in texts and the materials go together), but a material that renders a user's own
 * template can catch it by class and turn it into a UserError: `slot` names the culprit.
 */
export class MissingSlotError extends InternalError {
  constructor(
    readonly slot: string,
    readonly available: readonly string[],
  ) {
    super(
      `The text uses the slot [[${slot}]], but the material does not fill it. ` +
        (available.length > 0 ? `Slots it fills: ${available.map((s) => `[[${s}]]`).join(', ')}.` : 'It fills no slots.'),
    );
  }
}

/**
 * Parses template output into blocks. `slots` holds the structural blocks the material built in code;
 * a line `[[name]]` alone is replaced by `slots[name]`.
 */
export function parseMarkdown(text: string, slots: Record<string, Block[]>): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return collapsePageBreaks(parseBlocks(lines, slots, false));
}

/**
 * Escapes text so that parseMarkdown shows it literally, on one line: for free text from the project
 * file (names, places) that should not be read as markup. All runs of whitespace, newlines included,
 * become one space, so the text cannot start a list, heading or slot line or force a line break.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[ \t\r\n\f\v]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}


// ---------------------------------------------------------------------------------------------
// Blocks

const SPACE = /[ \t\f\v]/;
const HEADING = /^(#{1,3})[ \t]+(.*)$/;
const BULLET = /^-[ \t]+(.*)$/;
const NUMBERED = /^\d{1,9}\.[ \t]+(.*)$/;
const SLOT = /^\[\[(.*)\]\]$/;
const PARAGRAPH_STYLE = /^!(lead|small)(?:[ \t]+|$)/;

type LineKind = 'blank' | 'slot' | 'pageBreak' | 'heading' | 'callout' | 'bullet' | 'numbered' | 'text';

function stripStart(s: string): string {
  let i = 0;
  while (i < s.length && SPACE.test(s[i])) i++;
  return s.slice(i);
}

function stripEnd(s: string): string {
  let i = s.length;
  while (i > 0 && SPACE.test(s[i - 1])) i--;
  return s.slice(0, i);
}

function strip(s: string): string {
  return stripEnd(stripStart(s));
}

function isIndented(raw: string): boolean {
  return raw.length > 0 && SPACE.test(raw[0]);
}

/** What a line starts; `nested` is true inside a callout, where page breaks and callouts do not exist. */
function classify(raw: string, nested: boolean): LineKind {
  const line = strip(raw);
  if (line === '') return 'blank';
  if (SLOT.test(line)) return 'slot';
  if (!nested && line === '---') return 'pageBreak';
  if (HEADING.test(line) && strip(HEADING.exec(line)![2]) !== '') return 'heading';
  if (!nested && line.startsWith('>')) return 'callout';
  if (BULLET.test(line) && strip(BULLET.exec(line)![1]) !== '') return 'bullet';
  if (NUMBERED.test(line) && strip(NUMBERED.exec(line)![1]) !== '') return 'numbered';
  return 'text';
}

function parseBlocks(lines: string[], slots: Record<string, Block[]>, nested: boolean): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i];
    const kind = classify(raw, nested);
    const line = strip(raw);
    switch (kind) {
      case 'blank':
        i++;
        break;
      case 'slot': {
        const name = strip(SLOT.exec(line)![1]);
        if (!Object.hasOwn(slots, name)) throw new MissingSlotError(name, Object.keys(slots));
        blocks.push(...slots[name]);
        i++;
        break;
      }
      case 'pageBreak':
        blocks.push({ kind: 'pageBreak' });
        i++;
        break;
      case 'heading': {
        const m = HEADING.exec(line)!;
        const text = plainText(parseInline([m[2]]));
        if (text !== '') blocks.push({ kind: 'heading', level: m[1].length as 1 | 2 | 3, text });
        i++;
        break;
      }
      case 'callout':
        i = parseCallout(lines, i, slots, blocks);
        break;
      case 'bullet':
      case 'numbered':
        i = parseList(lines, i, kind, nested, blocks);
        break;
      case 'text':
        i = parseParagraph(lines, i, nested, blocks);
        break;
    }
  }
  return blocks;
}

/** Consecutive `>` lines (accent) or `>!` lines (neutral) form one callout; the content is parsed as blocks. */
function parseCallout(lines: string[], start: number, slots: Record<string, Block[]>, out: Block[]): number {
  const neutral = strip(lines[start]).startsWith('>!');
  const marker = neutral ? '>!' : '>';
  const inner: string[] = [];
  let i = start;
  while (i < lines.length) {
    const line = stripStart(lines[i]);
    if (!line.startsWith('>') || line.startsWith('>!') !== neutral) break;
    let rest = line.slice(marker.length);
    if (rest.length > 0 && SPACE.test(rest[0])) rest = rest.slice(1);
    inner.push(rest);
    i++;
  }
  // A first line that is only bold text is the title, unless it is the callout's only content.
  let title: string | undefined;
  const first = parseInline([strip(inner[0])]);
  const hasMore = inner.slice(1).some((l) => strip(l) !== '');
  if (hasMore && first.length === 1 && first[0].kind === 'text' && first[0].bold && !first[0].italic) {
    title = first[0].text;
    inner.shift();
  }
  const blocks = contentOnly(parseBlocks(inner, slots, true));
  if (blocks.length > 0 || title !== undefined) {
    const tone = neutral ? 'neutral' : 'accent';
    out.push(title === undefined ? { kind: 'callout', tone, blocks } : { kind: 'callout', tone, title, blocks });
  }
  return i;
}

/** A callout holds content only: a slot that puts a page break or a card deck inside one is a material's bug. */
function contentOnly(blocks: Block[]): ContentBlock[] {
  return blocks.map((block) => {
    if (block.kind === 'pageBreak' || block.kind === 'cards') throw new InternalError(`A ${block.kind} block cannot sit inside a callout.`);
    return block;
  });
}

/**
 * Items of one kind form one list, also across blank lines (a conditional section in a template
 * easily leaves one behind). An indented line continues the item above it; an indented item line is
 * a new item of the same list, as nested lists do not exist in the model.
 */
function parseList(lines: string[], start: number, kind: 'bullet' | 'numbered', nested: boolean, out: Block[]): number {
  const items: string[][] = [];
  let i = start;
  while (i < lines.length) {
    const raw = lines[i];
    const k = classify(raw, nested);
    if (k === kind || (isIndented(raw) && items.length > 0 && (k === 'bullet' || k === 'numbered'))) {
      // Only the start is stripped: trailing spaces may ask for a line break.
      const m = (k === 'bullet' ? BULLET : NUMBERED).exec(stripStart(raw))!;
      items.push([m[1]]);
      i++;
    } else if (k === 'text' && isIndented(raw) && items.length > 0) {
      items[items.length - 1].push(raw);
      i++;
    } else if (k === 'blank') {
      let j = i;
      while (j < lines.length && classify(lines[j], nested) === 'blank') j++;
      if (j < lines.length && classify(lines[j], nested) === kind && !isIndented(lines[j])) i = j;
      else break;
    } else {
      break;
    }
  }
  const parsed = items.map((item) => parseInline(item)).filter((content) => content.length > 0);
  if (parsed.length > 0) out.push({ kind: 'list', ordered: kind === 'numbered', items: parsed });
  return i;
}

/** Lines up to a blank line or a line that starts another block; `!lead `/`!small ` on the first line sets the style. */
function parseParagraph(lines: string[], start: number, nested: boolean, out: Block[]): number {
  const body: string[] = [];
  let i = start;
  while (i < lines.length && (i === start || classify(lines[i], nested) === 'text')) {
    body.push(lines[i]);
    i++;
  }
  let style: 'lead' | 'small' | undefined;
  const first = stripStart(body[0]);
  const m = PARAGRAPH_STYLE.exec(first);
  if (m) {
    style = m[1] as 'lead' | 'small';
    body[0] = first.slice(m[0].length);
  }
  const content = parseInline(body);
  if (content.length > 0) out.push(style ? { kind: 'paragraph', content, style } : { kind: 'paragraph', content });
  return i;
}

/** Two page breaks with nothing between them (an empty slot or section) would print a blank page. */
function collapsePageBreaks(blocks: Block[]): Block[] {
  return blocks.filter((b, idx) => !(b.kind === 'pageBreak' && idx > 0 && blocks[idx - 1].kind === 'pageBreak'));
}

// ---------------------------------------------------------------------------------------------
// Inline content
//
// Emphasis follows CommonMark's delimiter-run rules for `*` (flanking, the "rule of three"), which is
// what makes "5 * 3" stay literal and `***x***` come out bold and italic, without recursion that a
// long run of stars could overflow. `_` is not markup: it is common in names, e-mail addresses and URLs.

interface TextToken {
  kind: 'text';
  text: string;
  bold: number;
  italic: number;
}
interface DelimToken {
  kind: 'delim';
  /** Stars not yet used; what is left over at the end is literal text. */
  count: number;
  readonly original: number;
  readonly canOpen: boolean;
  readonly canClose: boolean;
  bold: number;
  italic: number;
}
interface LinkToken {
  kind: 'link';
  text: string;
  url: string;
  bold: number;
  italic: number;
}
interface BreakToken {
  kind: 'break';
  bold: number;
  italic: number;
}
type Token = TextToken | DelimToken | LinkToken | BreakToken;

const MAX_URL_LENGTH = 2048;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
/** Stands for a forced line break between two source lines; never occurs inside a line. */
const BREAK = '\n';

function isWhitespace(ch: string | undefined): boolean {
  return ch === undefined || ch === BREAK || /\s/.test(ch);
}

function isPunctuation(ch: string | undefined): boolean {
  return ch !== undefined && PUNCTUATION.test(ch);
}

/**
 * Parses the lines of one paragraph or list item. A line ending in two spaces or an (unescaped)
 * backslash ends with a forced break; other lines join with a space.
 */
function parseInline(lines: string[]): Inline[] {
  let joined = '';
  lines.forEach((raw, idx) => {
    let line = stripStart(raw);
    let hardBreak = /  $/.test(line);
    line = stripEnd(line);
    const backslashes = /\\*$/.exec(line)![0].length;
    if (backslashes % 2 === 1) {
      hardBreak = true;
      line = stripEnd(line.slice(0, -1));
    }
    joined += line;
    if (idx < lines.length - 1) joined += hardBreak ? BREAK : ' ';
  });
  const tokens = tokenize(joined);
  processEmphasis(tokens);
  return normalize(toInlines(tokens));
}

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') tokens.push({ kind: 'text', text, bold: 0, italic: 0 });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '\\' && i + 1 < s.length && ASCII_PUNCTUATION.test(s[i + 1])) {
      text += s[i + 1];
      i += 2;
    } else if (ch === BREAK) {
      flush();
      tokens.push({ kind: 'break', bold: 0, italic: 0 });
      i++;
    } else if (ch === '[') {
      const link = matchLink(s, i);
      if (link) {
        flush();
        tokens.push({ kind: 'link', text: link.text, url: link.url, bold: 0, italic: 0 });
        i = link.end;
      } else {
        text += ch;
        i++;
      }
    } else if (ch === '*') {
      let j = i;
      while (j < s.length && s[j] === '*') j++;
      const before = i > 0 ? s[i - 1] : undefined;
      const after = j < s.length ? s[j] : undefined;
      const leftFlanking = !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
      const rightFlanking = !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
      flush();
      tokens.push({ kind: 'delim', count: j - i, original: j - i, canOpen: leftFlanking, canClose: rightFlanking, bold: 0, italic: 0 });
      i = j;
    } else {
      text += ch;
      i++;
    }
  }
  flush();
  return tokens;
}

/**
 * `[text](url)` starting at `start`: no brackets inside the text; the URL may be surrounded by spaces
 * but has none inside, and may hold balanced parentheses (Wikipedia-style addresses).
 */
function matchLink(s: string, start: number): { text: string; url: string; end: number } | undefined {
  let i = start + 1;
  while (i < s.length && s[i] !== ']') {
    if (s[i] === '[' || s[i] === BREAK) return undefined;
    i += s[i] === '\\' && i + 1 < s.length ? 2 : 1;
  }
  if (i >= s.length || s[i + 1] !== '(') return undefined;
  const label = s.slice(start + 1, i);
  let j = i + 2;
  let depth = 0;
  let raw = '';
  // A cap on the URL's length keeps text full of unclosed "[a](" from taking quadratic time.
  const limit = Math.min(s.length, j + MAX_URL_LENGTH);
  for (; j < limit; j++) {
    const ch = s[j];
    if (ch === BREAK) return undefined;
    if (ch === '\\' && j + 1 < s.length && ASCII_PUNCTUATION.test(s[j + 1])) {
      raw += ch + s[j + 1];
      j++;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') {
      if (depth === 0) break;
      depth--;
    }
    raw += ch;
  }
  if (j >= limit) return undefined;
  const trimmed = strip(raw);
  if (trimmed === '' || /\s/.test(trimmed)) return undefined;
  const url = trimmed.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  const text = plainText(normalize(toInlines(processedTokens(label))));
  return { text: text === '' ? url : text, url, end: j + 1 };
}

function processedTokens(s: string): Token[] {
  const tokens = tokenize(s);
  processEmphasis(tokens);
  return tokens;
}

/** CommonMark's "process emphasis", on a flat token list: matched pairs style every token between them. */
function processEmphasis(tokens: Token[]): void {
  const delims: number[] = [];
  tokens.forEach((t, idx) => {
    if (t.kind === 'delim') delims.push(idx);
  });
  let c = 0;
  while (c < delims.length) {
    const closer = tokens[delims[c]] as DelimToken;
    if (!closer.canClose || closer.count === 0) {
      c++;
      continue;
    }
    let o = c - 1;
    for (; o >= 0; o--) {
      const opener = tokens[delims[o]] as DelimToken;
      if (!opener.canOpen || opener.count === 0) continue;
      const oddMatch =
        (opener.canClose || closer.canOpen) &&
        (opener.original + closer.original) % 3 === 0 &&
        !(opener.original % 3 === 0 && closer.original % 3 === 0);
      if (!oddMatch) break;
    }
    if (o < 0) {
      // Nothing to close: a closer that cannot open either is done with, so later closers need not
      // look past it again (keeps long runs of stray stars linear).
      if (closer.canOpen) c++;
      else delims.splice(c, 1);
      continue;
    }
    const opener = tokens[delims[o]] as DelimToken;
    const use = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
    for (let t = delims[o] + 1; t < delims[c]; t++) {
      if (use === 2) tokens[t].bold++;
      else tokens[t].italic++;
    }
    opener.count -= use;
    closer.count -= use;
    // Delimiters between the pair can no longer match anything: they stay literal.
    delims.splice(o + 1, c - o - 1);
    c = o + 1;
    if (opener.count === 0) {
      delims.splice(o, 1);
      c = o;
    }
    // The closer stays at index `c` and is looked at again if it has stars left.
  }
}

function toInlines(tokens: Token[]): Inline[] {
  const out: Inline[] = [];
  for (const t of tokens) {
    switch (t.kind) {
      case 'text':
      case 'delim': {
        const text = t.kind === 'text' ? t.text : '*'.repeat(t.count);
        if (text === '') break;
        const run: Inline = { kind: 'text', text };
        if (t.bold > 0) run.bold = true;
        if (t.italic > 0) run.italic = true;
        out.push(run);
        break;
      }
      case 'link':
        out.push({ kind: 'link', text: t.text, url: t.url });
        break;
      case 'break':
        out.push({ kind: 'lineBreak' });
        break;
    }
  }
  return out;
}

function sameStyle(a: Inline & { kind: 'text' }, b: Inline & { kind: 'text' }): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && a.tone === b.tone;
}

/**
 * Whitespace runs become one space; no space at the start or end of the content or next to a line
 * break, none doubled across a run boundary; empty runs are dropped and equal runs merged. A space
 * between two differently styled runs stays, in a run of its own if need be. Line breaks at the start
 * or end are dropped; two in a row (an intended empty line) stay.
 */
function normalize(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const item of inlines) {
    const prev = out[out.length - 1];
    if (item.kind === 'text') {
      let text = item.text.replace(/[ \t\f\v\n]+/g, ' ');
      const atLineStart = prev === undefined || prev.kind === 'lineBreak';
      const afterSpace = prev !== undefined && prev.kind === 'text' && prev.text.endsWith(' ');
      if (atLineStart || afterSpace) text = text.replace(/^ /, '');
      if (text === '') continue;
      if (prev !== undefined && prev.kind === 'text' && sameStyle(prev, item)) prev.text += text;
      else out.push({ ...item, text });
    } else if (item.kind === 'lineBreak') {
      trimTrailingSpace(out);
      if (out.length > 0) out.push(item);
    } else {
      out.push({ ...item, text: item.text.replace(/[ \t\f\v\n]+/g, ' ').trim() || item.url });
    }
  }
  for (;;) {
    trimTrailingSpace(out);
    if (out.length === 0 || out[out.length - 1].kind !== 'lineBreak') return out;
    out.pop();
  }
}

/** Removes spaces at the end of the last text run, and the run if that empties it. */
function trimTrailingSpace(out: Inline[]): void {
  const last = out[out.length - 1];
  if (last === undefined || last.kind !== 'text') return;
  last.text = last.text.replace(/ +$/, '');
  if (last.text === '') out.pop();
}

function plainText(inlines: Inline[]): string {
  return inlines
    .map((i) => (i.kind === 'lineBreak' ? ' ' : i.text))
    .join('')
    .replace(/[ \t\f\v\n]+/g, ' ')
    .trim();
}
