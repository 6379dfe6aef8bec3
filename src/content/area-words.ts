// The area's words in the shipped texts: content says "{TheAreaKind} in beeld" and a village reads
// "Het dorp in beeld", a whole municipality "De gemeente in beeld" (labels.yaml, areaWords).
import type { Labels } from './labels.js';

export type AreaKind = keyof Labels['areaKinds'];

/** The placeholders the programme texts may use, filled for one area. */
export function areaPlaceholders(labels: Labels, kind: AreaKind, name: string): Record<string, string> {
  const words = labels.areaWords[kind];
  return { area: name, areaKind: labels.areaKinds[kind], theAreaKind: words.the, TheAreaKind: words.The, areaKinds: words.plural };
}

/**
 * Every string in `value` with the known placeholders filled ({area}, {areaKind}, {theAreaKind},
 * {TheAreaKind}, {areaKinds}); other braces are left as they are. Returns a copy.
 */
export function fillAreaWords<T>(value: T, placeholders: Record<string, string>): T {
  const fill = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(placeholders, key) ? placeholders[key] : whole));
    if (Array.isArray(v)) return v.map(fill);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  return fill(value) as T;
}
