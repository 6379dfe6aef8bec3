// Gives every run of text the typeface that draws it: pdfmake has one font per run and no fallback of its own.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { splitByFace } from '../../document/coverage.js';
import { TYPEFACES } from '../../document/theme.js';

type Node = Record<string, unknown>;

/**
 * Zero-width spaces, joiners and direction marks: pdfmake draws them as the font's empty box, and
 * without shaping across them or a bidirectional layout they do nothing for our typefaces.
 */
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff]/g;

/** A text value with runs the primary face lacks cut out and given their own face; unchanged when it has none. */
function runsOf(text: unknown): unknown {
  if (typeof text === 'string') {
    const parts = splitByFace(text.replace(INVISIBLE, ''));
    if (parts.every((p) => p.face === 0)) return parts.map((p) => p.text).join('');
    return parts.map((p) => (p.face === 0 ? p.text : { text: p.text, font: TYPEFACES[p.face].family }));
  }
  if (!Array.isArray(text)) return text;
  return text.flatMap((run: unknown) => {
    if (typeof run === 'string') {
      const fixed = runsOf(run);
      return Array.isArray(fixed) ? fixed : [fixed];
    }
    if (run && typeof run === 'object' && 'text' in run) {
      const node = run as Node;
      if (typeof node.text !== 'string') return [{ ...node, text: runsOf(node.text) }];
      const parts = splitByFace(node.text.replace(INVISIBLE, ''));
      if (parts.every((p) => p.face === 0)) return [{ ...node, text: parts.map((p) => p.text).join('') }];
      // The run keeps its own look (bold, colour, link) on every piece.
      return parts.map((p) => (p.face === 0 ? { ...node, text: p.text } : { ...node, text: p.text, font: TYPEFACES[p.face].family }));
    }
    return [run];
  });
}

function walk(content: unknown): unknown {
  if (typeof content === 'string') {
    const fixed = runsOf(content);
    return fixed === content ? content : { text: fixed };
  }
  if (Array.isArray(content)) return content.map(walk);
  if (!content || typeof content !== 'object') return content;
  const node = content as Node;
  if ('text' in node) node.text = runsOf(node.text);
  // pdfmake 0.3 puts each page setup in a `section`, with a header and footer of its own.
  for (const key of ['section', 'stack', 'columns', 'ul', 'ol'] as const) if (Array.isArray(node[key])) node[key] = (node[key] as unknown[]).map(walk);
  if ('section' in node) wrapRunning(node);
  const table = node.table as { body?: unknown[][] } | undefined;
  if (table?.body) table.body = table.body.map((row) => row.map(walk));
  return node;
}

/** A header and footer (of the document or of a section) with fallback faces too; functions are wrapped. */
function wrapRunning(holder: Node): void {
  for (const key of ['header', 'footer'] as const) {
    const part = holder[key];
    if (typeof part === 'function') holder[key] = (...args: unknown[]) => walk((part as (...a: unknown[]) => unknown)(...args));
    else if (part) holder[key] = walk(part);
  }
}

/** The definition with fallback faces set where needed (in place; headers and footers wrapped). */
export function withFallbackFaces(definition: TDocumentDefinitions): TDocumentDefinitions {
  definition.content = walk(definition.content) as Content;
  wrapRunning(definition as unknown as Node);
  return definition;
}
