// `welkome-wijk init` in a real terminal (a pty made by util-linux `script`): answer the questions
// as a user would, then the written file validates. Without a terminal it refuses with exit 2.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProjectSource } from '../../src/project/load.js';
import { BIN, cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Answer each prompt when its question appears on the screen. */
function runInTerminal(args: string[], answers: [string, string][]): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve) => {
    const child = spawn('script', ['-qfec', `node ${BIN} ${args.join(' ')}`, '/dev/null'], { env: { ...process.env, NO_COLOR: '1' } });
    let screen = '';
    let next = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      while (next < answers.length && screen.includes(answers[next][0])) {
        child.stdin.write(`${answers[next][1]}\r`);
        screen = screen.split(answers[next][0]).join('');
        next++;
      }
    });
    const timer = setTimeout(() => child.kill(), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, screen });
    });
  });
}

describe('init', () => {
  it('asks its questions and writes a file that validates, with its JSON Schema beside it', async () => {
    const file = join(dir, 'welkome-wijk.yaml');
    const r = await runInTerminal(['init', file], [
      ['In welke taal', ''],
      ['Welke gemeente', 'Wijchen'],
      ['Welke wijk', 'Centrum: oost'],
      ['Wat voor gebied', ''],
      ['Naam van de projectleider', 'Anna de Vries'],
      ['Organisatie van de projectleider', 'Welzijn Wijchen'],
      ['E-mailadres', 'anna@example.nl'],
      ['Naam van de gespreksleider', 'Peter Bos'],
      ['Waar zijn de bijeenkomsten', 'Wijkcentrum "De Linde"'],
      ['Adres van die plek', 'Lindeplein 4, Wijchen'],
    ]);
    expect(r.code, r.screen).toBe(0);
    const source = readFileSync(file, 'utf8');
    const result = checkProjectSource(source, file);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.project!.area.name).toBe('Centrum: oost');
    expect(result.project!.meetings.map((m) => m.venue.name)).toEqual(Array(3).fill('Wijkcentrum "De Linde"'));
    expect(existsSync(join(dir, 'welkome-wijk.schema.json'))).toBe(true);
  });

  it('refuses without a terminal instead of silently doing nothing', async () => {
    const r = await cli(['init', join(dir, 'no-tty.yaml')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('heeft dus een terminal nodig');
    expect(existsSync(join(dir, 'no-tty.yaml'))).toBe(false);
  });

  it('does not overwrite an existing file without --force', async () => {
    const r = await cli(['init', join(dir, 'welkome-wijk.yaml')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('bestaat al');
  });
});
