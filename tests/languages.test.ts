// A language is data, not code: every language in the table has every content file and template the
// reference language (Dutch) has, and a third language registered at run time from fixtures renders
// an invitation with nothing in src/ changed for it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { contentDirOf, languageCodes, registerLanguage, templatesDirOf, type Lang } from '../src/languages.js';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'ww-lang-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'))
    .sort();
}

/** What a language lacks compared to Dutch: content files and templates, by path. */
function missing(lang: Lang): string[] {
  const lacking = (ref: string, own: string, prefix: string) => {
    const have = new Set(filesUnder(own));
    return filesUnder(ref)
      .filter((f) => !have.has(f))
      .map((f) => `${prefix}/${f}`);
  };
  return [...lacking(contentDirOf('nl'), contentDirOf(lang), 'content'), ...lacking(templatesDirOf('nl'), templatesDirOf(lang), 'templates')];
}

describe('every language in the table', () => {
  it.each(languageCodes())('%s has every content file and template Dutch has', (lang) => {
    expect(missing(lang)).toEqual([]);
  });
});

describe('a third language, registered from fixtures', () => {
  // The English texts, with the residents' invitation replaced by the fixture's own wording.
  const contentDir = join(work, 'content');
  const templatesDir = join(work, 'templates');
  cpSync(join(root, 'content', 'en'), contentDir, { recursive: true });
  cpSync(join(root, 'templates', 'en'), templatesDir, { recursive: true });
  cpSync(join(root, 'tests', 'fixtures', 'language-xx', 'templates'), templatesDir, { recursive: true });
  registerLanguage('xx', { name: 'Testtaal', locale: 'xx', contentDir, templatesDir });

  it('is known to the table and complete', () => {
    expect(languageCodes()).toContain('xx');
    expect(missing('xx' as Lang)).toEqual([]);
  });

  it('a language lacking a file is pointed at by name', () => {
    const partial = join(work, 'partial');
    cpSync(contentDir, partial, { recursive: true });
    rmSync(join(partial, 'labels.yaml'));
    registerLanguage('xy', { name: 'Half', locale: 'xy', contentDir: partial, templatesDir });
    expect(missing('xy' as Lang)).toEqual(['content/labels.yaml']);
  });

  it('validates a file in it and renders its invitation in it (PDF and DOCX, as readers see them)', async () => {
    // Imported after registering: the file format reads the language table when it loads.
    const { checkProjectSource } = await import('../src/project/load.js');
    const { resolveProject } = await import('../src/resolve/index.js');
    const { renderInvitations } = await import('../src/materials/invitation.js');
    const { writeDocument } = await import('../src/writers/index.js');
    const file = join(root, 'examples', 'hoorn-koggenland-en.yaml');
    const source = readFileSync(file, 'utf8').replace(/^language: en$/m, 'language: xx');
    expect(source).toContain('language: xx');
    const result = checkProjectSource(source, file);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const ctx = resolveProject(result.project!, { baseDir: join(root, 'examples') });
    const invitation = (await renderInvitations(ctx, { audience: 'bewoners' }))[0];
    if (invitation.kind !== 'document') throw new Error('expected a document');
    expect(invitation.document.meta.language).toBe('xx');
    const pdf = join(work, 'xx.pdf');
    writeFileSync(pdf, await writeDocument(invitation.document, 'pdf'));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('XX-WELKOM Grote Waal');
    expect(text).toContain('testtaal xx');
    // The facts block still comes from the (copied) English labels of the new language.
    expect(text).toMatch(/Register\s+by/);
    const docx = new TextDecoder().decode(unzipSync(await writeDocument(invitation.document, 'docx'))['word/styles.xml']);
    expect(docx).toContain('<w:lang w:val="xx"/>');
    expect(relative(root, file)).toBe('examples/hoorn-koggenland-en.yaml');
  });
});
