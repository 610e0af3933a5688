import { defineCluster, synthesizeClusterTree, type GeneratedFile } from '@sugarkube/manifests';
import { sugarkubeCluster } from './sugarkube-cluster.js';

export { sugarkubeCluster };

/** The definition `sugarkube synth` validates, synthesizes and summarizes. */
export const clusterDefinition = sugarkubeCluster;

/** Synthesizes the Sugarkube clusters into the GitOps tree Flux reconciles. */
export function synthesizeCluster(): GeneratedFile[] {
  return synthesizeClusterTree(defineCluster(sugarkubeCluster));
}
