// `welkome-wijk init`: ask a few questions in the terminal and write a first neighbourhood file
// (plus its JSON Schema, so editors can help), ready for `validate` and `render all`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { UserError } from '../errors.js';
import { languageCodes, languageInfo, templatesDirOf } from '../languages.js';
import { writeFileAtomic } from '../output/files.js';
import { projectJsonSchema } from '../project/json-schema.js';
import { checkProjectSource } from '../project/load.js';
import type { Lang, MessageKey } from '../messages.js';
import { t } from '../messages.js';

export interface InitOptions {
  force: boolean;
  lang: Lang;
}

/** A date `weeks` weeks after `from`, as YYYY-MM-DD. */
function weeksLater(from: Date, weeks: number): string {
  const d = new Date(Date.UTC(from.getFullYear(), from.getMonth(), from.getDate() + weeks * 7));
  return d.toISOString().slice(0, 10);
}

export async function initCommand(file: string, opts: InitOptions): Promise<number> {
  const lang = opts.lang;
  if (existsSync(file) && !opts.force) throw new UserError(t(lang, 'init_exists', { file }));
  // Without a terminal the prompts cannot be answered, and @inquirer would end quietly with exit 0.
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UserError(t(lang, 'init_no_terminal'));

  const { input, select } = await import('@inquirer/prompts');
  const required = (value: string) => (value.trim() ? true : t(lang, 'init_required'));
  const ask = (key: MessageKey, opts: { required?: boolean; default?: string } = {}) =>
    input({ message: t(lang, key), default: opts.default, validate: opts.required === false ? undefined : required }).then((v) => v.trim());
  try {
    const language = await select({ message: t(lang, 'init_language'), choices: languageCodes().map((code) => ({ name: languageInfo(code).name, value: code })), default: lang });
    const municipality = await ask('init_municipality');
    const area = await ask('init_area');
    const kind = await select({ message: t(lang, 'init_kind'), choices: ['wijk', 'dorp', 'stadsdeel', 'gemeente'].map((k) => ({ name: k, value: k })) });
    const leaderName = await ask('init_leader');
    const organisation = await ask('init_organisation');
    const email = await ask('init_email', { required: false });
    const discussionLeader = await ask('init_discussion_leader');
    const venueName = await ask('init_venue');
    const venueAddress = await ask('init_address');

    const today = new Date();
    const data = {
      municipality, area, kind, leaderName, organisation, email, discussionLeader, venueName, venueAddress,
      expertA: t(language, 'init_person_a'),
      expertB: t(language, 'init_person_b'),
      kickoffDate: weeksLater(today, 4),
      meetings: [
        { audience: 'professionals', date: weeksLater(today, 8), start: '13:30' },
        { audience: 'vrijwilligers', date: weeksLater(today, 10), start: '19:00' },
        { audience: 'bewoners', date: weeksLater(today, 12), start: '19:30' },
      ],
    };
    const hbs = Handlebars.create();
    // Every value is written as a JSON string, which is valid YAML whatever characters it holds.
    hbs.registerHelper('q', (value: unknown) => JSON.stringify(String(value ?? '')));
    const template = readFileSync(join(templatesDirOf(language), 'init', 'welkome-wijk.yaml.hbs'), 'utf8');
    const yamlText = hbs.compile(template, { noEscape: true, strict: true })(data).replace(/^# yaml-language-server: .*$/m, '# yaml-language-server: $schema=welkome-wijk.schema.json');

    // Check our own output before writing it: a file made by init must validate.
    const check = checkProjectSource(yamlText, file);
    if (!check.project) throw new Error(`init produced an invalid file:\n${check.problems.map((p) => p.key).join('\n')}`);
    writeFileAtomic(file, yamlText);
    writeFileAtomic(join(dirname(file), 'welkome-wijk.schema.json'), `${JSON.stringify(projectJsonSchema(), null, 2)}\n`);
    process.stdout.write(`${t(lang, 'init_done', { file: relative(process.cwd(), file) || file })}\n`);
    return 0;
  } catch (err) {
    if (err instanceof Error && err.name === 'ExitPromptError') {
      process.stderr.write(`${t(lang, 'init_cancelled')}\n`);
      return 130;
    }
    throw err;
  }
}
