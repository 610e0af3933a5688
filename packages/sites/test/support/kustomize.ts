import { spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { requireTool } from './require-tool.js';

export interface RenderedObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  [key: string]: unknown;
}

/** `kubectl kustomize DIR` (kustomize v5 inside kubectl), parsed; fails with kustomize's message. */
export function kustomize(dir: string): RenderedObject[] {
  const kubectl = requireTool('kubectl', 'kubectl (preinstalled on the build machines)');
  const result = spawnSync(kubectl, ['kustomize', dir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`kubectl kustomize ${dir} failed:\n${result.stderr}`);
  return parseAllDocuments(result.stdout).map((doc) => doc.toJS() as RenderedObject);
}
