import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GeneratedFile } from './write-tree.js';

/** What a cluster definition module exports. */
export interface ClusterModule {
  synthesizeCluster(): readonly GeneratedFile[] | Promise<readonly GeneratedFile[]>;
}

export interface LoadedCluster {
  readonly module: ClusterModule;
  /** The file the module was loaded from, for messages. */
  readonly source: string;
}

/** Finds the nearest package.json (from `cwd` up) that names a cluster module in `sugarkube.cluster`. */
function findConfiguredCluster(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { sugarkube?: { cluster?: unknown } };
      const cluster = manifest.sugarkube?.cluster;
      if (typeof cluster === 'string') return resolve(dir, cluster);
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Loads the cluster definition: the module given with `--cluster`, else the one
 * the nearest package.json names under `"sugarkube": { "cluster": "…" }` (in
 * the Sugarkube repo: the built `apps/cluster`).
 */
export async function loadCluster(cwd: string, explicit?: string): Promise<LoadedCluster> {
  const source = explicit ? resolve(cwd, explicit) : findConfiguredCluster(cwd);
  if (!source) {
    throw new Error(
      'no cluster definition found: pass --cluster MODULE, or add "sugarkube": { "cluster": "path/to/cluster.js" } to package.json',
    );
  }
  if (!existsSync(source)) {
    throw new Error(`cluster module ${source} does not exist (is it built? in the Sugarkube repo run \`npx nx run @sugarkube/cluster:build\`)`);
  }
  const module = (await import(pathToFileURL(source).href)) as Partial<ClusterModule>;
  if (typeof module.synthesizeCluster !== 'function') {
    throw new Error(`cluster module ${source} does not export a synthesizeCluster() function`);
  }
  return { module: module as ClusterModule, source };
}
