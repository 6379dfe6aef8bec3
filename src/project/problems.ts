// Problems found in a neighbourhood file, and how they are shown: file:line:col, the source line,
// a caret under the spot, the field path and a plain-language message from the catalogue.
import { t, type Lang, type MessageKey } from '../messages.js';

export type Severity = 'error' | 'warning';
export type PathSegment = string | number;

/** A position in the source, 1-based; `length` is how many characters the caret underlines. */
export interface Position {
  line: number;
  col: number;
  length: number;
}

export interface Problem {
  severity: Severity;
  /** Field path in the file, e.g. ['meetings', 0, 'venue', 'address']. */
  path: PathSegment[];
  /** Message catalogue key and its parameters. */
  key: MessageKey;
  params?: Record<string, string | number>;
  /** Rule id for problems found by a named rule (see rules.ts), shown so the README can explain it. */
  rule?: string;
  pos?: Position;
}

/** `meetings[0].venue.address` */
export function formatPath(path: PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

export interface FormatOptions {
  lang: Lang;
  /** File name as the user should see it (relative when possible). */
  file: string;
  source: string;
  /** Wrap with colour functions; identity when output is not a terminal. */
  colour?: { error(s: string): string; warning(s: string): string; dim(s: string): string; bold(s: string): string };
}

const plain = { error: (s: string) => s, warning: (s: string) => s, dim: (s: string) => s, bold: (s: string) => s };

/** Show one problem the way compilers do, in the user's language. */
export function formatProblem(problem: Problem, opts: FormatOptions): string {
  const c = opts.colour ?? plain;
  const pos = problem.pos ?? { line: 1, col: 1, length: 1 };
  const label = problem.severity === 'error' ? c.error(t(opts.lang, 'label_error')) : c.warning(t(opts.lang, 'label_warning'));
  const where = problem.path.length ? `  ${c.dim(formatPath(problem.path))}` : '';
  const lines = [`${c.bold(`${opts.file}:${pos.line}:${pos.col}`)} ${label}${where}`];
  const sourceLine = opts.source.split(/\r?\n/)[pos.line - 1];
  if (sourceLine !== undefined) {
    const gutter = String(pos.line).padStart(4);
    const shown = sourceLine.replace(/\t/g, ' ');
    lines.push(c.dim(`${gutter} | `) + shown);
    const caret = ' '.repeat(Math.max(0, pos.col - 1)) + '^'.repeat(Math.max(1, Math.min(pos.length, shown.length - pos.col + 1)));
    lines.push(c.dim(`${' '.repeat(4)} | `) + (problem.severity === 'error' ? c.error(caret) : c.warning(caret)));
  }
  lines.push(`  ${t(opts.lang, problem.key, problem.params)}${problem.rule ? c.dim(` [${problem.rule}]`) : ''}`);
  return lines.join('\n');
}

/** Sort problems by position, errors before warnings at the same spot. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.pos?.line ?? 0) - (b.pos?.line ?? 0) ||
      (a.pos?.col ?? 0) - (b.pos?.col ?? 0) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}
