// Whether to colour output, by the conventions users and CI systems expect: --no-color and --color,
// then FORCE_COLOR, then NO_COLOR, then TERM=dumb, then whether the stream is a terminal.
// Hand-made escape codes: four styles do not justify loading a colour library on every run.

export interface Palette {
  error(s: string): string;
  warning(s: string): string;
  ok(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export function colourWanted(stream: { isTTY?: boolean }, argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): boolean {
  const end = argv.indexOf('--');
  const flags = end < 0 ? argv : argv.slice(0, end);
  if (flags.includes('--no-color')) return false;
  if (flags.includes('--color')) return true;
  // Node and chalk let FORCE_COLOR win over NO_COLOR; "0" and "false" turn colour off.
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  // no-color.org: set and not empty means no colour.
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return !!stream.isTTY;
}

const style = (open: string, close: string) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const none = (s: string) => s;

export const PLAIN: Palette = { error: none, warning: none, ok: none, dim: none, bold: none };

const COLOURED: Palette = {
  error: (s) => style('1', '22')(style('31', '39')(s)),
  warning: (s) => style('1', '22')(style('33', '39')(s)),
  ok: style('32', '39'),
  dim: style('2', '22'),
  bold: style('1', '22'),
};

/** The palette for a stream: colours only when wanted there. */
export function paletteFor(stream: { isTTY?: boolean }): Palette {
  return colourWanted(stream) ? COLOURED : PLAIN;
}
