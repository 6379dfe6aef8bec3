// The results commands as users meet them: help in both languages, `render all` unchanged, and the care
// the report takes: quoted text without the names the file knows, the pair's marks only internal.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadResultsTexts } from '../../src/content/results.js';
import { MATERIAL_IDS } from '../../src/materials/registry.js';
import { renderResults } from '../../src/materials/results.js';
import type { AnswerForm } from '../../src/results/answers.js';
import { writeDocument } from '../../src/writers/index.js';
import { finalEvaluationGuide } from '../../src/materials/evaluation.js';
import { cli } from '../cli/helpers.js';
import { contextFor, loadExample } from '../materials/helpers.js';

const work = mkdtempSync(join(tmpdir(), 'ww-results-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('help', () => {
  it('render results and results template have help with examples, in Dutch and in English', async () => {
    for (const args of [
      ['render', 'results'],
      ['results', 'template'],
    ]) {
      const nl = await cli([...args, '--help']);
      expect(nl.exitCode, args.join(' ')).toBe(0);
      expect(nl.stdout).toMatch(/^Gebruik: welkome-wijk/);
      expect(nl.stdout).toContain('Voorbeelden:');
      expect(nl.stdout).not.toMatch(/Usage|Options:|Examples:|display help|default:/);
      const en = await cli([...args, '--help', '--lang', 'en']);
      expect(en.stdout).toMatch(/^Usage: welkome-wijk/);
      expect(en.stdout).toContain('Examples:');
    }
    expect((await cli(['render', 'results', '--help'])).stdout).toContain('--answers');
  });

  it('keeps render all as it was: the report needs answers, so it is not one of its materials', () => {
    expect(MATERIAL_IDS).not.toContain('results');
  });

  it('makes the report from the example answers that ship with the package, without a warning', async () => {
    const r = await cli(['render', 'results', 'examples/nijmegen-heseveld.yaml', '--answers', 'examples/antwoorden/nijmegen-heseveld', '--out', join(work, 'example'), '--format', 'pdf']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('resultaten.pdf');
  });

  it('says where the answers should be when there are none yet', async () => {
    const r = await cli(['render', 'results', 'examples/beuningen.yaml', '--out', join(work, 'empty')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/Er zijn geen antwoorden in .*antwoorden\. Maak eerst invulbladen met: welkome-wijk results template/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('care', () => {
  it('quotes free text only when the file allows it, and never with a name the file knows in it', async () => {
    const { ctx } = loadExample('nijmegen-heseveld.yaml');
    const names = [ctx.projectLeader.name, ...ctx.meetings.flatMap((m) => [m.leader.name, ...m.pair.map((p) => p.name)])];
    const forms: AnswerForm[] = names.map((name, i) => ({ row: i + 2, grades: { meeting: 8, leader: 8, experts: 8 }, open: { takeaway: `Wat ${name} vertelde, bleef hangen`, remarks: 'Mail me op iemand@example.nl' } }));
    const answers = ctx.meetings.map((m) => ({ meeting: { key: m.fileSuffix, audience: m.audience, date: m.date }, file: 'x.csv', forms }));
    const texts = loadResultsTexts(ctx.lang).report;
    for (const quoteFreeText of [false, true]) {
      const outputs = renderResults({ ...ctx, results: { quoteFreeText } }, answers);
      for (const output of outputs) {
        if (output.kind !== 'document') continue;
        const pdf = join(work, `${output.name}-${quoteFreeText}.pdf`);
        writeFileSync(pdf, await writeDocument(output.document, 'pdf'));
        const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\u00ad\s*/g, '').replace(/\s+/g, ' ');
        if (output.name === 'resultaten') {
          expect(output.document.meta.visibility).toBe('public');
          for (const name of names) for (const part of name.split(' ')) expect(text, `${part}, quote ${quoteFreeText}`).not.toContain(part);
          expect(text).not.toContain('iemand@example.nl');
          if (quoteFreeText) expect(text).toContain(`Wat ${texts.nameMark} vertelde, bleef hangen`);
          else expect(text).not.toContain('bleef hangen');
          expect(text).not.toContain(texts.gradeNames.experts);
        } else {
          // The internal pages and the guide are team documents, like the run sheets.
          expect(output.document.meta.visibility, output.name).toBe('team');
        }
      }
    }
  });
});

describe('the final evaluation guide', () => {
  it("puts the numbers under the meetings' topic, and at the end in a user's own guide from before they existed", () => {
    const { project, file } = loadExample('nijmegen-heseveld.yaml');
    const blocks = [{ kind: 'paragraph' as const, content: [{ kind: 'text' as const, text: 'De cijfers' }] }];
    const built = contextFor(project, join(file, '..'));
    const guide = finalEvaluationGuide(built, { topic: 'bijeenkomsten', blocks, name: 'met' });
    if (guide.kind !== 'document') throw new Error('a document');
    const at = guide.document.blocks.indexOf(blocks[0]);
    const topic = guide.document.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'De bewustwordingsbijeenkomsten');
    expect(at).toBeGreaterThan(topic);
    expect(guide.document.blocks.slice(topic, at).some((b) => b.kind === 'heading' && b.level === 2 && b.text !== 'De bewustwordingsbijeenkomsten')).toBe(false);

    // A copy of the guide's template made before [[results]] existed.
    const own = join(work, 'own', 'evaluation');
    mkdirSync(own, { recursive: true });
    writeFileSync(join(own, 'final.md.hbs'), '# {{final.title}}\n\n{{#each final.topics}}\n## {{title}}\n\n[[notes]]\n{{/each}}\n');
    const old = finalEvaluationGuide(contextFor(project, join(file, '..'), [join(work, 'own')]), { topic: 'bijeenkomsten', blocks, name: 'met' });
    if (old.kind !== 'document') throw new Error('a document');
    expect(old.document.blocks.at(-1)).toBe(blocks[0]);
  });
});
