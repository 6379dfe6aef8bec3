// The command line: declares every command and its help, then loads the command's module only when
// it runs, so `--help` starts fast (pdfmake, docx and zod are never imported for help).
import { createRequire } from 'node:module';
import type * as CommanderModule from 'commander';
import { UserError } from '../errors.js';
import { isLang, languageCodes, type Lang } from '../languages.js';
import { MATERIALS } from '../materials/registry.js';
import { t } from '../messages.js';
import { documentFormats } from '../writers/index.js';

// commander is CommonJS. Importing it as ESM makes Node scan its source for named exports on every
// start (about 10 ms of a 25 ms budget for --help); require() skips that scan.
const { Command, CommanderError, Option } = createRequire(import.meta.url)('commander') as typeof CommanderModule;
type Command = CommanderModule.Command;

/** The language for messages: `--lang` wins, then WELKOME_WIJK_LANG, then Dutch. */
function messageLang(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? process.env.WELKOME_WIJK_LANG : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return isLang(value) ? value : 'nl';
}

export function buildProgram(run: (task: () => Promise<number>) => Promise<void>): Command {
  const program = new Command('welkome-wijk')
    .description('Materials for a Welkome Wijk neighbourhood project, from one YAML file: invitations, agendas, run sheets, handout cards, evaluation forms and calendar files, as PDF and DOCX.')
    .addOption(new Option('--lang <lang>', 'language of messages (the materials use the language in the file)').choices(languageCodes()))
    .version(process.env.npm_package_version ?? '0.1.0', '-V, --version')
    .showHelpAfterError()
    .addHelpText(
      'after',
      `
Examples:
  $ welkome-wijk validate examples/nijmegen-heseveld.yaml
  $ welkome-wijk render all examples/nijmegen-heseveld.yaml --out materialen
  $ welkome-wijk render invite --audience bewoners --format pdf
  $ welkome-wijk schema > welkome-wijk.schema.json`,
    );

  program
    .command('validate')
    .description('check a neighbourhood file and show every problem with its line and column')
    .argument('[file]', 'the neighbourhood file', 'welkome-wijk.yaml')
    .option('--strict', 'treat warnings as errors (exit code 2)')
    .addHelpText('after', '\nExamples:\n  $ welkome-wijk validate\n  $ welkome-wijk validate examples/heumen-malden.yaml --lang en\n\nExit codes: 0 fine (warnings allowed), 2 problems in the file, 1 a fault in welkome-wijk.')
    .action((file: string, opts: { strict?: boolean }) =>
      run(async () => (await import('./validate.js')).validateCommand(file, { strict: !!opts.strict, lang: messageLang(process.argv) })),
    );

  program
    .command('schema')
    .description('print the JSON Schema of the neighbourhood file (for editors: yaml-language-server)')
    .addHelpText('after', '\nExamples:\n  $ welkome-wijk schema > welkome-wijk.schema.json\n\nThen put this first line in your YAML file:\n  # yaml-language-server: $schema=welkome-wijk.schema.json')
    .action(() => run(async () => (await import('./schema.js')).schemaCommand()));

  program
    .command('init')
    .description('answer a few questions and get a first neighbourhood file (and its JSON Schema)')
    .argument('[file]', 'the file to write', 'welkome-wijk.yaml')
    .option('--force', 'replace the file if it exists')
    .addHelpText('after', '\nExamples:\n  $ welkome-wijk init\n  $ welkome-wijk init heseveld.yaml --lang en')
    .action((file: string, opts: { force?: boolean }) =>
      run(async () => (await import('./init.js')).initCommand(file, { force: !!opts.force, lang: messageLang(process.argv) })),
    );

  const list = program.command('list').description('show the content library: practice situations and contact tips');
  list
    .command('situations')
    .description('the practice situations, with their audiences and themes')
    .option('-a, --audience <audience>', 'only for professionals, vrijwilligers or bewoners')
    .option('--theme <theme>', 'only with this theme, e.g. geluid or verzamelen')
    .option('--file <file>', "also your project's own situations, and mark the hidden ones")
    .addHelpText('after', '\nExamples:\n  $ welkome-wijk list situations --audience bewoners\n  $ welkome-wijk list situations --theme verzamelen --lang en')
    .action((opts: { audience?: string; theme?: string; file?: string }) =>
      run(async () => (await import('./list.js')).listSituationsCommand({ ...opts, lang: messageLang(process.argv) })),
    );
  list
    .command('tips')
    .description('the six golden rules (OMA, LSD, ANNA, NIVEA, OEN, DIK) and the other contact tips')
    .addHelpText('after', '\nExamples:\n  $ welkome-wijk list tips\n  $ welkome-wijk list tips --lang en')
    .action(() => run(async () => (await import('./list.js')).listTipsCommand({ lang: messageLang(process.argv) })));

  program
    .command('templates')
    .description('work with the texts of the materials')
    .command('copy')
    .description('copy the built-in templates to a folder, to adapt them (then set templates: DIR in your file)')
    .argument('<dir>', 'the folder to copy into')
    .addHelpText('after', '\nExamples:\n  $ welkome-wijk templates copy mijn-sjablonen')
    .action((dir: string) => run(async () => (await import('./templates.js')).templatesCopyCommand(dir, { lang: messageLang(process.argv) })));

  const render = program
    .command('render')
    .description('make the materials as PDF and DOCX (and .ics calendar files)')
    .addHelpText('after', '\nExamples:\n  $ welkome-wijk render all\n  $ welkome-wijk render invite --audience bewoners --format pdf\n  $ welkome-wijk render cards examples/heumen-malden.yaml --out materialen');
  // The subcommands come from the materials registry: a new material is a new command.
  const lang = messageLang(process.argv);
  const formats = documentFormats().join(',');
  const materials = [
    { name: 'all', summary: t(lang, 'summary_all'), perAudience: true, documents: true },
    ...Object.entries(MATERIALS).map(([name, m]) => ({ name, summary: t(lang, m.summary), perAudience: m.perAudience, documents: m.produces === 'documents' })),
  ];
  for (const { name, summary, perAudience, documents } of materials) {
    const cmd = render.command(name).description(summary).argument('[file]', 'the neighbourhood file', 'welkome-wijk.yaml');
    // Calendars are always .ics: offering --format there would be an option that does nothing.
    if (documents) cmd.option('-f, --format <formats>', `output formats, comma-separated (${formats})`, formats);
    cmd
      .option('-o, --out <dir>', 'folder to write into (a subfolder per municipality and area)', 'materialen')
      .option('-t, --templates <dir...>', 'your own templates folder(s), searched before the built-ins')
      .addHelpText('after', `\nExamples:\n  $ welkome-wijk render ${name}${perAudience && name !== 'all' ? ' --audience bewoners' : ''}\n  $ welkome-wijk render ${name} examples/nijmegen-heseveld.yaml --format pdf --out materialen`);
    if (perAudience) cmd.option('-a, --audience <audience>', 'only this audience: professionals, vrijwilligers or bewoners');
    cmd.action((file: string, opts: { audience?: string; format?: string; out: string; templates?: string[] }) =>
      run(async () => (await import('./render.js')).renderCommand(name as never, file, { ...opts, format: opts.format ?? formats, lang: messageLang(process.argv) })),
    );
  }

  return program;
}

/** Run the CLI; returns the exit code (0 ok, 1 internal fault, 2 user error). */
export async function main(argv: string[]): Promise<number> {
  const lang = messageLang(argv);
  let exitCode = 0;
  const run = async (task: () => Promise<number>) => {
    exitCode = await task();
  };
  const program = buildProgram(run).exitOverride();
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version "errors" are successes; usage mistakes are user errors.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UserError) {
      // Errors raised deep down (a writer, the resolve stage) carry a catalogue key: worded here, in the user's language.
      process.stderr.write(`${err.ref ? t(lang, err.ref.key, err.ref.params) : err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`${t(lang, 'internal_error')}\n\n${(err as Error)?.stack ?? String(err)}\n`);
    return 1;
  }
}
