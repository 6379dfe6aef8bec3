// `welkome-wijk schema`: print the JSON Schema that editors use to check and complete the YAML file,
// with its descriptions in the language of the messages (--lang).
import type { Lang } from '../messages.js';
import { projectJsonSchema } from '../project/json-schema.js';

export async function schemaCommand(opts: { lang: Lang } = { lang: 'nl' }): Promise<number> {
  process.stdout.write(`${JSON.stringify(projectJsonSchema(opts.lang), null, 2)}\n`);
  return 0;
}
