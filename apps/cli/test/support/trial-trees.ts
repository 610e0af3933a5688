import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sugarkubeCluster } from '@sugarkube/sugarkube-cluster';
import { main } from '../../src/cli.js';

/** Where the kill trials keep their fixtures: inside apps/cli, so Node resolves @sugarkube/* from it. */
export const trialCache = fileURLToPath(new URL('../../.cache/kill-trials/', import.meta.url));

/**
 * Two different real trees: the Sugarkube cluster with its first three apps (A) and with its
 * last three (B). From one to the other, files are added, removed and changed. Each is a real
 * cluster module (`clusterModule({ definition, pinsFile })`) over the embedded definition, with
 * the embedded pins of its apps.
 */
export async function trialModules(): Promise<{ A: string; B: string }> {
  const apps = { A: [0, 3], B: [1, sugarkubeCluster.apps.length] } as const;
  const pins = JSON.parse(
    await readFile(
      fileURLToPath(import.meta.resolve('@sugarkube/sugarkube-cluster/package.json')).replace(
        /package\.json$/,
        'sugarkube.pins.json',
      ),
      'utf8',
    ),
  ) as Record<string, Record<string, unknown>>;
  const paths = { A: '', B: '' };
  await mkdir(trialCache, { recursive: true });
  for (const name of ['A', 'B'] as const) {
    const [from, to] = apps[name];
    const names = new Set(
      sugarkubeCluster.apps.slice(from, to).map((a) => (a.app as { descriptor: { name: string } }).descriptor.name),
    );
    const own = Object.fromEntries(
      Object.entries(pins).map(([env, byApp]) => [
        env,
        Object.fromEntries(Object.entries(byApp).filter(([app]) => names.has(app))),
      ]),
    );
    await writeFile(join(trialCache, `pins-${name}.json`), `${JSON.stringify(own, null, 2)}\n`);
    paths[name] = join(trialCache, `cluster-${name}.mjs`);
    await writeFile(
      paths[name],
      `import { clusterModule } from '@sugarkube/cluster';\nimport { sugarkubeCluster } from '@sugarkube/sugarkube-cluster';\nexport default clusterModule({ definition: { ...sugarkubeCluster, apps: sugarkubeCluster.apps.slice(${from}, ${to}) }, pinsFile: new URL('./pins-${name}.json', import.meta.url) });\n`,
    );
  }
  return paths;
}

/** The user's own files in a repository-root output: one of them inside a generated directory. */
export const userFiles: Record<string, string> = {
  'package.json': '{ "name": "my-cluster-repo" }\n',
  'docs/notes.md': '# notes\n',
  'clusters/staging/notes.md': 'kept beside the generated files\n',
};

export type Layout = 'out' | 'root';

/** The output directory of a trial directory: `out/` of its own, or the repository root itself. */
export function outOf(dir: string, layout: Layout): string {
  return layout === 'out' ? join(dir, 'out') : dir;
}

/** Writes a template trial directory: user files (root layout) and the tree, by the real command in process. */
export async function makeTemplate(dir: string, layout: Layout, module: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  if (layout === 'root') {
    for (const [path, content] of Object.entries(userFiles)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
  }
  const quiet = { write: () => true };
  const code = await main(['synth', '--out', outOf(dir, layout), '--cluster', module], {
    stdout: quiet,
    stderr: quiet,
    cwd: dir,
  });
  if (code !== 0) throw new Error(`template synth exited ${code}`);
}

/** Every entry under `dir`: files with their bytes, directories and symlinks marked; what "entirely old" compares. */
export async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = join(e.parentPath, e.name);
    const key = full.slice(dir.length + 1);
    if (e.isFile()) tree[key] = await readFile(full, 'utf8');
    else if (e.isDirectory()) tree[`${key}/`] = '<dir>';
    else if (e.isSymbolicLink()) tree[key] = `-> ${await readlink(full)}`;
    else tree[key] = '<other>';
  }
  // Sorted: directory listing order depends on how entries were created, the tree does not.
  return Object.fromEntries(Object.entries(tree).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The writer's temporary names anywhere in a snapshot (the owned-files manifest is not one). */
export function temporaryEntries(tree: Record<string, string>): string[] {
  return Object.keys(tree).filter((path) =>
    path
      .split('/')
      .some((s) => (s.startsWith('.sugarkube-') && s !== '.sugarkube-files.json') || s.includes('sugarkube-tmp')),
  );
}

/** The stable part of the copy: `cp -a` keeps modes and times. */
export function copyTree(from: string, to: string): void {
  const result = spawnSync('cp', ['-a', `${from}/.`, to], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cp failed: ${result.stderr}`);
}

/** A seeded PRNG (mulberry32): a run's delays can be replayed from the seed it prints. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
