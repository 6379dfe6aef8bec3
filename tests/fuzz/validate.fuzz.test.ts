// A few hundred fuzz cases inside `npm test` (the 10,000-case run is `npm run fuzz`): generated and
// mutated files through `validate`, in-process; each valid, or a located user error with exit 2.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { fuzzCases } from './cases.js';
import { faults, runValidate } from './check.js';

const CASES = 300;
// A fixed seed keeps `npm test` repeatable; `npm run fuzz` draws a new one each run.
const SEED = Number(process.env.FUZZ_SEED ?? 13);
const dir = mkdtempSync(join(tmpdir(), 'ww-fuzz-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fuzz: validate', () => {
  it(`${CASES} generated and mutated files (seed ${SEED}): valid or a located error, never a fault`, async () => {
    const file = join(dir, 'welkome-wijk.yaml');
    const bad: string[] = [];
    let valid = 0;
    for (const [i, c] of fuzzCases(SEED, CASES).entries()) {
      writeFileSync(file, c.bytes);
      const run = await runValidate(main, file);
      const found = faults(run);
      if (found.length) bad.push(`#${i} ${c.name}: ${found.join(', ')}\n${(run.stdout + run.stderr).slice(0, 600)}`);
      if (run.code === 0) valid++;
    }
    expect(bad, bad.slice(0, 3).join('\n\n')).toEqual([]);
    // The generator must still make valid files too, or the check proves little.
    expect(valid).toBeGreaterThan(CASES / 20);
  });
});
