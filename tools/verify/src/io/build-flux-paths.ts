import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderYaml } from '@sugarkube/core';
import { parse, parseAllDocuments } from 'yaml';
import { kustomizeBuild } from './kustomize-build.js';
import { writeTempTree, type TreeFile } from './write-temp-tree.js';

/** One Flux Kustomization of a tree, as the controller reads it. */
export interface FluxKustomizationRef {
  readonly name: string;
  /** `spec.path` without `./`. */
  readonly path: string;
  /** The GitRepository URL, or `undefined` for this repo (`flux-system`). */
  readonly url: string | undefined;
  readonly images?: unknown[];
  readonly targetNamespace?: string;
}

/** The Flux Kustomizations of a tree with the URL of the repository each takes its path from. */
export function fluxKustomizations(files: readonly TreeFile[]): FluxKustomizationRef[] {
  type Doc = { kind?: string; apiVersion?: string; metadata?: { name: string }; spec?: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const docs = files
    .filter((f) => f.path.endsWith('.yaml'))
    .flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS() as Doc))
    .filter((d) => d !== null && typeof d === 'object');
  const sources = new Map(
    docs.filter((d) => d.kind === 'GitRepository').map((d) => [d.metadata!.name, String(d.spec!.url)]),
  );
  return docs
    .filter((d) => d.kind === 'Kustomization' && d.apiVersion?.startsWith('kustomize.toolkit.fluxcd.io/'))
    .map((d) => {
      const source = String(d.spec!.sourceRef?.name);
      return {
        name: d.metadata!.name,
        path: String(d.spec!.path).replace(/^\.\//, ''),
        url: source === 'flux-system' ? undefined : sources.get(source),
        ...(d.spec!.images ? { images: d.spec!.images as unknown[] } : {}),
        ...(d.spec!.targetNamespace ? { targetNamespace: String(d.spec!.targetNamespace) } : {}),
      };
    });
}

/**
 * `kustomize build` of every Flux Kustomization path of a cluster tree, as kustomize-controller
 * builds it: paths in this repo from the tree; paths in an app repo from that repo's files, with
 * the Kustomization's `images` and `targetNamespace` added to the path's kustomization.yaml
 * (what the controller does before building). Throws naming a repo the caller did not provide.
 */
export async function buildFluxPaths(
  tree: readonly TreeFile[],
  appRepos: Readonly<Record<string, readonly TreeFile[]>> = {},
): Promise<{ path: string; content: string }[]> {
  const dir = await writeTempTree(tree);
  const built: { path: string; content: string }[] = [];
  const seen = new Set<string>();
  for (const k of fluxKustomizations(tree)) {
    const key = `${k.url ?? ''}//${k.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (k.url === undefined) {
      built.push({ path: k.path, content: await kustomizeBuild(join(dir, k.path)) });
      continue;
    }
    const repo = appRepos[k.url];
    if (!repo) throw new Error(`Kustomization ${k.name} takes ${k.path} from ${k.url}, which was not provided`);
    const repoDir = await writeTempTree(repo);
    const file = join(repoDir, k.path, 'kustomization.yaml');
    const kustomization = parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    if (k.images) kustomization.images = [...((kustomization.images as unknown[] | undefined) ?? []), ...k.images];
    if (k.targetNamespace) kustomization.namespace = k.targetNamespace;
    // Core's renderer, as for every YAML file the project writes: a tag such as `on` stays a string.
    await writeFile(file, renderYaml([kustomization], { keyOrder: 'given' }));
    built.push({ path: key, content: await kustomizeBuild(join(repoDir, k.path)) });
  }
  return built.sort((a, b) => (a.path < b.path ? -1 : 1));
}
