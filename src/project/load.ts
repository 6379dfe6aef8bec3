// Loads a neighbourhood file: YAML with positions, then the shape check (zod), then the named rules.
// Every problem is collected, not only the first, and each carries its line and column.
import { readFileSync } from 'node:fs';
import { isScalar, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../errors.js';
import type { Lang, MessageKey } from '../messages.js';
import { hasMessage, t } from '../messages.js';
import { keyPositionOf, positionOf } from './positions.js';
import type { PathSegment, Problem } from './problems.js';
import { formatPath, sortProblems } from './problems.js';
import { checkRules } from './rules.js';
import { projectSchema, type Project } from './schema.js';
import { allowedKeysAt, closest } from './suggest.js';

export interface LoadResult {
  file: string;
  source: string;
  /** The validated project; absent when there are errors. */
  project?: Project;
  problems: Problem[];
}

/** Known YAML syntax error codes with a plain-language message of their own. */
const YAML_CODES = new Set(['DUPLICATE_KEY', 'BAD_INDENT', 'MISSING_CHAR', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'TAB_AS_INDENT', 'UNEXPECTED_TOKEN', 'BAD_ALIAS']);

/** Read and check a file; a file that cannot be read is a UserError, problems inside it are returned. */
export function loadProjectFile(file: string, lang: Lang): LoadResult {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(t(lang, code === 'ENOENT' ? 'file_missing' : code === 'EISDIR' ? 'file_is_dir' : 'file_unreadable', { file }));
  }
  return checkProjectSource(source, file);
}

/** Check YAML source text; `file` is used for relative paths (logo, templates) and messages. */
export function checkProjectSource(source: string, file: string): LoadResult {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: true, uniqueKeys: true, strict: true });
  const problems: Problem[] = [];

  const seenLines = new Set<number>();
  for (const err of doc.errors) {
    const problem = syntaxProblem(err, source, counter);
    // One broken spot often makes the parser complain several times on the same line: the first
    // complaint is the useful one.
    if (seenLines.has(problem.pos!.line)) continue;
    seenLines.add(problem.pos!.line);
    problems.push(problem);
  }
  if (problems.length) return { file, source, problems: sortProblems(problems) };

  let data: unknown;
  try {
    // The alias-count limit is only checked here, in toJS: it stops "billion laughs" files.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    const alias = /(^|[\s\[,])\*[^\s,\]]+/m.exec(source);
    const pos = alias ? positionAt(counter, alias.index + alias[1].length, alias[0].length - alias[1].length) : FIRST;
    return { file, source, problems: [{ severity: 'error', path: [], key: 'yaml_aliases', pos }] };
  }
  if (data === null || data === undefined) {
    return { file, source, problems: [{ severity: 'error', path: [], key: 'empty_file', pos: FIRST }] };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    const range = doc.contents?.range;
    const pos = range ? positionAt(counter, range[0], 1) : FIRST;
    return { file, source, problems: [{ severity: 'error', path: [], key: 'not_a_project', pos }] };
  }

  const parsed = projectSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(...fromZodIssue(issue, doc, counter, source));
    return { file, source, problems: sortProblems(dedupe(withoutExplainedMissing(problems))) };
  }

  for (const problem of checkRules(parsed.data, file)) {
    problems.push({ ...problem, pos: problem.pos ?? positionOf(doc, counter, problem.path) });
  }
  const hasErrors = problems.some((p) => p.severity === 'error');
  return { file, source, project: hasErrors ? undefined : parsed.data, problems: sortProblems(problems) };
}

const FIRST = { line: 1, col: 1, length: 1 };

function positionAt(counter: LineCounter, offset: number, length: number) {
  const { line, col } = counter.linePos(offset);
  return { line, col, length: Math.max(1, length) };
}

const indentOf = (line: string) => /^ */.exec(line)![0].length;

/**
 * A YAML syntax error in plain words. The parser's own message describes its grammar ("implicit
 * keys", "compact mappings"); we look at the source lines to say what the user most likely did.
 */
function syntaxProblem(err: YAMLError, source: string, counter: LineCounter): Problem {
  const lines = source.split(/\r?\n/);
  const { line, col } = counter.linePos(err.pos[0]);
  const text = lines[line - 1] ?? '';
  const next = lines[line] ?? '';
  const message = err.message;
  const at = (l: number, c: number, length: number, key: MessageKey, params: Record<string, string> = {}): Problem => ({
    severity: 'error',
    path: [],
    key,
    params,
    pos: { line: l, col: c, length: Math.max(1, length) },
  });

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
  const length = Math.min(err.pos[1] - err.pos[0], 40);
  if (err.code === 'DUPLICATE_KEY') {
    const key = /^[^:]+/.exec(text.slice(col - 1))?.[0].trim() ?? '';
    return at(line, col, key.length, 'yaml_DUPLICATE_KEY', { key });
  }
  const coded = `yaml_${err.code}`;
  if (YAML_CODES.has(err.code) && hasMessage(coded)) return at(line, col, length, coded, { detail: plainDetail(message) });
  return at(line, col, length, 'yaml_syntax', { detail: plainDetail(message) });
}

function plainDetail(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** The first quote that is opened on a line and never closed on it (where a missing quote starts). */
function unclosedQuote(lines: string[]): { line: number; col: number } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const content = lines[i].replace(/(^|\s)#.*$/, '');
    const value = /^(\s*(?:- )?[^"'#]*?:\s+|\s*- )(["'])/.exec(content);
    if (!value) continue;
    const quote = value[2];
    const rest = content.slice(value[0].length);
    const closed = quote === '"' ? /(^|[^\\])"/.test(rest) || rest.startsWith('"') : rest.includes("'");
    if (!closed) return { line: i + 1, col: value[0].length };
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
function fromZodIssue(issue: Issue, doc: Document, counter: LineCounter, source: string): Problem[] {
  const path = issue.path as PathSegment[];
  const at = (p: PathSegment[]) => positionOf(doc, counter, p);
  const named = issue.message.startsWith('msg:') ? issue.message.slice(4) : undefined;
  const custom = named !== undefined && hasMessage(named) ? named : undefined;
  // A list item is named with its list: "participantsWork[1]" says more than "1".
  const last = path[path.length - 1];
  const field = typeof last === 'number' ? formatPath(path.slice(-2)) : String(last ?? '');
  const missing = (): Problem[] => [{ severity: 'error', path, key: path.length === 1 ? 'missing_field_top' : 'missing_field', params: { field }, pos: at(path) }];
  const written = (value: unknown) => asWritten(doc, counter, source, path) ?? describeValue(value);

  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const suggestion = closest(key, allowedKeysAt(projectSchema, path));
        return {
          severity: 'error' as const,
          path: [...path, key],
          key: suggestion ? 'unknown_key_suggest' : 'unknown_key',
          params: { key, suggestion: suggestion ?? '', allowed: allowedKeysAt(projectSchema, path).join(', ') },
          pos: keyPositionOf(doc, counter, path, key),
        };
      });
    case 'invalid_type': {
      if (issue.input === undefined) return missing();
      const pos = at(path);
      if (issue.input === null) {
        // "accentColor: #0b6e69" is empty to YAML: everything after " #" is a comment.
        const line = source.split(/\r?\n/)[pos.line - 1] ?? '';
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
function asWritten(doc: Document, counter: LineCounter, source: string, path: PathSegment[]): string | undefined {
  const node = doc.getIn(path, true) as { range?: [number, number] } | undefined;
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
