// `welkome-wijk validate [file]`: check a neighbourhood file and say, in plain words, what to fix.
import type { Lang } from '../messages.js';
import { t } from '../messages.js';
import { paletteFor } from './colour.js';
import { loadForCommand } from './load-project.js';

export async function validateCommand(file: string, opts: { strict: boolean; lang: Lang }): Promise<number> {
  const loaded = await loadForCommand(file, opts.lang, opts.strict, { measureCards: true });
  if (!loaded) return 2;
  const { project, shownFile, warnings } = loaded;
  // One closing line: "fine", or "usable, with the warnings above" — never both.
  const line = t(opts.lang, warnings > 0 ? 'validate_ok_warnings' : 'validate_ok', {
    file: shownFile,
    area: project.area.name,
    municipality: project.municipality,
    meetings: project.meetings.length,
    people: project.team.livedExperience.length,
    warnings,
  });
  process.stdout.write(`${paletteFor(process.stdout).ok(line)}\n`);
  return 0;
}
