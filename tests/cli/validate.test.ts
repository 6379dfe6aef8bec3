// `welkome-wijk validate` and `schema` run as processes: exit codes, messages, no stack traces.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

const fixtures = readdirSync(join(ROOT, 'tests', 'fixtures', 'invalid')).filter((f) => f.endsWith('.yaml')).sort();

describe('validate', () => {
  it('accepts an example with a clear success line and exit code 0', async () => {
    const r = await cli(['validate', 'examples/nijmegen-heseveld.yaml']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/✓ examples\/nijmegen-heseveld\.yaml is in orde: Heseveld \(Nijmegen\), 3 bijeenkomst/);
  });

  it('speaks English with --lang en', async () => {
    const r = await cli(['validate', 'examples/nijmegen-heseveld.yaml', '--lang', 'en']);
    expect(r.stdout).toContain('is fine');
  });

  it('says so plainly when the file does not exist (exit 2)', async () => {
    const r = await cli(['validate', 'nope.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('Het bestand nope.yaml bestaat niet');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('looks for ./welkome-wijk.yaml by default', async () => {
    const r = await cli(['validate'], { cwd: join(ROOT, 'tests') });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('welkome-wijk.yaml bestaat niet');
  });

  it('rejects an unknown command with exit code 2', async () => {
    const r = await cli(['valideer']);
    expect(r.exitCode).toBe(2);
  });

  // Every broken fixture, as a user sees it: file:line:col, the source line, a caret, the field.
  it.each(fixtures)('%s: file:line:col, caret and field; exit 2; no stack trace', async (name) => {
    const r = await cli(['validate', join('tests', 'fixtures', 'invalid', name)]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')}:\\d+:\\d+ fout`));
    expect(r.stderr).toMatch(/\n {5}\| *\^+/);
    expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(r.stderr).not.toContain('Er ging iets mis in welkome-wijk zelf');
  });
});

describe('schema', () => {
  it('prints a JSON Schema', async () => {
    const r = await cli(['schema']);
    expect(r.exitCode).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toContain('2020-12');
    expect(schema.properties.meetings).toBeDefined();
  });
});

describe('help', () => {
  const commands = [[], ['validate'], ['schema'], ['init'], ['list', 'situations'], ['list', 'tips'], ['templates', 'copy'], ['render'], ['render', 'all'], ['render', 'invite'], ['render', 'kickoff'], ['render', 'schedule'], ['render', 'calendar'], ['render', 'cards'], ['render', 'evaluation']];

  it('every command has --help with examples, all of it in Dutch by default', async () => {
    for (const args of commands.map((c) => [...c, '--help'])) {
      const r = await cli(args);
      expect(r.exitCode, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('Voorbeelden:');
      expect(r.stdout, args.join(' ')).toMatch(/^Gebruik: welkome-wijk/);
      // commander's own words, and the English help texts, are all translated.
      expect(r.stdout, args.join(' ')).not.toMatch(/Usage|Options:|Commands:|Arguments:|display help|default:|choices:|\[options\]|\[command\]|Examples:/);
    }
  });

  it('in English with --lang en', async () => {
    for (const args of [['--help'], ['render', 'invite', '--help']]) {
      const r = await cli([...args, '--lang', 'en']);
      expect(r.stdout).toMatch(/^Usage: welkome-wijk/);
      expect(r.stdout).toContain('Examples:');
      expect(r.stdout).not.toMatch(/Voorbeelden|Gebruik:/);
    }
  });
});
