#!/usr/bin/env node
// Benchmarks (`npm run bench`): start-up time of --help against bare Node, validation, and
// rendering. Prints medians; timing never decides a test, it is reported in the README.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const bin = join(root, 'bin', 'welkome-wijk.js');
const example = join(root, 'examples', 'nijmegen-heseveld.yaml');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time of a command over `runs` runs, after one warm-up. */
function time(args, runs) {
  spawnSync(process.execPath, args, { stdio: 'ignore' });
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0 && !args.includes('--help')) throw new Error(`${args.join(' ')} exited ${r.status}`);
  }
  return median(times);
}

/** Alternate two commands run by run, so a busy moment of the machine hits both alike. */
function paired(a, b, runs) {
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i++) {
    for (const [args, out] of [[a, ta], [b, tb]]) {
      const start = process.hrtime.bigint();
      spawnSync(process.execPath, args, { stdio: 'ignore' });
      out.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return [median(ta), median(tb)];
}

const rows = [];
const [node, help] = paired(['-e', '0'], [bin, '--help'], 41);
rows.push(['node -e 0', node, '']);
rows.push(['welkome-wijk --help', help, `${(help / node).toFixed(2)}× node (target ≤ 1.30×)`]);
rows.push(['welkome-wijk validate (example)', time([bin, 'validate', example], 11), '']);

const out = mkdtempSync(join(tmpdir(), 'ww-bench-'));
try {
  const run = (args) => time([bin, ...args, example, '--out', out], 5);
  for (const [label, args] of [
    ['render invite, one audience, pdf', ['render', 'invite', '--audience', 'bewoners', '--format', 'pdf']],
    ['render invite, one audience, docx', ['render', 'invite', '--audience', 'bewoners', '--format', 'docx']],
    ['render all, pdf+docx', ['render', 'all']],
  ]) {
    try {
      rows.push([label, run(args), '']);
    } catch (err) {
      rows.push([label, NaN, `failed: ${err.message}`]);
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

console.log('| what | median ms | note |\n|---|---:|---|');
for (const [what, ms, note] of rows) console.log(`| ${what} | ${Number.isNaN(ms) ? '-' : ms.toFixed(0)} | ${note} |`);
