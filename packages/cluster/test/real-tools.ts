import { join } from 'node:path';
import { kustomizeBuild, validateManifests, writeTempTree, type ManifestReport } from '@sugarkube/verify';
import { validateClusterTree, type GeneratedFile } from '../../src/index.js';

/**
 * Writes the tree to a temp dir, runs `kustomize build` on every Flux
 * Kustomization path (as kustomize-controller would) and validates every
 * built object with kubeconform against the Kubernetes and CRD schemas.
 */
export async function buildAndValidate(files: readonly GeneratedFile[]): Promise<{ paths: readonly string[]; objects: number; report: ManifestReport }> {
  const dir = await writeTempTree(files);
  const { problems, paths } = validateClusterTree(files);
  if (problems.length > 0) throw new Error(problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
  const built = [];
  for (const path of paths) built.push({ path: `${path} (kustomize build)`, content: await kustomizeBuild(join(dir, path)) });
  const objects = built.reduce((n, b) => n + (b.content.match(/^kind: /gm)?.length ?? 0), 0);
  return { paths, objects, report: await validateManifests(built) };
}
