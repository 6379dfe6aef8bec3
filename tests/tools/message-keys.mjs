// Generates src/message-keys.ts from content/nl/messages.yaml: the type the compiler checks every
// message key against. Run with `npm run keys` after adding a message; tests/project/messages.test.ts
// fails when the file is stale. Plain JavaScript so it runs before (and without) a build.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
export const generatedFile = join(root, 'src', 'message-keys.ts');

/** The generated module: one union member per key of the Dutch catalogue. */
export function keysFile() {
  const keys = Object.keys(parse(readFileSync(join(root, 'content', 'nl', 'messages.yaml'), 'utf8'))).sort();
  return [
    '// Generated from content/nl/messages.yaml by tests/tools/message-keys.mjs (`npm run keys`): do not edit.',
    '// Every key of the message catalogue, so the compiler refuses a key that does not exist.',
    'export type MessageKey =',
    ...keys.map((k, i) => `  | '${k}'${i === keys.length - 1 ? ';' : ''}`),
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(generatedFile, keysFile());
