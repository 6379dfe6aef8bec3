// Golden files: the document model of every material for every example, as JSON, so a change in
// wording or structure shows up in review. Refresh with `UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts`.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from '../src/materials/context.js';
import { resolveProject } from '../src/resolve/index.js';
import { MATERIAL_IDS, MATERIALS } from '../src/materials/registry.js';
import { loadProjectFile } from '../src/project/load.js';
import { writeIcs } from '../src/writers/ics.js';

const root = join(import.meta.dirname, '..');
const update = process.env.UPDATE_GOLDEN === '1';
// The file date comes from the project unless SOURCE_DATE_EPOCH is set: goldens use the project's.
delete process.env.SOURCE_DATE_EPOCH;
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.yaml'));

/** A ready file in a golden: texts as text, a picture by size and checksum. */
function goldenFile(output: Extract<Output, { kind: 'file' }>) {
  const file = `${output.name}.${output.extension}`;
  if (output.extension === 'png') return { file, bytes: output.bytes.byteLength, sha256: createHash('sha256').update(output.bytes).digest('hex') };
  return { file, text: new TextDecoder().decode(output.bytes) };
}

/** Paths differ per checkout: keep them relative to the repository. */
function portable(json: string): string {
  return json.split(root).join('<repo>');
}

describe.each(examples)('%s', (example) => {
  const file = join(root, 'examples', example);
  const { project } = loadProjectFile(file, 'nl');
  const folder = join(root, 'tests', 'golden', basename(example, '.yaml'));

  it.each(MATERIAL_IDS)('%s matches its golden document model', async (id) => {
    const ctx = resolveProject(project!, { baseDir: dirname(file) });
    const outputs = await (await MATERIALS[id].load())(ctx, {});
    for (const output of outputs) {
      const target = join(folder, output.kind === 'calendar' ? `${output.name}.ics.json` : output.kind === 'file' ? `${output.name}.${output.extension}.json` : `${output.name}.json`);
      const actual =
        output.kind === 'document'
          ? portable(JSON.stringify(output.document, null, 2))
          : output.kind === 'calendar'
            ? portable(JSON.stringify({ file: `${output.name}.ics`, text: new TextDecoder().decode(await writeIcs(output.calendar)) }, null, 2))
            : // A text file as its text, so wording changes show in review; a picture by its checksum.
              portable(JSON.stringify(goldenFile(output), null, 2));
      if (update) {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, `${actual}\n`);
        continue;
      }
      expect(existsSync(target), `${target} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts`).toBe(true);
      expect(actual, `${target} is stale: run UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts and review the diff`).toBe(
        readFileSync(target, 'utf8').trimEnd(),
      );
    }
  });
});
