// Vitest global setup: builds dist/ from src/ before any test runs, so the CLI tests (which run the
// built command as a process) can never test a stale build. A clean build: files of removed modules go too.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export default function build(): void {
  const root = join(import.meta.dirname, '..', '..');
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
}
