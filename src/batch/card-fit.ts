// Whether the file's own practice situations fit their card: measured by laying the cards out with
// the PDF writer (the only honest measure), and reported as problems located at the situation. Here,
// not in cli/, because a worker thread of `render all` measures each file it builds, as `validate`
// and `render cards` do for one file (cli/load-project.ts).
import { dirname, resolve } from 'node:path';
import { CARD_LAYOUTS, situationCards } from '../materials/cards.js';
import { baseDocument } from '../materials/context.js';
import type { LoadResult } from '../project/load.js';
import type { Problem } from '../project/problems.js';
import type { Project } from '../project/schema.js';
import { resolveProject } from '../resolve/index.js';
import { CardsTooLongError } from '../writers/card-fit.js';
import { writeDocument } from '../writers/index.js';

/**
 * One problem per own situation whose card is too long, at its story: "cut about N words". Built-in
 * situations are measured by the tests; only the file's own can be changed by its author.
 */
export async function situationFitProblems(project: Project, file: string, templateDirs: string[] = []): Promise<Problem[]> {
  if (project.situations.length === 0) return [];
  const ctx = resolveProject(project, { baseDir: dirname(resolve(file)), templateDirs });
  const own = project.situations.map((s) => ctx.situations.get(s.id)!).filter(Boolean);
  const doc = baseDocument(ctx, { title: 'fit', visibility: 'public', size: 'A5' });
  doc.blocks = [{ kind: 'cards', layout: CARD_LAYOUTS.large, cards: situationCards(ctx, own), name: 'fit' }];
  try {
    await writeDocument(doc, 'pdf');
    return [];
  } catch (err) {
    if (!(err instanceof CardsTooLongError)) throw err;
    return err.cards
      .filter((c) => c.face === 'front')
      .flatMap((c) => {
        const i = project.situations.findIndex((s) => s.title === c.title);
        if (i < 0) return [];
        const s = project.situations[i];
        return [{ severity: 'error', path: ['situations', i, 'story'], key: 'rule_situation_too_long', params: { id: s.id, words: c.words }, rule: 'situation-fits' } satisfies Problem];
      });
  }
}

/**
 * A checked file with its own situations measured on their cards: a situation that does not fit is an
 * error at its story, with the others in line order, and the project is withheld. A file with errors
 * already is returned as it is (its project is absent, so there is nothing to lay out).
 */
export async function withSituationFit(result: LoadResult, file: string, templateDirs?: string[]): Promise<LoadResult> {
  if (!result.project || !result.locate) return result;
  const locate = result.locate;
  const fit = await situationFitProblems(result.project, file, templateDirs);
  if (!fit.length) return result;
  const problems = [...result.problems, ...fit.map((p) => ({ ...p, pos: locate(p.path) }))].sort((a, b) => a.pos!.line - b.pos!.line || a.pos!.col - b.pos!.col);
  return { ...result, problems, project: undefined };
}
