// A quick look into a project file without checking it: which bundle folder it makes and which
// template folders, logo and photo it reads. Enough to plan a batch (shards by municipality, skip what is
// unchanged, find two files that make one folder) before any file is validated and rendered.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';

export interface Peek {
  /** The project file's bytes, as read now (checksummed for the skip check). */
  bytes?: Uint8Array;
  municipality?: string;
  area?: string;
  /** Absolute template folders from the file's `templates:` (the command line's come first, elsewhere). */
  templates?: string;
  /** Absolute path of the file's logo. */
  logo?: string;
  /** Absolute path of the file's photo (branding.photo.file). */
  photo?: string;
}

// Trimmed as the schema trims, so the folder and paths are the ones the full check will find.
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Never throws: a file that cannot be read or parsed peeks as empty, and the full check reports why. */
export function peekProject(file: string): Peek {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return {};
  }
  try {
    const source = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
    // Small limits: a hostile file is refused by the full check, not explored here.
    const data = parse(source, { maxAliasCount: 100, uniqueKeys: false }) as Record<string, unknown> | null;
    if (!data || typeof data !== 'object') return { bytes };
    const base = dirname(resolve(file));
    const area = data.area as Record<string, unknown> | undefined;
    const branding = data.branding as Record<string, unknown> | undefined;
    const templates = text(data.templates);
    const logo = text(branding?.logo);
    const photo = text((branding?.photo as Record<string, unknown> | undefined)?.file);
    return {
      bytes,
      municipality: text(data.municipality),
      area: text(area?.name),
      templates: templates && resolve(base, templates),
      logo: logo && resolve(base, logo),
      photo: photo && resolve(base, photo),
    };
  } catch {
    return { bytes };
  }
}
