// What the material tests share: the examples, loading one into a material context, and the small
// text helpers for comparing what readers extract.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadLabels } from '../../src/content/labels.js';
import type { Document } from '../../src/document/model.js';
import type { MaterialContext, Output } from '../../src/materials/context.js';
import { loadProjectFile } from '../../src/project/load.js';
import type { Project } from '../../src/project/schema.js';
import { resolveProject } from '../../src/resolve/index.js';
import { writeDocument } from '../../src/writers/index.js';

export const EXAMPLES_DIR = join(import.meta.dirname, '..', '..', 'examples');
export const EXAMPLES = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.yaml')).sort();

/** A shipped example, validated, with the context its materials render in. */
export function loadExample(example: string): { project: Project; ctx: MaterialContext; file: string } {
  const file = join(EXAMPLES_DIR, example);
  const { project } = loadProjectFile(file, 'nl');
  if (!project) throw new Error(`${example} did not load`);
  return { project, ctx: contextFor(project, dirname(file)), file };
}

/** The resolved project materials render from, for a project read from `baseDir`. */
export function contextFor(project: Project, baseDir: string, templateDirs: string[] = []): MaterialContext {
  return resolveProject(project, { baseDir, templateDirs });
}

/**
 * Whitespace-insensitive text, since readers break lines where they like; a word the Typst engine
 * hyphenated at a line end (its hyphen reaches the text as a soft hyphen) is joined again.
 */
export const flat = (s: string) => s.replace(/\u00ad\s*/g, '').replace(/\s+/g, ' ');

/** Clock arithmetic written out again here, so the tests do not trust the code they check. */
export function clock(hhmm: string, plus: number, lang: 'nl' | 'en'): string {
  const total = (((Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) + plus) % 1440) + 1440) % 1440;
  const h = Math.floor(total / 60);
  const m = String(total % 60).padStart(2, '0');
  return lang === 'nl' ? `${h}.${m}` : `${String(h).padStart(2, '0')}:${m}`;
}

/** Documents rendered to PDF and read back with poppler: the model, the extracted text and the page count. */
export interface ReadBack {
  documents: Map<string, Document>;
  text: Map<string, string>;
  pages: Map<string, number>;
}

/** Page count of a PDF as pdfinfo reports it. */
export function pdfPages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

/** Write each document output as `<dir>/<prefix>-<name>.pdf` and read it back (text made whitespace-flat). */
export async function renderAndRead(outputs: Output[], dir: string, prefix: string): Promise<ReadBack> {
  const read: ReadBack = { documents: new Map(), text: new Map(), pages: new Map() };
  for (const output of outputs) {
    if (output.kind !== 'document') throw new Error(`${output.name} is not a document`);
    const pdf = join(dir, `${prefix}-${output.name}.pdf`);
    writeFileSync(pdf, await writeDocument(output.document, 'pdf'));
    read.documents.set(output.name, output.document);
    read.text.set(output.name, flat(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })));
    read.pages.set(output.name, pdfPages(pdf));
  }
  return read;
}

/**
 * How long participants are there, worked out here again rather than trusted from the code: the
 * programme, plus a meal; a meal in the break takes the break's place (15 of 150 minutes, scaled
 * with the meeting and kept between 5 and 20 in steps of five).
 */
export function eveningMinutes(meeting: Project['meetings'][number]): number {
  const meal = meeting.meal;
  if (!meal) return meeting.durationMinutes;
  const pause = Math.min(20, Math.max(5, Math.round((15 * meeting.durationMinutes) / 150 / 5) * 5));
  return meeting.durationMinutes + meal.minutes - (meal.when === 'break' ? pause : 0);
}

/** Shipped texts as this project's readers see them: the area's words filled in ("Het dorp in beeld"). */
export function inArea<T>(value: T, project: Project): T {
  const labels = loadLabels(project.language);
  const kind = project.area.kind;
  const words: Record<string, string> = {
    area: project.area.name,
    areaKind: labels.areaKinds[kind],
    theAreaKind: labels.areaWords[kind].the,
    TheAreaKind: labels.areaWords[kind].The,
    areaKinds: labels.areaWords[kind].plural,
  };
  return JSON.parse(JSON.stringify(value).replace(/\{(\w+)\}/g, (whole, key: string) => words[key] ?? whole)) as T;
}
