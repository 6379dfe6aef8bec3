#!/usr/bin/env node
// Writer throughput for `npm run bench`, in a process of its own per side so neither shares the
// other's caches: `ours` renders every document of every example with our pdfmake writer, our Typst
// writer and our DOCX writer (warm, several rounds); `pdfmake` and `docx` are plain scripts making a
// comparable invitation (title, paragraphs, a facts table, a list, a QR code, a footer) the way
// their documentation shows, with new text each time. Prints one JSON line: CPU seconds, pages and
// documents per side.
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const dist = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
const which = process.argv[2];
const rounds = Number(process.argv[3] ?? 3);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const pageCount = (bytes) => Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g).length;

const LOREM = [
  'Iedereen hoort erbij in de wijk, ook mensen met psychische problemen.',
  'Op deze avond hoort u twee buurtgenoten vertellen over hun ervaringen, en praten we samen in kleine groepjes.',
  'U hoeft niets voor te bereiden. De koffie en thee staan klaar.',
];

async function ours() {
  const { loadProjectFile } = await dist('project/load.js');
  const { resolveProject } = await dist('resolve/index.js');
  const { MATERIALS, MATERIAL_IDS } = await dist('materials/registry.js');
  const { writePdf } = await dist('writers/pdf/index.js');
  const { writeTypstPdf } = await dist('writers/typst/index.js');
  const { writeDocx } = await dist('writers/docx/index.js');
  const docs = [];
  for (const f of readdirSync(join(root, 'examples')).filter((x) => x.endsWith('.yaml')).sort()) {
    const file = join(root, 'examples', f);
    const ctx = resolveProject(loadProjectFile(file, 'nl').project, { baseDir: dirname(file), templateDirs: [] });
    for (const id of MATERIAL_IDS) for (const o of await (await MATERIALS[id].load())(ctx, {})) if (o.kind === 'document') docs.push({ doc: o.document, invitation: id === 'invite' });
  }
  const engines = { pdfmake: writePdf, typst: writeTypstPdf, docx: writeDocx };
  const stats = {};
  for (const name of Object.keys(engines)) stats[name] = { cpu: 0, pages: 0, docs: 0, invitation: { cpu: 0, pages: 0, docs: 0 } };
  // The first round warms the engines (fonts, modules); it is not counted.
  for (let round = 0; round <= rounds; round++) {
    for (const { doc, invitation } of docs) {
      for (const [name, write] of Object.entries(engines)) {
        // A new title each round: a batch never renders the same document twice.
        const c0 = cpu();
        const bytes = await write({ ...doc, meta: { ...doc.meta, title: `${doc.meta.title} ${round}` } });
        const spent = cpu() - c0;
        if (round === 0) continue;
        const pages = name === 'docx' ? 0 : pageCount(bytes);
        for (const s of invitation ? [stats[name], stats[name].invitation] : [stats[name]]) {
          s.cpu += spent;
          s.pages += pages;
          s.docs++;
        }
      }
    }
  }
  return stats;
}

async function plainPdfmake() {
  const require = createRequire(import.meta.url);
  const pdfmake = require('pdfmake');
  const fonts = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  pdfmake.addFonts({ Roboto: { normal: join(fonts, 'Roboto-Regular.ttf'), bold: join(fonts, 'Roboto-Medium.ttf'), italics: join(fonts, 'Roboto-Italic.ttf'), bolditalics: join(fonts, 'Roboto-MediumItalic.ttf') } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(fonts));
  const invitation = (i) => ({
    info: { title: `Uitnodiging ${i}` },
    footer: { text: 'Gemeente · Welzijn · MIND', fontSize: 8, margin: [40, 10] },
    content: [
      { text: `Welkom in de wijk ${i}`, fontSize: 22, bold: true, margin: [0, 0, 0, 12] },
      ...LOREM.map((text) => ({ text: `${text} (${i})`, margin: [0, 0, 0, 8] })),
      {
        table: {
          widths: [80, '*'],
          body: [
            [{ text: 'Wanneer', bold: true }, `dinsdag ${(i % 28) + 1} maart 2026, 19.30 - 22.00 uur`],
            [{ text: 'Waar', bold: true }, `Wijkcentrum De Klokketoren, Heseveldstraat ${i}`],
            [{ text: 'Aanmelden', bold: true }, `vóór ${(i % 20) + 1} maart via aanmelden.example.nl/${i}`],
          ],
        },
        layout: 'noBorders',
        margin: [0, 8, 0, 12],
      },
      { ul: ['Kennismaking', 'Wat is stigma?', 'Verhalen van ervaringsdeskundigen', 'In gesprek in kleine groepjes'] },
      { qr: `https://aanmelden.example.nl/${i}`, fit: 90, margin: [0, 16, 0, 4] },
      { text: 'Scan om u aan te melden', fontSize: 9 },
    ],
    defaultStyle: { font: 'Roboto', fontSize: 11 },
  });
  await pdfmake.createPdf(invitation(0)).getBuffer();
  const s = { cpu: 0, pages: 0, docs: 0 };
  for (let i = 1; i <= rounds * 20; i++) {
    const c0 = cpu();
    const bytes = await pdfmake.createPdf(invitation(i)).getBuffer();
    s.cpu += cpu() - c0;
    s.pages += pageCount(bytes);
    s.docs++;
  }
  return { pdfmake: s };
}

async function plainDocx() {
  const d = await import('docx');
  const QR = (await import('qrcode')).default;
  const invitation = async (i) =>
    new d.Document({
      title: `Uitnodiging ${i}`,
      sections: [
        {
          footers: { default: new d.Footer({ children: [new d.Paragraph('Gemeente · Welzijn · MIND')] }) },
          children: [
            new d.Paragraph({ heading: d.HeadingLevel.HEADING_1, children: [new d.TextRun(`Welkom in de wijk ${i}`)] }),
            ...LOREM.map((text) => new d.Paragraph(`${text} (${i})`)),
            new d.Table({
              rows: [
                ['Wanneer', `dinsdag ${(i % 28) + 1} maart 2026, 19.30 - 22.00 uur`],
                ['Waar', `Wijkcentrum De Klokketoren, Heseveldstraat ${i}`],
                ['Aanmelden', `vóór ${(i % 20) + 1} maart via aanmelden.example.nl/${i}`],
              ].map(([k, v]) => new d.TableRow({ children: [new d.TableCell({ children: [new d.Paragraph({ children: [new d.TextRun({ text: k, bold: true })] })] }), new d.TableCell({ children: [new d.Paragraph(v)] })] })),
            }),
            ...['Kennismaking', 'Wat is stigma?', 'Verhalen van ervaringsdeskundigen', 'In gesprek in kleine groepjes'].map((t) => new d.Paragraph({ text: t, bullet: { level: 0 } })),
            new d.Paragraph({
              children: [new d.ImageRun({ type: 'png', data: await QR.toBuffer(`https://aanmelden.example.nl/${i}`, { type: 'png', width: 354, margin: 2 }), transformation: { width: 120, height: 120 } })],
            }),
            new d.Paragraph('Scan om u aan te melden'),
          ],
        },
      ],
    });
  await d.Packer.toBuffer(await invitation(0));
  const s = { cpu: 0, pages: 0, docs: 0 };
  for (let i = 1; i <= rounds * 20; i++) {
    const c0 = cpu();
    await d.Packer.toBuffer(await invitation(i));
    s.cpu += cpu() - c0;
    s.docs++;
  }
  return { docx: s };
}

const run = { ours, pdfmake: plainPdfmake, docx: plainDocx }[which];
if (!run) throw new Error('usage: writers.js ours|pdfmake|docx [rounds]');
console.log(JSON.stringify(await run()));
