// Privacy by default, for every role a name can have in the file: a person with lived experience who
// did not consent (`public: false`) is never named in a public material. Where a role's name is printed
// for participants (leader, contact) the file is refused with a located error; elsewhere the public
// materials leave the name out and only the team's run sheets show it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Document } from '../../src/document/model.js';
import { visibilityOf, type Output } from '../../src/materials/context.js';
import { MATERIAL_IDS, MATERIALS } from '../../src/materials/registry.js';
import { checkProjectSource } from '../../src/project/load.js';
import { resolveProject } from '../../src/resolve/index.js';
import { writeDocument } from '../../src/writers/index.js';
import { writeIcs } from '../../src/writers/ics.js';
import { EXAMPLES_DIR } from '../materials/helpers.js';

const file = join(EXAMPLES_DIR, 'nijmegen-heseveld.yaml');
const source = readFileSync(file, 'utf8');
/** In the example, Yusuf has lived experience and did not consent to be named; Esther neither. */
const PRIVATE = 'Yusuf';

type Edit = (p: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The example with one edit, checked as `validate` checks it. */
function variant(edit: Edit) {
  const data = parse(source);
  edit(data);
  return checkProjectSource(stringify(data), file);
}

/** Every string a document holds (its text, metadata and header), for a search by name. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value instanceof Date) return [];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

async function renderAll(project: NonNullable<ReturnType<typeof checkProjectSource>['project']>): Promise<Output[]> {
  const ctx = resolveProject(project, { baseDir: dirname(file) });
  const outputs: Output[] = [];
  for (const id of MATERIAL_IDS) outputs.push(...(await (await MATERIALS[id].load())(ctx, {})));
  return outputs;
}

async function textOf(output: Output): Promise<string> {
  if (output.kind === 'calendar') return new TextDecoder().decode(await writeIcs(output.calendar));
  // Ready texts are searched as pasted; the picture is drawn from the same public fields as the texts.
  if (output.kind === 'file') return output.extension === 'png' ? '' : new TextDecoder().decode(output.bytes);
  return strings(output.document).join('\n');
}

const hidden: [string, Edit][] = [
  ['kick-off chair', (p) => (p.kickoff.roles.chair = PRIVATE)],
  ['kick-off host', (p) => (p.kickoff.roles.host = PRIVATE)],
  ['kick-off chat watcher', (p) => (p.kickoff.roles.chatWatcher = PRIVATE)],
  ['kick-off room host (in person)', (p) => Object.assign(p.kickoff, { mode: 'in-person', link: undefined, venue: { name: 'De Klokketoren', address: 'Heseveldstraat 12' }, roles: { roomHost: PRIVATE } })],
  ['member of the project group', (p) => p.organisers.projectGroup.push({ name: PRIVATE, role: 'ervaringsdeskundige' })],
  ['one of a meeting’s pair', (p) => (p.meetings[0].livedExperience = ['Marco', 'Esther'])],
];

describe('a private person in a role whose name public materials can leave out', () => {
  it.each(hidden)('as %s: validates with a warning, and no public material names them', async (_role, edit) => {
    const result = variant(edit);
    expect(result.project, JSON.stringify(result.problems.filter((p) => p.severity === 'error'))).toBeDefined();
    const outputs = await renderAll(result.project!);
    const publicOnes = outputs.filter((o) => visibilityOf(o) === 'public');
    expect(publicOnes.length).toBeGreaterThan(20);
    for (const output of publicOnes) {
      const text = await textOf(output);
      for (const name of [PRIVATE, 'Esther']) expect(text, `${output.name} names ${name}`).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
  });

  it('the reported case: Yusuf as kick-off chair is warned about, shown in the team run sheet, and absent from the overview', async () => {
    const result = variant((p) => (p.kickoff.roles.chair = PRIVATE));
    const warning = result.problems.find((p) => p.rule === 'private-person-role');
    expect(warning).toMatchObject({ severity: 'warning', path: ['kickoff', 'roles', 'chair'] });
    expect(warning!.pos!.line).toBeGreaterThan(1);
    const outputs = await renderAll(result.project!);
    const runSheet = outputs.find((o) => o.name === 'startbijeenkomst-draaiboek')!;
    expect(visibilityOf(runSheet)).toBe('team');
    expect(await textOf(runSheet)).toContain(PRIVATE);
    // What a reader of the printed overview sees: the PDF's text, as poppler extracts it.
    const season = outputs.find((o) => o.name === 'seizoensoverzicht') as Extract<Output, { kind: 'document' }>;
    const dir = mkdtempSync(join(tmpdir(), 'ww-privacy-'));
    try {
      const pdf = join(dir, 'season.pdf');
      writeFileSync(pdf, await writeDocument(season.document, 'pdf'));
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('Ingrid Willems');
      expect(text).not.toContain(PRIVATE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the new materials of issue 16', () => {
  it('the pair’s briefing letter is a team document that names both of them, the private one too; no public kit file does', async () => {
    const outputs = await renderAll(checkProjectSource(source, file).project!);
    const letter = outputs.find((o) => o.name === 'briefing-duo-professionals')!;
    expect(visibilityOf(letter)).toBe('team');
    const text = await textOf(letter);
    expect(text).toContain('Marco');
    expect(text).toContain('Esther');
    const kit = outputs.filter((o) => /^(affiche|sleutelfiguren|wervingstekst|sociale-media|presentielijst|naambadges)/.test(o.name));
    expect(kit.length).toBeGreaterThan(10);
    for (const output of kit) {
      expect(visibilityOf(output), output.name).toBe('public');
      for (const name of ['Esther', PRIVATE]) expect(await textOf(output), `${output.name} names ${name}`).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
  });
});

describe('a private person in a role whose name every invitation prints', () => {
  it.each([
    ['discussion leader', ['meetings', 1, 'leader'], ((p) => {
      p.team.discussionLeaders.push({ name: PRIVATE });
      p.meetings[1].leader = PRIVATE;
    }) as Edit],
    ['project leader', ['organisers', 'projectLeader', 'name'], ((p) => (p.organisers.projectLeader.name = PRIVATE)) as Edit],
  ])('as %s: the file is refused with a located error', (_role, path, edit) => {
    const result = variant(edit);
    expect(result.project).toBeUndefined();
    const error = result.problems.find((p) => p.rule === 'private-person-role');
    expect(error).toMatchObject({ severity: 'error', key: 'rule_private_role_printed', path });
    expect(error!.pos!.line).toBeGreaterThan(1);
  });
});

describe('public documents hold only what they may', () => {
  it('no public document of any example carries an e-mail address of a person with lived experience', async () => {
    const result = checkProjectSource(source, file);
    const outputs = await renderAll(result.project!);
    for (const output of outputs.filter((o) => o.kind === 'document')) {
      expect(strings((output as { document: Document }).document).join('\n')).not.toContain('esther@example.nl');
    }
  });
});

