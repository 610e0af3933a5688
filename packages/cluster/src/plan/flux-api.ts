import { checkArguments } from '@sugarkube/core';
import { z } from 'zod';

/**
 * The Flux API versions synth emits: only the GA ones of Flux 2.9.
 * @see https://fluxcd.io/flux/components/
 */
export const fluxApi = {
  kustomize: 'kustomize.toolkit.fluxcd.io/v1',
  source: 'source.toolkit.fluxcd.io/v1',
  helm: 'helm.toolkit.fluxcd.io/v2',
  image: 'image.toolkit.fluxcd.io/v1',
  /** Provider and Alert are still served as v1beta3 (Receiver is v1); no GA version exists for them. */
  notification: 'notification.toolkit.fluxcd.io/v1beta3',
  /** The Flux Operator's FluxInstance, which installs and upgrades the Flux controllers. */
  fluxInstance: 'fluxcd.controlplane.io/v1',
} as const;

/** Removed API versions of the GA Flux groups: emitting one is an error. */
const removedVersions: Readonly<Record<string, readonly string[]>> = {
  'kustomize.toolkit.fluxcd.io': ['v1beta1', 'v1beta2'],
  'source.toolkit.fluxcd.io': ['v1beta1', 'v1beta2'],
  'helm.toolkit.fluxcd.io': ['v2beta1', 'v2beta2'],
  'image.toolkit.fluxcd.io': ['v1beta1', 'v1beta2'],
  'notification.toolkit.fluxcd.io': ['v1beta1', 'v1beta2'],
};

// Built once: zod constructs and compiles a schema on its first parse, which per call cost
// more than the check (docs/benchmarks.md, (c)).
const apiVersionArgument = z.string({ error: 'an apiVersion such as "helm.toolkit.fluxcd.io/v2"' });

/** The removed Flux API version `apiVersion` names, or undefined when it is current. */
export function removedFluxApi(apiVersion: string): string | undefined {
  checkArguments('removedFluxApi argument', [[[], apiVersionArgument, apiVersion]]);
  const [group, version] = apiVersion.split('/');
  if (group === undefined || version === undefined) return undefined;
  return removedVersions[group]?.includes(version) ? apiVersion : undefined;
}
