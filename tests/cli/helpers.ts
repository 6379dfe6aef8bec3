// Runs the built CLI as a user would: a separate process, with its exit code and output.
import { join } from 'node:path';
import { execa } from 'execa';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'welkome-wijk.js');

export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  return execa('node', [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: { NO_COLOR: '1', ...opts.env }, reject: false, stdin: 'ignore' });
}

/** Quote one word for sh. */
const sh = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * Run the CLI in a pseudo-terminal (util-linux `script`), as a user at a terminal sees it: stdout
 * and stderr are both the terminal, so `output` holds both, with any escape codes.
 */
export async function cliInTerminal(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: 'xterm-256color', ...opts.env };
  const r = await execa('script', ['-qfec', ['node', BIN, ...args].map(sh).join(' '), '/dev/null'], { cwd: opts.cwd ?? ROOT, env, extendEnv: false, reject: false, stdin: 'ignore' });
  return { exitCode: r.exitCode, output: String(r.stdout) };
}
