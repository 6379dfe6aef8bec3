// `welkome-wijk render all` on every example: every material in both formats, a manifest whose
// checksums match the files, and files that real readers open (qpdf checks every PDF).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml'));
const out = mkdtempSync(join(tmpdir(), 'ww-all-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.each(examples)('render all %s', (example) => {
  it('writes every material as PDF and DOCX, calendars, and a manifest', async () => {
    const r = await cli(['render', 'all', join('examples', example), '--out', out]);
    expect(r.exitCode, r.stderr).toBe(0);
    const folder = join(out, r.stdout.match(/Materialen in .*\/([^/\n]+\/[^/\n:]+):/)![1]);
    const names = readdirSync(folder);
    const stems = (prefix: string) => names.filter((n) => n.startsWith(prefix));
    for (const prefix of ['uitnodiging-', 'startbijeenkomst-', 'programma-', 'draaiboek-', 'seizoensoverzicht', 'kaarten-', 'evaluatie-', 'eindevaluatie']) {
      const found = stems(prefix);
      expect(found.some((n) => n.endsWith('.pdf')), `${prefix}*.pdf in ${folder}`).toBe(true);
      expect(found.some((n) => n.endsWith('.docx')), `${prefix}*.docx in ${folder}`).toBe(true);
    }
    expect(names.filter((n) => n.endsWith('.ics')).length).toBeGreaterThanOrEqual(4);

    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { file: string }) => f.file).sort()).toEqual(names.filter((n) => n !== 'manifest.json').sort());
    for (const f of manifest.files) {
      expect(createHash('sha256').update(readFileSync(join(folder, f.file))).digest('hex'), f.file).toBe(f.sha256);
    }
    for (const pdf of names.filter((n) => n.endsWith('.pdf'))) {
      execFileSync('qpdf', ['--check', join(folder, pdf)], { stdio: 'ignore' });
    }
  });
});
