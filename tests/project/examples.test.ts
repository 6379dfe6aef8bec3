// The shipped examples validate cleanly, the JSON Schema (checked by ajv) accepts each of them,
// and the checked-in schema files (Dutch and English) are not stale.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadSituations } from '../../src/content/library.js';
import { projectJsonSchema, schemaProperties, schemaTexts } from '../../src/project/json-schema.js';
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

describe.each(['nl', 'en'] as const)('JSON Schema (%s)', (lang) => {
  const schema = projectJsonSchema(lang);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);
  const file = lang === 'nl' ? 'welkome-wijk.schema.json' : 'welkome-wijk.schema.en.json';

  for (const example of examples) {
    it(`accepts ${example.split('/').pop()}`, () => {
      const ok = validate(parse(readFileSync(example, 'utf8')));
      expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  it('rejects an unknown key, as the CLI does', () => {
    const data = parse(readFileSync(examples[0], 'utf8'));
    data.area.nmae = 'typo';
    expect(validate(data)).toBe(false);
  });

  it(`the checked-in examples/${file} is up to date (run \`npm run schema\` to refresh)`, () => {
    const checkedIn = JSON.parse(readFileSync(join(root, 'examples', file), 'utf8'));
    expect(checkedIn).toEqual(schema);
  });

  it('has a description on every property, in its own language, and no description left over', () => {
    const properties = schemaProperties(schema as never);
    expect(properties.length).toBeGreaterThan(100);
    expect(properties.filter(([, node]) => typeof node.description !== 'string' || !node.description).map(([path]) => path)).toEqual([]);
    const used = new Set(properties.map(([path]) => path));
    expect(Object.keys(schemaTexts(lang).properties).filter((path) => !used.has(path))).toEqual([]);
    expect(schema.description).toMatch(lang === 'nl' ? /Eén Welkome Wijk-project/ : /One Welkome Wijk project/);
  });

  it('offers examples, and the built-in situation ids for meetings[].situations', () => {
    const properties = new Map(schemaProperties(schema as never));
    expect(properties.get('municipality')!.examples).toBeDefined();
    const ids = loadSituations(lang).map((s) => s.id);
    expect(ids.length).toBeGreaterThan(10);
    // An id alone (with the ids offered) or { id, why }.
    const forms = properties.get('meetings[].situations')!.items!.anyOf as { type?: string; examples?: string[] }[];
    expect(forms.find((f) => f.type === 'string')!.examples).toEqual(ids);
    // Suggested, not required: a project's own situation id is still valid.
    const data = parse(readFileSync(examples[0], 'utf8'));
    data.meetings[0].situations = ['een-eigen-situatie'];
    expect(validate(data)).toBe(true);
  });
});
