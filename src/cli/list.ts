// `welkome-wijk list situations|tips`: show the content library, so a project group can choose.
import { loadSituations, loadThemes, loadTips, type PracticeSituation } from '../content/library.js';
import { UserError } from '../errors.js';
import type { Lang } from '../messages.js';
import { printable, t } from '../messages.js';
import { AUDIENCES } from '../project/schema.js';
import { loadForCommand } from './load-project.js';
import { wrongChoice } from './usage-errors.js';

export interface ListSituationsOptions {
  audience?: string;
  theme?: string;
  /** A project file: its own situations are listed too, and hidden ones are marked. */
  file?: string;
  lang: Lang;
}

/** Wrap text to a width, for the story lines under each situation. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

export async function listSituationsCommand(opts: ListSituationsOptions): Promise<number> {
  let lang = opts.lang;
  let own: PracticeSituation[] = [];
  let hidden: string[] = [];
  if (opts.file) {
    const loaded = await loadForCommand(opts.file, opts.lang);
    if (!loaded) return 2;
    lang = loaded.project.language;
    own = loaded.project.situations.map((s) => ({ ...s, role: s.role ?? '', origin: 'project' as const }));
    hidden = loaded.project.hideSituations;
  }
  if (opts.audience && !(AUDIENCES as readonly string[]).includes(opts.audience)) throw wrongChoice(opts.lang, 'cli_bad_audience', opts.audience, AUDIENCES);
  const themes = loadThemes(lang);
  if (opts.theme && !themes.some((th) => th.id === opts.theme)) throw wrongChoice(opts.lang, 'cli_bad_theme', opts.theme, themes.map((th) => th.id));
  const all = [...loadSituations(lang), ...own].filter(
    (s) => (!opts.audience || (s.audiences as string[]).includes(opts.audience)) && (!opts.theme || s.themes.includes(opts.theme)),
  );
  for (const s of all) {
    const marks = [s.origin === 'project' ? t(opts.lang, 'list_own') : '', hidden.includes(s.id) ? t(opts.lang, 'list_hidden') : ''].filter(Boolean).join(' ');
    // The project's own situations come from the user's file: printable, like every echoed value.
    const line = `${s.id}${marks ? `  (${marks})` : ''}\n  ${s.title} · ${s.audiences.join(', ')} · ${s.themes.join(', ')}\n${wrap(s.story, 76, '  ')}\n\n`;
    process.stdout.write(printable(line, { keepNewlines: true }));
  }
  process.stdout.write(`${t(opts.lang, 'list_count', { count: all.length })}\n`);
  return 0;
}

export async function listTipsCommand(opts: { lang: Lang }): Promise<number> {
  const { goldenRules, contactTips } = loadTips(opts.lang);
  process.stdout.write(`${t(opts.lang, 'list_golden_rules')}\n\n`);
  for (const rule of goldenRules) {
    // The heading is how people remember the rule ("Laat OMA thuis"); the expansion says what it means.
    process.stdout.write(
      `${rule.acronym.padEnd(6)} ${rule.heading}\n       ${rule.expansion}${rule.translation ? ` (${rule.translation})` : ''}\n${wrap(rule.explanation, 76, '       ')}\n\n`,
    );
  }
  process.stdout.write(`${t(opts.lang, 'list_contact_tips')}\n\n`);
  for (const tip of contactTips) process.stdout.write(`${tip.id}\n  ${tip.title}\n${wrap(tip.text, 76, '  ')}\n\n`);
  return 0;
}
