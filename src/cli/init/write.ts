// Writes what init made: the project file (its comments from templates/<lang>/init/, its data as YAML
// in the file format's key order), the JSON Schema beside it, and, when something fails, the answers
// in a file they can be tried again from (`init --answers FILE`).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Handlebars from 'handlebars';
import { Document, isScalar, visit } from 'yaml';
import { templatesDirOf, type Lang } from '../../languages.js';
import { writeFileAtomic } from '../../output/files.js';
import { projectJsonSchema } from '../../project/json-schema.js';
import type { PathSegment } from '../../project/problems.js';
import { projectSchema } from '../../project/schema.js';
import { allowedKeysAt } from '../../project/suggest.js';

type Obj = Record<string, unknown>;

export const SCHEMA_FILE = 'welkome-wijk.schema.json';

export interface Header {
  /** The command as the user runs it (`npx welkome-wijk`). */
  command: string;
  /** The file as the user types it after the command, with a space before it; empty for the default file. */
  fileArg: string;
  /** The full example, when it is there to look at. */
  example?: string;
  /** The placeholders the file holds (from `--yes`), to name in its header. */
  placeholders: string[];
}

/** The keys of an object in the file format's order (the order the README and examples use). */
function inSchemaOrder(value: unknown, path: PathSegment[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => inSchemaOrder(v, [...path, i]));
  if (!value || typeof value !== 'object') return value;
  const known = allowedKeysAt(projectSchema, path);
  const keys = Object.keys(value);
  const ordered = [...known.filter((k) => keys.includes(k)), ...keys.filter((k) => !known.includes(k))];
  return Object.fromEntries(ordered.map((k) => [k, inSchemaOrder((value as Obj)[k], [...path, k])]));
}

/**
 * Some top-level fields as YAML: times in quotes (as the README asks, so no YAML 1.1 reader takes
 * 19:30 for a number), short lists of plain values on one line.
 */
function yamlOf(data: Obj, keys: string[]): string {
  const picked = Object.fromEntries(keys.filter((k) => data[k] !== undefined).map((k) => [k, inSchemaOrder(data[k], [k])]));
  if (!Object.keys(picked).length) return '';
  const doc = new Document(picked);
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && /^\d{2}:\d{2}$/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
    Seq(_, node) {
      const values = node.items.map((item) => (isScalar(item) ? String(item.value) : undefined));
      const short = values.every((v) => v !== undefined && v.length <= 40);
      if (values.length && short && values.reduce((n, v) => n + v!.length + 2, 0) <= 70) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}

const SECTIONS = {
  head: ['version', 'language', 'municipality', 'area'],
  organisers: ['organisers'],
  kickoff: ['kickoff'],
  team: ['team'],
  meetings: ['meetings'],
} as const;

/** The project file's text: the template's comments around the data. */
export function projectYaml(project: Obj, language: Lang, header: Header): string {
  const rest = Object.keys(project).filter((k) => !Object.values(SECTIONS).some((keys) => (keys as readonly string[]).includes(k)));
  const sections = {
    ...Object.fromEntries(Object.entries(SECTIONS).map(([name, keys]) => [name, yamlOf(project, [...keys])])),
    rest: yamlOf(project, rest),
  };
  const area = (project.area ?? {}) as Obj;
  const template = readFileSync(join(templatesDirOf(language), 'init', 'welkome-wijk.yaml.hbs'), 'utf8');
  const hbs = Handlebars.create();
  // Header values go into comments: one line each, whatever was typed.
  hbs.registerHelper('line', (value: unknown) => String(value ?? '').replace(/[\r\n\u2028\u2029]+/g, ' '));
  const text = hbs.compile(template, { noEscape: true, strict: true })({
    ...header,
    example: header.example ?? '',
    municipality: String(project.municipality ?? ''),
    area: String(area.name ?? ''),
    schemaFile: SCHEMA_FILE,
    sections,
  });
  return `${text.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** The project file, then its JSON Schema beside it (in the file's language, for the editor). */
export function writeProjectFiles(file: string, text: string, language: Lang): void {
  writeFileAtomic(file, text);
  writeFileAtomic(join(dirname(file), SCHEMA_FILE), `${JSON.stringify(projectJsonSchema(language), null, 2)}\n`);
}

/** Where answers are kept when the file could not be made: beside it, e.g. welkome-wijk.yaml.answers.json. */
export function answersFileFor(file: string): string {
  return `${file}.answers.json`;
}

/** Keep the answers: beside the file, or, when that folder refuses, in the system's temporary folder. */
export function keepAnswers(file: string, answers: unknown, tmp: string): string {
  const text = `${JSON.stringify(answers, null, 2)}\n`;
  const beside = answersFileFor(file);
  try {
    writeFileAtomic(beside, text);
    return beside;
  } catch {
    const elsewhere = join(tmp, `welkome-wijk-${process.pid}.answers.json`);
    writeFileAtomic(elsewhere, text);
    return elsewhere;
  }
}
