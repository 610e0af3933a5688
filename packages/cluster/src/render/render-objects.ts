import { generatedHeader, renderYaml, type GeneratedFile } from '@sugarkube/core';
import { withScannerAllowances } from '@sugarkube/manifests';
import type { KubeObject } from '../plan/kube-object.js';
import { withRenderedDocuments } from './tree-documents.js';

/** The header of every file synth writes for the cluster tree. */
export const clusterHeader = generatedHeader({
  generator: '@sugarkube/cluster',
  source: 'the cluster definition',
  command: 'npx sugarkube synth',
});

/** Objects as one multi-document YAML file with the cluster header (setter markers as trailing comments). */
export function renderObjects(objects: readonly (KubeObject | Record<string, unknown>)[]): string {
  const marked = objects.map((o) =>
    typeof o.kind === 'string' && typeof o.metadata === 'object' ? withScannerAllowances(o as KubeObject) : o,
  );
  return renderYaml(marked, { header: clusterHeader });
}

/** A file of the tree: the objects rendered, and remembered so checking the tree needs no parse. */
export function renderObjectsFile(
  path: string,
  objects: readonly (KubeObject | Record<string, unknown>)[],
): GeneratedFile {
  return withRenderedDocuments({ path, content: renderObjects(objects) }, objects);
}
