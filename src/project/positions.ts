// Finds where a field path lives in the YAML source, so every problem can point at a line and column.
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { PathSegment, Position } from './problems.js';

interface Located {
  /** The value node at the path, when the field exists. */
  node?: Node;
  /** The pair holding the deepest existing field (its key is what we underline when the value is missing). */
  pair?: Pair;
  /** How many path segments were found. */
  depth: number;
}

/** Each map's pairs by key, made on first use: a lookup per problem must not scan a map of 20,000 keys. */
const keyIndex = new WeakMap<object, Map<string, Pair>>();

function pairIn(map: YAMLMap, key: string): Pair | undefined {
  let index = keyIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) if (isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p as Pair);
    keyIndex.set(map, index);
  }
  return index.get(key);
}

function locate(doc: Document, path: PathSegment[]): Located {
  let node = doc.contents as Node | null;
  let pair: Pair | undefined;
  let depth = 0;
  for (const seg of path) {
    if (isMap(node)) {
      const found = pairIn(node, String(seg));
      if (!found) break;
      pair = found;
      node = found.value as Node | null;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
      node = node.items[seg] as Node;
      pair = undefined;
    } else break;
    depth++;
  }
  return { node: node ?? undefined, pair, depth };
}

function fromOffset(counter: LineCounter, start: number, end: number): Position {
  const { line, col } = counter.linePos(start);
  const endPos = counter.linePos(Math.max(start, end));
  const length = endPos.line === line ? Math.max(1, endPos.col - col) : 1;
  return { line, col, length };
}

/** The position of the value at `path`; when it is missing, the key of the nearest existing parent. */
export function positionOf(doc: Document, counter: LineCounter, path: PathSegment[]): Position {
  const found = locate(doc, path);
  if (found.depth === path.length && found.node?.range) {
    // A whole block (a map or list under a key) is best shown by its key line: `registration:`.
    const key = found.pair?.key as Node | undefined;
    if ((isMap(found.node) || isSeq(found.node)) && key?.range && found.pair?.value === found.node) {
      return fromOffset(counter, key.range[0], key.range[1]);
    }
    return fromOffset(counter, found.node.range[0], found.node.range[1]);
  }
  // The field is missing: underline the parent's key (e.g. `venue:`), or the first line of the file.
  const keyNode = found.pair?.key as Node | undefined;
  if (keyNode?.range) return fromOffset(counter, keyNode.range[0], keyNode.range[1]);
  if (found.node?.range) return fromOffset(counter, found.node.range[0], found.node.range[0] + 1);
  return { line: 1, col: 1, length: 1 };
}

/** The position of the key `key` in the map at `path` (for unknown keys). */
export function keyPositionOf(doc: Document, counter: LineCounter, path: PathSegment[], key: string): Position {
  const found = locate(doc, [...path, key]);
  const keyNode = found.depth === path.length + 1 ? (found.pair?.key as Node | undefined) : undefined;
  if (keyNode?.range) return fromOffset(counter, keyNode.range[0], keyNode.range[1]);
  return positionOf(doc, counter, path);
}

/** The node at `path`, when every segment of it exists. */
export function nodeAt(doc: Document, path: PathSegment[]): Node | undefined {
  const found = locate(doc, path);
  return found.depth === path.length ? found.node : undefined;
}
