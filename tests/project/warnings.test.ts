// Warnings are advice from the approach: the file still renders, but the user is told.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkProjectSource } from '../../src/project/load.js';
import { formatProblem } from '../../src/project/problems.js';

const file = join(import.meta.dirname, '..', '..', 'examples', 'nijmegen-heseveld.yaml');

/** The Heseveld example with one change, checked as a file. */
function checkWith(change: (doc: ReturnType<typeof parseDocument>) => void) {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  change(doc);
  const source = doc.toString();
  const result = checkProjectSource(source, file);
  return { result, shown: result.problems.map((p) => formatProblem(p, { lang: 'nl', file: 'x.yaml', source })).join('\n') };
}

describe('warnings', () => {
  it('a situation too long for a card', () => {
    const { result, shown } = checkWith((doc) => doc.setIn(['situations', 0, 'story'], 'Een zin over de buurman en zijn dag. '.repeat(40)));
    expect(result.project).toBeDefined();
    expect(shown).toContain("Praktijksituatie 'koffie-bij-de-inloop' is lang voor een kaart");
  });

  it('a stigmatising word in the project’s own text, with what to say instead', () => {
    const { result, shown } = checkWith((doc) => doc.setIn(['kickoff', 'findings', 'reasons', 0], 'Buren klagen over een verwarde man in de flat.'));
    expect(result.project).toBeDefined();
    expect(shown).toMatch(/'verwarde man' kan stigmatiserend overkomen/);
    expect(shown).toMatch(/x\.yaml:\d+:\d+ waarschuwing {2}kickoff\.findings\.reasons\[0\]/);
  });

  it('residents invited before professionals', () => {
    const { shown } = checkWith((doc) => doc.setIn(['meetings', 2, 'date'], '2026-02-01'));
    expect(shown).toContain('De bijeenkomst voor bewoners is eerder dan die voor vrijwilligers');
  });

  it('a meeting with one person with lived experience instead of a pair', () => {
    const { shown } = checkWith((doc) => doc.setIn(['meetings', 0, 'livedExperience'], doc.createNode(['Marco'])));
    expect(shown).toContain('De aanpak werkt met een duo');
  });
});
