// Problems found in a neighbourhood file, and how they are shown: file:line:col, the source line,
// a caret under the spot, the field path and a plain-language message from the catalogue.
import { printable, t, type Lang, type MessageKey } from '../messages.js';

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

/** How much of a long source line is shown around the caret (a minified line can be megabytes). */
const WINDOW = 100;

/** The lines of a source, found once: formatting 20,000 problems must not split the file 20,000 times. */
export class SourceLines {
  private readonly starts: number[] = [0];
  constructor(readonly source: string) {
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  /** Line `n` (1-based) without its line break, or undefined past the end. */
  line(n: number): string | undefined {
    if (n < 1 || n > this.starts.length) return undefined;
    const end = n < this.starts.length ? this.starts[n] - 1 : this.source.length;
    return this.source.slice(this.starts[n - 1], end).replace(/\r$/, '');
  }
}

/** A formatter for many problems of one file: the source is indexed once. */
export function problemFormatter(opts: FormatOptions): (problem: Problem) => string {
  const lines = new SourceLines(opts.source);
  const c = opts.colour ?? plain;
  const file = printable(opts.file);
  return (problem) => {
    const pos = problem.pos ?? { line: 1, col: 1, length: 1 };
    const label = problem.severity === 'error' ? c.error(t(opts.lang, 'label_error')) : c.warning(t(opts.lang, 'label_warning'));
    const where = problem.path.length ? `  ${c.dim(printable(formatPath(problem.path)))}` : '';
    const out = [`${c.bold(`${file}:${pos.line}:${pos.col}`)} ${label}${where}`];
    const sourceLine = lines.line(pos.line);
    if (sourceLine !== undefined) {
      // Show a window around the spot on a very long line, with … where text is left out.
      let from = 0;
      let to = sourceLine.length;
      if (sourceLine.length > 2 * WINDOW) {
        from = Math.max(0, pos.col - 1 - WINDOW / 2);
        to = Math.min(sourceLine.length, from + WINDOW);
      }
      const before = from > 0 ? '…' : '';
      const shown = before + printable(sourceLine.slice(from, to)) + (to < sourceLine.length ? '…' : '');
      const gutter = String(pos.line).padStart(4);
      out.push(c.dim(`${gutter} | `) + shown);
      const col = pos.col - from + before.length;
      const width = Math.max(1, Math.min(pos.length, to - from - (pos.col - 1 - from)));
      const caret = ' '.repeat(Math.max(0, col - 1)) + '^'.repeat(width);
      out.push(c.dim(`${' '.repeat(4)} | `) + (problem.severity === 'error' ? c.error(caret) : c.warning(caret)));
    }
    out.push(`  ${t(opts.lang, problem.key, problem.params)}${problem.rule ? c.dim(` [${problem.rule}]`) : ''}`);
    return out.join('\n');
  };
}

/** Show one problem the way compilers do, in the user's language. */
export function formatProblem(problem: Problem, opts: FormatOptions): string {
  return problemFormatter(opts)(problem);
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
