#!/usr/bin/env node
// The fuzz script (`npm run fuzz`, after a build): 10,000 generated and mutated neighbourhood files
// through `validate`, in-process in a worker thread. A watchdog replaces the worker when one case
// runs over 10 seconds, so even a hang is counted rather than stopping the run. Prints a summary;
// exits 1 when any case broke the rules (see check.js).
//   node tests/fuzz/run.js [--cases 10000] [--seed N] [--keep DIR]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fuzzCases } from './cases.js';
import { faults, runValidate, SLOW_MS } from './check.js';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

if (!isMainThread) {
  // The worker: make the cases from the seed, run them from `from` on, report each.
  const { main } = await import('../../dist/cli/index.js');
  const { seed, count, from, dir } = workerData;
  const cases = fuzzCases(seed, count);
  const file = join(dir, 'welkome-wijk.yaml');
  for (let i = from; i < count; i++) {
    parentPort.postMessage({ type: 'start', i });
    writeFileSync(file, cases[i].bytes);
    const run = await runValidate(main, file);
    const found = faults(run);
    parentPort.postMessage({ type: 'done', i, name: cases[i].name, code: run.code, ms: run.ms, faults: found, output: found.length ? (run.stdout + run.stderr).slice(0, 2000) : '' });
  }
  parentPort.postMessage({ type: 'end' });
} else {
  const count = Number(option('cases', '10000'));
  const seed = Number(option('seed', String(Math.floor(Math.random() * 2 ** 31))));
  const keep = option('keep', undefined);
  const dir = mkdtempSync(join(tmpdir(), 'ww-fuzz-'));
  const results = [];
  const started = performance.now();
  let current;
  let currentSince = 0;
  let worker;

  const finish = () => {
    clearInterval(watchdog);
    rmSync(dir, { recursive: true, force: true });
    report();
  };
  const start = (from) => {
    worker = new Worker(new URL(import.meta.url), { workerData: { seed, count, from, dir } });
    worker.on('message', (msg) => {
      if (msg.type === 'start') {
        current = msg.i;
        currentSince = performance.now();
      } else if (msg.type === 'done') {
        results[msg.i] = msg;
        current = undefined;
        if (msg.i % 1000 === 999) process.stderr.write(`${msg.i + 1} cases…\n`);
      } else if (msg.type === 'end') {
        worker.terminate();
        finish();
      }
    });
    worker.on('error', (err) => {
      // Outside a case (making the cases, loading the CLI) an error is the script's own: stop.
      if (current === undefined) {
        clearInterval(watchdog);
        rmSync(dir, { recursive: true, force: true });
        console.error(err);
        process.exit(1);
      }
      // An error that escaped the case's own try/catch: count it against the case and go on.
      results[current] = { i: current, name: '?', code: 'crashed', ms: performance.now() - currentSince, faults: ['worker crashed'], output: String(err?.stack ?? err) };
      const next = current + 1;
      current = undefined;
      if (next < count) start(next);
      else finish();
    });
  };
  const watchdog = setInterval(() => {
    if (current === undefined || performance.now() - currentSince <= SLOW_MS) return;
    const stuck = current;
    results[stuck] = { i: stuck, name: '(timed out)', code: 'timeout', ms: performance.now() - currentSince, faults: ['over 10 s'], output: '' };
    current = undefined;
    worker.removeAllListeners();
    worker.terminate();
    if (stuck + 1 < count) start(stuck + 1);
    else finish();
  }, 250);

  function report() {
    const done = results.filter(Boolean);
    const bad = done.filter((r) => r.faults.length);
    const times = done.map((r) => r.ms).sort((a, b) => a - b);
    const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;
    const byFault = {};
    for (const r of bad) for (const f of r.faults) byFault[f] = (byFault[f] ?? 0) + 1;
    const lines = [
      `welkome-wijk fuzz: ${done.length} cases through validate, seed ${seed}, ${((performance.now() - started) / 1000).toFixed(0)} s`,
      `  valid (exit 0):                ${done.filter((r) => r.code === 0).length}`,
      `  located user error (exit 2):   ${done.filter((r) => r.code === 2 && !r.faults.length).length}`,
      `  exit 1 or other:               ${done.filter((r) => r.code !== 0 && r.code !== 2).length}`,
      `  stack traces:                  ${byFault['stack trace'] ?? 0}`,
      `  not located:                   ${byFault['not located'] ?? 0}`,
      `  parser or runtime text shown:  ${byFault['foreign text'] ?? 0}`,
      `  raw control characters shown:  ${byFault['raw control character'] ?? 0}`,
      `  over 10 s:                     ${byFault['over 10 s'] ?? 0}`,
      `  time per case: median ${pct(50).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms, slowest ${pct(100).toFixed(0)} ms (${done.find((r) => r.ms === times[times.length - 1])?.name ?? '-'})`,
    ];
    console.log(lines.join('\n'));
    if (bad.length) {
      console.log(`\n${bad.length} case(s) broke the rules; the first ones (rerun with --seed ${seed}):`);
      for (const r of bad.slice(0, 5)) console.log(`\n#${r.i} ${r.name}: ${r.faults.join(', ')}\n${r.output}`);
      if (keep) {
        mkdirSync(keep, { recursive: true });
        const cases = fuzzCases(seed, count);
        for (const r of bad) writeFileSync(join(keep, `case-${r.i}.yaml`), cases[r.i].bytes);
        console.log(`\nThe failing files are in ${keep}.`);
      }
    }
    process.exitCode = bad.length ? 1 : 0;
  }

  start(0);
}
