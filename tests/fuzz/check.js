// Runs one fuzz case through `validate` in the same process (process start-up would cost more than
// the check) and judges it: valid with exit 0, or a located user error with exit 2 — never exit 1,
// a stack trace, the parser's own words, a raw control character, or more than 10 seconds.

/** Phrases of the YAML parser and of Node that must never reach a user. */
const FOREIGN = /parseAllDocuments|directive indicator|Maximum call stack|Implicit (map )?keys|Nested mappings|compact mapping|at line \d+, column \d+|YAMLParseError|Unexpected (scalar|flow|token|\w+ token)|TypeError|RangeError|ReferenceError|undefined is not|Cannot read prop/;
const STACK = /\n\s+at .+:\d+:\d+/;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
export const SLOW_MS = 10_000;

/** Run `welkome-wijk validate file` through `main` with stdout and stderr captured. */
export async function runValidate(main, file) {
  const out = [];
  const err = [];
  const { write: stdoutWrite } = process.stdout;
  const { write: stderrWrite } = process.stderr;
  const saved = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR };
  process.env.NO_COLOR = '1';
  delete process.env.FORCE_COLOR;
  process.stdout.write = (chunk) => out.push(String(chunk)) > 0;
  process.stderr.write = (chunk) => err.push(String(chunk)) > 0;
  const start = performance.now();
  let code;
  try {
    code = await main(['node', 'welkome-wijk', 'validate', file]);
  } catch (e) {
    code = 'threw';
    err.push(`${e?.stack ?? e}`);
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
  return { code, ms: performance.now() - start, stdout: out.join(''), stderr: err.join('') };
}

/** What is wrong with a run; empty when the case behaved. */
export function faults(run) {
  const found = [];
  const all = run.stdout + run.stderr;
  if (run.code === 1) found.push('exit 1');
  else if (run.code !== 0 && run.code !== 2) found.push(`exit ${run.code}`);
  if (STACK.test(all)) found.push('stack trace');
  if (/Er ging iets mis in welkome-wijk zelf|went wrong inside welkome-wijk/.test(all)) found.push('internal error');
  if (run.code === 2 && !/:\d+:\d+ (fout|error)\b/.test(run.stderr)) found.push('not located');
  if (run.code === 0 && !run.stdout.startsWith('✓')) found.push('no success line');
  if (FOREIGN.test(all)) found.push('foreign text');
  if (CONTROL.test(all)) found.push('raw control character');
  if (run.ms > SLOW_MS) found.push('over 10 s');
  return found;
}
