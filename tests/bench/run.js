#!/usr/bin/env node
// Benchmarks (`npm run bench`, after a build), all in one run: start-up (--help beside `node -e 0`),
// one bundle cold, N generated bundles with --jobs 1 and --jobs 2 (same bytes?), re-runs with nothing
// and with one file changed, writer throughput beside plain pdfmake and docx scripts, and peak memory.
// Cost is CPU seconds of every thread (the machine is shared: wall time says more about the others
// than about us); wall time is printed beside it. Timing never decides a test; the README quotes it.
//
//   BENCH_N=342 (default)  generated neighbourhoods for the batch rows
//   BENCH_ROUNDS=3         warm rounds for the writer rows
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProjects } from '../fixtures/generate.js';

const here = join(fileURLToPath(import.meta.url), '..');
const root = join(here, '..', '..');
const bin = join(root, 'bin', 'welkome-wijk.js');
const example = join(root, 'examples', 'nijmegen-heseveld.yaml');
const N = Number(process.env.BENCH_N ?? 342);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const work = mkdtempSync(join(tmpdir(), 'ww-bench-'));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const log = (line = '') => console.log(line);

/** Run the CLI in a child process that reports its own CPU (all threads), wall time and peak RSS. */
function measure(args) {
  const report = join(work, `report-${process.hrtime.bigint()}.json`);
  const r = spawnSync(process.execPath, [join(here, 'measure.js'), ...args], { env: { ...process.env, BENCH_REPORT: report, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const result = JSON.parse(readFileSync(report, 'utf8'));
  return { ...result, stdout: r.stdout, stderr: r.stderr };
}

/** Alternate two commands run by run, so a busy moment of the machine hits both alike (wall medians). */
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

/** Every file below `dir` with its checksum. */
function tree(dir) {
  const out = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = createHash('sha256').update(readFileSync(join(e.parentPath, e.name))).digest('hex');
  }
  return out;
}

const targets = [];
const target = (what, value, limit, goal, unit) => targets.push({ what, value, limit, goal, unit });

try {
  log(`welkome-wijk bench: Node ${process.version}, ${process.platform}-${process.arch}, ${availableParallelism()} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the start`);
  log('');

  // 1. Start-up.
  const [node, help] = paired(['-e', '0'], [bin, '--help'], 31);
  log('| start-up (wall, median of 31, alternated) | ms |');
  log('|---|---:|');
  log(`| node -e 0 | ${fmt(node, 0)} |`);
  log(`| welkome-wijk --help | ${fmt(help, 0)} (${fmt(help / node, 2)}× node) |`);
  log('');

  // 2. One bundle, cold: a new process, every material, both formats.
  const cold = [];
  for (let i = 0; i < 3; i++) cold.push(measure(['render', 'all', example, '--out', join(work, 'cold'), '--force']));
  const coldCpu = median(cold.map((c) => c.cpu));
  const coldFiles = /(\d+) (?:bestanden|files) gemaakt|(\d+) files made/.exec(cold[0].stdout ?? '');
  log(`| one bundle, cold (render all, Nijmegen, ${coldFiles ? coldFiles[1] ?? coldFiles[2] : '?'} files; median of 3) | CPU s | wall s | peak RSS MB |`);
  log('|---|---:|---:|---:|');
  log(`| render all --force | ${fmt(coldCpu, 2)} | ${fmt(median(cold.map((c) => c.wall)), 2)} | ${fmt(median(cold.map((c) => c.maxRssMb)), 0)} |`);
  log('');
  target('one bundle cold', coldCpu, 3, 1.5, 'CPU s');

  // 3. N generated neighbourhoods with --jobs 1 and --jobs 2.
  const projects = join(work, 'projects');
  const files = generateProjects(projects, N);
  const batch = {};
  for (const jobs of [1, 2]) {
    const out = join(work, `out-${jobs}`);
    batch[jobs] = measure(['render', 'all', projects, '--out', out, '--jobs', String(jobs), '--quiet']);
    if (batch[jobs].code !== 0) throw new Error(`render all --jobs ${jobs} exited ${batch[jobs].code}: ${batch[jobs].stderr.slice(0, 2000)}`);
  }
  const identical = JSON.stringify(tree(join(work, 'out-1'))) === JSON.stringify(tree(join(work, 'out-2')));
  log(`| ${N} generated bundles (all materials, PDF + DOCX) | CPU s | CPU s per bundle | wall s | peak RSS MB (process) |`);
  log('|---|---:|---:|---:|---:|');
  for (const jobs of [1, 2]) {
    const b = batch[jobs];
    log(`| --jobs ${jobs} | ${fmt(b.cpu, 0)} | ${fmt(b.cpu / N, 2)} | ${fmt(b.wall, 0)} | ${fmt(b.maxRssMb, 0)} |`);
  }
  log(`| files of --jobs 1 and --jobs 2 | ${identical ? 'identical' : 'DIFFERENT'} | | | |`);
  log('');
  // What --jobs 2 would take on two cores of our own: the CPU it needs, spread over both.
  target(`${N} bundles, --jobs 2 (wall)`, batch[2].wall, 300, 60, 's');
  target(`${N} bundles, --jobs 2 (CPU / 2 cores: the wall time on an idle machine)`, batch[2].cpu / 2, 300, 60, 's');

  // 4. Re-runs: nothing changed, then one file changed.
  const out2 = join(work, 'out-2');
  const unchanged = measure(['render', 'all', projects, '--out', out2, '--quiet']);
  writeFileSync(files[Math.floor(N / 2)], `${readFileSync(files[Math.floor(N / 2)], 'utf8')}\n# bijgewerkt\n`);
  const oneChanged = measure(['render', 'all', projects, '--out', out2]);
  const said = /gemaakt: (\d+), ongewijzigd: (\d+)/.exec(oneChanged.stdout);
  log(`| re-run over the ${N} files | CPU s | wall s | built, unchanged |`);
  log('|---|---:|---:|---|');
  log(`| nothing changed | ${fmt(unchanged.cpu, 2)} | ${fmt(unchanged.wall, 2)} | ${/gemaakt: 0, ongewijzigd: (\d+)/.exec(unchanged.stdout)?.[0] ?? '?'} |`);
  log(`| one file changed | ${fmt(oneChanged.cpu, 2)} | ${fmt(oneChanged.wall, 2)} | ${said ? `${said[1]}, ${said[2]}` : '?'} |`);
  log('');
  target('re-run, one file changed (wall)', oneChanged.wall, 10, undefined, 's');

  // 5. Peak memory per worker: --jobs 1 is the main thread plus one worker.
  const mainOnly = measure(['validate', example]).maxRssMb;
  const perWorker = batch[1].maxRssMb - mainOnly;
  log(`| peak memory | MB |`);
  log('|---|---:|');
  log(`| main thread alone (validate) | ${fmt(mainOnly, 0)} |`);
  log(`| one worker (--jobs 1 peak minus the main thread) | ${fmt(perWorker, 0)} |`);
  log(`| two workers (--jobs 2 peak minus the main thread), per worker | ${fmt((batch[2].maxRssMb - mainOnly) / 2, 0)} |`);
  log('');
  target('peak RSS per worker', Math.max(perWorker, (batch[2].maxRssMb - mainOnly) / 2), 300, undefined, 'MB');

  // 6. Writers, warm, beside plain scripts (each side in its own process, medians of three).
  const sides = { ours: [], pdfmake: [], docx: [] };
  for (let i = 0; i < 3; i++) {
    for (const side of Object.keys(sides)) {
      const r = spawnSync(process.execPath, [join(here, 'writers.js'), side, String(ROUNDS)], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
      sides[side].push(JSON.parse(r.stdout.trim().split('\n').pop()));
    }
  }
  const rate = (list, pick, unit) => median(list.map((x) => pick(x)[unit] / pick(x).cpu));
  log('| writer, warm (median of 3 processes) | pages per CPU s | documents per CPU s |');
  log('|---|---:|---:|');
  log(`| pdfmake, ours: every material of the examples | ${fmt(rate(sides.ours, (x) => x.pdfmake, 'pages'))} | ${fmt(rate(sides.ours, (x) => x.pdfmake, 'docs'))} |`);
  log(`| pdfmake, ours: invitations | ${fmt(rate(sides.ours, (x) => x.pdfmake.invitation, 'pages'))} | ${fmt(rate(sides.ours, (x) => x.pdfmake.invitation, 'docs'))} |`);
  log(`| pdfmake, plain script: a comparable invitation | ${fmt(rate(sides.pdfmake, (x) => x.pdfmake, 'pages'))} | ${fmt(rate(sides.pdfmake, (x) => x.pdfmake, 'docs'))} |`);
  log(`| Typst, ours: every material of the examples | ${fmt(rate(sides.ours, (x) => x.typst, 'pages'))} | ${fmt(rate(sides.ours, (x) => x.typst, 'docs'))} |`);
  log(`| Typst, ours: invitations | ${fmt(rate(sides.ours, (x) => x.typst.invitation, 'pages'))} | ${fmt(rate(sides.ours, (x) => x.typst.invitation, 'docs'))} |`);
  log(`| DOCX, ours: every material of the examples | | ${fmt(rate(sides.ours, (x) => x.docx, 'docs'))} |`);
  log(`| DOCX, ours: invitations | | ${fmt(rate(sides.ours, (x) => x.docx.invitation, 'docs'))} |`);
  log(`| docx, plain script: a comparable invitation | | ${fmt(rate(sides.docx, (x) => x.docx, 'docs'))} |`);
  log('');

  log('| target | measured | limit | goal | |');
  log('|---|---:|---:|---:|---|');
  for (const t of targets) {
    const verdict = t.value <= (t.goal ?? -Infinity) ? 'goal met' : t.value <= t.limit ? 'met' : 'NOT met';
    log(`| ${t.what} | ${fmt(t.value, 1)} ${t.unit} | ≤ ${t.limit} | ${t.goal !== undefined ? `≤ ${t.goal}` : ''} | ${verdict} |`);
  }
  log(`\nload ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
