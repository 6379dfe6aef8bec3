// A practice situation of the file's own that does not fit its card is found by laying it out, and
// reported at its story with how many words to cut: enough, and not many more than enough.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { situationFitProblems } from '../../src/batch/card-fit.js';
import { checkProjectSource } from '../../src/project/load.js';
import { formatProblem } from '../../src/project/problems.js';
import type { Project } from '../../src/project/schema.js';

const file = join(import.meta.dirname, '..', '..', 'examples', 'nijmegen-heseveld.yaml');
process.env.WELKOME_WIJK_TODAY = '2026-11-30';

const SENTENCE = 'Een zin over de buurman en zijn dag in de straat. ';

/** The Heseveld example with its own situation's story made `sentences` sentences longer. */
function withStory(sentences: number): { project: Project; source: string } {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.setIn(['situations', 0, 'story'], `${doc.getIn(['situations', 0, 'story'])} ${SENTENCE.repeat(sentences)}`.trim());
  const source = doc.toString();
  const result = checkProjectSource(source, file);
  if (!result.project) throw new Error('the changed example does not load');
  return { project: result.project, source };
}

describe('own situations on their cards', () => {
  it('the example’s own situation fits', async () => {
    expect(await situationFitProblems(withStory(0).project, file)).toEqual([]);
  });

  it('a story too long is an error at the story, saying how many words to cut, and cutting that many makes it fit', async () => {
    const long = withStory(14);
    const problems = await situationFitProblems(long.project, file);
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p).toMatchObject({ severity: 'error', path: ['situations', 0, 'story'], rule: 'situation-fits' });
    const shown = formatProblem({ ...p, pos: checkProjectSource(long.source, file).locate!(p.path) }, { lang: 'nl', file: 'x.yaml', source: long.source });
    expect(shown).toMatch(/x\.yaml:\d+:\d+ fout {2}situations\[0\]\.story/);
    expect(shown).toMatch(/past niet op een kaart: schrap ongeveer \d+ woorden/);
    const words = Number(p.params!.words);
    const perSentence = SENTENCE.trim().split(/\s+/).length;
    // Cutting the advised number of words (whole sentences, rounded up) makes it fit ...
    expect(await situationFitProblems(withStory(14 - Math.ceil(words / perSentence)).project, file)).toEqual([]);
    // ... and the advice is not wildly more than needed: two sentences fewer cut would still not fit.
    expect(await situationFitProblems(withStory(14 - Math.ceil(words / perSentence) + 2).project, file)).toHaveLength(1);
  });
});
