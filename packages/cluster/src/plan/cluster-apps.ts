import { withSetterMarker, type Commented, type GeneratedFile, type KindBody } from '@sugarkube/core';

type KustomizationImage = NonNullable<
  NonNullable<KindBody<'kustomize.toolkit.fluxcd.io/v1', 'Kustomization'>['spec']>['images']
>[number];
import { planNamespace, resolveEnvironment, type App, type ResolvedService } from '@sugarkube/manifests';
import type { HelmDeploy } from '../definition/cluster-definition.js';
import { lookup as pinOf } from '../definition/pins.js';
import type { ResolvedCluster, ResolvedClusterApp, ResolvedEnvironment } from '../definition/resolve-cluster.js';
import { fluxApi } from './flux-api.js';
import { helmRelease, ociChartRepository } from './flux-sources.js';
import { kubeObject, managedByLabel, type KubeObject } from './kube-object.js';
import { renderObjectsFile } from '../render/render-objects.js';

/** Sets a dotted path (`image.tag`) in a values object, creating maps on the way. */
function setPath(values: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let node = values;
  keys.slice(0, -1).forEach((key) => {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1]!] = value;
}

/** Deep merge of plain maps; `over` wins, lists are replaced. */
function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    const bothMaps = [current, value].every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
    out[key] = bothMaps ? merge(current as Record<string, unknown>, value as Record<string, unknown>) : value;
  }
  return out;
}

/** The tag an environment runs: the descriptor's own pin, else the cluster's. */
function pinnedTag(cluster: ResolvedCluster, app: App, envName: string, service: ResolvedService): string {
  const tag = service.image.tag ?? pinOf(cluster.pins, envName, app.descriptor.name, service.name)?.tag;
  // parseClusterDefinition refuses a missing pin; this is a programming error.
  if (tag === undefined) throw new Error(`no pin for ${app.descriptor.name}/${service.name} in ${envName}`);
  return tag;
}

/** The tag, with the setter marker where builds are followed (Flux's image automation moves it). */
function tagOf(cluster: ResolvedCluster, app: App, envName: string, service: ResolvedService): string | Commented {
  const tag = pinnedTag(cluster, app, envName, service);
  return service.image.policy ? withSetterMarker(tag, service.image.policy) : tag;
}

/**
 * The zero-change migration step: the app's own chart from
 * `oci://ghcr.io/<owner>/charts/<chart>` as a HelmRelease with this
 * environment's values, the image tag carrying the Flux setter marker.
 */
export function planHelmApp(cluster: ResolvedCluster, app: App, helm: HelmDeploy, envName: string): KubeObject[] {
  const env = resolveEnvironment(app.descriptor, envName);
  const service = env.services[0]!;
  const chart = helm.chart ?? app.descriptor.name;
  const version = typeof helm.version === 'string' ? helm.version : helm.version[envName]!;
  const values: Record<string, unknown> = {};
  setPath(values, helm.repositoryPath ?? 'image.repository', service.image.repository);
  setPath(values, helm.tagPath ?? 'image.tag', tagOf(cluster, app, envName, service));
  const host = env.routes[0]?.host;
  if (host) setPath(values, helm.hostPath ?? 'ingress.host', host);
  const source = `${chart}-chart`;
  return [
    planNamespace(env),
    ociChartRepository(source, `oci://ghcr.io/${helm.owner ?? cluster.owner}/charts/${chart}`, version, env.namespace),
    helmRelease({
      name: app.descriptor.name,
      namespace: env.namespace,
      chart: { kind: 'OCIRepository', source },
      values: merge(values, (helm.values?.[envName] ?? {}) as Record<string, unknown>),
    }),
  ];
}

const meta = (name: string) => ({ name, namespace: 'flux-system', labels: { ...managedByLabel } });

/** A Flux Kustomization of a path in an app's repository. */
function appKustomization(
  name: string,
  source: string,
  path: string,
  options: { images?: KustomizationImage[]; targetNamespace?: string; wait: boolean },
) {
  return kubeObject(fluxApi.kustomize, 'Kustomization', meta(name), {
    spec: {
      dependsOn: [{ name: 'infra-configs' }],
      interval: '10m',
      retryInterval: '1m',
      timeout: '10m',
      sourceRef: { kind: 'GitRepository', name: source },
      path,
      prune: true,
      wait: options.wait,
      ...(options.targetNamespace ? { targetNamespace: options.targetNamespace } : {}),
      ...(options.images && options.images.length > 0 ? { images: options.images } : {}),
    },
  });
}

/**
 * The handoff from an app repo: a GitRepository on the app's repo (only its deploy tree), a
 * Kustomization on `<path>/overlays/<env>` whose `spec.images` pins every image of the app (the
 * tag carries the setter marker where the environment follows builds; prod pins tag and
 * digest), and where builds are followed, a Kustomization that applies the app's own
 * ImageRepository and ImagePolicy (`<path>/image-automation`).
 * @see https://fluxcd.io/flux/components/kustomize/kustomizations/#images
 */
export function planRepositoryApp(cluster: ResolvedCluster, entry: ResolvedClusterApp, envName: string): KubeObject[] {
  const repository = entry.repository!;
  const { descriptor } = entry.app;
  const env = resolveEnvironment(descriptor, envName);
  const name = `app-${descriptor.name}`;
  const path = `./${repository.path}`;
  const images = env.services.map((service): KustomizationImage => {
    const pin = pinOf(cluster.pins, envName, descriptor.name, service.name);
    const digest = service.image.policy ? undefined : (service.image.digest ?? pin?.digest);
    return {
      name: service.image.repository,
      newTag: pinnedTag(cluster, entry.app, envName, service),
      ...(digest ? { digest } : {}),
    };
  });
  const overlay = appKustomization(name, name, `${path}/overlays/${envName}`, { images, wait: true });
  // The setter markers go on the planned object's tags (a YAML comment, not a field).
  const marked: KubeObject = {
    ...overlay,
    spec: {
      ...overlay.spec,
      images: images.map((image, i) => ({ ...image, newTag: tagOf(cluster, entry.app, envName, env.services[i]!) })),
    },
  };
  const followed = env.services.some((s) => s.image.policy);
  return [
    kubeObject(fluxApi.source, 'GitRepository', meta(name), {
      spec: {
        interval: '5m',
        url: repository.url,
        ref: { branch: repository.branch },
        // Only the app's generated tree: a change elsewhere in the app repo is no new revision.
        ignore: `/*\n!/${repository.path}/\n`,
        ...(repository.secretRef ? { secretRef: { name: repository.secretRef } } : {}),
      },
    }),
    marked,
    ...(followed
      ? [
          appKustomization(`${name}-images`, name, `${path}/image-automation`, {
            targetNamespace: 'flux-system',
            wait: false,
          }),
        ]
      : []),
  ];
}

const kustomizationFile = (path: string, resources: readonly string[]): GeneratedFile =>
  renderObjectsFile(path, [
    { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [...resources] },
  ]);

/** What one environment's apps add to the tree: `clusters/<env>/apps/<app>.yaml` (Flux objects) and, for chart apps, `apps/<env>/<app>/`. */
export interface EnvironmentApps {
  /** `apps/<app>.yaml` under `clusters/<env>/`, by file name. */
  readonly fluxFiles: Record<string, KubeObject[]>;
  /** Files outside `clusters/<env>/` (chart apps' HelmReleases). */
  readonly files: GeneratedFile[];
  /** The apps that run in this environment. */
  readonly appNames: string[];
}

/** The apps of one environment, each taken from its repo (or from its chart). */
export function planEnvironmentApps(cluster: ResolvedCluster, env: ResolvedEnvironment): EnvironmentApps {
  const fluxFiles: Record<string, KubeObject[]> = {};
  const files: GeneratedFile[] = [];
  const appNames: string[] = [];
  for (const entry of cluster.apps) {
    if (!entry.environments.includes(env.name)) continue;
    const { descriptor } = entry.app;
    appNames.push(descriptor.name);
    if (entry.helm) {
      const dir = `apps/${env.name}/${descriptor.name}`;
      files.push(kustomizationFile(`${dir}/kustomization.yaml`, ['helm-release.yaml']));
      files.push(renderObjectsFile(`${dir}/helm-release.yaml`, planHelmApp(cluster, entry.app, entry.helm, env.name)));
      fluxFiles[`apps/${descriptor.name}.yaml`] = [
        appKustomization(`app-${descriptor.name}`, 'flux-system', `./${dir}`, { wait: true }),
      ];
      continue;
    }
    fluxFiles[`apps/${descriptor.name}.yaml`] = planRepositoryApp(cluster, entry, env.name);
  }
  return { fluxFiles, files, appNames };
}
