import { parseImageReference } from '@sugarkube/image-policy';
import type { EnvironmentStatus, FluxObjectStatus, ImagePolicyStatus, NodeStatus } from '../reports/status-report.js';

/** A status condition as the API returns it. */
interface Condition {
  readonly type?: string;
  readonly status?: string;
  readonly reason?: string;
  readonly message?: string;
}

interface Metadata {
  readonly name?: string;
  readonly namespace?: string;
  readonly generation?: number;
}

/** The fields of a Kustomization, HelmRelease, ImagePolicy or ImageRepository that status reads. */
export interface FluxObject {
  readonly metadata?: Metadata;
  readonly spec?: {
    readonly suspend?: boolean;
    /** ImageRepository */
    readonly image?: string;
    /** ImagePolicy */
    readonly imageRepositoryRef?: { readonly name?: string; readonly namespace?: string };
  };
  readonly status?: {
    readonly conditions?: readonly Condition[];
    readonly observedGeneration?: number;
    /** Kustomization */
    readonly lastAppliedRevision?: string;
    /** HelmRelease: the releases, latest first. */
    readonly history?: readonly { readonly chartName?: string; readonly chartVersion?: string }[];
    /** ImagePolicy (image.toolkit.fluxcd.io/v1) */
    readonly latestRef?: { readonly name?: string; readonly tag?: string; readonly digest?: string };
    /** ImagePolicy before v1 (v1beta2): `repository:tag`. */
    readonly latestImage?: string;
  };
}

/** The fields of a Deployment that status reads (a client-node V1Deployment fits). */
export interface DeploymentObject {
  readonly metadata?: Metadata;
  readonly spec?: {
    readonly template?: { readonly spec?: { readonly containers?: readonly { name?: string; image?: string }[] } };
  };
}

/** The fields of a Node that status reads (a client-node V1Node fits). */
export interface NodeObject {
  readonly metadata?: Metadata;
  readonly spec?: { readonly unschedulable?: boolean };
  readonly status?: {
    readonly conditions?: readonly Condition[];
    readonly nodeInfo?: { readonly architecture?: string };
    readonly allocatable?: Readonly<Record<string, string>>;
  };
}

/**
 * What one context's API server holds, as listed. A Flux list is undefined when its CRD is not
 * served there (the name of that kind is then in `notServed`).
 */
export interface ClusterObjects {
  readonly name: string;
  readonly server: string;
  readonly notServed: readonly string[];
  readonly kustomizations: readonly FluxObject[];
  readonly helmReleases: readonly FluxObject[];
  readonly imagePolicies: readonly FluxObject[];
  readonly imageRepositories: readonly FluxObject[];
  readonly deployments: readonly DeploymentObject[];
  readonly nodes: readonly NodeObject[];
}

const readyStates = ['True', 'False', 'Unknown'] as const;
type ReadyState = (typeof readyStates)[number];

function readyCondition(conditions: readonly Condition[] | undefined): FluxObjectStatus['ready'] {
  const ready = conditions?.find((c) => c.type === 'Ready');
  const status: ReadyState = readyStates.find((s) => s === ready?.status) ?? 'Unknown';
  const message = ready?.message?.split('\n')[0];
  return { status, ...(ready?.reason ? { reason: ready.reason } : {}), ...(message ? { message } : {}) };
}

const byId = <T extends { namespace?: string; name: string }>(a: T, b: T) =>
  `${a.namespace ?? ''}/${a.name}`.localeCompare(`${b.namespace ?? ''}/${b.name}`);

function fluxObject(object: FluxObject, revision: string | undefined): FluxObjectStatus {
  const generation = object.metadata?.generation;
  const observed = object.status?.observedGeneration;
  return {
    namespace: object.metadata?.namespace ?? '',
    name: object.metadata?.name ?? '',
    ready: readyCondition(object.status?.conditions),
    suspended: object.spec?.suspend === true,
    stale: generation !== undefined && observed !== undefined && observed < generation,
    ...(revision ? { revision } : {}),
  };
}

function helmRevision(object: FluxObject): string | undefined {
  const latest = object.status?.history?.[0];
  if (!latest?.chartVersion) return undefined;
  return latest.chartName ? `${latest.chartName}@${latest.chartVersion}` : latest.chartVersion;
}

/** `registry/repository` with Docker Hub's defaults made explicit, so `nginx` and `docker.io/library/nginx` match. */
function imageKey(image: string): { key: string; tag?: string; digest?: string } | undefined {
  try {
    const ref = parseImageReference(image);
    return {
      key: `${ref.registry}/${ref.repository}`,
      ...(ref.tag ? { tag: ref.tag } : {}),
      ...(ref.digest ? { digest: ref.digest } : {}),
    };
  } catch {
    return undefined;
  }
}

/** A digest decides only when both sides name one: a tag-only Deployment runs what the tag points at. */
function runsLatest(
  running: { readonly tag?: string; readonly digest?: string },
  latestTag: string | undefined,
  latestDigest: string | undefined,
): boolean {
  return running.tag === latestTag && !(latestDigest && running.digest && running.digest !== latestDigest);
}

function policyStatus(
  policy: FluxObject,
  repositories: readonly FluxObject[],
  deployments: readonly DeploymentObject[],
): ImagePolicyStatus {
  const namespace = policy.metadata?.namespace ?? '';
  const { latestRef, latestImage } = policy.status ?? {};
  const fromImage = latestImage ? imageKey(latestImage) : undefined;
  const ref = policy.spec?.imageRepositoryRef;
  const repositoryObject = repositories.find(
    (r) => r.metadata?.name === ref?.name && (r.metadata?.namespace ?? '') === (ref?.namespace ?? namespace),
  );
  const repository =
    latestRef?.name ?? (latestImage ? latestImage.replace(/(:[^/:@]+)?(@.*)?$/, '') : repositoryObject?.spec?.image);
  const latestTag = latestRef?.tag ?? fromImage?.tag;
  const latestDigest = latestRef?.digest ?? fromImage?.digest;
  const wanted = repository ? imageKey(repository)?.key : undefined;
  const running = deployments
    .flatMap((d) =>
      (d.spec?.template?.spec?.containers ?? []).map((c) => ({
        namespace: d.metadata?.namespace ?? '',
        deployment: d.metadata?.name ?? '',
        container: c.name ?? '',
        image: imageKey(c.image ?? ''),
      })),
    )
    .filter((c) => wanted !== undefined && c.image?.key === wanted)
    .map((c) => ({
      namespace: c.namespace,
      deployment: c.deployment,
      container: c.container,
      ...(c.image?.tag ? { tag: c.image.tag } : {}),
      ...(c.image?.digest ? { digest: c.image.digest } : {}),
    }))
    .sort((a, b) =>
      `${a.namespace}/${a.deployment}/${a.container}`.localeCompare(`${b.namespace}/${b.deployment}/${b.container}`),
    );
  const state: ImagePolicyStatus['state'] = !latestTag
    ? 'unresolved'
    : running.length === 0
      ? 'not-running'
      : running.every((r) => runsLatest(r, latestTag, latestDigest))
        ? 'current'
        : 'behind';
  return {
    namespace,
    name: policy.metadata?.name ?? '',
    ready: readyCondition(policy.status?.conditions),
    ...(repository ? { repository } : {}),
    ...(latestTag ? { latestTag } : {}),
    ...(latestDigest ? { latestDigest } : {}),
    running,
    state,
  };
}

function nodeStatus(node: NodeObject): NodeStatus {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  const { cpu, memory } = node.status?.allocatable ?? {};
  const arch = node.status?.nodeInfo?.architecture;
  return {
    name: node.metadata?.name ?? '',
    ready: readyStates.find((s) => s === ready) ?? 'Unknown',
    unschedulable: node.spec?.unschedulable === true,
    ...(arch ? { arch } : {}),
    ...(cpu ? { cpu } : {}),
    ...(memory ? { memory } : {}),
  };
}

function why(ready: FluxObjectStatus['ready']): string {
  return [
    ready.status === 'Unknown' && !ready.reason ? 'no Ready condition yet' : `Ready ${ready.status}`,
    ready.reason,
    ready.message,
  ]
    .filter(Boolean)
    .join(': ');
}

function notReadyLines(e: Omit<EnvironmentStatus, 'notReady'>): string[] {
  const lines: string[] = [];
  const flux = (kind: string, list: readonly FluxObjectStatus[]) => {
    for (const o of list) {
      if (o.suspended) continue;
      if (o.ready.status !== 'True') lines.push(`${kind} ${o.namespace}/${o.name}: ${why(o.ready)}`);
      else if (o.stale) lines.push(`${kind} ${o.namespace}/${o.name}: the latest spec is not reconciled yet`);
    }
  };
  flux('Kustomization', e.kustomizations);
  flux('HelmRelease', e.helmReleases);
  for (const p of e.imagePolicies) {
    const id = `ImagePolicy ${p.namespace}/${p.name}`;
    if (p.ready.status !== 'True') lines.push(`${id}: ${why(p.ready)}`);
    else if (p.state === 'unresolved') lines.push(`${id}: no latest tag in its status`);
    if (p.state === 'not-running') lines.push(`${id}: no Deployment runs ${p.repository ?? 'its repository'}`);
    for (const r of p.running) {
      const runs = `${r.tag ?? ''}${r.digest ? `@${r.digest}` : ''}` || '?';
      if (p.latestTag && !runsLatest(r, p.latestTag, p.latestDigest))
        lines.push(
          `${id}: ${r.namespace}/${r.deployment} (${r.container}) runs ${runs}, the policy's latest is ${p.latestTag}${p.latestDigest ? `@${p.latestDigest}` : ''}`,
        );
    }
  }
  for (const n of e.nodes) if (n.ready !== 'True') lines.push(`Node ${n.name}: Ready ${n.ready}`);
  return lines;
}

/**
 * One environment's status from the objects its API server lists: each Flux object's Ready
 * condition and last applied revision, each image policy's latest tag against the Deployments
 * that run its repository, each node's readiness and allocatable resources, and what keeps the
 * environment from being ready. Sorted by namespace and name, so the output is stable.
 */
export function environmentStatus(objects: ClusterObjects): EnvironmentStatus {
  const status: Omit<EnvironmentStatus, 'notReady'> = {
    name: objects.name,
    server: objects.server,
    notServed: [...objects.notServed],
    kustomizations: objects.kustomizations.map((k) => fluxObject(k, k.status?.lastAppliedRevision)).sort(byId),
    helmReleases: objects.helmReleases.map((h) => fluxObject(h, helmRevision(h))).sort(byId),
    imagePolicies: objects.imagePolicies
      .map((p) => policyStatus(p, objects.imageRepositories, objects.deployments))
      .sort(byId),
    nodes: objects.nodes.map(nodeStatus).sort((a, b) => a.name.localeCompare(b.name)),
  };
  return { ...status, notReady: notReadyLines(status) };
}

/** An environment whose API server could not be read: the error names the host and the cause. */
export function unreachableEnvironment(name: string, server: string, error: string): EnvironmentStatus {
  return {
    name,
    server,
    error,
    notServed: [],
    kustomizations: [],
    helmReleases: [],
    imagePolicies: [],
    nodes: [],
    notReady: [],
  };
}
