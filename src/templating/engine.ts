// Renders a named handlebars template (a user's version or the built-in one) to Markdown text, with plain-worded errors.
import { readFileSync, statSync } from 'node:fs';
import Handlebars from 'handlebars';
import { InternalError, UserError } from '../errors.js';
import { t, type MessageKey } from '../messages.js';
import { escapeMarkdown } from '../document/markdown.js';
import { FormatError, helpers } from './helpers.js';
import { findPartials, findTemplate, type Lang, type TemplateFile } from './lookup.js';

/**
 * Our own instance, so helpers and partials never leak into (or from) another user of handlebars in
 * the same process.
 */
const hb = Handlebars.create();
for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);

/**
 * - noEscape: the output is Markdown, not HTML; "&" must stay "&" (Markdown escaping is done by
 *   `escapeAtTheEdge` below instead).
 * - strict: a misspelt field must fail loudly instead of leaving a silent gap in a printed invitation.
 *   (`{{#if field}}` still works for a missing field; everything else needs the field to exist,
 *   possibly as null.)
 */
const COMPILE_OPTIONS: CompileOptions = { noEscape: true, strict: true };

/** The helper every `{{value}}` is routed through; its name cannot clash with a field or helper of ours. */
const MARKDOWN_TEXT = '__markdownText';

hb.registerHelper(MARKDOWN_TEXT, (value: unknown) => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') throw new FormatError(`Expected text, got ${Array.isArray(value) ? 'a list' : 'a group of fields'}.`);
  return escapeMarkdown(String(value));
});

/**
 * Escape at the edge: values reach templates as they are in the file, and where a template puts
 * one into the Markdown (`{{name}}`, `{{list names}}`), it is escaped so it prints literally — a
 * name with an asterisk stays a name. `{{{raw}}}` is left alone, for text that is markup on purpose.
 * Done by rewriting the parsed template: `{{x}}` becomes `{{__markdownText x}}` (the lookup kept
 * strict) and `{{helper a b}}` becomes `{{__markdownText (helper a b)}}`.
 */
function escapeAtTheEdge(program: hbs.AST.Program): hbs.AST.Program {
  const visitor = new Handlebars.Visitor();
  visitor.MustacheStatement = (node: hbs.AST.MustacheStatement) => {
    if (!node.escaped) return;
    const inner = node.path as hbs.AST.PathExpression & { strict?: boolean };
    // `{{time}}` with a helper of that name is a call (with no values), as handlebars reads it.
    const call = node.params.length > 0 || node.hash !== undefined || (inner.type === 'PathExpression' && Object.hasOwn(hb.helpers, inner.original));
    if (call) {
      node.params = [{ type: 'SubExpression', path: node.path, params: node.params, hash: node.hash, loc: node.loc } as hbs.AST.SubExpression];
      node.hash = undefined as unknown as hbs.AST.Hash;
    } else {
      // As a helper's parameter a path is looked up leniently; marked strict, a missing field still fails.
      if (inner.type === 'PathExpression') inner.strict = true;
      node.params = [node.path as hbs.AST.Expression];
    }
    node.path = { type: 'PathExpression', data: false, depth: 0, parts: [MARKDOWN_TEXT], original: MARKDOWN_TEXT, loc: node.loc } as hbs.AST.PathExpression;
  };
  visitor.accept(program);
  return program;
}

/**
 * Prototype access stays blocked (handlebars' default); saying so explicitly also stops handlebars
 * from logging a warning to the console whenever a template tries.
 */
const RUNTIME_OPTIONS = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } as const;

type Compiled = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

interface CacheEntry {
  mtimeMs: number;
  size: number;
  fn: Compiled;
}

/** Compiled templates and partials by absolute path; recompiled only when the file changes. */
const cache = new Map<string, CacheEntry>();

/** Marks an error with the innermost template file it came from, so a partial's error names the partial. */
const ORIGIN = Symbol('welkome-wijk.templateOrigin');

interface Origin {
  file: TemplateFile;
  source: string;
}

function compiled(file: TemplateFile): Compiled {
  let stat;
  let source: string;
  try {
    stat = statSync(file.path);
    const hit = cache.get(file.path);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.fn;
    source = readFileSync(file.path, 'utf8');
  } catch (err) {
    const detail = (err as Error).message;
    if (file.origin === 'user') throw new UserError({ key: 'template_unreadable', params: { file: file.path, detail } });
    throw new InternalError(`Cannot read the template ${file.path}: ${detail}`, { cause: err });
  }
  // Parsed and compiled on the first call, so syntax errors surface there and get tagged too.
  let template: HandlebarsTemplateDelegate | undefined;
  const fn: Compiled = (context, options) => {
    try {
      template ??= hb.compile(escapeAtTheEdge(hb.parse(source)), COMPILE_OPTIONS);
      return template(context, options);
    } catch (err) {
      if (typeof err === 'object' && err !== null && !(ORIGIN in err)) {
        Object.defineProperty(err, ORIGIN, { value: { file, source } satisfies Origin });
      }
      throw err;
    }
  };
  cache.set(file.path, { mtimeMs: stat.mtimeMs, size: stat.size, fn });
  return fn;
}

export interface RenderOptions {
  /** The user's template folders, searched in order before the built-in templates. */
  userDirs: string[];
  /** The built-in templates folder; only tests change it. */
  builtinDir?: string;
}

/**
 * Renders template `name` (e.g. "invitation/body") in `lang` with `data` and returns its Markdown.
 * `lang` is added to the data as `lang`, which the helpers read through `@root.lang`.
 * Errors in a user's template become UserErrors naming the file; errors in a built-in one are InternalErrors.
 */
export function renderTemplate(name: string, lang: Lang, data: object, opts: RenderOptions): string {
  const builtinDir = opts.builtinDir;
  const file = findTemplate(name, lang, opts.userDirs, builtinDir);
  if ('lang' in data && (data as { lang?: unknown }).lang !== lang) {
    throw new InternalError(`Template "${name}" rendered in "${lang}" with data whose lang is ${JSON.stringify((data as { lang?: unknown }).lang)}.`);
  }
  const context = { ...data, lang };
  const partials: Record<string, Compiled> = {};
  for (const [partialName, partialFile] of findPartials(lang, opts.userDirs, builtinDir)) {
    partials[partialName] = compiled(partialFile);
  }
  const template = compiled(file);
  try {
    return template(context, { ...RUNTIME_OPTIONS, partials: partials as Record<string, Handlebars.TemplateDelegate> });
  } catch (err) {
    throw templateError(err, file, context, lang);
  }
}

/** Turns whatever rendering threw into a UserError (the user's template) or an InternalError (ours). */
function templateError(err: unknown, root: TemplateFile, context: Record<string, unknown>, lang: Lang): Error {
  if (err instanceof UserError) return err;
  // Our own bugs (a broken words file, a bad helper) pass through unchanged; FormatError is a bad value.
  if (err instanceof InternalError && !(err instanceof FormatError)) return err;
  const origin = (typeof err === 'object' && err !== null && ORIGIN in err ? (err as Record<symbol, Origin>)[ORIGIN] : undefined) ?? {
    file: root,
    source: '',
  };
  const { key, params } = describeProblem(err, origin.source, context);
  // The user reads the message in the language they write their templates in; our bugs are reported in English.
  if (origin.file.origin === 'user') return new UserError(t(lang, key, { file: origin.file.path, ...params }));
  return new InternalError(`Built-in template: ${t('en', key, { file: origin.file.path, ...params })}`, { cause: err });
}

/** handlebars' messages, as a catalogue key (content/<lang>/messages.yaml) and its values. */
function describeProblem(err: unknown, source: string, context: Record<string, unknown>): { key: MessageKey; params: Record<string, string | number> } {
  const raw = err instanceof Error ? err.message : String(err);
  // handlebars appends " - line:column" to messages it can place.
  const message = raw.replace(/ - \d+:\d+$/, '');
  const e = err as { lineNumber?: unknown; column?: unknown };
  const line = typeof e.lineNumber === 'number' ? e.lineNumber : '?';
  let m: RegExpExecArray | null;
  if ((m = /^"(.+)" not defined in /.exec(message))) {
    const expression = typeof e.lineNumber === 'number' && typeof e.column === 'number' ? expressionAt(source, e.lineNumber, e.column) : undefined;
    return { key: 'tpl_missing_field', params: { field: m[1], line, expression: expression ?? '', fields: Object.keys(context).sort().join(', ') } };
  }
  if ((m = /^The partial (.+) could not be found$/.exec(message))) return { key: 'tpl_missing_partial', params: { partial: m[1] } };
  if (/^Parse error/.test(message)) {
    // Keep handlebars' excerpt with its caret; its list of expected tokens means nothing to a reader.
    const excerpt = message.split('\n').slice(0, 3).join('\n');
    return { key: /got 'EOF'$/.test(message) ? 'tpl_parse_unclosed' : 'tpl_parse', params: { excerpt } };
  }
  if ((m = /^(\S+) doesn't match (\S+)$/.exec(message))) return { key: 'tpl_block_mismatch', params: { open: m[1], close: m[2], line } };
  if (err instanceof TypeError && (m = /^Cannot use 'in' operator to search for '(.*)' in (.*)$/s.exec(message))) {
    return { key: 'tpl_field_in_text', params: { field: m[1], value: m[2] } };
  }
  if (err instanceof TypeError && (m = /^Cannot read properties of (?:undefined|null) \(reading '(.*)'\)$/s.exec(message))) {
    // `{{#if a.b.c}}` with no `a.b`: block helpers look fields up leniently, but only one level deep.
    return { key: 'tpl_field_in_missing', params: { field: m[1] } };
  }
  return { key: 'tpl_other', params: { line, detail: message } };
}

/** The `{{ ... }}` around a 1-based line and 0-based column, to show the user what we mean. */
function expressionAt(source: string, line: number, column: number): string | undefined {
  const text = source.split(/\r\n?|\n/)[line - 1];
  if (text === undefined) return undefined;
  const open = text.lastIndexOf('{{', column);
  const close = text.indexOf('}}', column);
  if (open < 0 || close < 0) return undefined;
  return text.slice(open, close + 2);
}
