import { generatedHeader, renderYaml } from '@sugarkube/core';
import { withScannerAllowances } from '@sugarkube/manifests';
import type { KubeObject } from '../plan/kube-object.js';

/** The header of every file synth writes for the cluster tree. */
export const clusterHeader = generatedHeader({
  generator: '@sugarkube/cluster',
  source: 'the cluster definition',
  command: 'npx sugarkube synth',
});

/** Objects as one multi-document YAML file with the cluster header (setter markers as trailing comments). */
export function renderObjects(objects: readonly (KubeObject | Record<string, unknown>)[]): string {
  const marked = objects.map((o) => (typeof o.kind === 'string' && typeof o.metadata === 'object' ? withScannerAllowances(o as KubeObject) : o));
  return renderYaml(marked, { header: clusterHeader });
}
