import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where in which file loading a module failed, when it can be found. */
export interface ModuleErrorLocation {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

const toPath = (location: string) => (location.startsWith('file://') ? fileURLToPath(location) : location);
/** This CLI's own compiled files (its `import()` of the module is on every stack): never the user's line. */
const ownRoot = fileURLToPath(new URL('../', import.meta.url));

/** A frame or header on the error itself: `/x/cluster.ts:4` (TypeScript syntax) or `at … (file:///x/a.mjs:2:6)`. */
function fromStack(error: unknown): ModuleErrorLocation | undefined {
  if (!(error instanceof Error) || !error.stack) return undefined;
  const header = /^((?:file:\/\/)?\/[^\s:]+):(\d+)$/m.exec(error.stack.split('\n')[0] ?? '');
  if (header) return { file: toPath(header[1]!), line: Number(header[2]) };
  for (const frame of error.stack.split('\n').slice(1)) {
    // A path or file URL that starts the location (not the tail of `node:internal/…`).
    const at = /(?:^|[\s(])((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)\)?$/.exec(frame.trim());
    // The first frame in the user's code: not Node's internals, not an installed package.
    if (at && !at[1]!.includes('/node_modules/') && !toPath(at[1]!).startsWith(ownRoot))
      return { file: toPath(at[1]!), line: Number(at[2]), column: Number(at[3]) };
  }
  return undefined;
}

/**
 * Where `error`, thrown while importing `module`, comes from. The error's own stack when it
 * has one; otherwise (a thrown string, a SyntaxError in JavaScript) a child process imports the
 * module again under the inspector and reports the throw or the syntax error's line
 * (`module-error-probe.ts`). Undefined when neither says.
 */
export function locateModuleError(error: unknown, module: string): ModuleErrorLocation | undefined {
  const own = fromStack(error);
  if (own) return own;
  const probe = fileURLToPath(new URL('./module-error-probe.js', import.meta.url));
  const child = spawnSync(process.execPath, [probe, pathToFileURL(module).href], { encoding: 'utf8', timeout: 15_000 });
  const header = /^((?:file:\/\/)?\/[^\s:]+):(\d+)$/m.exec(child.stderr ?? '');
  if (header) return { file: toPath(header[1]!), line: Number(header[2]) };
  try {
    const found = JSON.parse(child.stdout) as { url?: string; line?: number; column?: number };
    if (found.url && found.line)
      return { file: toPath(found.url), line: found.line, ...(found.column ? { column: found.column } : {}) };
  } catch {
    // the probe printed nothing usable: no location
  }
  return undefined;
}
