// The JSON Schema of the neighbourhood file, generated from the zod schema (never written by hand).
import { z } from 'zod';
import { projectSchema } from './schema.js';

/**
 * `io: 'input'` describes what a user may write (defaults make fields optional). zod drops
 * refinements (e.g. "a date that exists"), so editors check the shape and the CLI checks the rest.
 */
export function projectJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(projectSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'Welkome Wijk neighbourhood file',
  };
}
