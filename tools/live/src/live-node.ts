/** One simulated node (a kwok-managed Node object). */
export interface LiveNodeSpec {
  readonly name: string;
  /** Allocatable CPU, a Kubernetes quantity (`4`). */
  readonly cpu: string;
  /** Allocatable memory, a Kubernetes quantity (`8Gi`). */
  readonly memory: string;
  /** @default 'arm64' */
  readonly arch?: string;
  /** @default 110 (the kubelet's default, which k3s keeps) */
  readonly pods?: number;
  /** Extra labels, e.g. `{ 'sugarkube.env': 'staging' }`. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** The annotation kwok is started to manage (`--manage-nodes-with-annotation-selector`). */
export const kwokNodeAnnotation = { key: 'kwok.x-k8s.io/node', value: 'fake' } as const;

/** The real clusters' node names (apps/apps.md §5): prod runs on sugarkube0-2, staging on sugarkube3-5. */
const clusterNodeNames: Readonly<Record<string, readonly string[]>> = {
  prod: ['sugarkube0', 'sugarkube1', 'sugarkube2'],
  staging: ['sugarkube3', 'sugarkube4', 'sugarkube5'],
};

export interface PiNodesOptions {
  /** @default 3 */
  readonly count?: number;
  /** @default '4' (Raspberry Pi 5: 4 Cortex-A76 cores) */
  readonly cpu?: string;
  /** @default '8Gi' (the 8 GiB Raspberry Pi 5) */
  readonly memory?: string;
  /** More labels on every node. */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * The nodes of one environment, shaped like the clusters' Raspberry Pi 5 k3s servers: arm64,
 * 4 CPU, 8 GiB, labelled `sugarkube.env=<env>` and named as the real machines (`sugarkube3`…);
 * an environment without known machines gets `<env>-0`, `<env>-1`, ….
 * The defaults are those of @sugarkube/manifests' cluster definition (`nodes`): pass the
 * resolved environment's values to follow a cluster that sets them.
 */
export function piNodes(env: string, options: PiNodesOptions = {}): LiveNodeSpec[] {
  const count = options.count ?? 3;
  const known = clusterNodeNames[env] ?? [];
  return Array.from({ length: count }, (_, i) => ({
    name: known[i] ?? `${env}-${i}`,
    cpu: options.cpu ?? '4',
    memory: options.memory ?? '8Gi',
    arch: 'arm64',
    labels: { 'sugarkube.env': env, ...(options.labels ?? {}) },
  }));
}

/**
 * The Node object kwok takes over: the labels a k3s server node carries (arch, os, hostname,
 * control-plane and etcd roles: k3s servers also run workloads) and its capacity as status,
 * which kwok's node-initialize stage keeps while it adds the Ready condition and addresses.
 */
export function nodeObject(spec: LiveNodeSpec, kubeletVersion: string): Record<string, unknown> {
  const arch = spec.arch ?? 'arm64';
  const resources = {
    cpu: spec.cpu,
    memory: spec.memory,
    pods: String(spec.pods ?? 110),
    'ephemeral-storage': '100Gi',
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      annotations: { [kwokNodeAnnotation.key]: kwokNodeAnnotation.value, 'node.alpha.kubernetes.io/ttl': '0' },
      labels: {
        'beta.kubernetes.io/arch': arch,
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': arch,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/hostname': spec.name,
        'node-role.kubernetes.io/control-plane': 'true',
        'node-role.kubernetes.io/etcd': 'true',
        'node.kubernetes.io/instance-type': 'k3s',
        type: 'kwok',
        ...(spec.labels ?? {}),
      },
    },
    spec: {},
    status: {
      capacity: resources,
      allocatable: resources,
      nodeInfo: {
        architecture: arch,
        operatingSystem: 'linux',
        kubeletVersion,
        osImage: 'kwok (Raspberry Pi 5 shape)',
      },
    },
  };
}
