// Loads a neighbourhood file: YAML with positions, then the shape check (zod), then the named rules.
// Every problem is collected, not only the first, and each carries its line and column.
import { readFileSync } from 'node:fs';
import { isScalar, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../errors.js';
import type { Lang, MessageKey } from '../messages.js';
import { hasMessage, t } from '../messages.js';
import { decodeSource } from './encoding.js';
import { keyPositionOf, nodeAt, positionOf } from './positions.js';
import type { PathSegment, Position, Problem } from './problems.js';
import { formatPath, SourceLines, sortProblems } from './problems.js';
import { checkRules } from './rules.js';
import { projectSchema, type Project } from './schema.js';
import { structureProblems } from './structure.js';
import { allowedKeysAt, closest } from './suggest.js';

export interface LoadResult {
  file: string;
  source: string;
  /** The validated project; absent when there are errors. */
  project?: Project;
  problems: Problem[];
  /** Where a field path is in the source, for problems found later (the cards' fit, measured by a writer). */
  locate?: (path: PathSegment[]) => Position;
}

/** Read and check a file; a file that cannot be read is a UserError, problems inside it are returned. */
export function loadProjectFile(file: string, lang: Lang): LoadResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(t(lang, code === 'ENOENT' ? 'file_missing' : code === 'EISDIR' ? 'file_is_dir' : 'file_unreadable', { file }));
  }
  return checkProjectBytes(bytes, file);
}

/** Check a file's bytes: anything but UTF-8 is refused with the place that shows it. */
export function checkProjectBytes(bytes: Uint8Array, file: string): LoadResult {
  const decoded = decodeSource(bytes);
  if (decoded.problem) return { file, source: normaliseBreaks(decoded.source), problems: [decoded.problem] };
  return checkProjectSource(decoded.source, file);
}

/** CRLF (Windows) and a lone CR (old Mac) become LF, so every reader of the source sees the same lines. */
function normaliseBreaks(source: string): string {
  return source.replace(/\r\n?/g, '\n');
}

/** Check YAML source text; `file` is used for relative paths (logo, templates) and messages. */
export function checkProjectSource(text: string, file: string): LoadResult {
  const { data, ...rest } = checkSourceWith(text, file, projectSchema, (project) => checkRules(project, file));
  return { ...rest, project: data };
}

/**
 * The same checks for another YAML format (the answers `init --answers` reads): parse with
 * positions, the shape check with `schema`, then `rules` on the data; every problem is located.
 */
export function checkSourceWith<T>(text: string, file: string, schema: z.ZodType<T>, rules: (data: T) => Problem[]): { file: string; source: string; data?: T; problems: Problem[]; locate?: LoadResult['locate'] } {
  const source = normaliseBreaks(text.replace(/^\ufeff/, ''));
  const counter = new LineCounter();
  // uniqueKeys is checked by structureProblems: the parser's own check is quadratic in a map's size.
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: true, uniqueKeys: false, strict: true });
  const lines = new SourceLines(source);

  if (doc.errors.length) return { file, source, problems: sortProblems(syntaxProblems(doc.errors, lines, counter)) };
  const structural = structureProblems(doc, counter);
  if (structural.length) return { file, source, problems: sortProblems(structural) };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // The alias count limit (a second guard against "billion laughs"), or a stack too deep for it.
    const key = err instanceof RangeError ? 'yaml_too_deep' : 'yaml_aliases';
    const alias = /(^|[\s[,])\*[^\s,\]]+/m.exec(source);
    const pos = alias && key === 'yaml_aliases' ? positionAt(counter, alias.index + alias[1].length, alias[0].length - alias[1].length) : FIRST;
    return { file, source, problems: [{ severity: 'error', path: [], key, pos }] };
  }
  if (data === null || data === undefined) {
    return { file, source, problems: [{ severity: 'error', path: [], key: 'empty_file', pos: FIRST }] };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    const range = doc.contents?.range;
    const pos = range ? positionAt(counter, range[0], 1) : FIRST;
    return { file, source, problems: [{ severity: 'error', path: [], key: 'not_a_project', pos }] };
  }

  const problems: Problem[] = [];
  const parsed = schema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(...fromZodIssue(issue, doc, counter, lines, schema));
    return { file, source, problems: sortProblems(dedupe(withoutExplainedMissing(problems))) };
  }

  for (const problem of rules(parsed.data)) {
    problems.push({ ...problem, pos: problem.pos ?? positionOf(doc, counter, problem.path) });
  }
  const hasErrors = problems.some((p) => p.severity === 'error');
  return { file, source, data: hasErrors ? undefined : parsed.data, problems: sortProblems(problems), locate: (path) => positionOf(doc, counter, path) };
}

const FIRST = { line: 1, col: 1, length: 1 };

function positionAt(counter: LineCounter, offset: number, length: number) {
  const { line, col } = counter.linePos(offset);
  return { line, col, length: Math.max(1, length) };
}

const indentOf = (line: string) => /^ */.exec(line)![0].length;
/** A line with content for the parser: not blank, not only a comment. */
const isContent = (line: string) => /^\s*[^\s#]/.test(line);

/**
 * The parser's errors in plain words, without its knock-on errors: after one tab or one wrongly
 * indented first line the parser complains about every line that follows, which only buries the
 * one thing to fix.
 */
function syntaxProblems(errors: YAMLError[], lines: SourceLines, counter: LineCounter): Problem[] {
  // A first line indented further than the lines below it: the whole rest of the file breaks.
  let first = 1;
  while (lines.line(first) !== undefined && (!isContent(lines.line(first)!) || /^(%|---)/.test(lines.line(first)!))) first++;
  const firstLine = lines.line(first);
  if (firstLine !== undefined && indentOf(firstLine) > 0) {
    for (let n = first + 1; lines.line(n) !== undefined; n++) {
      const text = lines.line(n)!;
      if (isContent(text) && indentOf(text) < indentOf(firstLine) && !/^\s*(#|\.\.\.|---)/.test(text)) {
        return [{ severity: 'error', path: [], key: 'yaml_first_line_indented', pos: { line: first, col: 1, length: indentOf(firstLine) } }];
      }
    }
  }

  const tabLines = errors.filter((e) => e.code === 'TAB_AS_INDENT').map((e) => counter.linePos(e.pos[0]).line);
  const firstTab = tabLines.length ? Math.min(...tabLines) : Infinity;
  const problems: Problem[] = [];
  const seenLines = new Set<number>();
  for (const err of errors) {
    const line = counter.linePos(err.pos[0]).line;
    // From a tab on, every other complaint is a knock-on of it: one message per tab.
    if (line >= firstTab && err.code !== 'TAB_AS_INDENT') continue;
    const problem = syntaxProblem(err, lines, counter);
    // One broken spot often makes the parser complain several times on the same line: the first
    // complaint is the useful one.
    if (seenLines.has(problem.pos!.line)) continue;
    seenLines.add(problem.pos!.line);
    problems.push(problem);
  }
  return problems;
}

/** Parser error codes that each have one plain message of their own. */
const YAML_CODES: Record<string, MessageKey> = {
  BAD_INDENT: 'yaml_BAD_INDENT',
  MISSING_CHAR: 'yaml_MISSING_CHAR',
  BLOCK_AS_IMPLICIT_KEY: 'yaml_BLOCK_AS_IMPLICIT_KEY',
  MULTILINE_IMPLICIT_KEY: 'yaml_MULTILINE_IMPLICIT_KEY',
  BAD_ALIAS: 'yaml_BAD_ALIAS',
  MULTIPLE_DOCS: 'yaml_MULTIPLE_DOCS',
  BAD_DQ_ESCAPE: 'yaml_BAD_DQ_ESCAPE',
  BAD_DIRECTIVE: 'yaml_BAD_DIRECTIVE',
  BLOCK_IN_FLOW: 'yaml_BLOCK_IN_FLOW',
  ALIAS_PROPS: 'yaml_props',
  BAD_PROP_ORDER: 'yaml_props',
  MULTIPLE_ANCHORS: 'yaml_props',
  MULTIPLE_TAGS: 'yaml_props',
  TAG_RESOLVE_FAILED: 'yaml_props',
  BAD_COLLECTION_TYPE: 'yaml_props',
  RESOURCE_EXHAUSTION: 'yaml_too_deep',
};

/**
 * A YAML syntax error in plain words. The parser's own message describes its grammar ("implicit
 * keys", "compact mappings") and never reaches the user; we look at the source lines to say what
 * the user most likely did.
 */
function syntaxProblem(err: YAMLError, lines: SourceLines, counter: LineCounter): Problem {
  const { line, col } = counter.linePos(err.pos[0]);
  const text = lines.line(line) ?? '';
  const next = lines.line(line + 1) ?? '';
  const message = err.message;
  const at = (l: number, c: number, length: number, key: MessageKey, params: Record<string, string> = {}): Problem => ({
    severity: 'error',
    path: [],
    key,
    params,
    pos: { line: l, col: c, length: Math.max(1, length) },
  });

  if (/Maximum call stack|too much recursion/i.test(message)) return at(line, col, 1, 'yaml_too_deep');
  if (err.code === 'TAB_AS_INDENT') {
    const tab = text.indexOf('\t');
    return at(line, tab >= 0 ? tab + 1 : col, 1, 'yaml_TAB_AS_INDENT');
  }
  if (/Nested mappings are not allowed|Implicit keys need to be on a single line/.test(message)) {
    // "name: De Linde" followed by a line indented further ("   address: ...") is read as one value.
    if (next.trim() && indentOf(next) > indentOf(text) && /^\s*[\w-]+:(\s|$)/.test(next) && !/:\s*$/.test(text)) {
      return at(line + 1, indentOf(next) + 1, next.trim().length, 'yaml_BAD_INDENT');
    }
    if (/Nested mappings/.test(message)) return at(line, col, text.length - col + 1, 'yaml_colon_in_value');
  }
  if (/block sequence may not be used as an implicit map key/.test(message)) {
    return at(line, indentOf(text) + 1, text.trim().length, 'yaml_list_among_fields');
  }
  if (err.code === 'MISSING_CHAR' && /quote/.test(message)) {
    const open = unclosedQuote(lines);
    if (open) return at(open.line, open.col, 1, 'yaml_unclosed_quote');
  }
  if (/Implicit map keys need to be followed by map values/.test(message)) {
    return at(line, col, 1, 'yaml_BLOCK_AS_IMPLICIT_KEY');
  }
  if (/directives-end/.test(message)) {
    // "%YAML 1.2" without "---" after it: point at the directive, not at the line after it.
    for (let n = line; n >= 1; n--) if (lines.line(n)?.startsWith('%')) return at(n, 1, lines.line(n)!.length, 'yaml_BAD_DIRECTIVE');
    return at(line, col, 1, 'yaml_BAD_DIRECTIVE');
  }
  if (/Comments must be separated/.test(message)) return at(line, col, 1, 'yaml_comment_space');
  // "[a, b" never closed: the parser blames the indentation of the next line.
  if (/^Flow (sequence|mapping) in block collection must be sufficiently indented and end with/.test(message)) return at(line, col, 1, 'yaml_MISSING_CHAR');
  const length = Math.min(err.pos[1] - err.pos[0], 40);
  const char = text[col - 1];
  if (err.code === 'BAD_SCALAR_START' && char) return at(line, col, 1, 'yaml_BAD_SCALAR_START', { char });
  if (err.code === 'UNEXPECTED_TOKEN' && char && char.trim()) return at(line, col, length, 'yaml_UNEXPECTED_TOKEN', { char: `'${char}'` });
  if (err.code === 'DUPLICATE_KEY') {
    const key = /^[^:]+/.exec(text.slice(col - 1))?.[0].trim() ?? '';
    return at(line, col, key.length, 'yaml_DUPLICATE_KEY', { key });
  }
  return at(line, col, length, YAML_CODES[err.code] ?? 'yaml_syntax');
}

/** The first quote that is opened on a line and never closed on it (where a missing quote starts). */
function unclosedQuote(lines: SourceLines): { line: number; col: number } | undefined {
  for (let i = 1; lines.line(i) !== undefined; i++) {
    const content = lines.line(i)!.replace(/(^|\s)#.*$/, '');
    const value = /^(\s*(?:- )?[^"'#]*?:\s+|\s*- )(["'])/.exec(content);
    if (!value) continue;
    const quote = value[2];
    const rest = content.slice(value[0].length);
    const closed = quote === '"' ? /(^|[^\\])"/.test(rest) || rest.startsWith('"') : rest.includes("'");
    if (!closed) return { line: i, col: value[0].length };
  }
  return undefined;
}

/**
 * A typo'd key ("adres" for "address") also makes the real key "missing": the suggestion already
 * says it, so the second message would only confuse.
 */
function withoutExplainedMissing(problems: Problem[]): Problem[] {
  const suggested = new Set(
    problems.filter((p) => p.key === 'unknown_key_suggest').map((p) => formatPath([...p.path.slice(0, -1), String(p.params?.suggestion)])),
  );
  return problems.filter((p) => !(p.key.startsWith('missing_field') && suggested.has(formatPath(p.path))));
}

/** zod sometimes reports the same spot twice (e.g. a union); show it once. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = `${p.pos?.line}:${p.pos?.col}:${p.key}:${JSON.stringify(p.params)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

type Issue = z.core.$ZodIssue;

/** Turn one zod issue into problems with catalogue keys, parameters and positions. */
function fromZodIssue(issue: Issue, doc: Document, counter: LineCounter, lines: SourceLines, schema: z.ZodType): Problem[] {
  const path = issue.path as PathSegment[];
  const at = (p: PathSegment[]) => positionOf(doc, counter, p);
  const named = issue.message.startsWith('msg:') ? issue.message.slice(4) : undefined;
  const custom = named !== undefined && hasMessage(named) ? named : undefined;
  // A list item is named with its list: "participantsWork[1]" says more than "1".
  const last = path[path.length - 1];
  const field = typeof last === 'number' ? formatPath(path.slice(-2)) : String(last ?? '');
  const missing = (): Problem[] => [{ severity: 'error', path, key: path.length === 1 ? 'missing_field_top' : 'missing_field', params: { field }, pos: at(path) }];
  const written = (value: unknown) => asWritten(doc, lines.source, path) ?? describeValue(value);

  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const suggestion = closest(key, allowedKeysAt(schema, path));
        return {
          severity: 'error' as const,
          path: [...path, key],
          // "<<" is a merge key of YAML 1.1; in YAML 1.2 it is just an unknown field.
          key: key === '<<' ? 'unknown_key_merge' : suggestion ? 'unknown_key_suggest' : 'unknown_key',
          params: { key, suggestion: suggestion ?? '', allowed: allowedKeysAt(schema, path).join(', ') },
          pos: keyPositionOf(doc, counter, path, key),
        };
      });
    case 'invalid_type': {
      if (issue.input === undefined) return missing();
      const pos = at(path);
      if (issue.input === null) {
        // "accentColor: #0b6e69" is empty to YAML: everything after " #" is a comment.
        const line = lines.line(pos.line) ?? '';
        const hash = /:\s+#/.test(line);
        return [{ severity: 'error', path, key: hash ? 'hash_needs_quotes' : 'empty_value', params: { field }, pos }];
      }
      const expected = `expected_${issue.expected}`;
      let key: MessageKey = custom ?? (hasMessage(expected) ? expected : 'invalid_type');
      // "- corporatie: Talis" inside a list of texts becomes a little block: a colon needs quotes.
      if (issue.expected === 'string' && typeof issue.input === 'object' && !Array.isArray(issue.input)) key = 'expected_string_got_map';
      return [{ severity: 'error', path, key, params: { field, got: written(issue.input) }, pos }];
    }
    case 'invalid_value': {
      if (issue.input === undefined) return missing();
      const allowed = issue.values.map(String);
      const suggestion = closest(String(issue.input), allowed);
      const key = custom && custom !== 'enum' ? custom : suggestion ? 'enum_suggest' : 'enum';
      return [
        {
          severity: 'error',
          path,
          key,
          params: { field, got: written(issue.input), allowed: allowed.join(', '), suggestion: suggestion ?? '' },
          pos: at(path),
        },
      ];
    }
    case 'too_small':
    case 'too_big': {
      const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const kind = issue.origin === 'array' ? 'array' : issue.origin === 'string' ? 'string' : 'number';
      const min = issue.code === 'too_small';
      const byKind: Record<typeof kind, MessageKey> = { string: min ? 'empty' : 'string_max', array: min ? 'array_min' : 'array_max', number: min ? 'number_min' : 'number_max' };
      const key = custom ?? byKind[kind];
      return [{ severity: 'error', path, key, params: { field, limit, got: written(issue.input) }, pos: at(path) }];
    }
    default:
      return [
        {
          severity: 'error',
          path,
          key: custom ?? 'invalid',
          params: { field, got: written((issue as { input?: unknown }).input), detail: issue.message },
          pos: at(path),
        },
      ];
  }
}

/** The value as the user typed it ("19.30", not the number 19.3), for scalars on one line. */
function asWritten(doc: Document, source: string, path: PathSegment[]): string | undefined {
  const node = nodeAt(doc, path) as { range?: [number, number] } | undefined;
  if (!node?.range || !isScalar(node)) return undefined;
  const text = source.slice(node.range[0], node.range[1]).trim();
  if (!text || text.includes('\n')) return undefined;
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return /^["']/.test(shown) ? shown : `'${shown}'`;
}

/** A short, readable rendering of a wrong value for messages. */
function describeValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (Array.isArray(value)) return '[…]';
  if (value && typeof value === 'object') return '{…}';
  return String(value);
}
