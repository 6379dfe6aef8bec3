// `welkome-wijk schema`: print the JSON Schema that editors use to check and complete the YAML file.
import { projectJsonSchema } from '../project/json-schema.js';

export async function schemaCommand(): Promise<number> {
  process.stdout.write(`${JSON.stringify(projectJsonSchema(), null, 2)}\n`);
  return 0;
}
