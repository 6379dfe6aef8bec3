// What validate and render all tell CI besides their lines for people: problems as JSON, and as
// GitHub Actions annotations (`::error file=…,line=…,col=…::message`) when GITHUB_ACTIONS is true,
// so each problem shows up on the line of the file in a pull request.
import { relative, sep } from 'node:path';
import { t, type Lang } from '../messages.js';
import { formatPath, type Problem } from '../project/problems.js';

export interface JsonProblem {
  severity: 'error' | 'warning';
  line?: number;
  col?: number;
  /** The field, as `meetings[0].venue.address`. */
  path?: string;
  rule?: string;
  message: string;
}

export function jsonProblem(p: Problem, lang: Lang): JsonProblem {
  return {
    severity: p.severity,
    line: p.pos?.line,
    col: p.pos?.col,
    path: p.path.length ? formatPath(p.path) : undefined,
    rule: p.rule,
    message: t(lang, p.key, p.params),
  };
}

/** Annotations only in GitHub Actions (which sets GITHUB_ACTIONS=true in every step). */
export function annotationsWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

// Escaping as GitHub's own toolkit does (@actions/core): a message may hold a line break or a %,
// a property also a : or a ,.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** The file as GitHub names it: relative to the checkout (GITHUB_WORKSPACE), with `/`. */
function annotationPath(file: string, env: NodeJS.ProcessEnv): string {
  const base = env.GITHUB_WORKSPACE || process.cwd();
  const rel = relative(base, file);
  return (rel && !rel.startsWith('..') ? rel : file).split(sep).join('/');
}

/** One workflow command line (without the line break). `file` is an absolute path or one relative to the working folder. */
export function annotation(kind: 'error' | 'warning', file: string, message: string, where: { line?: number; col?: number; title?: string } = {}, env: NodeJS.ProcessEnv = process.env): string {
  const props = [`file=${escapeProperty(annotationPath(file, env))}`];
  if (where.line) props.push(`line=${where.line}`);
  if (where.col) props.push(`col=${where.col}`);
  if (where.title) props.push(`title=${escapeProperty(where.title)}`);
  return `::${kind} ${props.join(',')}::${escapeData(message)}`;
}

/** Annotations for a file's problems. */
export function problemAnnotations(file: string, problems: readonly Problem[], lang: Lang, env: NodeJS.ProcessEnv = process.env): string[] {
  return problems.map((p) =>
    annotation(p.severity, file, t(lang, p.key, p.params), { line: p.pos?.line, col: p.pos?.col, title: `welkome-wijk${p.rule ? ` ${p.rule}` : ''}` }, env),
  );
}
