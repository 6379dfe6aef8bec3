// Hostile and clumsy input, checked in-process: encodings, line breaks, tabs and indentation
// cascades, plain messages for the parser's errors, "did you mean", and bounded time and output for
// files with thousands of problems or merge keys.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { printProblems } from '../../src/cli/load-project.js';
import { checkProjectBytes, checkProjectSource, type LoadResult } from '../../src/project/load.js';
import { formatPath, formatProblem } from '../../src/project/problems.js';

const file = join(import.meta.dirname, '..', '..', 'examples', 'nijmegen-heseveld.yaml');
const example = readFileSync(file, 'utf8');
const lines = example.split('\n');

/** The parser's own phrases, which must never reach the user. */
const PARSER_WORDS = /implicit|compact|flow collection|parseAllDocuments|directive indicator|call stack|Unexpected|scalar|token|YAMLParseError/i;

function shown(result: LoadResult, lang: 'nl' | 'en' = 'nl'): string {
  return result.problems.map((p) => formatProblem(p, { lang, file: 'x.yaml', source: result.source })).join('\n\n');
}
const where = (result: LoadResult) => result.problems.map((p) => `${p.pos?.line}:${p.pos?.col} ${p.key}`);

describe('encodings', () => {
  it('a Windows-1252 file is refused at its first non-UTF-8 letter', () => {
    const bytes = Buffer.from(example.replace('Sanne Verhoeven', 'Renée Verhoeven'), 'latin1');
    const result = checkProjectBytes(bytes, file);
    expect(result.project).toBeUndefined();
    const line = lines.findIndex((l) => l.includes('Sanne Verhoeven')) + 1;
    expect(where(result)).toEqual([`${line}:${lines[line - 1].indexOf('Sanne') + 4} encoding_not_utf8`]);
    expect(shown(result)).toContain('waarschijnlijk opgeslagen als Windows-1252');
    expect(shown(result, 'en')).toContain('probably saved as Windows-1252');
  });

  it.each([
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(example, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(example, 'utf16le').swap16()])],
    ['UTF-16 LE without BOM', Buffer.from(example, 'utf16le')],
    ['UTF-16 BE without BOM', Buffer.from(example, 'utf16le').swap16()],
  ])('%s is refused with one plain message', (_, bytes) => {
    const result = checkProjectBytes(bytes, file);
    expect(where(result)).toEqual(['1:1 encoding_utf16']);
    expect(shown(result)).toContain('opgeslagen als UTF-16');
    // The source line is shown decoded, not as a row of NUL characters.
    expect(shown(result)).toContain('# yaml-language-server');
  });

  it('a UTF-8 BOM is fine', () => {
    const result = checkProjectBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(example)]), file);
    expect(result.problems).toEqual([]);
  });

  it('a NUL character is refused where it is', () => {
    const result = checkProjectBytes(Buffer.from(example.replace('municipality: Nijmegen', 'municipality: Nij\u0000megen')), file);
    expect(result.problems.map((p) => p.key)).toEqual(['encoding_nul']);
    expect(result.problems[0].pos).toMatchObject({ line: lines.indexOf('municipality: Nijmegen') + 1, col: 18 });
  });
});

describe('line breaks', () => {
  it('a file with only CR (old Mac) or CRLF (Windows) line breaks is read as lines', () => {
    expect(checkProjectSource(example.replace(/\n/g, '\r'), file).problems).toEqual([]);
    expect(checkProjectSource(example.replace(/\n/g, '\r\n'), file).problems).toEqual([]);
  });

  it('a mistake in a CR-only file is shown on its own line', () => {
    const result = checkProjectSource(example.replace('  kind: wijk', '  knd: wijk').replace(/\n/g, '\r'), file);
    expect(shown(result)).toMatch(/x\.yaml:9:3 fout {2}area\.knd\n {3}9 \| {3}knd: wijk\n/);
  });
});

describe('no cascades', () => {
  it('one tab gives one message, two tabs two', () => {
    const one = [...lines];
    one[19] = one[19].replace(/^ {2}/, '\t');
    expect(where(checkProjectSource(one.join('\n'), file))).toEqual(['20:1 yaml_TAB_AS_INDENT']);
    const two = [...one];
    two[40] = two[40].replace(/^ {2}/, '\t');
    expect(where(checkProjectSource(two.join('\n'), file))).toEqual(['20:1 yaml_TAB_AS_INDENT', '41:1 yaml_TAB_AS_INDENT']);
  });

  it('the tab is shown, and the caret is under it', () => {
    const one = [...lines];
    one[19] = one[19].replace(/^ {4}/, '  \t');
    expect(shown(checkProjectSource(one.join('\n'), file))).toContain('x.yaml:20:3 fout\n  20 |   →  organisation: Gemeente Nijmegen\n     |   ^\n');
  });

  it('an indented first line gives one message, on that line', () => {
    const indented = [...lines];
    indented[3] = `  ${indented[3]}`;
    const result = checkProjectSource(indented.join('\n'), file);
    expect(where(result)).toEqual(['4:1 yaml_first_line_indented']);
    expect(shown(result)).toContain('Deze regel springt in, maar de regels eronder niet');
  });

  it('a whole file indented the same is still fine', () => {
    const body = lines.filter((l) => !l.startsWith('#')).map((l) => (l ? `  ${l}` : l));
    expect(checkProjectSource(body.join('\n'), file).problems).toEqual([]);
  });
});

describe("the parser's own words never reach the user", () => {
  it.each([
    ['a second document', example.replace('\nteam:', '\n---\nteam:'), 'yaml_MULTIPLE_DOCS', 'Hier begint een tweede document'],
    ['a value starting with %', example.replace('municipality: Nijmegen', 'municipality: %Nijmegen'), 'yaml_BAD_SCALAR_START', 'Een waarde die met % begint'],
    ['a directive without ---', `%YAML 1.2\n${example.split('\n').slice(3).join('\n')}`, 'yaml_BAD_DIRECTIVE', 'YAML-instructie'],
    ['a bad escape', example.replace('municipality: Nijmegen', 'municipality: "C:\\map"'), 'yaml_BAD_DQ_ESCAPE', 'Schrijf \\\\ voor een gewone \\'],
    ['deep nesting', `${example}\nx: ${'['.repeat(5000)}\n`, 'yaml_too_deep', 'te veel blokken of haakjes in elkaar'],
    ['a stray character', example.replace('municipality: Nijmegen', 'municipality: "Nijmegen" x'), 'yaml_UNEXPECTED_TOKEN', "Hier staat 'x'"],
    ['an unclosed bracket', example.replace('  kind: wijk', '  kind: [wijk'), 'yaml_MISSING_CHAR', 'Hier ontbreekt een teken'],
  ])('%s', (_, source, key, message) => {
    const result = checkProjectSource(source, file);
    expect(result.problems.map((p) => p.key)).toContain(key);
    const text = shown(result);
    expect(text).toContain(message);
    expect(text).not.toMatch(PARSER_WORDS);
    // A 5,000-character line is shown as a window around the caret, not echoed whole.
    expect(text.length).toBeLessThan(2000);
  });
});

describe('did you mean', () => {
  const check = (change: (doc: ReturnType<typeof parseDocument>) => void) => {
    const doc = parseDocument(example);
    change(doc);
    const result = checkProjectSource(doc.toString(), file);
    return { keys: result.problems.map((p) => `${formatPath(p.path)} ${p.key}`), text: shown(result) };
  };

  it('a situation id with a typo', () => {
    const r = check((doc) => doc.setIn(['meetings', 2, 'situations', 0], 'vogel-voeren'));
    expect(r.keys).toEqual(['meetings[2].situations[0] rule_unknown_situation_suggest']);
    expect(r.text).toContain("Praktijksituatie 'vogel-voeren' bestaat niet. Bedoelt u 'vogels-voeren'?");
  });

  it("a leader's and a person's name, a kick-off part and a hidden situation", () => {
    expect(check((doc) => doc.setIn(['meetings', 0, 'leader'], 'Ingrid Wilems')).text).toContain("Bedoelt u 'Ingrid Willems'?");
    expect(check((doc) => doc.setIn(['meetings', 0, 'livedExperience', 0], 'Marc')).text).toContain("Bedoelt u 'Marco'?");
    expect(check((doc) => doc.setIn(['kickoff', 'parts'], doc.createNode([{ id: 'welkon', minutes: 10 }]))).text).toContain("Bedoelt u 'welkom'?");
    expect(check((doc) => doc.setIn(['hideSituations'], doc.createNode(['stille-kris']))).text).toContain("Bedoelt u 'stille-chris'?");
  });

  it('no suggestion when nothing is near', () => {
    const r = check((doc) => doc.setIn(['meetings', 2, 'situations', 0], 'iets-heel-anders'));
    expect(r.keys).toEqual(['meetings[2].situations[0] rule_unknown_situation']);
  });
});

describe('bounded time and output', () => {
  afterEach(() => vi.restoreAllMocks());

  it('99 merge keys of a 20,000-key map are refused in seconds (they took over 150 s)', () => {
    const big = `base: &b\n${Array.from({ length: 20000 }, (_, i) => `  k${i}: v\n`).join('')}`;
    const source = `%YAML 1.1\n---\n${example.replace(/^meetings:\n/m, `${big}meetings:\n${'  - <<: *b\n'.repeat(99)}`)}`;
    const start = performance.now();
    const result = checkProjectSource(source, file);
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(result.problems.map((p) => p.key)).toEqual(['yaml_aliases']);
  });

  it('20,000 problems are found and formatted in linear time, and only 50 printed', () => {
    const source = example.replace(/^meetings:\n/m, `meetings:\n${'  - 1\n'.repeat(20000)}`);
    const start = performance.now();
    const result = checkProjectSource(source, file);
    expect(result.problems.length).toBeGreaterThanOrEqual(20000);
    let printed = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      printed += String(chunk);
      return true;
    });
    const counts = printProblems(result, 'nl');
    vi.restoreAllMocks();
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(counts.errors).toBe(result.problems.length);
    expect(printed.match(/x\.yaml|nijmegen-heseveld\.yaml:\d+:\d+ fout/g)).toHaveLength(50);
    expect(printed).toMatch(/… en nog 19\.\d{3} meldingen die hier niet staan/);
  });
});
