import type { AuxContainerDescriptor, EnvValue, ProbeDescriptor } from '../descriptor/app-schema.js';
import { auxDefaults, volumeNameOf } from '../descriptor/defaults.js';
import type { ResolvedService } from './resolve-service.js';
import type { k8s } from '@sugarkube/core';

/** The restricted Pod Security container context: non-root, no escalation, nothing added, read-only root. */
export function containerSecurityContext(runAsUser: number, runAsGroup: number = runAsUser): k8s.SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    readOnlyRootFilesystem: true,
    runAsGroup,
    runAsNonRoot: true,
    runAsUser,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

function envVar(name: string, value: EnvValue): k8s.EnvVar {
  if (typeof value !== 'object') return { name, value: String(value) };
  if ('configMap' in value) return { name, valueFrom: { configMapKeyRef: { name: value.configMap, key: value.key } } };
  if ('secret' in value) return { name, valueFrom: { secretKeyRef: { name: value.secret, key: value.key } } };
  return { name, valueFrom: { fieldRef: { fieldPath: value.field } } };
}

/** Environment variables, sorted by name so output does not depend on key order. */
export function envList(env: Readonly<Record<string, EnvValue>> | undefined): k8s.EnvVar[] {
  return Object.entries(env ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => envVar(name, value));
}

/** A probe object; an HTTP probe targets the named port unless it names its own. */
export function probe(spec: ProbeDescriptor, defaultPort: number | string): k8s.Probe {
  const p = typeof spec === 'string' ? { path: spec } : spec;
  const action = p.exec
    ? { exec: { command: [...p.exec] } }
    : p.tcpPort !== undefined
      ? { tcpSocket: { port: p.tcpPort } }
      : { httpGet: { path: p.path ?? '/', port: p.port ?? defaultPort } };
  return {
    ...action,
    ...(p.initialDelaySeconds !== undefined ? { initialDelaySeconds: p.initialDelaySeconds } : {}),
    periodSeconds: p.periodSeconds ?? 10,
    timeoutSeconds: p.timeoutSeconds ?? 3,
    failureThreshold: p.failureThreshold ?? 3,
  };
}

function resources(r: {
  cpu: string;
  memory: string;
  memoryLimit: string;
  cpuLimit?: string;
}): k8s.ResourceRequirements {
  return {
    limits: { ...(r.cpuLimit ? { cpu: r.cpuLimit } : {}), memory: r.memoryLimit },
    requests: { cpu: r.cpu, memory: r.memory },
  };
}

/** `repository@digest` when pinned by digest (as Kustomize writes it), else `repository:tag`. */
export function imageRef(service: Pick<ResolvedService, 'image'>): string {
  const { repository, tag, digest } = service.image;
  if (digest) return `${repository}@${digest}`;
  // No tag: the cluster's Flux Kustomization sets it (`spec.images`), from its pins or image automation.
  return tag === undefined ? repository : `${repository}:${tag}`;
}

/** The main container of a service. */
export function mainContainer(service: ResolvedService): k8s.Container {
  const probes = service.probes ?? {};
  const env = { ...service.env };
  if (service.metrics?.tokenEnv) {
    env[service.metrics.tokenEnv] = {
      secret: service.metrics.tokenSecret.name,
      key: service.metrics.tokenSecret.key ?? 'token',
    };
  }
  const ports: k8s.ContainerPort[] = [{ name: 'http', containerPort: service.port, protocol: 'TCP' }];
  if (service.metrics?.port !== undefined && service.metrics.port !== service.port) {
    ports.push({ name: 'metrics', containerPort: service.metrics.port, protocol: 'TCP' });
  }
  const mounts: k8s.VolumeMount[] = [
    ...(service.writablePaths ?? []).map((w) => ({
      name: volumeNameOf(w),
      mountPath: typeof w === 'string' ? w : w.path,
    })),
    ...(service.files ?? []).map((f) => ({ name: f.name, mountPath: f.mountPath, readOnly: true })),
    ...(service.volumes ?? []).map((v) => ({ name: v.name, mountPath: v.mountPath })),
  ];
  const variables = envList(env);
  return {
    name: service.name,
    image: imageRef(service),
    imagePullPolicy: 'IfNotPresent',
    ...(service.command ? { command: [...service.command] } : {}),
    ...(service.args ? { args: [...service.args] } : {}),
    ...(variables.length ? { env: variables } : {}),
    ports,
    readinessProbe: probe(probes.readiness ?? '/healthz', 'http'),
    livenessProbe: probe(probes.liveness ?? '/livez', 'http'),
    ...(probes.startup ? { startupProbe: probe(probes.startup, 'http') } : {}),
    resources: resources(service.resources),
    securityContext: containerSecurityContext(service.runAsUser, service.runAsGroup),
    ...(mounts.length ? { volumeMounts: mounts } : {}),
  };
}

/** An init container or sidecar, under the same restricted context as the main container. */
export function auxContainer(
  service: ResolvedService,
  aux: AuxContainerDescriptor,
  kind: 'init' | 'sidecar',
): k8s.Container {
  const variables = envList(aux.env);
  const r = aux.resources ?? {};
  const memory = r.memory ?? auxDefaults.memory;
  // A sidecar with a port gets TCP probes for whichever of readiness and liveness it does not set.
  const tcp = aux.port !== undefined ? { tcpPort: aux.port } : undefined;
  const probes =
    kind === 'sidecar'
      ? { readiness: aux.probes?.readiness ?? tcp, liveness: aux.probes?.liveness ?? tcp, startup: aux.probes?.startup }
      : {};
  return {
    name: aux.name,
    image: aux.image ?? imageRef(service),
    imagePullPolicy: 'IfNotPresent',
    ...(aux.command ? { command: [...aux.command] } : {}),
    ...(aux.args ? { args: [...aux.args] } : {}),
    ...(variables.length ? { env: variables } : {}),
    ...(aux.port !== undefined
      ? { ports: [{ name: aux.name.slice(0, 15).replace(/-+$/, ''), containerPort: aux.port, protocol: 'TCP' }] }
      : {}),
    ...(probes.readiness ? { readinessProbe: probe(probes.readiness, aux.port ?? service.port) } : {}),
    ...(probes.liveness ? { livenessProbe: probe(probes.liveness, aux.port ?? service.port) } : {}),
    ...(probes.startup ? { startupProbe: probe(probes.startup, aux.port ?? service.port) } : {}),
    resources: resources({
      cpu: r.cpu ?? auxDefaults.cpu,
      memory,
      memoryLimit: r.memoryLimit ?? memory,
      ...(r.cpuLimit ? { cpuLimit: r.cpuLimit } : {}),
    }),
    securityContext: containerSecurityContext(aux.runAsUser ?? service.runAsUser, aux.runAsUser ?? service.runAsGroup),
    ...(aux.mounts?.length
      ? {
          volumeMounts: aux.mounts.map((m) => ({
            name: m.volume,
            mountPath: m.mountPath,
            ...(m.readOnly ? { readOnly: true } : {}),
          })),
        }
      : {}),
  };
}
