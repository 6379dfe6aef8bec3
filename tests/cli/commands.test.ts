// The library and template commands as a user runs them.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('list', () => {
  it('situations, filtered by audience and theme', async () => {
    const r = await cli(['list', 'situations', '--audience', 'bewoners', '--theme', 'verzamelen']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('een-huis-vol-spullen');
    expect(r.stdout).not.toContain('stille-chris');
  });

  it("situations with a project's own, and hidden ones marked", async () => {
    const r = await cli(['list', 'situations', '--file', 'examples/heumen-malden.yaml']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/naakt-voor-het-raam {2}\(verborgen\)/);
  });

  it('refuses an unknown theme with the list of themes', async () => {
    const r = await cli(['list', 'situations', '--theme', 'lawaai']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('geluid');
  });

  it('tips: the six golden rules with their expansions', async () => {
    const r = await cli(['list', 'tips']);
    expect(r.exitCode).toBe(0);
    for (const acronym of ['OMA', 'LSD', 'ANNA', 'NIVEA', 'OEN', 'DIK']) expect(r.stdout).toContain(acronym);
    expect(r.stdout).toContain('Niet Invullen Voor Een Ander');
    for (const heading of ['Laat OMA thuis', 'Gebruik LSD', 'Neem ANNA mee', 'Smeer NIVEA', 'Wees een OEN', 'Maak je niet DIK']) expect(r.stdout).toContain(heading);
  });

  it('situations by the new themes', async () => {
    for (const theme of ['verslaving', 'achterdocht', 'onrust', 'na-een-opname', 'open-over-zichzelf', 'iets-bijdragen', 'last-van-elkaar']) {
      const r = await cli(['list', 'situations', '--theme', theme]);
      expect(r.exitCode, theme).toBe(0);
      expect(r.stdout, theme).toMatch(/^[1-9]\d* praktijksituatie/m);
    }
  });
});

describe('templates copy', () => {
  it('copies the built-ins once and refuses to overwrite them', async () => {
    const target = join(dir, 'sjablonen');
    const r = await cli(['templates', 'copy', target]);
    expect(r.exitCode).toBe(0);
    expect(existsSync(join(target, 'nl', 'invitation', 'bewoners.md.hbs'))).toBe(true);
    const again = await cli(['templates', 'copy', target]);
    expect(again.exitCode).toBe(2);
  });
});
