import type { ValidatedAppDescriptor } from './app-schema.js';
import { checkAppBuild } from '@sugarkube/ci-workflows';
import { didYouMean, issue, issueWithMessage, prefixIssues, type Issue, type Salvaged } from '@sugarkube/core';
import { defaultEnvironments, volumeNameOf } from './defaults.js';

/**
 * The descriptor as far as it is well-formed (see `salvage` in `@sugarkube/core`): the checks
 * here run on it, so one malformed field does not hide a mistake that needs other fields. A
 * check runs when the fields it reads are there; a reference is checked only against a list
 * whose every name survived.
 */
type PartialApp = Salvaged<ValidatedAppDescriptor>;
type PartialService = NonNullable<NonNullable<PartialApp['services']>[number]>;
type PartialEnvironment = NonNullable<PartialApp['environments']>[string];

/** The items that survived, with their positions in the input. */
const present = <T>(list: readonly (T | undefined)[] | undefined): [T, number][] =>
  (list ?? []).flatMap((item, i) => (item === undefined ? [] : [[item, i] as [T, number]]));

/** The names of a list, or `undefined` when an item or its name did not survive (the list is then not known). */
function namesOf<T>(
  list: readonly (T | undefined)[] | undefined,
  name: (item: T) => string | undefined,
): string[] | undefined {
  const names = (list ?? []).map((item) => (item === undefined ? undefined : name(item)));
  return names.every((n): n is string => n !== undefined) ? names : undefined;
}

function unique(
  names: readonly (string | undefined)[],
  path: (i: number) => PropertyKey[],
  what: string,
  out: Issue[],
) {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (name === undefined) return;
    if (seen.has(name)) out.push(issue(path(i), `a ${what} name not used before`, name));
    seen.add(name);
  });
}

function reference(
  name: string,
  known: readonly string[] | undefined,
  path: PropertyKey[],
  what: string,
  out: Issue[],
) {
  if (known === undefined || known.includes(name)) return;
  const guess = didYouMean(name, known);
  out.push(
    issueWithMessage(
      path,
      `one of ${known.join(', ')}`,
      JSON.stringify(name),
      `unknown ${what} "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}; known: ${known.join(', ') || 'none'}`,
    ),
  );
}

function checkProbes(service: PartialService, base: PropertyKey[], out: Issue[]) {
  for (const [kind, probe] of Object.entries(service.probes ?? {})) {
    if (typeof probe !== 'object' || probe === null) continue;
    const count = [probe.path, probe.exec, probe.tcpPort].filter((v) => v !== undefined).length;
    if (count !== 1) out.push(issue([...base, 'probes', kind], 'exactly one of path, exec, tcpPort', probe));
  }
}

/** A ReadWriteOnce volume attaches to one node: one replica, and no rolling update. */
function checkVolumeAccess(service: PartialService, base: PropertyKey[], envReplicas: readonly number[], out: Issue[]) {
  const rwo = present(service.volumes).some(([v]) => (v.accessMode ?? 'ReadWriteOnce') === 'ReadWriteOnce');
  if (!rwo) return;
  const replicas = [service.replicas ?? 1, ...envReplicas, service.hpa?.maxReplicas ?? 1];
  if (replicas.some((r) => r > 1)) {
    out.push(
      issue(
        [...base, 'replicas'],
        'at most 1 replica with a ReadWriteOnce volume (the volume attaches to one node)',
        Math.max(...replicas),
      ),
    );
  }
  if (service.strategy === 'RollingUpdate') {
    out.push(
      issue(
        [...base, 'strategy'],
        '"Recreate" with a ReadWriteOnce volume (a rolling update cannot attach it twice)',
        service.strategy,
      ),
    );
  }
}

function checkService(service: PartialService, index: number, envReplicas: readonly number[], out: Issue[]) {
  const base: PropertyKey[] = ['services', index];
  checkProbes(service, base, out);
  // The build section, by the runtime's own rules (its fields, what it requires), from the image generators.
  // Without one the app still deploys (an image built elsewhere); generating its image needs it.
  if (service.build !== undefined && service.runtime !== undefined) {
    out.push(...prefixIssues([...base, 'build'], checkAppBuild(service.runtime, service.build)));
  }
  const volumeLists = [
    namesOf(service.writablePaths, (w) => volumeNameOf(w as Parameters<typeof volumeNameOf>[0])),
    namesOf(service.files, (f) => f.name),
    namesOf(service.volumes, (v) => v.name),
  ];
  const volumeNames = volumeLists.every((l) => l !== undefined) ? (volumeLists.flat() as string[]) : undefined;
  unique(
    volumeLists.flatMap((l) => l ?? []),
    () => [...base, 'volumes'],
    'volume',
    out,
  );
  for (const [file, i] of present(service.files)) {
    if ((file.configMap === undefined) === (file.secret === undefined)) {
      out.push(issue([...base, 'files', i], 'exactly one of configMap, secret', file));
    }
  }
  for (const kind of ['initContainers', 'sidecars'] as const) {
    const list = service[kind] ?? [];
    unique([service.name, ...list.map((c) => c?.name)], (i) => [...base, kind, i - 1, 'name'], 'container', out);
    for (const [container, i] of present(list))
      for (const [mount, m] of present(container.mounts))
        if (mount.volume !== undefined)
          reference(mount.volume, volumeNames, [...base, kind, i, 'mounts', m, 'volume'], 'volume', out);
  }
  // Containers of one pod share its network namespace: a sidecar cannot listen on a port already taken.
  const ports = new Map<number, string>();
  if (service.port !== undefined) ports.set(service.port, `the service's own container (port ${service.port})`);
  for (const [sidecar, i] of present(service.sidecars)) {
    if (sidecar.port === undefined) continue;
    const taken = ports.get(sidecar.port);
    if (taken)
      out.push(
        issue(
          [...base, 'sidecars', i, 'port'],
          `a port not used by ${taken} (containers of a pod share its ports)`,
          sidecar.port,
        ),
      );
    else ports.set(sidecar.port, `sidecar "${sidecar.name}"`);
  }
  // Every long-running container is probed: a sidecar needs a port (TCP probes) or its own probes.
  for (const [sidecar, i] of present(service.sidecars)) {
    if (sidecar.port === undefined && !sidecar.probes?.readiness && !sidecar.probes?.liveness) {
      out.push(issue([...base, 'sidecars', i], 'a port or probes (every long-running container is probed)', sidecar));
    }
  }
  checkVolumeAccess(service, base, envReplicas, out);
  const hpa = service.hpa;
  if (hpa?.minReplicas !== undefined && hpa.maxReplicas !== undefined && hpa.minReplicas > hpa.maxReplicas) {
    out.push(issue([...base, 'hpa', 'minReplicas'], `at most maxReplicas (${hpa.maxReplicas})`, hpa.minReplicas));
  }
  for (const [rule, i] of present(service.egress)) {
    if ((rule.cidr === undefined) === (rule.namespace === undefined)) {
      out.push(issue([...base, 'egress', i], 'exactly one of cidr, namespace', rule));
    }
  }
}

function checkRoutes(
  app: PartialApp,
  environments: Record<string, PartialEnvironment> | undefined,
  serviceNames: string[] | undefined,
  errors: Issue[],
) {
  const routeNames: (string | undefined)[] = [];
  (app.routes ?? []).forEach((route, r) => {
    routeNames.push(route === undefined ? undefined : (route.name ?? (r === 0 ? 'web' : `route-${r}`)));
    if (route === undefined) return;
    for (const [p, i] of present(route.paths)) {
      if (p.service !== undefined)
        reference(p.service, serviceNames, ['routes', r, 'paths', i, 'service'], 'service', errors);
    }
    if (environments === undefined) return;
    for (const [envName, env] of Object.entries(environments)) {
      const host = route.hosts?.[envName] ?? (r === 0 ? env?.host : undefined) ?? route.apex;
      if (host === undefined)
        errors.push(
          issue(
            ['routes', r],
            `a host for environment "${envName}" (apex, hosts.${envName} or environments.${envName}.host)`,
            undefined,
          ),
        );
    }
    for (const envName of Object.keys(route.hosts ?? {})) {
      reference(envName, Object.keys(environments), ['routes', r, 'hosts', envName], 'environment', errors);
    }
  });
  unique(routeNames, (i) => ['routes', i, 'name'], 'route', errors);
}

/** Kubernetes refuses a ConfigMap whose data is over 1 MiB (keys and values, in bytes). */
export const MAX_CONFIGMAP_BYTES = 1024 * 1024;
const utf8 = new TextEncoder();

function checkConfigMapSizes(
  configMaps: Readonly<Record<string, Readonly<Record<string, string | undefined>> | undefined>> | undefined,
  path: PropertyKey[],
  out: Issue[],
) {
  for (const [name, data] of Object.entries(configMaps ?? {})) {
    const bytes = Object.entries(data ?? {}).reduce(
      (sum, [key, value]) => sum + utf8.encode(key).length + utf8.encode(value ?? '').length,
      0,
    );
    if (bytes > MAX_CONFIGMAP_BYTES) {
      out.push(
        issue(
          [...path, name],
          'at most 1 MiB of data (the Kubernetes limit for a ConfigMap; put large files in the image or a volume)',
          `${(bytes / MAX_CONFIGMAP_BYTES).toFixed(2)} MiB`,
        ),
      );
    }
  }
}

function checkEnvironments(
  environments: Record<string, PartialEnvironment>,
  serviceNames: string[] | undefined,
  errors: Issue[],
) {
  for (const [envName, env] of Object.entries(environments)) {
    if (env === undefined) continue;
    checkConfigMapSizes(env.configMaps, ['environments', envName, 'configMaps'], errors);
    for (const [object, i] of present(env.extraObjects)) {
      if (typeof object.apiVersion === 'string' && /\.fluxcd\.io\/v[0-9]+beta[0-9]+$/.test(object.apiVersion)) {
        errors.push(
          issue(
            ['environments', envName, 'extraObjects', i, 'apiVersion'],
            'a GA Flux API (Flux 2.9 removed the beta ones), e.g. "helm.toolkit.fluxcd.io/v2"',
            object.apiVersion,
          ),
        );
      }
    }
    for (const [patch, i] of present(env.patches)) {
      if ((patch.json6902 === undefined) === (patch.strategicMerge === undefined)) {
        errors.push(issue(['environments', envName, 'patches', i], 'exactly one of json6902, strategicMerge', patch));
      }
    }
    for (const name of Object.keys(env.services ?? {})) {
      reference(name, serviceNames, ['environments', envName, 'services', name], 'service', errors);
    }
  }
}

function checkSopsNamespaces(app: PartialApp, environments: Record<string, PartialEnvironment>, errors: Issue[]) {
  const namespace = app.namespace ?? app.name;
  if (namespace === undefined) return;
  const lists: [PropertyKey[], PartialApp['sopsSecrets']][] = [
    [['sopsSecrets'], app.sopsSecrets],
    ...Object.entries(environments).map(([name, env]): [PropertyKey[], PartialApp['sopsSecrets']] => [
      ['environments', name, 'sopsSecrets'],
      env?.sopsSecrets,
    ]),
  ];
  for (const [path, list] of lists) {
    for (const [secret, i] of present(list)) {
      const own = secret.metadata?.namespace;
      if (own !== undefined && own !== namespace) {
        errors.push(
          issue(
            [...path, i, 'metadata', 'namespace'],
            `"${namespace}" (the app namespace; a SOPS document is passed through unchanged)`,
            own,
          ),
        );
      }
    }
  }
}

/**
 * Checks that span fields: references resolve, names are unique, data-safety rules hold. Runs on
 * what of the descriptor is well-formed; `input` (the raw descriptor) tells a map whose keys
 * were all kept from one that lost some.
 */
export function crossCheck(app: PartialApp, input: unknown): { errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const serviceNames = namesOf(app.services, (s) => s.name);
  unique(
    (app.services ?? []).map((s) => s?.name),
    (i) => ['services', i, 'name'],
    'service',
    errors,
  );
  const rawEnvironments = (input as { environments?: unknown } | null)?.environments;
  const environments: Record<string, PartialEnvironment> | undefined =
    rawEnvironments === undefined
      ? defaultEnvironments()
      : app.environments !== undefined &&
          Object.keys(app.environments).length === Object.keys(rawEnvironments as object).length
        ? app.environments
        : undefined;
  for (const [service, index] of present(app.services)) {
    const envReplicas = Object.values(environments ?? app.environments ?? {}).flatMap((env) => {
      const own = service.name === undefined ? undefined : env?.services?.[service.name];
      const hpa = own?.hpa ?? env?.hpa;
      return [own?.replicas ?? env?.replicas ?? 1, hpa ? (hpa.maxReplicas ?? 1) : 1];
    });
    checkService(service, index, envReplicas, errors);
  }
  checkRoutes(app, environments, serviceNames, errors);
  checkConfigMapSizes(app.configMaps, ['configMaps'], errors);
  checkEnvironments(app.environments ?? {}, serviceNames, errors);
  checkSopsNamespaces(app, app.environments ?? {}, errors);
  const classes = [
    app.routing?.ingressClassName,
    ...Object.values(app.environments ?? {}).map((e) => e?.ingressClassName),
  ];
  if (classes.some((c) => c !== undefined && /nginx/.test(c))) {
    warnings.push(
      issueWithMessage(
        ['routing', 'ingressClassName'],
        '"traefik"',
        '"nginx"',
        'ingress-nginx is retired (no fixes since March 2026); prefer Traefik, which k3s ships',
      ),
    );
  }
  return { errors, warnings };
}
