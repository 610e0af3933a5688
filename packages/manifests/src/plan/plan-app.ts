import { checkArguments } from '@sugarkube/core';
import { z } from 'zod';
import type { App } from '../descriptor/app.js';
import { appArgument } from '../validate/arguments.js';
import { applyPatches } from './apply-patches.js';
import { planHorizontalPodAutoscaler, planPodDisruptionBudget } from './availability.js';
import {
  namespaceOf,
  planConfigMaps,
  planPersistentVolumeClaims,
  planSealedSecrets,
  planSopsSecrets,
} from './config-objects.js';
import { planDeployment } from './deployment.js';
import type { KubeObject } from './kube-object.js';
import { planNetworkPolicies } from './network-policies.js';
import { resolveEnvironment, type ResolvedEnvironment } from './resolve-environment.js';
import { planRoutes } from './routes.js';
import { planService } from './service.js';
import { planServiceMonitor } from './service-monitor.js';

const clusterScoped = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'StorageClass',
  'ClusterIssuer',
]);

/** Every object of a resolved environment, in a fixed order, before extra objects and patches. */
export function planResolved(env: ResolvedEnvironment): KubeObject[] {
  const defined = <T>(items: (T | undefined)[]) => items.filter((i): i is T => i !== undefined);
  return [
    namespaceOf(env),
    ...planConfigMaps(env),
    ...planSealedSecrets(env),
    ...planSopsSecrets(env),
    ...planPersistentVolumeClaims(env),
    ...env.services.map((s) => planDeployment(env, s)),
    ...env.services.map((s) => planService(env, s)),
    ...planRoutes(env),
    ...planNetworkPolicies(env),
    ...defined(env.services.map((s) => planPodDisruptionBudget(env, s))),
    ...defined(env.services.map((s) => planHorizontalPodAutoscaler(env, s))),
    ...defined(env.services.map((s) => planServiceMonitor(env, s))),
  ];
}

/** The environment's extra objects, placed in the app namespace unless cluster-scoped or placed. */
export function planExtraObjects(env: ResolvedEnvironment): KubeObject[] {
  return env.extraObjects.map((object) => {
    const copy = structuredClone(object) as KubeObject;
    if (copy.metadata.namespace !== undefined || clusterScoped.has(copy.kind)) return copy;
    return { ...copy, metadata: { ...copy.metadata, namespace: env.namespace } };
  });
}

/** The objects of the Kustomize base: the descriptor without any environment. */
export function planBase(app: App): KubeObject[] {
  checkArguments('planBase argument', [[[], appArgument, app]]);
  return planResolved(resolveEnvironment(app.descriptor));
}

// Built once: zod constructs and compiles a schema on its first parse, which per call cost
// more than the check (docs/benchmarks.md, (c)).
const environmentArgument = z.string({ error: 'an environment name such as "staging"' });

/**
 * Every Kubernetes object of an app in one environment, as plain data: what
 * `kubectl kustomize <app>/overlays/<env>` builds from the rendered tree.
 * Pure; throws a `ValidationError` for an argument that is not an `App`, or an environment the app does not have.
 */
export function planApp(app: App, environment: string): KubeObject[] {
  checkArguments('planApp arguments', [
    [['app'], appArgument, app],
    [['environment'], environmentArgument, environment],
  ]);
  const env = resolveEnvironment(app.descriptor, environment);
  return applyPatches([...planResolved(env), ...planExtraObjects(env)], env.patches);
}
