import type { KubeObject } from '../plan/kube-object.js';
import type { ResolvedCluster, ResolvedEnvironment } from '../definition/resolve-cluster.js';

/** Where a component's chart (or image) comes from. */
export type UpstreamSource =
  /** A Helm repository (index.yaml over HTTPS): a HelmRepository named after the component. */
  | { readonly kind: 'helm'; readonly url: string }
  /** A chart in an OCI registry: an OCIRepository named after the component, pinned by tag. */
  | { readonly kind: 'oci'; readonly url: string }
  /** Installed by k3s itself; synth only configures it (HelmChartConfig). */
  | { readonly kind: 'k3s'; readonly url: string }
  /** A plain container image synth deploys with its own manifests (in the component's configs). */
  | { readonly kind: 'image'; readonly url: string }
  /** Flux's own controllers, installed by the Flux Operator from this registry (FluxInstance `distribution.registry`). */
  | { readonly kind: 'flux-distribution'; readonly url: string };

/** One pod-level workload of a chart and where its resource requests are set in the values. */
export interface ChartWorkload {
  readonly name: string;
  /** Pods: a number, or "per-node" for DaemonSets. Read from `replicasPath` when that is set. */
  readonly replicas: number | 'per-node';
  readonly replicasPath?: string;
  /** Dotted path of `{cpu, memory}` requests in the values; repeated `times` per pod (sidecars). */
  readonly requestsPath?: string;
  /** Requests the chart sets itself (not configurable from values). */
  readonly fixed?: { readonly cpu: string; readonly memory: string };
  /** A CPU reservation as a share of each node's CPU (Longhorn's guaranteed instance-manager CPU). */
  readonly nodeCpuShare?: number;
  readonly times?: number;
}

/** A module release the Go module proxy serves: where `tools/upstream` takes chart sources and CRDs from. */
export interface GoModule {
  /** Module path, e.g. `go.universe.tf/metallb`. */
  readonly module: string;
  /** Module version, e.g. `v0.15.3`. */
  readonly version: string;
}

/**
 * Where the JSON schemas of a component's custom resources come from (`tools/upstream/tools/crd-schemas.sh`):
 * CRD YAML files in a module, or Go API packages turned into CRDs with controller-gen.
 */
export interface CrdSource extends GoModule {
  /** `files`: CRD YAML at `paths` (globs); `go-types`: the API packages at `paths`, run through controller-gen. */
  readonly kind: 'files' | 'go-types';
  readonly paths: readonly string[];
  /** Why these CRDs are not from the chart's own release, when they are not (the proxy does not serve it…). */
  readonly note?: string;
}

export interface ComponentContext {
  readonly cluster: ResolvedCluster;
  readonly env: ResolvedEnvironment;
}

/** What configs see besides the cluster and environment. */
export interface ConfigContext extends ComponentContext {
  /** Namespaces that hold a HelmRelease in this environment (infrastructure, bootstrap and chart apps). */
  readonly helmReleaseNamespaces: readonly string[];
}

/** Objects by file name in `infrastructure/configs/<env>/`. */
export type ConfigFiles = Readonly<Record<string, readonly KubeObject[]>>;

/** The upstream a component runs: pinned source and version, and its Pi-tuned values. */
export interface ComponentChart {
  /** The chart's name in its repository. @default the component id */
  readonly name?: string;
  /** Pinned; chart versions move monthly: bump here, regenerate, review the diff. */
  readonly version: string;
  readonly source: UpstreamSource;
  /** Why this version: where it was seen current. */
  readonly pinnedBecause: string;
  /** The chart values (HelmRelease `spec.values`, HelmChartConfig `valuesContent`). @default no values */
  readonly values?: (ctx: ComponentContext) => Record<string, unknown>;
  /** Its pods, for the requests summary. @default none (a component whose Deployments are in the tree counts those) */
  readonly workloads?: readonly ChartWorkload[];
  /**
   * The chart's own directory in a Go module the proxy serves, at the release that holds this
   * chart version: `tools/upstream/tools/helm-charts.sh` fetches it and the tests render it with Helm.
   */
  readonly sourceModule?: GoModule & { readonly path: string };
}

/** A Secret a component reads, in the component's namespace, sealed (or SOPS-encrypted) per cluster. */
export interface ComponentSecret {
  readonly name: string;
  /** The keys the consumer reads. */
  readonly keys: readonly string[];
  readonly purpose: string;
  /** When the enabled component reads it. @default always */
  readonly neededWhen?: (cluster: ResolvedCluster, env: ResolvedEnvironment) => boolean;
}

export type PodSecurityLevel = 'restricted' | 'baseline' | 'privileged';

/**
 * One infrastructure component: everything the tree needs to install, configure, secure and
 * count it. The registry (`infraComponents`) lists them in install order; the synthesizer,
 * configs, network policies, secrets check, summary and the pins file iterate over it.
 */
export interface InfraComponent {
  /** Kebab-case id: the HelmRelease (or HelmChartConfig) name, the source name and `<id>.yaml`. */
  readonly id: string;
  /**
   * Its namespace and the Pod Security level synth creates it with, or `existing` for the
   * namespaces k3s or the bootstrap create (kube-system, flux-system).
   */
  readonly namespace: { readonly name: string; readonly podSecurity: PodSecurityLevel | 'existing' };
  readonly chart: ComponentChart;
  /** Installed by the bootstrap into `clusters/<env>/flux-system` (Flux itself), not with the controllers. */
  readonly bootstrap?: boolean;
  /** Components whose HelmRelease must be ready first (when they are enabled): CRDs, storage. @default none */
  readonly dependsOn?: readonly InfraComponent[];
  /** HelmRelease timeout. @default "10m" */
  readonly timeout?: string;
  /** NetworkPolicies of its namespace (`infrastructure/configs/<env>/network-policies.yaml`). */
  readonly networkPolicies?: (ctx: ComponentContext) => readonly KubeObject[];
  readonly secrets?: readonly ComponentSecret[];
  /** Objects that need the controllers' CRDs (issuers, pools, monitors…), by file name in `infrastructure/configs/<env>/`. */
  readonly configs?: (ctx: ConfigContext) => ConfigFiles;
  /** Schemas of the custom resources it brings and synth emits or configures, for kubeconform. */
  readonly crds?: readonly CrdSource[];
  /** Whether the component runs in this environment. */
  readonly enabled: (cluster: ResolvedCluster, env: ResolvedEnvironment) => boolean;
}
