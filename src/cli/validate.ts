// `welkome-wijk validate [file]`: check a neighbourhood file and say, in plain words, what to fix.
import type { Lang } from '../messages.js';
import { t } from '../messages.js';
import { loadForCommand } from './load-project.js';

export async function validateCommand(file: string, opts: { strict: boolean; lang: Lang }): Promise<number> {
  const loaded = loadForCommand(file, opts.lang, opts.strict);
  if (!loaded) return 2;
  const { project, shownFile, warnings } = loaded;
  if (warnings > 0) process.stderr.write(`${t(opts.lang, 'validate_warnings_only', { file: shownFile, warnings })}\n`);
  process.stdout.write(
    `${t(opts.lang, 'validate_ok', {
      file: shownFile,
      area: project.area.name,
      municipality: project.municipality,
      meetings: project.meetings.length,
      people: project.team.livedExperience.length,
    })}\n`,
  );
  return 0;
}
