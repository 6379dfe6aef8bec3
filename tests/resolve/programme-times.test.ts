// Property test: for every example and any meeting length from 90 to 240 minutes (a meal or not),
// every clock time the programmes, run sheets and invitations print is on a five-minute step, the
// parts follow each other without gaps, and they add up to the evening.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/document/model.js';
import { renderInvitations } from '../../src/materials/invitation.js';
import { renderSchedules } from '../../src/materials/schedule.js';
import type { Project } from '../../src/project/schema.js';
import { EXAMPLES, contextFor, eveningMinutes, loadExample } from '../materials/helpers.js';

/** Every clock time in a document's text: "19.30" (nl) or "19:30" (en), as minutes after midnight. */
function clockTimes(doc: Document): number[] {
  const text = JSON.stringify(doc.blocks);
  return [...text.matchAll(/(?<![\d.:])([01]?\d|2[0-3])[.:]([0-5]\d)(?![\d.:])/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
}

const meal = fc.option(
  fc.record({ when: fc.constantFrom('before' as const, 'after' as const, 'break' as const), minutes: fc.integer({ min: 3, max: 24 }).map((n) => n * 5) }),
  { nil: undefined },
);

describe.each(EXAMPLES)('%s', (example) => {
  const { project, file } = loadExample(example);

  it('prints only round times, in order, adding up, for any length from 90 to 240 minutes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 18, max: 48 }).map((n) => n * 5), meal, async (durationMinutes, withMeal) => {
        const changed: Project = structuredClone(project);
        for (const m of changed.meetings) Object.assign(m, { durationMinutes, parts: [], meal: withMeal, start: '09:30' });
        const ctx = contextFor(changed, file.replace(/\/[^/]+$/, ''));
        const docs = [...(await renderSchedules(ctx, {})), ...(await renderInvitations(ctx, {}))].flatMap((o) => (o.kind === 'document' ? [o.document] : []));
        for (const doc of docs) {
          for (const t of clockTimes(doc)) expect(t % 5, `${doc.meta.title}: ${Math.floor(t / 60)}:${t % 60}`).toBe(0);
        }
        changed.meetings.forEach((m, i) => {
          const parts = ctx.meetings[i].parts;
          for (let k = 1; k < parts.length; k++) expect(parts[k].start).toBe(parts[k - 1].end);
          expect(parts.reduce((sum, p) => sum + p.minutes, 0)).toBe(eveningMinutes(m));
        });
      }),
      { numRuns: 15 },
    );
  });
});
