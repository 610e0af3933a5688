import { buildFluxPaths, validateManifests, type ManifestReport } from '@sugarkube/verify';
import { validateClusterTree } from '../src/index.js';
import type { GeneratedFile } from '@sugarkube/core';

/**
 * Builds every Flux Kustomization path of the tree (and of the app repos it takes apps from)
 * as kustomize-controller would, and validates every built object with kubeconform against
 * the Kubernetes and CRD schemas.
 */
export async function buildAndValidate(
  files: readonly GeneratedFile[],
  appRepos: Readonly<Record<string, readonly GeneratedFile[]>> = {},
): Promise<{
  paths: readonly string[];
  objects: number;
  report: ManifestReport;
  built: { path: string; content: string }[];
}> {
  const { problems } = validateClusterTree(files);
  if (problems.length > 0) throw new Error(problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
  const built = await buildFluxPaths(files, appRepos);
  const objects = built.reduce((n, b) => n + (b.content.match(/^kind: /gm)?.length ?? 0), 0);
  return { paths: built.map((b) => b.path), objects, report: await validateManifests(built), built };
}
