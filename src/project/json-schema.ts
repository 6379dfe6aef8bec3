// The JSON Schema of the neighbourhood file, generated from the zod schema (never written by hand),
// with a description (and examples) on every property in the file's language, from
// content/<lang>/schema.yaml, and the library's ids offered where the file refers to them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadSituations } from '../content/library.js';
import { contentDirOf } from '../languages.js';
import { loadKickoffProgramme, loadMeetingProgramme } from '../content/programme.js';
import { InternalError } from '../errors.js';
import type { Lang } from '../messages.js';
import { projectSchema } from './schema.js';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[] };

const textsSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1),
  properties: z.record(z.string(), z.strictObject({ description: z.string().min(1), examples: z.array(z.unknown()).optional() })),
});
export type SchemaTexts = z.infer<typeof textsSchema>;

/** The descriptions and examples of one language. */
export function schemaTexts(lang: Lang): SchemaTexts {
  const file = join(contentDirOf(lang), 'schema.yaml');
  const parsed = textsSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new InternalError(`${file} is not right: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * Every property of a JSON Schema with its path (`meetings[].venue.name`), parents first; the
 * properties of list items and of each form a field may take (`anyOf`) count under the same path.
 */
export function schemaProperties(schema: JsonSchema, path = ''): [string, JsonSchema][] {
  const out: [string, JsonSchema][] = [];
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    const here = path ? `${path}.${key}` : key;
    out.push([here, value], ...inside(value, here));
  }
  return out;
}

function inside(node: JsonSchema, path: string): [string, JsonSchema][] {
  return [
    ...schemaProperties(node, path),
    ...(node.items ? inside(node.items, `${path}[]`) : []),
    ...(node.anyOf ?? []).flatMap((form) => inside(form, path)),
  ];
}

/** Remove zod's own descriptions (English, from .describe()): the texts come from the catalogue. */
function withoutDescriptions(node: unknown): void {
  if (Array.isArray(node)) node.forEach(withoutDescriptions);
  else if (node && typeof node === 'object') {
    delete (node as JsonSchema).description;
    Object.values(node).forEach(withoutDescriptions);
  }
}

/**
 * `io: 'input'` describes what a user may write (defaults make fields optional). zod drops
 * refinements (e.g. "a date that exists"), so editors check the shape and the CLI checks the rest.
 */
export function projectJsonSchema(lang: Lang = 'nl'): Record<string, unknown> {
  const schema = z.toJSONSchema(projectSchema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
  withoutDescriptions(schema);
  const texts = schemaTexts(lang);
  const properties = new Map(schemaProperties(schema));
  for (const [path, node] of properties) {
    const text = texts.properties[path];
    if (!text) throw new InternalError(`content/${lang}/schema.yaml has no description for ${path}`);
    node.description = text.description;
    if (text.examples) node.examples = text.examples;
  }
  // Ids an editor can offer while typing; other values stay allowed (a project's own situations).
  const situationIds = loadSituations(lang).map((s) => s.id);
  properties.get('hideSituations')!.items!.examples = situationIds;
  properties.get('kickoff.parts[].id')!.examples = loadKickoffProgramme(lang).parts.map((p) => p.id);
  properties.get('meetings[].parts[].id')!.examples = loadMeetingProgramme(lang).parts.map((p) => p.id);
  // Where the file may write a short form that the loader widens (`meal: true`, a situation's id
  // alone), the schema offers both forms, or an editor would flag what the CLI accepts.
  const shortForm = (path: string, short: JsonSchema) => {
    const full = properties.get(path)!;
    const { description, ...shape } = full;
    for (const key of Object.keys(full)) delete full[key];
    Object.assign(full, { description, anyOf: [short, shape] });
  };
  shortForm('meetings[].meal', { type: 'boolean' });
  const situations = properties.get('meetings[].situations')!.items!;
  const idPattern = (situations.properties!.id as JsonSchema).pattern;
  const { description: _, ...situationShape } = situations;
  for (const key of Object.keys(situations)) delete situations[key];
  Object.assign(situations, { anyOf: [{ type: 'string', pattern: idPattern, examples: situationIds }, situationShape] });
  const { $schema, ...rest } = schema;
  return { $schema, title: texts.title, description: texts.description, ...rest };
}
