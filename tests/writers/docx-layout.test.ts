// Every DOCX of every example laid out by LibreOffice, as a Word user would open it: it has as many
// pages as the PDF of the same document, and a situation card that a user lengthens in Word grows
// instead of clipping its last question.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, Document, Inline } from '../../src/document/model.js';
import { MATERIAL_IDS, MATERIALS } from '../../src/materials/registry.js';
import { writeDocument } from '../../src/writers/index.js';
import { EXAMPLES, flat, loadExample } from '../materials/helpers.js';

const has = (cmd: string) => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const dir = mkdtempSync(join(tmpdir(), 'ww-docx-layout-'));
const out = join(dir, 'lo');
/** File stem → the PDF's page count. */
const pdfPages = new Map<string, number>();
/** The situation deck the editing test lengthens, and the card's last question. */
let deck: { stem: string; lastQuestion: string; firstWords: string } | undefined;

/**
 * Known, not accepted: Beuningen's invitations for professionals fill the PDF's page to its last
 * line, and in Word (Arial, LibreOffice's paragraph spacing in the callout) the closing facts need
 * about 10 mm more, so they move to a second page. Listed so the test stays exact for every other
 * document; the list must shrink, never grow.
 */
const KNOWN_LONGER = ['beuningen--uitnodiging-professionals: PDF 1, DOCX 2', 'beuningen--startbijeenkomst-uitnodiging: PDF 1, DOCX 2'];

const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))![1]);
const inlineText = (content: readonly Inline[]) => content.map((i) => ('text' in i ? i.text : ' ')).join('');

/** The first card's first paragraph and its last list item: the text a user adds to, and the question that must stay visible. */
function firstCardTexts(doc: Document): { firstWords: string; lastQuestion: string } {
  const cards = doc.blocks.find((b): b is Extract<Block, { kind: 'cards' }> => b.kind === 'cards')!;
  const blocks = cards.cards[0].blocks.flatMap((b): Block[] => (b.kind === 'columns' ? b.columns.flatMap((c) => c.blocks) : [b]));
  const paragraph = blocks.find((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph')!;
  const list = blocks.filter((b): b is Extract<Block, { kind: 'list' }> => b.kind === 'list').at(-1)!;
  return { firstWords: inlineText(paragraph.content).split(' ').slice(0, 3).join(' '), lastQuestion: inlineText(list.items.at(-1)!) };
}

/** One LibreOffice for many files, with a profile of its own (other tests may run one at the same time). */
function convert(files: string[], to: string, outdir: string): void {
  const profile = `-env:UserInstallation=file://${mkdtempSync(join(dir, 'profile-'))}`;
  execFileSync('soffice', [profile, '--headless', '--convert-to', to, '--outdir', outdir, ...files], { stdio: 'ignore', timeout: 600_000 });
}

beforeAll(async () => {
  if (!has('soffice')) return;
  const docx: string[] = [];
  for (const example of EXAMPLES) {
    const { ctx } = loadExample(example);
    for (const id of MATERIAL_IDS) {
      for (const output of await (await MATERIALS[id].load())(ctx, {})) {
        if (output.kind !== 'document' || (output.formats && !output.formats.includes('docx'))) continue;
        const stem = `${example.replace('.yaml', '')}--${output.name}`;
        writeFileSync(join(dir, `${stem}.pdf`), await writeDocument(output.document, 'pdf'));
        writeFileSync(join(dir, `${stem}.docx`), await writeDocument(output.document, 'docx'));
        pdfPages.set(stem, pages(join(dir, `${stem}.pdf`)));
        docx.push(join(dir, `${stem}.docx`));
        if (example === 'nijmegen-heseveld.yaml' && output.name === 'kaarten-situaties-bewoners') deck = { stem, ...firstCardTexts(output.document) };
      }
    }
  }
  convert(docx, 'pdf', out);
}, 900_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!has('soffice'))('every DOCX of every example, laid out by LibreOffice', () => {
  it('has as many pages as the PDF of the same document', () => {
    expect(pdfPages.size).toBeGreaterThan(100);
    const written = new Set(readdirSync(out));
    const differ = [...pdfPages].flatMap(([stem, n]) => {
      if (!written.has(`${stem}.pdf`)) return [`${stem}: LibreOffice wrote no PDF`];
      const m = pages(join(out, `${stem}.pdf`));
      return m === n ? [] : [`${stem}: PDF ${n}, DOCX ${m}`];
    });
    expect(differ).toEqual(KNOWN_LONGER);
  });

  it("still shows a situation card's last question after 60 words are added to its text in the DOCX", () => {
    expect(deck).toBeDefined();
    const { stem, firstWords, lastQuestion } = deck!;
    const files = unzipSync(readFileSync(join(dir, `${stem}.docx`)));
    const xml = strFromU8(files['word/document.xml']);
    // As a user would: more words at the end of the card's first paragraph.
    const at = xml.indexOf(firstWords.replace(/'/g, '&apos;'));
    expect(at, firstWords).toBeGreaterThan(0);
    const end = xml.indexOf('</w:t>', at);
    const added = ' En verder nog veel meer woorden over deze buur en de straat.'.repeat(5);
    expect(added.trim().split(/\s+/)).toHaveLength(60);
    files['word/document.xml'] = strToU8(`${xml.slice(0, end)}${added}${xml.slice(end)}`);
    mkdirSync(join(dir, 'edited'));
    const edited = join(dir, 'edited', `${stem}.docx`);
    writeFileSync(edited, zipSync(files));
    convert([edited], 'pdf', join(dir, 'edited'));
    const text = flat(execFileSync('pdftotext', [join(dir, 'edited', `${stem}.pdf`), '-'], { encoding: 'utf8' }));
    expect(text).toContain(flat(added).trim().split(' ').slice(-5).join(' '));
    expect(text).toContain(flat(lastQuestion));
  });
});
