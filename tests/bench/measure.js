#!/usr/bin/env node
// Runs the built CLI in this process and writes what it cost to $BENCH_REPORT as JSON: CPU seconds
// of every thread (the workers included), wall seconds and the process's peak resident memory. Used
// by run.js: a child process's CPU time is what a shared machine pays, and Node cannot read it from
// outside.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const { main } = await import(pathToFileURL(join(root, 'dist', 'cli', 'index.js')).href);
const started = process.hrtime.bigint();
const code = await main([process.execPath, 'welkome-wijk', ...process.argv.slice(2)]);
const usage = process.resourceUsage();
const report = {
  code,
  cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
  wall: Number(process.hrtime.bigint() - started) / 1e9,
  maxRssMb: usage.maxRSS / 1024,
};
if (process.env.BENCH_REPORT) writeFileSync(process.env.BENCH_REPORT, JSON.stringify(report));
process.exitCode = code;
