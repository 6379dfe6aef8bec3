// The command line: declares every command and its help, then loads the command's module only when
// it runs, so `--help` starts fast (pdfmake, docx, zod and the YAML parser are never imported for help).
import { createRequire } from 'node:module';
import type * as CommanderModule from 'commander';
import { UserError } from '../errors.js';
import { isLang, languageCodes } from '../languages.js';
import { MATERIALS } from '../materials/registry.js';
import { t, type Lang, type MessageKey } from '../messages.js';
import { packageInfo } from '../paths.js';
import { defaultFormats, documentFormats, PDF_ENGINES } from '../writers/index.js';
import { commanderMessage, fileSystemMessage } from './usage-errors.js';

// commander is CommonJS. Importing it as ESM makes Node scan its source for named exports on every
// start (about 10 ms of a 25 ms budget for --help); require() skips that scan.
const { Argument, Command, CommanderError, Option } = createRequire(import.meta.url)('commander') as typeof CommanderModule;
type Command = CommanderModule.Command;
type HelpOption = CommanderModule.Option;
type HelpArgument = CommanderModule.Argument;

/** The language for messages: `--lang` wins, then WELKOME_WIJK_LANG, then Dutch. */
export function messageLang(argv: string[], env: NodeJS.ProcessEnv = process.env): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? env.WELKOME_WIJK_LANG : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return isLang(value) ? value : 'nl';
}

/** Help in the user's language: commander's own words (titles, defaults, choices) come from the catalogue too. */
function helpConfiguration(lang: Lang): Partial<CommanderModule.Help> {
  const titles: Record<string, string> = {
    'Usage:': t(lang, 'help_title_usage'),
    'Options:': t(lang, 'help_title_options'),
    'Arguments:': t(lang, 'help_title_arguments'),
    'Commands:': t(lang, 'help_title_commands'),
    'Global Options:': t(lang, 'help_title_global_options'),
  };
  const words = (s: string) => s.replace(/\[options\]/g, t(lang, 'help_usage_options')).replace(/\[command\]/g, t(lang, 'help_usage_command'));
  const extra = (description: string, choices: readonly string[] | undefined, shownDefault: string | undefined) => {
    const info = [
      choices ? t(lang, 'help_choices', { choices: choices.join(', ') }) : '',
      shownDefault !== undefined ? t(lang, 'help_default', { value: shownDefault }) : '',
    ].filter(Boolean);
    return info.length ? `${description} (${info.join('; ')})` : description;
  };
  return {
    styleTitle: (s: string) => titles[s] ?? s,
    styleUsage: words,
    styleSubcommandTerm: words,
    optionDescription: (option: HelpOption) =>
      extra(option.description, option.argChoices, (option.required || option.optional) && option.defaultValue !== undefined ? (option.defaultValueDescription ?? JSON.stringify(option.defaultValue)) : undefined),
    argumentDescription: (argument: HelpArgument) =>
      extra(argument.description, argument.argChoices, argument.defaultValue !== undefined ? (argument.defaultValueDescription ?? JSON.stringify(argument.defaultValue)) : undefined),
  };
}

/** Every command's help text, in the catalogue so a translator sees it (keys help_*). */
export function buildProgram(run: (task: () => Promise<number>) => Promise<void>, lang: Lang = 'nl'): Command {
  const h = (key: MessageKey, params?: Record<string, string>) => t(lang, key, params);
  const fileArg = `[${h('help_arg_file')}]`;
  const filesArg = () => new Argument(`[${h('help_arg_files')}...]`, h('help_arg_files_description')).default(['welkome-wijk.yaml'], 'welkome-wijk.yaml');
  const program = new Command('welkome-wijk');
  // Settings that subcommands inherit must be made before they are declared.
  program
    .exitOverride()
    .configureHelp(helpConfiguration(lang))
    .configureOutput({ outputError: (str, write) => write(`${commanderMessage(str, lang)}\n`) })
    .helpOption('-h, --help', h('help_option_help'))
    .helpCommand(`help [${h('help_arg_command')}]`, h('help_command_help'))
    .description(h('help_program'))
    .addOption(new Option(`--lang <${h('help_value_lang')}>`, h('help_option_lang')).choices(languageCodes()))
    .option('--color', h('help_option_color'))
    .option('--no-color', h('help_option_no_color'))
    .version(packageInfo().version, '-V, --version', h('help_option_version'))
    .addHelpText('after', h('help_examples_program'));

  program
    .command('validate')
    .description(h('help_validate'))
    .addArgument(filesArg())
    .option('--strict', h('help_option_strict'))
    .option('--json', h('help_option_json_validate'))
    .option('-q, --quiet', h('help_option_quiet'))
    .addHelpText('after', h('help_examples_validate'))
    .action((files: string[], opts: { strict?: boolean; json?: boolean; quiet?: boolean }) =>
      run(async () => (await import('./validate.js')).validateCommand(files, { strict: !!opts.strict, json: !!opts.json, quiet: !!opts.quiet, lang })),
    );

  program
    .command('schema')
    .description(h('help_schema'))
    .addHelpText('after', h('help_examples_schema'))
    .action(() => run(async () => (await import('./schema.js')).schemaCommand({ lang })));

  program
    .command('init')
    .description(h('help_init'))
    .argument(fileArg, h('help_arg_init_file'), 'welkome-wijk.yaml')
    .option('--force', h('help_option_init_force'))
    .option(`--answers <${h('help_arg_file')}>`, h('help_option_init_answers'))
    .option('-y, --yes', h('help_option_init_yes'))
    .addHelpText('after', h('help_examples_init'))
    .action((file: string, opts: { force?: boolean; answers?: string; yes?: boolean }) =>
      run(async () => (await import('./init.js')).initCommand(file, { force: !!opts.force, answers: opts.answers, yes: !!opts.yes, lang })),
    );

  const list = program.command('list').description(h('help_list'));
  list
    .command('situations')
    .description(h('help_list_situations'))
    .option(`-a, --audience <${h('help_value_audience')}>`, h('help_option_list_audience'))
    .option(`--theme <${h('help_value_theme')}>`, h('help_option_theme'))
    .option(`--file <${h('help_arg_file')}>`, h('help_option_list_file'))
    .addHelpText('after', h('help_examples_list_situations'))
    .action((opts: { audience?: string; theme?: string; file?: string }) =>
      run(async () => (await import('./list.js')).listSituationsCommand({ ...opts, lang })),
    );
  list
    .command('tips')
    .description(h('help_list_tips'))
    .addHelpText('after', h('help_examples_list_tips'))
    .action(() => run(async () => (await import('./list.js')).listTipsCommand({ lang })));

  program
    .command('templates')
    .description(h('help_templates'))
    .command('copy')
    .description(h('help_templates_copy'))
    .argument(`<${h('help_arg_dir')}>`, h('help_arg_templates_dir'))
    .option('--force', h('help_option_templates_force'))
    .addHelpText('after', h('help_examples_templates_copy'))
    .action((dir: string, opts: { force?: boolean }) =>
      run(async () => (await import('./templates.js')).templatesCopyCommand(dir, { force: !!opts.force, lang })),
    );

  const render = program
    .command('render')
    .description(h('help_render'))
    .addHelpText('after', h('help_examples_render'));
  // The subcommands come from the materials registry: a new material is a new command. Calendars are
  // always .ics, so offering --format there would be an option that does nothing.
  const formats = defaultFormats().join(',');
  const materials = [
    { name: 'all', summary: 'help_render_all' as MessageKey, perAudience: true, hasFormats: true },
    ...Object.entries(MATERIALS).map(([name, m]) => ({ name, summary: m.summary, perAudience: m.perAudience, hasFormats: m.produces === 'documents' })),
  ];
  for (const { name, summary, perAudience, hasFormats } of materials) {
    const cmd = render.command(name).description(h(summary));
    // `all` takes many files (folders, patterns) and builds them side by side; one material takes one file.
    if (name === 'all') cmd.addArgument(filesArg());
    else cmd.argument(fileArg, h('help_arg_file_description'), 'welkome-wijk.yaml');
    if (hasFormats) {
      cmd.option(`-f, --format <${h('help_value_formats')}>`, h('help_option_format', { formats: documentFormats().join(', ') }), formats);
      cmd.addOption(new Option(`--pdf-engine <${h('help_value_engine')}>`, h('help_option_pdf_engine')).choices(PDF_ENGINES));
    }
    cmd
      .option(`-o, --out <${h('help_arg_dir')}>`, h('help_option_out'), 'materialen')
      .option(`-t, --templates <${h('help_arg_dir')}...>`, h('help_option_templates'));
    if (perAudience) cmd.option(`-a, --audience <${h('help_value_audience')}>`, h('help_option_audience'));
    if (name === 'all') {
      cmd
        .option('-j, --jobs <n>', h('help_option_jobs'))
        .option('--shard <i/n>', h('help_option_shard'))
        .option('--force', h('help_option_force'))
        .option('--zip', h('help_option_zip'))
        .option('--json', h('help_option_json'))
        .option('-q, --quiet', h('help_option_quiet'))
        .addHelpText('after', h('help_examples_render_all'))
        .action((files: string[], opts: { audience?: string; format?: string; out: string; templates?: string[]; jobs?: string; shard?: string; force?: boolean; zip?: boolean; json?: boolean; quiet?: boolean; pdfEngine?: string }) =>
          run(async () => (await import('./render-all.js')).renderAllCommand(files, { ...opts, format: opts.format ?? formats, lang })),
        );
      continue;
    }
    cmd.addHelpText('after', h('help_examples_render_material', { name, audience: perAudience ? ' --audience bewoners' : '', format: hasFormats ? ' --format pdf' : '' }));
    cmd.action((file: string, opts: { audience?: string; format?: string; out: string; templates?: string[]; pdfEngine?: string }) =>
      run(async () => (await import('./render.js')).renderCommand(name as never, file, { ...opts, format: opts.format ?? formats, lang })),
    );
  }

  // The results report needs the filled-in answer sheets, which `render all` is not given: a command of
  // its own beside the registry's materials, so `render all` stays what it was.
  render
    .command('results')
    .description(h('help_render_results'))
    .argument(fileArg, h('help_arg_file_description'), 'welkome-wijk.yaml')
    .option(`-f, --format <${h('help_value_formats')}>`, h('help_option_format', { formats: documentFormats().join(', ') }), formats)
    .addOption(new Option(`--pdf-engine <${h('help_value_engine')}>`, h('help_option_pdf_engine')).choices(PDF_ENGINES))
    .option(`-o, --out <${h('help_arg_dir')}>`, h('help_option_out'), 'materialen')
    .option(`-t, --templates <${h('help_arg_dir')}...>`, h('help_option_templates'))
    .option(`--answers <${h('help_value_answers')}...>`, h('help_option_answers'))
    .addHelpText('after', h('help_examples_render_results'))
    .action((file: string, opts: { answers?: string[]; format?: string; out: string; templates?: string[]; pdfEngine?: string }) =>
      run(async () => (await import('./results.js')).renderResultsCommand(file, { ...opts, format: opts.format ?? formats, lang })),
    );

  program
    .command('results')
    .description(h('help_results'))
    .command('template')
    .description(h('help_results_template'))
    .argument(fileArg, h('help_arg_file_description'), 'welkome-wijk.yaml')
    .option(`-o, --out <${h('help_arg_dir')}>`, h('help_option_out'), 'materialen')
    .option('--force', h('help_option_results_force'))
    .addHelpText('after', h('help_examples_results_template'))
    .action((file: string, opts: { out: string; force?: boolean }) =>
      run(async () => (await import('./results.js')).resultsTemplateCommand(file, { out: opts.out, force: !!opts.force, lang })),
    );

  // After a usage mistake, point at the help of the command that was meant, not all of it.
  const hint = (cmd: Command, path: string[]) => {
    cmd.showHelpAfterError(h('cli_help_hint', { command: ['welkome-wijk', ...path].join(' ') }));
    for (const sub of cmd.commands) hint(sub, [...path, sub.name()]);
  };
  hint(program, []);
  return program;
}

/** Writing to a closed pipe (`welkome-wijk list situations | head -1`) ends the output quietly. */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') {
        // Nobody reads any more: later writes are dropped instead of raising again.
        stream.write = (() => true) as typeof stream.write;
        return;
      }
      throw err;
    });
  }
}

/** Run the CLI; returns the exit code (0 ok, 1 a fault in welkome-wijk, 2 the user's input or usage). */
export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  const lang = messageLang(argv);
  let exitCode = 0;
  const run = async (task: () => Promise<number>) => {
    exitCode = await task();
  };
  const program = buildProgram(run, lang);
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version "errors" are successes; usage mistakes (already explained) are the user's.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UserError) {
      // Errors raised deep down (a writer, the resolve stage) carry a catalogue key: worded here, in the user's language.
      process.stderr.write(`${err.ref ? t(lang, err.ref.key, err.ref.params) : err.message}\n`);
      return err.exitCode;
    }
    // The file system said no (read-only or full disk, a file where a folder should be): the user
    // can fix that, so a plain message and exit 2 rather than a stack trace.
    const refusal = fileSystemMessage(err, lang);
    if (refusal) {
      process.stderr.write(`${refusal}\n`);
      return 2;
    }
    const { bugs } = packageInfo();
    process.stderr.write(`${t(lang, 'internal_error', { where: bugs ?? 'welkome-wijk' })}\n\n${(err as Error)?.stack ?? String(err)}\n`);
    return 1;
  }
}
