import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isClusterModule, type ClusterModule } from '@sugarkube/cluster';
import { ValidationError } from '@sugarkube/core';
import { UsageError } from '../context.js';

/** Where the repo's Sugarkube settings are: the nearest package.json with a `sugarkube` field. */
export interface RepoConfig {
  /** The directory of that package.json: the cluster repo's root. */
  readonly root: string;
  /** `sugarkube.cluster`: the cluster module, absolute. */
  readonly cluster?: string;
  /** `sugarkube.out`: where synth writes, absolute. @default the root */
  readonly out: string;
}

export interface LoadedCluster {
  readonly module: ClusterModule;
  /** The file the module was loaded from, for messages. */
  readonly source: string;
  /** The pins file, absolute. */
  readonly pinsPath: string;
  /** The pins as on disk (`{}` when the file does not exist yet). */
  readonly pins: unknown;
  /** The default output directory. */
  readonly out: string;
}

/** Reads the nearest package.json (from `cwd` up) that has a `sugarkube` field. */
export function findRepoConfig(cwd: string): RepoConfig | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      let manifest: { sugarkube?: { cluster?: unknown; out?: unknown } };
      try {
        manifest = JSON.parse(readFileSync(file, 'utf8')) as typeof manifest;
      } catch (error) {
        throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
      }
      const settings = manifest.sugarkube;
      if (settings !== undefined) {
        if (settings.cluster !== undefined && (typeof settings.cluster !== 'string' || settings.cluster === '')) {
          throw new UsageError(`${file}: sugarkube.cluster: expected the path of the cluster module, e.g. "cluster.ts", received ${JSON.stringify(settings.cluster)}`);
        }
        if (settings.out !== undefined && (typeof settings.out !== 'string' || settings.out === '')) {
          throw new UsageError(`${file}: sugarkube.out: expected a directory, e.g. ".", received ${JSON.stringify(settings.out)}`);
        }
        return {
          root: dir,
          ...(typeof settings.cluster === 'string' ? { cluster: resolve(dir, settings.cluster) } : {}),
          out: resolve(dir, typeof settings.out === 'string' ? settings.out : '.'),
        };
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function readPins(path: string): unknown {
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Loads the cluster module: the one given with `--cluster`, else the one the nearest
 * package.json names in `"sugarkube": { "cluster": "…" }`. It must default-export
 * `clusterModule({ definition, pinsFile })` from `@sugarkube/cluster`.
 */
export async function loadCluster(cwd: string, explicit?: string): Promise<LoadedCluster> {
  if (explicit === '') throw new UsageError('--cluster: expected the path of the cluster module, received ""');
  const config = findRepoConfig(cwd);
  const source = explicit !== undefined ? resolve(cwd, explicit) : config?.cluster;
  if (!source) {
    throw new UsageError(
      'no cluster definition found: pass --cluster MODULE, or add "sugarkube": { "cluster": "cluster.ts" } to package.json (`sugarkube init cluster` scaffolds a cluster repo)',
    );
  }
  if (!existsSync(source)) throw new UsageError(`cluster module ${source} does not exist`);
  let loaded: { default?: unknown };
  try {
    loaded = (await import(pathToFileURL(source).href)) as { default?: unknown };
  } catch (error) {
    throw new UsageError(`cluster module ${source} failed to load: ${describeLoadError(error)}`);
  }
  if (!isClusterModule(loaded.default)) {
    throw new UsageError(
      `cluster module ${source} must \`export default clusterModule({ definition, pinsFile })\` (from @sugarkube/cluster); its default export is ${loaded.default === undefined ? 'missing' : typeof loaded.default}`,
    );
  }
  const module = loaded.default;
  const pinsPath = module.pinsFile instanceof URL ? fileURLToPath(module.pinsFile) : resolve(dirname(source), module.pinsFile);
  return { module, source, pinsPath, pins: readPins(pinsPath), out: config?.out ?? resolve(cwd) };
}

/** A thrown value as one line with its file and line when the error has them (syntax errors, stacks). */
export function describeLoadError(error: unknown): string {
  if (ValidationError.is(error)) return error.message;
  if (!(error instanceof Error)) return `it threw ${JSON.stringify(String(error))} (not an Error)`;
  const frame = /\((\/[^)]+:\d+:\d+)\)|at (\/[^\s]+:\d+:\d+)/.exec(error.stack ?? '');
  const where = frame ? ` at ${frame[1] ?? frame[2]}` : '';
  return `${error.message.split('\n')[0]}${where}`;
}
