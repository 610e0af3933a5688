import { checkWithSchema, dedupeIssues, isImmutableTag, issue, prefixIssues, type Issue } from '@sugarkube/core';
import { environmentsOf, findPlaintextSecrets, isApp, resolveEnvironment, validateApp, type App } from '@sugarkube/manifests';
import { checkClusterSecrets } from '../components/cluster-secrets.js';
import { clusterDefinitionSchema, type ClusterDefinition } from './cluster-definition.js';
import { pinOf, pinsSchema, type Pins, type PinsInput } from './pins.js';
import { resolveCluster, type ResolvedCluster } from './resolve-cluster.js';

export interface ParsedCluster {
  /** Present when there are no errors. */
  readonly value: ResolvedCluster | undefined;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
}

/** Validates each app (or takes an already validated one); errors and warnings get an `apps[i].app` prefix. */
function validateApps(input: unknown): { apps: (App | undefined)[]; errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const list = Array.isArray((input as { apps?: unknown } | null)?.apps) ? (input as { apps: unknown[] }).apps : [];
  const apps = list.map((entry, index) => {
    const value = (entry as { app?: unknown } | null)?.app;
    if (value === undefined) return undefined;
    if (isApp(value)) return value;
    const result = validateApp(value);
    errors.push(...prefixIssues(['apps', index, 'app'], result.errors));
    warnings.push(...prefixIssues(['apps', index, 'app'], result.warnings));
    return result.value;
  });
  return { apps, errors, warnings };
}

/** Two apps may not claim the same namespace or the same host in one environment. */
function checkClashes(cluster: ResolvedCluster): Issue[] {
  const out: Issue[] = [];
  const names = new Map<string, number>();
  const namespaces = new Map<string, number>();
  cluster.apps.forEach((entry, index) => {
    const { name } = entry.app.descriptor;
    const namespace = entry.app.descriptor.namespace ?? name;
    const firstName = names.get(name);
    if (firstName !== undefined) out.push(issue(['apps', index, 'app', 'name'], `a name not used by apps[${firstName}]`, name));
    else names.set(name, index);
    const firstNamespace = namespaces.get(namespace);
    if (firstNamespace !== undefined && firstNamespace !== firstName) {
      out.push(issue(['apps', index, 'app', 'namespace'], `a namespace not used by apps[${firstNamespace}]`, namespace));
    } else namespaces.set(namespace, index);
  });
  for (const env of cluster.environments) {
    const hosts = new Map<string, number>();
    cluster.apps.forEach((entry, index) => {
      if (!entry.environments.includes(env.name)) return;
      for (const route of resolveEnvironment(entry.app.descriptor, env.name).routes) {
        const first = hosts.get(route.host);
        if (first !== undefined && first !== index) {
          out.push(issue(['apps', index, 'app', 'routes'], `a ${env.name} host not served by apps[${first}]`, route.host));
        } else hosts.set(route.host, index);
        const zone = cluster.dnsZones.find((z) => route.host === z || route.host.endsWith(`.${z}`));
        if (route.host && !zone) {
          out.push(issue(['apps', index, 'app', 'routes'], `a ${env.name} host inside the cluster's dnsZones (${cluster.dnsZones.join(', ')})`, route.host));
        }
      }
    });
  }
  return out;
}

/** Per app: one source, known environments, chart versions per environment. */
function checkApps(cluster: ResolvedCluster, input: ClusterDefinition): Issue[] {
  const out: Issue[] = [];
  const clusterEnvs = cluster.environments.map((e) => e.name);
  cluster.apps.forEach((entry, index) => {
    if ((entry.repository === undefined) === (entry.helm === undefined)) {
      out.push(issue(['apps', index], 'exactly one of repository (the app repo Flux takes the tree from) or helm', entry.repository ? 'both' : 'neither'));
    }
    const own = Object.keys(environmentsOf(entry.app.descriptor));
    (input.apps[index]?.environments ?? []).forEach((env, i) => {
      if (!clusterEnvs.includes(env)) out.push(issue(['apps', index, 'environments', i], `one of the cluster's environments (${clusterEnvs.join(', ')})`, env));
      else if (!own.includes(env)) out.push(issue(['apps', index, 'environments', i], `one of the app's environments (${own.join(', ')})`, env));
    });
    const version = entry.helm?.version;
    if (version !== undefined && typeof version !== 'string') {
      for (const env of entry.environments) {
        if (!(env in version)) out.push(issue(['apps', index, 'helm', 'version', env], `the chart version for environment "${env}"`, undefined));
      }
    }
  });
  if (cluster.environments.length === 0) out.push(issue(['environments'], 'at least one environment, e.g. { staging: {…}, prod: {…} }', {}));
  return out;
}

/**
 * Every image of every app in every environment has a pin: a tag that names one build. An
 * environment that follows builds (image automation) starts from its pin; the others move only
 * when a promotion changes the pin. Pins for unknown apps, services or environments are errors.
 */
function checkPins(cluster: ResolvedCluster): { errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const { pins } = cluster;
  for (const entry of cluster.apps) {
    const { descriptor } = entry.app;
    for (const env of entry.environments) {
      for (const service of resolveEnvironment(descriptor, env).services) {
        const at = ['pins', env, descriptor.name, service.name];
        const pin = pinOf(pins, env, descriptor.name, service.name);
        if (service.image.tag !== undefined || service.image.digest !== undefined) continue;
        if (!pin) {
          const how = service.image.policy
            ? `the first build's tag; Flux image automation moves it from there`
            : `a tag and digest: \`sugarkube promote ${descriptor.name} --to ${env}\``;
          errors.push(issue(at, `a pin for ${service.image.repository} in ${env} (${how})`, undefined));
        } else if (!isImmutableTag(pin.tag)) {
          errors.push(issue([...at, 'tag'], 'an immutable tag (vX.Y.Z or <branch>-<unix-ts>-<sha7>), never a moving one', pin.tag));
        } else if (!service.image.policy && pin.digest === undefined) {
          warnings.push(issue([...at, 'digest'], `the digest of ${pin.tag} (a promotion pins tag and digest)`, undefined));
        }
      }
    }
  }
  for (const [env, apps] of Object.entries(pins)) {
    if (!cluster.environments.some((e) => e.name === env)) {
      errors.push(issue(['pins', env], `one of the cluster's environments (${cluster.environments.map((e) => e.name).join(', ')})`, env));
      continue;
    }
    for (const [app, services] of Object.entries(apps)) {
      const entry = cluster.apps.find((a) => a.app.descriptor.name === app);
      if (!entry || !entry.environments.includes(env)) {
        errors.push(issue(['pins', env, app], `an app that runs in ${env} (${cluster.apps.filter((a) => a.environments.includes(env)).map((a) => a.app.descriptor.name).join(', ')})`, app));
        continue;
      }
      for (const service of Object.keys(services)) {
        if (!entry.app.descriptor.services.some((s) => s.name === service)) {
          errors.push(issue(['pins', env, app, service], `a service of ${app} (${entry.app.descriptor.services.map((s) => s.name).join(', ')})`, service));
        }
      }
    }
  }
  return { errors, warnings };
}

/**
 * Validates a cluster definition and its pins: every error at once, each with its path
 * (`environments.prod.exposure.metallb: expected no metallb when …`, `pins.prod.dspace.web: …`).
 * Plaintext secret values are refused wherever they appear.
 */
export function parseClusterDefinition(input: ClusterDefinition | unknown, pinsInput: PinsInput | unknown = {}): ParsedCluster {
  const environments = (input as { environments?: unknown } | null)?.environments;
  const errors: Issue[] = [...findPlaintextSecrets({ name: 'cluster', environments })];
  const apps = validateApps(input);
  errors.push(...apps.errors);
  const parsed = checkWithSchema(clusterDefinitionSchema, input);
  if (!parsed.ok) errors.push(...parsed.issues);
  const pins = checkWithSchema(pinsSchema, pinsInput, ['pins']);
  if (!pins.ok) errors.push(...pins.issues);
  if (!parsed.ok || !pins.ok || apps.errors.length > 0) return { value: undefined, errors: dedupeIssues(errors), warnings: apps.warnings };
  const cluster = resolveCluster(parsed.value, apps.apps as App[], pins.value as Pins);
  const secrets = checkClusterSecrets(cluster);
  const appErrors = checkApps(cluster, input as ClusterDefinition);
  // Which pins are expected follows from the apps and their environments: checked once those are right.
  const pinned = appErrors.length === 0 ? checkPins(cluster) : { errors: [], warnings: [] };
  errors.push(...appErrors, ...checkClashes(cluster), ...secrets.errors, ...pinned.errors);
  const warnings = [...apps.warnings, ...secrets.warnings, ...pinned.warnings];
  return { value: errors.length === 0 ? cluster : undefined, errors: dedupeIssues(errors), warnings };
}
