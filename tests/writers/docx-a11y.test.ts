// DOCX files a screen reader and a navigation pane can use: exactly one Heading 1 per document,
// headings as an outline (LibreOffice's PDF export turns them into bookmarks), lists as real lists,
// no runs of empty paragraphs, and a logo whose alt text names the organisation.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATERIAL_IDS, MATERIALS } from '../../src/materials/registry.js';
import { writeDocument } from '../../src/writers/index.js';
import { EXAMPLES, loadExample } from '../materials/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-docx-a11y-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Written {
  key: string;
  xml: string;
  styles: string;
  path: string;
}
const written: Written[] = [];

beforeAll(async () => {
  for (const example of EXAMPLES) {
    const { ctx } = loadExample(example);
    for (const id of MATERIAL_IDS) {
      for (const o of await (await MATERIALS[id].load())(ctx, {})) {
        // Only what `render` writes as DOCX (not the print-shop deck, which is PDF only).
        if (o.kind !== 'document' || (o.formats && !o.formats.includes('docx'))) continue;
        const bytes = await writeDocument(o.document, 'docx');
        const files = unzipSync(bytes);
        const key = `${example.replace('.yaml', '')}--${o.name}`;
        const path = join(dir, `${key}.docx`);
        writeFileSync(path, bytes);
        written.push({ key, path, xml: new TextDecoder().decode(files['word/document.xml']), styles: new TextDecoder().decode(files['word/styles.xml']) });
      }
    }
  }
}, 300_000);

/** The outline level (0 = Heading 1) of each style that has one. */
function outlineLevels(styles: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>(.*?)<\/w:style>/gs)) {
    const level = /<w:outlineLvl w:val="(\d)"\/>/.exec(m[2]);
    if (level) out.set(m[1], Number(level[1]));
  }
  return out;
}

/** The body's top-level paragraphs, in order, with a marker for each table (tables nest: cards hold boxes). */
function topLevelParagraphs(xml: string): string[] {
  const body = xml.slice(xml.indexOf('<w:body>'), xml.lastIndexOf('</w:body>'));
  const out: string[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<w:tbl>|<\/w:tbl>|<w:p\b[^>]*\/>|<w:p\b[^>]*>.*?<\/w:p>/gs)) {
    if (m[0] === '<w:tbl>') {
      if (depth++ === 0) out.push('<w:tbl/>');
    } else if (m[0] === '</w:tbl>') depth--;
    else if (depth === 0) out.push(m[0]);
  }
  return out;
}

const isEmpty = (p: string) => p.startsWith('<w:p') && !/<w:t\b|<w:tab\/>|<w:drawing>|<w:fldSimple|<w:instrText/.test(p);

describe('every DOCX of every example', () => {
  it('has exactly one Heading 1, and Heading 1-3 in the outline', () => {
    expect(written.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const w of written) {
      const levels = outlineLevels(w.styles);
      for (const [style, level] of [['Heading1', 0], ['Heading2', 1], ['Heading3', 2]] as const) if (levels.get(style) !== level) problems.push(`${w.key}: ${style} not at outline level ${level}`);
      const used = [...w.xml.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]);
      const ones = used.filter((s) => levels.get(s) === 0).length;
      if (ones !== 1) problems.push(`${w.key}: ${ones} paragraphs at outline level 0`);
    }
    expect(problems).toEqual([]);
  });

  it('has no run of three or more empty paragraphs', () => {
    const problems: string[] = [];
    for (const w of written) {
      let run = 0;
      for (const p of topLevelParagraphs(w.xml)) {
        run = isEmpty(p) ? run + 1 : 0;
        if (run >= 3) {
          problems.push(w.key);
          break;
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('types no bullet characters into text: lists are Word lists', () => {
    const typed = written.filter((w) => /<w:t[^>]*>•/.test(w.xml)).map((w) => w.key);
    expect(typed).toEqual([]);
  });

  it('gives the logo an alt text that names its organisation, beside the lockup of a public document and in the header of a team one', () => {
    const invitation = written.find((w) => w.key === 'beuningen--uitnodiging-bewoners')!;
    expect(invitation.xml).toMatch(/descr="Logo van Gemeente Beuningen"/);
    const runSheet = written.find((w) => w.key === 'beuningen--draaiboek-bewoners')!;
    const files = unzipSync(readFileSync(runSheet.path));
    const headerXml = Object.entries(files)
      .filter(([name]) => /^word\/header\d*\.xml$/.test(name))
      .map(([, b]) => new TextDecoder().decode(b))
      .join('');
    expect(headerXml).toMatch(/descr="Logo van Gemeente Beuningen"/);
  });
});

describe('LibreOffice opens them as Word users would', () => {
  it('exports PDF bookmarks from the headings of an invitation, a run sheet and a card deck', () => {
    const picks = written.filter((w) => /^nijmegen-heseveld--(uitnodiging-bewoners|draaiboek-bewoners|kaarten-gouden-regels)$/.test(w.key));
    expect(picks).toHaveLength(3);
    const out = join(dir, 'lo');
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, ...picks.map((p) => p.path)], { stdio: 'ignore', timeout: 180_000 });
    for (const p of picks) {
      const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', join(out, `${p.key}.pdf`)], { encoding: 'utf8' })) as { outlines: { title: string; kids: unknown[] }[] };
      expect(json.outlines.length, p.key).toBeGreaterThan(0);
    }
  });
});
