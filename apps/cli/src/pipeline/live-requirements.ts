import type { GeneratedFile } from '@sugarkube/core';
import { parseAllDocuments } from 'yaml';
import type { LiveRequirements } from '../io/kube-live.js';

/** The Flux controller that reconciles each kind of the tree. */
const controllerOf: Readonly<Record<string, string>> = {
  GitRepository: 'source-controller',
  HelmRepository: 'source-controller',
  OCIRepository: 'source-controller',
  Kustomization: 'kustomize-controller',
  HelmRelease: 'helm-controller',
  Alert: 'notification-controller',
  Provider: 'notification-controller',
  Receiver: 'notification-controller',
  ImageRepository: 'image-reflector-controller',
  ImagePolicy: 'image-reflector-controller',
  ImageUpdateAutomation: 'image-automation-controller',
};

/**
 * What a cluster must serve and run for this tree: every Flux (`*.toolkit.fluxcd.io`) and Gateway
 * API kind its objects use, at the version they use, and the Flux controller of each Flux kind.
 * Kinds the tree's own HelmReleases install later (cert-manager, prometheus-operator…) are not asked for.
 */
export function liveRequirements(files: readonly GeneratedFile[]): LiveRequirements {
  const crds = new Map<string, { group: string; version: string; kind: string }>();
  const controllers = new Set<string>();
  for (const file of files) {
    if (!/\.ya?ml$/.test(file.path)) continue;
    for (const doc of parseAllDocuments(file.content)) {
      if (!('errors' in doc) || doc.errors.length > 0) continue;
      const value = doc.toJS() as { apiVersion?: unknown; kind?: unknown } | null;
      if (typeof value?.apiVersion !== 'string' || typeof value.kind !== 'string') continue;
      const [group, version] = value.apiVersion.split('/');
      if (!group || !version || !(group.endsWith('.toolkit.fluxcd.io') || group === 'gateway.networking.k8s.io'))
        continue;
      crds.set(`${value.apiVersion} ${value.kind}`, { group, version, kind: value.kind });
      const controller = controllerOf[value.kind];
      if (controller && group.endsWith('.toolkit.fluxcd.io')) controllers.add(controller);
    }
  }
  return {
    crds: [...crds.values()].sort((a, b) => `${a.group} ${a.kind}`.localeCompare(`${b.group} ${b.kind}`)),
    controllers: [...controllers].sort(),
  };
}
