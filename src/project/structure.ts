// Checks on the parsed YAML before it becomes data: duplicate keys, keys that are not text, how deep
// it nests, and how much aliases (and `<<` merge keys, which are aliases too) would copy. All in one
// linear walk: the parser's own duplicate check and alias limit are quadratic or blind to merges.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { MessageKey } from '../messages.js';
import type { Position, Problem } from './problems.js';

/** A project file nests about six levels deep; far beyond that is a mistake or an attack. */
export const MAX_DEPTH = 64;
/** How many nodes aliases may copy in all. Real files copy a venue or two; "billion laughs" copies billions. */
export const MAX_ALIAS_NODES = 10_000;

function position(counter: LineCounter, node: { range?: [number, number, number?] | null } | null | undefined): Position {
  const start = node?.range?.[0] ?? 0;
  const end = node?.range?.[1] ?? start + 1;
  const { line, col } = counter.linePos(start);
  const endPos = counter.linePos(end);
  return { line, col, length: endPos.line === line ? Math.max(1, Math.min(40, endPos.col - col)) : 1 };
}

export function structureProblems(doc: Document, counter: LineCounter): Problem[] {
  const problems: Problem[] = [];
  const error = (key: MessageKey, node: unknown, params?: Record<string, string>) =>
    problems.push({ severity: 'error', path: [], key, params, pos: position(counter, node as Node) });

  const anchors = new Map<string, Node>();
  const sizes = new Map<unknown, number>();
  let aliasNodes = 0;
  let tooDeep = false;
  let aliasReported = false;

  /** The number of nodes under `node` with aliases expanded; Infinity for an alias into itself. */
  const walk = (node: unknown, depth: number): number => {
    if (node === null || node === undefined) return 0;
    if (depth > MAX_DEPTH) {
      if (!tooDeep) error('yaml_too_deep', node);
      tooDeep = true;
      return 1;
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) {
        error('yaml_BAD_ALIAS', node);
        return 1;
      }
      // An alias to a node that is still being walked points into itself.
      const size = sizes.get(target) ?? Infinity;
      aliasNodes += size;
      if (aliasNodes > MAX_ALIAS_NODES && !aliasReported) {
        error('yaml_aliases', node);
        aliasReported = true;
      }
      return size;
    }
    const anchor = (node as Node).anchor;
    if (anchor) anchors.set(anchor, node as Node);
    let size = 1;
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          const name = String(key.value);
          if (seen.has(name)) error('yaml_DUPLICATE_KEY', key, { key: name });
          seen.add(name);
        } else if (key !== null && key !== undefined) error('yaml_key_not_text', key);
        size += walk(key, depth + 1) + walk(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) size += isPair(item) ? walk(item.key, depth + 1) + walk(item.value, depth + 1) : walk(item, depth + 1);
    }
    sizes.set(node, size);
    return size;
  };
  walk(doc.contents, 0);
  return problems;
}
