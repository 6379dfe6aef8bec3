// What the material tests share: the examples, loading one into a material context, and the small
// text helpers for comparing what readers extract.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createContext, type MaterialContext } from '../../src/materials/context.js';
import { loadProjectFile } from '../../src/project/load.js';
import type { Project } from '../../src/project/schema.js';

export const EXAMPLES_DIR = join(import.meta.dirname, '..', '..', 'examples');
export const EXAMPLES = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.yaml')).sort();

/** A shipped example, validated, with the context its materials render in. */
export function loadExample(example: string): { project: Project; ctx: MaterialContext; file: string } {
  const file = join(EXAMPLES_DIR, example);
  const { project } = loadProjectFile(file, 'nl');
  if (!project) throw new Error(`${example} did not load`);
  return { project, ctx: createContext(project, dirname(file)), file };
}

/** Whitespace-insensitive text, since readers break lines where they like. */
export const flat = (s: string) => s.replace(/\s+/g, ' ');

/** Clock arithmetic written out again here, so the tests do not trust the code they check. */
export function clock(hhmm: string, plus: number, lang: 'nl' | 'en'): string {
  const total = (((Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) + plus) % 1440) + 1440) % 1440;
  const h = Math.floor(total / 60);
  const m = String(total % 60).padStart(2, '0');
  return lang === 'nl' ? `${h}.${m}` : `${String(h).padStart(2, '0')}:${m}`;
}
