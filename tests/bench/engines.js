#!/usr/bin/env node
// Benchmark of the two PDF engines side by side (`npm run bench:engines`, after `npm run build`):
// every material of every example rendered by pdfmake and by Typst in one process, documents
// interleaved so a busy moment of the machine hits both alike. Reports pages per CPU-second (CPU
// of every thread of this process, which is what a shared machine pays), ms per page, cold start,
// and how resident memory grows when Typst renders bundle after bundle in one process.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const dist = (p) => import(join(root, 'dist', p));
const { loadProjectFile } = await dist('project/load.js');
const { resolveProject } = await dist('resolve/index.js');
const { MATERIALS, MATERIAL_IDS } = await dist('materials/registry.js');
const { writePdf } = await dist('writers/pdf/index.js');
const { writeTypstPdf } = await dist('writers/typst/index.js');

const examplesDir = join(root, 'examples');
const bundles = new Map();
for (const example of readdirSync(examplesDir).filter((f) => f.endsWith('.yaml')).sort()) {
  const file = join(examplesDir, example);
  const { project } = loadProjectFile(file, 'nl');
  const ctx = resolveProject(project, { baseDir: dirname(file), templateDirs: [] });
  const docs = [];
  for (const id of MATERIAL_IDS) {
    for (const o of await (await MATERIALS[id].load())(ctx, {})) if (o.kind === 'document') docs.push(o.document);
  }
  bundles.set(example, docs);
}
const all = [...bundles.values()].flat();

/** Pages of a PDF from its page objects (both engines write page dictionaries as plain objects). */
const pageCount = (bytes) => Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g).length;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const wall = () => Number(process.hrtime.bigint()) / 1e9;

/**
 * Memory, in a process of its own that loads only Typst: the Nijmegen bundle ten times, each time
 * with new titles so every document is new to the compiler (as in real use).
 */
async function typstMemory() {
  const bundle = bundles.get('nijmegen-heseveld.yaml') ?? all;
  const mb = () => process.memoryUsage().rss / 2 ** 20;
  await writeTypstPdf(bundle[0]);
  const rss = [mb()];
  for (let i = 0; i < 10; i++) {
    for (const doc of bundle) await writeTypstPdf({ ...doc, meta: { ...doc.meta, title: `${doc.meta.title} (${i})` } });
    globalThis.gc?.();
    rss.push(mb());
  }
  const growth = (rss[rss.length - 1] - rss[1]) / (rss.length - 2);
  console.log(
    `Typst alone, ${bundle.length}-document bundle ×10: RSS ${rss.map((r) => r.toFixed(0)).join(' → ')} MB; ` +
      `about ${growth.toFixed(1)} MB more per bundle after the first.`,
  );
}

if (process.argv.includes('--typst-memory')) {
  await typstMemory();
  process.exit(0);
}

const engines = { pdfmake: writePdf, typst: writeTypstPdf };
const stats = Object.fromEntries(Object.keys(engines).map((k) => [k, { cold: 0, cpu: 0, wall: 0, pages: 0, docs: 0 }]));

// Cold start: the first document, including loading the engine and its fonts.
for (const [name, write] of Object.entries(engines)) {
  const w0 = wall();
  await write(all[0]);
  stats[name].cold = (wall() - w0) * 1000;
}

for (const doc of all) {
  for (const [name, write] of Object.entries(engines)) {
    const c0 = cpu();
    const w0 = wall();
    const bytes = await write(doc);
    stats[name].cpu += cpu() - c0;
    stats[name].wall += wall() - w0;
    stats[name].pages += pageCount(bytes);
    stats[name].docs++;
  }
}

console.log(`${all.length} documents from ${bundles.size} examples, Node ${process.version}, ${process.platform}-${process.arch}\n`);
console.log('| engine | pages | CPU s | wall s | pages per CPU-second | ms per page (wall) | first document, cold (ms) |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [name, s] of Object.entries(stats)) {
  console.log(
    `| ${name} | ${s.pages} | ${s.cpu.toFixed(2)} | ${s.wall.toFixed(2)} | ${(s.pages / s.cpu).toFixed(1)} | ${((s.wall / s.pages) * 1000).toFixed(1)} | ${s.cold.toFixed(0)} |`,
  );
}
const ratio = stats.pdfmake.cpu / stats.pdfmake.pages / (stats.typst.cpu / stats.typst.pages);
console.log(`\nTypst uses ${ratio.toFixed(1)}× less CPU per page.`);

console.log('');
spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--typst-memory'], { stdio: 'inherit' });
