// How the user runs welkome-wijk, so hints name a command they really have: `npx welkome-wijk` after
// a local install or through npx, `welkome-wijk` after a global install, `node bin/…` from a clone.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../paths.js';

export interface Invocation {
  /** process.argv[1]: the bin link or script the shell started. */
  script: string;
  /** The package's own folder. */
  packageRoot: string;
  env: NodeJS.ProcessEnv;
  /** process.execPath, to find npm's default global prefix. */
  execPath: string;
  platform: NodeJS.Platform;
  cwd: string;
}

export function currentInvocation(): Invocation {
  return { script: process.argv[1] ?? '', packageRoot: packageRoot(), env: process.env, execPath: process.execPath, platform: process.platform, cwd: process.cwd() };
}

/**
 * Where `npm install --global` puts bin links and packages: under npm_config_prefix when npm started
 * us, else under npm's default prefix (%APPDATA%\npm on Windows, the folder above
 * node's bin elsewhere).
 */
function globalFolders(inv: Invocation): string[] {
  const { dirname, join } = paths(inv);
  const set = inv.env.npm_config_prefix ?? inv.env.NPM_CONFIG_PREFIX;
  if (inv.platform === 'win32') return [set ?? (inv.env.APPDATA ? join(inv.env.APPDATA, 'npm') : dirname(inv.execPath))];
  const prefix = set ?? dirname(dirname(inv.execPath));
  return [join(prefix, 'bin'), join(prefix, 'lib', 'node_modules')];
}

/** Path rules of the platform the invocation is on (so Windows paths can be tested anywhere). */
const paths = (inv: Invocation) => (inv.platform === 'win32' ? path.win32 : path.posix);

const inside = (inv: Invocation, file: string, folder: string) => {
  const rel = paths(inv).relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !paths(inv).isAbsolute(rel);
};
const hasSegment = (file: string, segment: string) => file.split(/[\\/]/).includes(segment);

/**
 * The command to type for welkome-wijk, as the user started it:
 * - started by npm (npx, npm exec, a package.json script: npm_config_user_agent is set), from
 *   npx's cache, or from a project's node_modules: `npx welkome-wijk`;
 * - from npm's global prefix, or from a bin link on the PATH (a global install with another
 *   prefix, `npm link`): `welkome-wijk`;
 * - a script run with node (`node bin/welkome-wijk.js` in a clone): that same command.
 */
export function commandName(inv: Invocation = currentInvocation()): string {
  const { script, env } = inv;
  if (env.npm_config_user_agent) return 'npx welkome-wijk';
  if (hasSegment(script, '_npx') || hasSegment(inv.packageRoot, '_npx')) return 'npx welkome-wijk';
  if (globalFolders(inv).some((folder) => inside(inv, script, folder) || inside(inv, inv.packageRoot, folder))) return 'welkome-wijk';
  if (hasSegment(script, 'node_modules')) return 'npx welkome-wijk';
  if (!/\.[cm]?js$/.test(script)) return 'welkome-wijk';
  const rel = paths(inv).relative(inv.cwd, script);
  const shown = rel && !rel.startsWith('..') && !paths(inv).isAbsolute(rel) ? rel.split(/[\\/]/).join('/') : script;
  return `node ${/\s/.test(shown) ? `"${shown}"` : shown}`;
}

/**
 * The full example to point at from a new file's header: only when it is really there, next to the
 * package, and not in npx's cache (which npm may empty at any time).
 */
export function examplePath(fileDir: string, inv: Invocation = currentInvocation()): string | undefined {
  const { join, relative } = paths(inv);
  const example = join(inv.packageRoot, 'examples', 'nijmegen-heseveld.yaml');
  if (!existsSync(example) || hasSegment(inv.packageRoot, '_npx')) return undefined;
  // Near the file (a local install, a clone): relative; far away (a global install): the whole path.
  const rel = relative(fileDir, example);
  return (rel.split(/[\\/]/).filter((s) => s === '..').length <= 2 ? rel : example).split(/[\\/]/).join('/');
}
