import { generatedHeader, renderYaml } from '@sugarkube/core';
import type { KubeObject } from '../plan/kube-object.js';

/** The header of every file synth writes for the cluster tree. */
export const clusterHeader = generatedHeader({
  generator: '@sugarkube/cluster',
  source: 'the cluster definition',
  command: 'npx sugarkube synth',
});

/** Objects as one multi-document YAML file with the cluster header (setter markers as trailing comments). */
export function renderObjects(objects: readonly (KubeObject | Record<string, unknown>)[]): string {
  return renderYaml(objects, { header: clusterHeader });
}
