// Loads a neighbourhood file: YAML with positions, then the shape check (zod), then the named rules.
// Every problem is collected, not only the first, and each carries its line and column.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../errors.js';
import type { Lang } from './messages.js';
import { hasMessage, t } from './messages.js';
import { keyPositionOf, positionOf } from './positions.js';
import type { PathSegment, Problem } from './problems.js';
import { sortProblems } from './problems.js';
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

  for (const err of doc.errors) {
    const [start, end] = err.pos;
    const { line, col } = counter.linePos(start);
    problems.push({
      severity: 'error',
      path: [],
      key: YAML_CODES.has(err.code) ? `yaml_${err.code}` : 'yaml_syntax',
      params: { detail: err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '') },
      pos: { line, col, length: Math.max(1, Math.min(end - start, 40)) },
    });
  }
  if (problems.length) return { file, source, problems: sortProblems(problems) };

  let data: unknown;
  try {
    // The alias-count limit is only checked here, in toJS: it stops "billion laughs" files.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return { file, source, problems: [{ severity: 'error', path: [], key: 'yaml_aliases', pos: { line: 1, col: 1, length: 1 } }] };
  }
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    return { file, source, problems: [{ severity: 'error', path: [], key: 'not_a_project', pos: { line: 1, col: 1, length: 1 } }] };
  }

  const parsed = projectSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(...fromZodIssue(issue, doc, counter));
    return { file, source, problems: sortProblems(dedupe(problems)) };
  }

  for (const problem of checkRules(parsed.data, file)) {
    problems.push({ ...problem, pos: problem.pos ?? positionOf(doc, counter, problem.path) });
  }
  const hasErrors = problems.some((p) => p.severity === 'error');
  return { file, source, project: hasErrors ? undefined : parsed.data, problems: sortProblems(problems) };
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
function fromZodIssue(issue: Issue, doc: Document, counter: LineCounter): Problem[] {
  const path = issue.path as PathSegment[];
  const at = (p: PathSegment[]) => positionOf(doc, counter, p);
  const custom = issue.message.startsWith('msg:') ? issue.message.slice(4) : undefined;
  const field = String(path[path.length - 1] ?? '');

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
    case 'invalid_type':
      if (issue.input === undefined) return [{ severity: 'error', path, key: 'missing_field', params: { field }, pos: at(path) }];
      return [
        {
          severity: 'error',
          path,
          key: custom ?? (hasMessage(`expected_${issue.expected}`) ? `expected_${issue.expected}` : 'invalid_type'),
          params: { field, got: describeValue(issue.input) },
          pos: at(path),
        },
      ];
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const suggestion = closest(String(issue.input), allowed);
      return [
        {
          severity: 'error',
          path,
          key: suggestion ? 'enum_suggest' : 'enum',
          params: { field, got: describeValue(issue.input), allowed: allowed.join(', '), suggestion: suggestion ?? '' },
          pos: at(path),
        },
      ];
    }
    case 'too_small':
    case 'too_big': {
      const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const kind = issue.origin === 'array' ? 'array' : issue.origin === 'string' ? 'string' : 'number';
      const key = custom ?? (kind === 'string' && issue.code === 'too_small' ? 'empty' : `${kind}_${issue.code === 'too_small' ? 'min' : 'max'}`);
      return [{ severity: 'error', path, key, params: { field, limit, got: describeValue(issue.input) }, pos: at(path) }];
    }
    default:
      return [
        {
          severity: 'error',
          path,
          key: custom ?? 'invalid',
          params: { field, got: describeValue((issue as { input?: unknown }).input), detail: issue.message },
          pos: at(path),
        },
      ];
  }
}

/** A short, readable rendering of a wrong value for messages. */
function describeValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (Array.isArray(value)) return '[…]';
  if (value && typeof value === 'object') return '{…}';
  return String(value);
}
