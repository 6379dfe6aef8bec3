// Runs the built CLI as a user would: a separate process, with its exit code and output.
import { join } from 'node:path';
import { execa } from 'execa';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'welkome-wijk.js');

export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  return execa('node', [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: { NO_COLOR: '1', ...opts.env }, reject: false, stdin: 'ignore' });
}
