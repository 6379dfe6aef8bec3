// The shipped examples validate cleanly, the JSON Schema (checked by ajv) accepts each of them,
// and the checked-in schema file is not stale.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectJsonSchema } from '../../src/project/json-schema.js';
import { loadProjectFile } from '../../src/project/load.js';
import { formatProblem } from '../../src/project/problems.js';

const root = join(import.meta.dirname, '..', '..');
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => join(root, 'examples', f));

describe('examples', () => {
  it('there are at least four: a city neighbourhood, a village, a whole municipality, one in English', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    const kinds = examples.map((f) => parse(readFileSync(f, 'utf8')).area.kind);
    expect(kinds).toEqual(expect.arrayContaining(['wijk', 'dorp', 'gemeente']));
    expect(examples.some((f) => parse(readFileSync(f, 'utf8')).language === 'en')).toBe(true);
  });

  for (const file of examples) {
    it(`${file.split('/').pop()} validates without errors or warnings`, () => {
      const result = loadProjectFile(file, 'nl');
      const shown = result.problems.map((p) => formatProblem(p, { lang: 'en', file, source: result.source })).join('\n');
      expect(result.problems, shown).toEqual([]);
      expect(result.project).toBeDefined();
    });
  }
});

describe('JSON Schema', () => {
  const schema = projectJsonSchema();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);

  for (const file of examples) {
    it(`accepts ${file.split('/').pop()}`, () => {
      const ok = validate(parse(readFileSync(file, 'utf8')));
      expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  it('rejects an unknown key, as the CLI does', () => {
    const data = parse(readFileSync(examples[0], 'utf8'));
    data.area.nmae = 'typo';
    expect(validate(data)).toBe(false);
  });

  it('the checked-in examples/welkome-wijk.schema.json is up to date (run `npm run schema` to refresh)', () => {
    const checkedIn = JSON.parse(readFileSync(join(root, 'examples', 'welkome-wijk.schema.json'), 'utf8'));
    expect(checkedIn).toEqual(schema);
  });
});
