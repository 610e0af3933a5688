import { renderYaml } from '@sugarkube/core';
import { helmRelease, ociChartRepository } from '../plan/flux-sources.js';
import { kubeObject, managedByLabel, type KubeObject } from '../plan/kube-object.js';
import type { ComponentContext, InfraComponent } from './infra-component.js';

/** The HelmReleases a component's HelmRelease waits for. */
export type ReleaseDependency = { readonly name: string; readonly namespace: string };

/**
 * The objects that install a component, by the kind of its source: a HelmRelease on its
 * HelmRepository (`helm`), an OCIRepository and a HelmRelease on it (`oci`), a HelmChartConfig
 * with its values (`k3s`); images and Flux itself are deployed elsewhere (configs, FluxInstance).
 * Every object is named after the component.
 */
export function releaseObjects(
  component: InfraComponent,
  ctx: ComponentContext,
  dependsOn: readonly ReleaseDependency[] = [],
): KubeObject[] {
  const { id, chart } = component;
  const namespace = component.namespace.name;
  const values = chart.values?.(ctx) ?? {};
  const timeout = component.timeout ?? '10m';
  switch (chart.source.kind) {
    case 'helm':
      return [
        helmRelease({
          name: id,
          namespace,
          chart: {
            kind: 'HelmRepository',
            chart: chart.name ?? id,
            version: chart.version,
            source: id,
            sourceNamespace: 'flux-system',
          },
          values,
          dependsOn,
          timeout,
        }),
      ];
    case 'oci':
      return [
        ociChartRepository(id, chart.source.url, chart.version, namespace),
        helmRelease({ name: id, namespace, chart: { kind: 'OCIRepository', source: id }, values, dependsOn, timeout }),
      ];
    case 'k3s':
      // k3s installs the chart; a HelmChartConfig overrides its values.
      return [
        kubeObject(
          'helm.cattle.io/v1',
          'HelmChartConfig',
          { name: id, namespace, labels: { ...managedByLabel } },
          {
            spec: { valuesContent: renderYaml([values]) },
          },
        ),
      ];
    case 'image':
    case 'flux-distribution':
      return [];
  }
}
