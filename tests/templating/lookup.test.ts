// Tests finding templates (user folders before built-in ones), error wording, prototype safety and copying templates out.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InternalError, UserError } from '../../src/errors.js';
import { renderTemplate } from '../../src/templating/engine.js';
import { packageRoot } from '../../src/paths.js';
import { builtinTemplatesDir, copyBuiltinTemplates, findPartials, findTemplate } from '../../src/templating/lookup.js';

const builtinDir = path.resolve('tests/fixtures/templates');
const data = {
  name: 'Wijk Noord',
  date: '2026-02-10',
  start: '19:30',
  end: '22:00',
  venue: { name: 'De Boog' },
  hosts: ['Anna', 'Bas'],
};

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ww-lookup-'));
  made.push(dir);
  return dir;
}
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function caught(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

describe('package layout', () => {
  it('finds the package root from the module location', () => {
    expect(existsSync(path.join(packageRoot(), 'package.json'))).toBe(true);
    expect(builtinTemplatesDir()).toBe(path.join(packageRoot(), 'templates'));
    expect(existsSync(path.join(packageRoot(), 'templates', 'nl'))).toBe(true);
    expect(existsSync(path.join(packageRoot(), 'templates', 'en'))).toBe(true);
  });
});

describe('renderTemplate', () => {
  it('renders a built-in template with its partials', () => {
    expect(renderTemplate('greeting', 'nl', data, { userDirs: [], builtinDir })).toBe(
      // Values are escaped where they enter the Markdown: "19\.30" prints as "19.30".
      '# Welkom, Wijk Noord\n\nOp dinsdag 10 februari 2026\\, 19\\.30 \\- 22\\.00 uur in De Boog.\n\nGroet, Anna en Bas\n',
    );
    expect(renderTemplate('greeting', 'en', data, { userDirs: [], builtinDir })).toBe(
      '# Welcome, Wijk Noord\n\nOn Tuesday 10 February 2026\\, 19\\:30 to 22\\:00 at De Boog.\n',
    );
    expect(renderTemplate('invitation/body', 'nl', data, { userDirs: [], builtinDir })).toBe('Uitnodiging voor Wijk Noord.\n');
  });

  it('prefers a user folder: language folder, then the folder itself, then the next folder', () => {
    const a = tempDir();
    const b = tempDir();
    write(path.join(b, 'nl', 'greeting.md.hbs'), 'B {{name}}');
    expect(renderTemplate('greeting', 'nl', data, { userDirs: [a, b], builtinDir })).toBe('B Wijk Noord');
    write(path.join(a, 'greeting.md.hbs'), 'A-any {{name}}');
    expect(renderTemplate('greeting', 'nl', data, { userDirs: [a, b], builtinDir })).toBe('A-any Wijk Noord');
    write(path.join(a, 'nl', 'greeting.md.hbs'), 'A-nl {{name}}');
    expect(renderTemplate('greeting', 'nl', data, { userDirs: [a, b], builtinDir })).toBe('A-nl Wijk Noord');
    expect(findTemplate('greeting', 'en', [a, b], builtinDir)).toEqual({ path: path.join(a, 'greeting.md.hbs'), origin: 'user' });
    expect(findTemplate('greeting', 'en', [], builtinDir).origin).toBe('builtin');
  });

  it('lets a user partial replace a built-in one', () => {
    const dir = tempDir();
    write(path.join(dir, 'partials', 'signature.md.hbs'), 'Met vriendelijke groet, {{list hosts}}');
    expect(renderTemplate('greeting', 'nl', data, { userDirs: [dir], builtinDir })).toContain('Met vriendelijke groet, Anna en Bas');
    expect(findPartials('nl', [dir], builtinDir).get('signature')?.origin).toBe('user');
    expect(findPartials('nl', [], builtinDir).get('signature')?.origin).toBe('builtin');
  });

  it('picks up a changed file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'nl', 'greeting.md.hbs');
    write(file, 'one');
    expect(renderTemplate('greeting', 'nl', data, { userDirs: [dir], builtinDir })).toBe('one');
    write(file, 'two, longer');
    expect(renderTemplate('greeting', 'nl', data, { userDirs: [dir], builtinDir })).toBe('two, longer');
  });

  it('escapes values for the Markdown it produces, never for HTML', () => {
    const dir = tempDir();
    write(path.join(dir, 'nl', 'greeting.md.hbs'), '{{name}}|{{{name}}}');
    // No "&amp;" or "&lt;": the output is Markdown, and its escapes print the characters as written.
    expect(renderTemplate('greeting', 'nl', { ...data, name: 'Koffie & <thee>' }, { userDirs: [dir], builtinDir })).toBe('Koffie \\& \\<thee\\>|Koffie & <thee>');
  });

  it('explains a missing field in a user template', () => {
    const dir = tempDir();
    const file = path.join(dir, 'nl', 'greeting.md.hbs');
    write(file, 'Hallo\nWe zien je in {{venue.naam}}.');
    const err = caught(() => renderTemplate('greeting', 'nl', data, { userDirs: [dir], builtinDir }));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toContain(file);
    // In the language of the template: this one is Dutch.
    expect(err.message).toContain("'naam'");
    expect(err.message).toContain('regel 2');
    expect(err.message).toContain('{{venue.naam}}');
  });

  it('lets {{#if}} test a field that is absent, but nothing deeper', () => {
    const dir = tempDir();
    write(path.join(dir, 'nl', 'opt.md.hbs'), '{{#if venue.phone}}tel{{else}}geen{{/if}}');
    expect(renderTemplate('opt', 'nl', data, { userDirs: [dir], builtinDir })).toBe('geen');
    write(path.join(dir, 'nl', 'deep.md.hbs'), '{{#if venue.contact.phone}}tel{{/if}}');
    const err = caught(() => renderTemplate('deep', 'nl', data, { userDirs: [dir], builtinDir }));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toContain("'phone'");
  });

  it('names the partial, not the template, when the mistake is in the partial', () => {
    const dir = tempDir();
    const partial = path.join(dir, 'nl', 'partials', 'signature.md.hbs');
    write(partial, 'Groet, {{gastheren}}');
    const err = caught(() => renderTemplate('greeting', 'nl', data, { userDirs: [dir], builtinDir }));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toContain(partial);
    expect(err.message).toContain("'gastheren'");
  });

  it('explains syntax mistakes and unknown partials', () => {
    const dir = tempDir();
    write(path.join(dir, 'nl', 'greeting.md.hbs'), '{{#if name}}open');
    expect(() => renderTemplate('greeting', 'nl', data, { userDirs: [dir], builtinDir })).toThrow(UserError);
    write(path.join(dir, 'en', 'greeting.md.hbs'), '{{> nope}}');
    const err = caught(() => renderTemplate('greeting', 'en', data, { userDirs: [dir], builtinDir }));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/partial 'nope'/);
  });

  it('treats a mistake in a built-in template as our bug', () => {
    const err = caught(() => renderTemplate('broken', 'nl', data, { userDirs: [], builtinDir }));
    expect(err).toBeInstanceOf(InternalError);
    expect(err).not.toBeInstanceOf(UserError);
    expect(err.message).toContain('nietBestaand');
    expect(err.message).toContain(path.join(builtinDir, 'nl', 'broken.md.hbs'));
  });

  it('reports a missing built-in template as a bug and a missing user folder as a user mistake', () => {
    expect(() => renderTemplate('nothing-here', 'nl', data, { userDirs: [], builtinDir })).toThrow(InternalError);
    expect(() => renderTemplate('greeting', 'nl', data, { userDirs: ['/no/such/folder'], builtinDir })).toThrow(UserError);
    expect(() => renderTemplate('../secret', 'nl', data, { userDirs: [], builtinDir })).toThrow(InternalError);
  });

  it('does not leak prototype properties', () => {
    const dir = tempDir();
    const cases: Array<[string, string]> = [
      ['a', '[{{constructor}}]'],
      ['b', '[{{__proto__}}]'],
      ['c', '[{{lookup this "constructor"}}]'],
      ['d', '[{{venue.constructor}}]'],
      ['e', '[{{#with venue}}{{constructor}}{{/with}}]'],
    ];
    for (const [name, source] of cases) {
      write(path.join(dir, 'nl', `${name}.md.hbs`), source);
      expect(renderTemplate(name, 'nl', data, { userDirs: [dir], builtinDir }), source).toBe('[]');
    }
    // Reaching through a blocked property finds nothing, so strict mode reports a missing field.
    write(path.join(dir, 'nl', 'f.md.hbs'), '{{constructor.name}}');
    const err = caught(() => renderTemplate('f', 'nl', data, { userDirs: [dir], builtinDir }));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).not.toContain('function Object');
  });

  it('adds lang to the data', () => {
    const dir = tempDir();
    write(path.join(dir, 'en', 'l.md.hbs'), '{{lang}}');
    expect(renderTemplate('l', 'en', {}, { userDirs: [dir], builtinDir })).toBe('en');
    expect(() => renderTemplate('l', 'en', { lang: 'nl' }, { userDirs: [dir], builtinDir })).toThrow(InternalError);
  });
});

describe('copyBuiltinTemplates', () => {
  it('copies the tree and returns the written files', () => {
    const dest = path.join(tempDir(), 'mijn-teksten');
    const written = copyBuiltinTemplates(dest, { builtinDir });
    expect(written.map((f) => path.relative(dest, f)).sort()).toEqual(
      ['en/greeting.md.hbs', 'nl/broken.md.hbs', 'nl/greeting.md.hbs', 'nl/invitation/body.md.hbs', 'nl/partials/signature.md.hbs'].map((p) =>
        path.join(...p.split('/')),
      ),
    );
    expect(readFileSync(path.join(dest, 'nl', 'greeting.md.hbs'), 'utf8')).toBe(readFileSync(path.join(builtinDir, 'nl', 'greeting.md.hbs'), 'utf8'));
    // The copy works as a user folder.
    expect(findTemplate('greeting', 'nl', [dest], builtinDir).origin).toBe('user');
  });

  it('refuses to overwrite, lists the files and writes nothing', () => {
    const dest = tempDir();
    write(path.join(dest, 'nl', 'greeting.md.hbs'), 'my own text');
    write(path.join(dest, 'en', 'greeting.md.hbs'), 'my own text');
    const err = caught(() => copyBuiltinTemplates(dest, { builtinDir }));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toContain(path.join(dest, 'nl', 'greeting.md.hbs'));
    expect(err.message).toContain(path.join(dest, 'en', 'greeting.md.hbs'));
    expect(readFileSync(path.join(dest, 'nl', 'greeting.md.hbs'), 'utf8')).toBe('my own text');
    expect(existsSync(path.join(dest, 'nl', 'broken.md.hbs'))).toBe(false);
  });

  it('refuses a destination that is a file', () => {
    const file = path.join(tempDir(), 'x');
    writeFileSync(file, '');
    expect(() => copyBuiltinTemplates(file, { builtinDir })).toThrow(UserError);
  });

  it('copies the real built-in templates without hidden files', () => {
    const dest = tempDir();
    const written = copyBuiltinTemplates(path.join(dest, 'out'));
    expect(written.every((f) => !path.basename(f).startsWith('.'))).toBe(true);
  });
});
