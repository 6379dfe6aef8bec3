// The bridge from templates to blocks for every material: renders the template for the project's
// language with values as they are (the engine escapes them where they enter the Markdown), and parses
// the result with the material's slots.
import { MissingSlotError, parseMarkdown } from '../document/markdown.js';
import type { Block, Inline } from '../document/model.js';
import { UserError } from '../errors.js';
import { renderTemplate } from '../templating/engine.js';
import { findTemplate } from '../templating/lookup.js';
import { formatDate, formatDuration, formatList, formatTime, formatTimeAlone, formatTimeRange, formatWhen } from '../templating/helpers.js';
import type { Lang } from '../languages.js';
import type { MaterialContext } from './context.js';

/** Wording helpers bound to a language, for blocks built in code. */
export function wording(lang: Lang) {
  return {
    date: (iso: string) => formatDate(iso, lang),
    time: (hhmm: string) => formatTime(hhmm, lang),
    /** "9.15 uur": a time on its own, where a reader needs the unit. */
    at: (hhmm: string) => formatTimeAlone(hhmm, lang),
    timeRange: (start: string, end: string) => formatTimeRange(start, end, lang),
    /** "13.30 – 13.50": a compact span for table cells and headings (timeRange adds "uur"). */
    span: (start: string, end: string) => `${formatTime(start, lang)} – ${formatTime(end, lang)}`,
    when: (iso: string, start: string, end?: string) => formatWhen(iso, start, end, lang),
    list: (items: string[]) => formatList(items, lang),
    duration: (minutes: number) => formatDuration(minutes, lang),
  };
}

export type Words = ReturnType<typeof wording>;

export interface RenderedText {
  /** Parse the rendered text into blocks, filling `[[slot]]` lines. */
  parse(slots: Record<string, Block[]>): Block[];
  /** Whether the text has a `[[slot]]` line for this slot. */
  uses(slot: string): boolean;
}

/** Render `templates/<lang>/<name>.md.hbs` (or the user's own) with `data`. */
export function renderText(ctx: MaterialContext, name: string, data: Record<string, unknown>): RenderedText {
  const text = renderTemplate(name, ctx.lang, { ...data, lang: ctx.lang }, { userDirs: ctx.templateDirs });
  return {
    uses: (slot) => new RegExp(`^\\s*\\[\\[${slot}\\]\\]\\s*$`, 'm').test(text),
    parse(slots) {
      try {
        return parseMarkdown(text, slots);
      } catch (err) {
        // A slot typo in a user's own template is the user's to fix, not our bug.
        const file = findTemplate(name, ctx.lang, ctx.templateDirs);
        if (err instanceof MissingSlotError && file.origin === 'user') {
          throw new UserError({ key: 'template_slot_missing', params: { file: file.path, slot: err.slot, slots: err.available.map((s) => `[[${s}]]`).join(', ') || '-' } });
        }
        throw err;
      }
    },
  };
}

/** A plain run of text as inline content. */
export function textInline(text: string, style: { bold?: boolean; italic?: boolean } = {}): Inline[] {
  return [{ kind: 'text', text, ...style }];
}
