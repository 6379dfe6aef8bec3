// The bridge from templates to blocks for every material: escapes the project's own words, renders
// the template for the project's language, and parses the result with the material's slots.
import { escapeMarkdown, MissingSlotError, parseMarkdown } from '../document/markdown.js';
import type { Block, Inline } from '../document/model.js';
import { UserError } from '../errors.js';
import { renderTemplate } from '../templating/engine.js';
import { findTemplate } from '../templating/lookup.js';
import { formatDate, formatDuration, formatList, formatTime, formatTimeRange, formatWhen } from '../templating/helpers.js';
import type { MaterialContext } from './context.js';

/**
 * Text from the YAML file is the user's, not markup: a name with an asterisk or a line starting
 * with "- " must print as written. Escaping once here means templates can use `{{field}}` freely.
 */
function escapeDeep(value: unknown): unknown {
  if (typeof value === 'string') return escapeMarkdown(value);
  if (Array.isArray(value)) return value.map(escapeDeep);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeDeep(v)]));
  return value;
}

/** Wording helpers bound to the context's language, for blocks built in code. */
export function wording(lang: MaterialContext['lang']) {
  return {
    date: (iso: string) => formatDate(iso, lang),
    time: (hhmm: string) => formatTime(hhmm, lang),
    timeRange: (start: string, end: string) => formatTimeRange(start, end, lang),
    when: (iso: string, start: string, end?: string) => formatWhen(iso, start, end, lang),
    list: (items: string[]) => formatList(items, lang),
    duration: (minutes: number) => formatDuration(minutes, lang),
  };
}

export interface RenderedText {
  /** Parse the rendered text into blocks, filling `[[slot]]` lines. */
  parse(slots: Record<string, Block[]>): Block[];
  helpers: ReturnType<typeof wording>;
}

/** Render `templates/<lang>/<name>.md.hbs` (or the user's own) with `data`. */
export function renderText(ctx: MaterialContext, name: string, data: Record<string, unknown>): RenderedText {
  const text = renderTemplate(name, ctx.lang, { ...(escapeDeep(data) as object), lang: ctx.lang }, { userDirs: ctx.templateDirs });
  return {
    helpers: wording(ctx.lang),
    parse(slots) {
      try {
        return parseMarkdown(text, slots);
      } catch (err) {
        // A slot typo in a user's own template is the user's to fix, not our bug.
        const file = findTemplate(name, ctx.lang, ctx.templateDirs);
        if (err instanceof MissingSlotError && file.origin === 'user') throw new UserError(`${file.path}: ${err.message}`);
        throw err;
      }
    },
  };
}

/** A plain run of text as inline content. */
export function textInline(text: string, style: { bold?: boolean; italic?: boolean } = {}): Inline[] {
  return [{ kind: 'text', text, ...style }];
}
