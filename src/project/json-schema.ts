// The JSON Schema of the neighbourhood file, generated from the zod schema (never written by hand),
// with a description (and examples) on every property in the file's language, from
// content/<lang>/schema.yaml, and the library's ids offered where the file refers to them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadSituations } from '../content/library.js';
import { contentDirOf } from '../languages.js';
import { loadKickoffProgramme } from '../content/programme.js';
import { InternalError } from '../errors.js';
import type { Lang } from '../messages.js';
import { projectSchema } from './schema.js';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; items?: JsonSchema };

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

/** Every property of a JSON Schema with its path (`meetings[].venue.name`), parents first. */
export function schemaProperties(schema: JsonSchema, path = ''): [string, JsonSchema][] {
  const out: [string, JsonSchema][] = [];
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    const here = path ? `${path}.${key}` : key;
    out.push([here, value], ...schemaProperties(value, here));
    if (value.items) out.push(...schemaProperties(value.items, `${here}[]`));
  }
  return out;
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
  properties.get('meetings[].situations')!.items!.examples = situationIds;
  properties.get('hideSituations')!.items!.examples = situationIds;
  properties.get('kickoff.parts[].id')!.examples = loadKickoffProgramme(lang).parts.map((p) => p.id);
  const { $schema, ...rest } = schema;
  return { $schema, title: texts.title, description: texts.description, ...rest };
}
