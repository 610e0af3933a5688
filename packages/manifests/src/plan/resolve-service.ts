import { checkArguments, dnsLabel } from '@sugarkube/core';
import { z } from 'zod';
import type {
  EnvironmentDescriptor,
  ServiceDescriptor,
  ServiceOverride,
  ValidatedAppDescriptor,
} from '../descriptor/app-schema.js';
import { runtimeOf } from '@sugarkube/core';

export type Hpa = NonNullable<ServiceDescriptor['hpa']>;
type WritablePath = NonNullable<ServiceDescriptor['writablePaths']>[number];

const pathOf = (w: WritablePath) => (typeof w === 'string' ? w : w.path);

/**
 * The runtime's writable paths (the runtime table) plus the service's own; an entry the
 * service gives for the same path wins (its name, medium, size).
 */
export function resolveWritablePaths(
  runtimePaths: readonly string[],
  own: readonly WritablePath[] = [],
): WritablePath[] {
  const ownPaths = new Set(own.map(pathOf));
  return [...runtimePaths.filter((p) => !ownPaths.has(p)), ...own];
}

/** Resolved image of one service in one environment. */
export interface ResolvedImage {
  readonly repository: string;
  /** Absent when the environment leaves the tag to the cluster (image automation or a promotion pins it). */
  readonly tag?: string;
  readonly digest?: string;
  /** The ImagePolicy whose setter marker moves the tag, if automation is on. */
  readonly policy?: { readonly name: string; readonly namespace: string };
}

/** A service with every default and environment override applied. */
export interface ResolvedService extends Omit<
  ServiceDescriptor,
  'image' | 'resources' | 'replicas' | 'hpa' | 'strategy' | 'runAsUser' | 'servicePort' | 'writablePaths'
> {
  readonly writablePaths: readonly WritablePath[];
  readonly image: ResolvedImage;
  readonly servicePort: number;
  readonly runAsUser: number;
  /** The runtime's group id (the runtime table), or `runAsUser` when the descriptor sets its own user. */
  readonly runAsGroup: number;
  readonly resources: {
    readonly cpu: string;
    readonly memory: string;
    readonly memoryLimit: string;
    readonly cpuLimit?: string;
  };
  readonly replicas: number;
  readonly hpa?: Hpa;
  readonly strategy: 'Recreate' | 'RollingUpdate';
}

// Built once: zod constructs and compiles a schema on its first parse, which per call cost
// more than the check (docs/benchmarks.md, (c)).
const named = z.looseObject({ name: dnsLabel });

/** The Flux ImagePolicy a service's setter marker names by default: `flux-system:<app>-<service>`. */
export function imagePolicyRef(app: Pick<ValidatedAppDescriptor, 'name'>, service: Pick<ServiceDescriptor, 'name'>) {
  checkArguments('imagePolicyRef arguments', [
    [['app'], named, app],
    [['service'], named, service],
  ]);
  return { namespace: 'flux-system', name: `${app.name}-${service.name}` } as const;
}

function resolvePolicy(
  app: ValidatedAppDescriptor,
  service: ServiceDescriptor,
  envName: string | undefined,
  policy: NonNullable<ServiceOverride['image']>['policy'],
): ResolvedImage['policy'] {
  const enabled = policy ?? envName === 'staging';
  if (enabled === false || envName === undefined) return undefined;
  const ref = imagePolicyRef(app, service);
  return typeof enabled === 'object'
    ? { name: enabled.name ?? ref.name, namespace: enabled.namespace ?? ref.namespace }
    : ref;
}

/**
 * Applies defaults, then the environment-wide overrides, then the per-service
 * ones. `env` undefined resolves the Kustomize base.
 */
export function resolveService(
  app: ValidatedAppDescriptor,
  service: ServiceDescriptor,
  envName?: string,
  env?: EnvironmentDescriptor,
): ResolvedService {
  const own = env?.services?.[service.name];
  const pick = <K extends keyof ServiceOverride>(key: K): ServiceOverride[K] => own?.[key] ?? env?.[key];
  const runtime = runtimeOf(service.runtime);
  const resources = { ...service.resources, ...env?.resources, ...own?.resources };
  const memory = resources.memory ?? runtime.resources.memory;
  const hpaOverride = pick('hpa');
  const hpa = hpaOverride === false ? undefined : (hpaOverride ?? service.hpa);
  const replicas = pick('replicas') ?? service.replicas ?? 1;
  const rwo = (service.volumes ?? []).some((v) => (v.accessMode ?? 'ReadWriteOnce') === 'ReadWriteOnce');
  const image = { ...env?.image, ...own?.image };
  const { hpa: _declared, ...rest } = service;
  return {
    ...rest,
    image: {
      repository: service.image.repository,
      ...(() => {
        const tag = image.tag ?? service.image.tag;
        return tag === undefined ? {} : { tag };
      })(),
      ...(image.digest ? { digest: image.digest } : {}),
      ...(() => {
        const policy = resolvePolicy(app, service, envName, image.policy);
        return policy ? { policy } : {};
      })(),
    },
    servicePort: service.servicePort ?? service.port,
    writablePaths: resolveWritablePaths(runtime.writablePaths, service.writablePaths),
    runAsUser: service.runAsUser ?? runtime.user.uid,
    runAsGroup: service.runAsUser ?? runtime.user.gid,
    env: { ...service.env, ...env?.env, ...own?.env },
    resources: {
      cpu: resources.cpu ?? runtime.resources.cpu,
      memory,
      memoryLimit: resources.memoryLimit ?? (resources.memory ? memory : runtime.resources.memoryLimit),
      ...(resources.cpuLimit ? { cpuLimit: resources.cpuLimit } : {}),
    },
    replicas,
    ...(hpa ? { hpa } : {}),
    strategy: service.strategy ?? (rwo ? 'Recreate' : 'RollingUpdate'),
  };
}
