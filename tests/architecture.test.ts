// Imports point one way: cli → batch → output → materials → {results, resolve} → {templating, content, project} → document.
// Writers see only the document model; nothing imports the CLI. This keeps a new material or a new
// output format a change in one place.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');

/** Top-level src folder (or file, for errors.ts, paths.ts, messages.ts) of every module. */
function area(file: string): string {
  return relative(src, file).split(sep)[0].replace(/\.(ts|js)$/, '');
}

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? modules(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** What each area may import from the others (shared leaves: errors, paths, messages). */
const ALLOWED: Record<string, string[]> = {
  cli: ['batch', 'output', 'materials', 'resolve', 'project', 'content', 'templating', 'writers', 'document', 'results'],
  // Many files at once: plans and builds bundles on worker threads, and measures a file's own
  // situations on their cards (for one file too); words nothing (the CLI does).
  batch: ['output', 'materials', 'resolve', 'project', 'writers'],
  output: ['materials', 'writers'],
  materials: ['resolve', 'templating', 'content', 'project', 'document', 'results'],
  // Answer sheets: read and written beside the project file, from the survey's texts.
  results: ['content', 'project'],
  resolve: ['content', 'project', 'document'],
  project: ['content'],
  templating: ['document'],
  content: [],
  writers: ['document'],
  document: [],
};
const LEAVES = ['errors', 'paths', 'messages', 'message-keys', 'languages', 'image', 'raster'];

describe('import directions', () => {
  for (const file of modules(src)) {
    const from = area(file);
    if (LEAVES.includes(from)) continue;
    it(relative(src, file), () => {
      const text = readFileSync(file, 'utf8');
      const imported = [...text.matchAll(/(?:from|import\(?)\s*'(\.[^']+)'/g)].map((m) => area(join(file, '..', m[1])));
      const wrong = imported.filter((to) => to !== from && !LEAVES.includes(to) && !ALLOWED[from].includes(to));
      expect(wrong, `${from} may import ${ALLOWED[from].join(', ') || 'nothing else'}`).toEqual([]);
    });
  }
});

describe('materials read the resolved project', () => {
  // The raw file's shape (project/schema) stays behind the resolve stage: materials may name its
  // audience type, nothing else, so no material can look a person or a time up on its own.
  for (const file of modules(join(src, 'materials'))) {
    it(relative(src, file), () => {
      const text = readFileSync(file, 'utf8');
      const fromProject = [...text.matchAll(/import (type )?\{([^}]*)\} from '\.\.\/project\/[^']+'/g)];
      const names = fromProject.flatMap((m) => m[2].split(',').map((n) => n.replace(/^\s*type\s+/, '').trim()).filter(Boolean));
      expect(fromProject.every((m) => m[1] === 'type ' || /^\s*type /.test(m[2]))).toBe(true);
      expect(names.filter((n) => n !== 'Audience')).toEqual([]);
    });
  }
});
