// Where the package's own folders are, whether we run from src/ (tests) or dist/ (the built CLI).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: src/paths.ts and dist/paths.js both sit one level below it. */
export function packageRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..');
}

let info: { version: string; bugs?: string } | undefined;

/** The package's own version and bug address (from its package.json: under `npx`, npm_package_* is another project's). */
export function packageInfo(): { version: string; bugs?: string } {
  if (!info) {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string; bugs?: { url?: string } | string };
    info = { version: pkg.version, bugs: typeof pkg.bugs === 'string' ? pkg.bugs : pkg.bugs?.url };
  }
  return info;
}

export function packageVersion(): string {
  return packageInfo().version;
}
