import { fluxApi } from './flux-api.js';
import { kubeObject, managedByLabel, type KubeObject } from './kube-object.js';

/** A Helm repository (index.yaml over HTTPS), polled twice a day. @see https://fluxcd.io/flux/components/source/helmrepositories/ */
export function helmRepository(name: string, url: string, namespace = 'flux-system'): KubeObject {
  return kubeObject(
    fluxApi.source,
    'HelmRepository',
    { name, namespace, labels: { ...managedByLabel } },
    {
      spec: { interval: '12h', url, timeout: '3m' },
    },
  );
}

/** A Helm chart in an OCI registry, pinned by tag. @see https://fluxcd.io/flux/components/source/ocirepositories/ */
export function ociChartRepository(name: string, url: string, tag: string, namespace: string): KubeObject {
  return kubeObject(
    fluxApi.source,
    'OCIRepository',
    { name, namespace, labels: { ...managedByLabel } },
    {
      spec: {
        interval: '12h',
        url,
        ref: { tag },
        layerSelector: { mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', operation: 'copy' },
      },
    },
  );
}

export interface HelmReleaseOptions {
  readonly name: string;
  readonly namespace: string;
  /** A chart from a HelmRepository (`chart.spec`) or an OCIRepository (`chartRef`). */
  readonly chart:
    | {
        readonly kind: 'HelmRepository';
        readonly chart: string;
        readonly version: string;
        readonly source: string;
        readonly sourceNamespace: string;
      }
    | { readonly kind: 'OCIRepository'; readonly source: string };
  readonly values: Record<string, unknown>;
  /** Other HelmReleases (`namespace/name`) installed first. */
  readonly dependsOn?: readonly { readonly name: string; readonly namespace: string }[];
  /** @default "10m" */
  readonly timeout?: string;
}

/** A HelmRelease (helm.toolkit.fluxcd.io/v2) with remediation and CRD upgrades. @see https://fluxcd.io/flux/components/helm/helmreleases/ */
export function helmRelease(options: HelmReleaseOptions): KubeObject {
  const chart =
    options.chart.kind === 'HelmRepository'
      ? {
          chart: {
            spec: {
              chart: options.chart.chart,
              version: options.chart.version,
              sourceRef: {
                kind: 'HelmRepository' as const,
                name: options.chart.source,
                namespace: options.chart.sourceNamespace,
              },
              interval: '12h',
            },
          },
        }
      : { chartRef: { kind: 'OCIRepository' as const, name: options.chart.source, namespace: options.namespace } };
  return kubeObject(
    fluxApi.helm,
    'HelmRelease',
    { name: options.name, namespace: options.namespace, labels: { ...managedByLabel } },
    {
      spec: {
        interval: '30m',
        releaseName: options.name,
        ...chart,
        ...(options.dependsOn?.length
          ? { dependsOn: options.dependsOn.map((d) => ({ name: d.name, namespace: d.namespace })) }
          : {}),
        timeout: options.timeout ?? '10m',
        install: { crds: 'CreateReplace', remediation: { retries: 3 } },
        upgrade: { crds: 'CreateReplace', cleanupOnFail: true, remediation: { retries: 3, strategy: 'rollback' } },
        values: options.values,
      },
    },
  );
}
