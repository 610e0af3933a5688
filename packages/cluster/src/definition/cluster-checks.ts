import { isImmutableTag, issue, type Issue } from '@sugarkube/core';
import { environmentsOf, resolveEnvironment, type App } from '@sugarkube/manifests';
import { lookup as pinOf, type Pins } from './pins.js';
import type { ResolvedCluster } from './resolve-cluster.js';

/** One app entry as the checks see it; `index` is its place in `apps`. */
export interface CheckedApp {
  readonly index: number;
  readonly app: App;
  /** Set when the entry's `repository` is there (well-formed or not). */
  readonly repository: unknown;
  readonly helm: { readonly version?: string | Readonly<Record<string, string | undefined>> } | undefined;
  /** The `environments` the entry names itself, if it does. */
  readonly named: readonly string[] | undefined;
  /** The cluster's environments this app runs in. */
  readonly environments: readonly string[];
}

/**
 * What the cross-field checks read, from a resolved cluster or from the well-formed part of a
 * definition that failed its schema. A part that did not survive is `undefined`, and the checks
 * that need it do not run (the schema's issue is the one to fix first).
 */
export interface ClusterCheckView {
  /** The cluster's environment names, when every one of them survived. */
  readonly environments: readonly string[] | undefined;
  readonly dnsZones: readonly string[] | undefined;
  /** The entries whose app and fields survived, with their index. */
  readonly apps: readonly CheckedApp[];
  /** Every entry of `apps` survived (so a pin for an app not among them names no app). */
  readonly allApps: boolean;
  readonly pins: Pins | undefined;
}

const quoted = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(', ');

/** The view of a resolved (valid) cluster. */
export function viewOf(cluster: ResolvedCluster, named: readonly (readonly string[] | undefined)[]): ClusterCheckView {
  return {
    environments: cluster.environments.map((e) => e.name),
    dnsZones: cluster.dnsZones,
    apps: cluster.apps.map((entry, index) => ({
      index,
      app: entry.app,
      repository: entry.repository,
      helm: entry.helm,
      named: named[index],
      environments: entry.environments,
    })),
    allApps: true,
    pins: cluster.pins,
  };
}

/** Two apps may not claim the same name, namespace or host; hosts lie inside the cluster's DNS zones. */
export function checkClashes(view: ClusterCheckView): Issue[] {
  const out: Issue[] = [];
  const names = new Map<string, number>();
  const namespaces = new Map<string, number>();
  for (const { app, index } of view.apps) {
    const { name } = app.descriptor;
    const namespace = app.descriptor.namespace ?? name;
    const firstName = names.get(name);
    if (firstName !== undefined)
      out.push(issue(['apps', index, 'app', 'name'], `a name not used by apps[${firstName}]`, name));
    else names.set(name, index);
    const firstNamespace = namespaces.get(namespace);
    if (firstNamespace !== undefined && firstNamespace !== firstName) {
      out.push(
        issue(['apps', index, 'app', 'namespace'], `a namespace not used by apps[${firstNamespace}]`, namespace),
      );
    } else namespaces.set(namespace, index);
  }
  for (const env of view.environments ?? []) {
    const hosts = new Map<string, number>();
    for (const entry of view.apps) {
      if (!entry.environments.includes(env)) continue;
      for (const route of resolveEnvironment(entry.app.descriptor, env).routes) {
        const first = hosts.get(route.host);
        if (first !== undefined && first !== entry.index) {
          out.push(
            issue(['apps', entry.index, 'app', 'routes'], `a ${env} host not served by apps[${first}]`, route.host),
          );
        } else hosts.set(route.host, entry.index);
        if (view.dnsZones === undefined || !route.host) continue;
        const zone = view.dnsZones.find((z) => route.host === z || route.host.endsWith(`.${z}`));
        if (!zone) {
          out.push(
            issue(
              ['apps', entry.index, 'app', 'routes'],
              `a ${env} host inside the cluster's dnsZones (${quoted(view.dnsZones)})`,
              route.host,
            ),
          );
        }
      }
    }
  }
  return out;
}

/** Per app: one source, known environments, chart versions per environment. */
export function checkApps(view: ClusterCheckView): Issue[] {
  const out: Issue[] = [];
  for (const entry of view.apps) {
    const { index } = entry;
    if ((entry.repository === undefined) === (entry.helm === undefined)) {
      out.push(
        issue(
          ['apps', index],
          'exactly one of repository (the app repo Flux takes the tree from) or helm',
          entry.repository ? 'both' : 'neither',
        ),
      );
    }
    const own = Object.keys(environmentsOf(entry.app.descriptor));
    if (view.environments !== undefined) {
      const clusterEnvs = view.environments;
      (entry.named ?? []).forEach((env, i) => {
        if (!clusterEnvs.includes(env))
          out.push(
            issue(
              ['apps', index, 'environments', i],
              `one of the cluster's environments (${quoted(clusterEnvs)})`,
              env,
            ),
          );
        else if (!own.includes(env))
          out.push(issue(['apps', index, 'environments', i], `one of the app's environments (${quoted(own)})`, env));
      });
    }
    const version = entry.helm?.version;
    if (version !== undefined && typeof version !== 'string') {
      for (const env of entry.environments) {
        if (!(env in version))
          out.push(
            issue(['apps', index, 'helm', 'version', env], `the chart version for environment "${env}"`, undefined),
          );
      }
    }
  }
  if (view.environments?.length === 0)
    out.push(issue(['environments'], 'at least one environment, e.g. { staging: {…}, prod: {…} }', {}));
  return out;
}

/**
 * Every image of every app in every environment has a pin: a tag that names one build. An
 * environment that follows builds (image automation) starts from its pin; the others move only
 * when a promotion changes the pin. Pins for unknown apps, services or environments are errors.
 */
export function checkPins(view: ClusterCheckView): { errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const { pins, environments } = view;
  if (pins === undefined || environments === undefined) return { errors, warnings };
  for (const { app, index, environments: envs } of view.apps) {
    const { descriptor } = app;
    for (const env of envs) {
      for (const [s, service] of resolveEnvironment(descriptor, env).services.entries()) {
        const at = ['pins', env, descriptor.name, service.name];
        const pin = pinOf(pins, env, descriptor.name, service.name);
        if (service.image.tag !== undefined || service.image.digest !== undefined) continue;
        if (!pin) {
          const how = service.image.policy
            ? `the first build's tag; Flux image automation moves it from there`
            : `a tag and digest: \`sugarkube promote ${descriptor.name} --to ${env}\``;
          errors.push(
            issue(
              at,
              `a pin for ${service.image.repository} in ${env} (${how})`,
              undefined,
              `or a tag at apps[${index}].app.services[${s}].image.tag`,
            ),
          );
        } else if (!isImmutableTag(pin.tag)) {
          errors.push(
            issue(
              [...at, 'tag'],
              'an immutable tag (vX.Y.Z or <branch>-<unix-ts>-<sha7>), never a moving one',
              pin.tag,
            ),
          );
        } else if (!service.image.policy && pin.digest === undefined) {
          warnings.push(
            issue([...at, 'digest'], `the digest of ${pin.tag} (a promotion pins tag and digest)`, undefined),
          );
        }
      }
    }
  }
  for (const [env, apps] of Object.entries(pins)) {
    if (!environments.includes(env)) {
      errors.push(issue(['pins', env], `one of the cluster's environments (${quoted(environments)})`, env));
      continue;
    }
    const running = view.apps.filter((a) => a.environments.includes(env)).map((a) => a.app.descriptor.name);
    for (const [app, services] of Object.entries(apps)) {
      const entry = view.apps.find((a) => a.app.descriptor.name === app);
      if (!entry || !entry.environments.includes(env)) {
        if (!view.allApps) continue;
        const list = [...new Set(running)];
        errors.push(
          issue(
            ['pins', env, app],
            `an app that runs in ${env} (${list.length ? quoted(list) : 'none'})`,
            app,
            `no entry of apps runs "${app}" in ${env}`,
          ),
        );
        continue;
      }
      for (const service of Object.keys(services)) {
        if (!entry.app.descriptor.services.some((s) => s.name === service)) {
          errors.push(
            issue(
              ['pins', env, app, service],
              `a service of ${app} (${quoted(entry.app.descriptor.services.map((s) => s.name))})`,
              service,
            ),
          );
        }
      }
    }
  }
  return { errors, warnings };
}
