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

/** The parts of a rendered pod spec the tests read. */
export interface PodSpec {
  containers: {
    image: string;
    ports: { containerPort: number }[];
    readinessProbe: { httpGet: { path: string } };
    livenessProbe: { httpGet: { path: string } };
    securityContext: Record<string, unknown>;
    volumeMounts: { name: string; mountPath: string }[];
  }[];
  initContainers: { name: string; command: string[]; volumeMounts: { name: string; mountPath: string }[] }[];
  volumes: { name: string }[];
}

/** The pod spec of the Deployment named `name`. */
export function podSpecOf(objects: readonly RenderedObject[], name = 'web'): PodSpec {
  const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name) as
    { spec?: { template?: { spec?: PodSpec } } } | undefined;
  const pod = deployment?.spec?.template?.spec;
  if (!pod)
    throw new Error(`no Deployment/${name}; objects: ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  return pod;
}
