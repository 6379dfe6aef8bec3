// Where the package's own folders are, whether we run from src/ (tests) or dist/ (the built CLI).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: src/paths.ts and dist/paths.js both sit one level below it. */
export function packageRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..');
}
