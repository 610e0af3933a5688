import type { ServiceDescriptor, ValidatedAppDescriptor } from './app-schema.js';
import { checkAppBuild } from '@sugarkube/ci-workflows';
import { didYouMean, issue, issueWithMessage, prefixIssues, type Issue } from '@sugarkube/core';
import { defaultEnvironments, volumeNameOf } from './defaults.js';

function unique(names: readonly string[], path: (i: number) => PropertyKey[], what: string, out: Issue[]) {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name)) out.push(issue(path(i), `a ${what} name not used before`, name));
    seen.add(name);
  });
}

function reference(name: string, known: readonly string[], path: PropertyKey[], what: string, out: Issue[]) {
  if (known.includes(name)) return;
  const guess = didYouMean(name, known);
  out.push(issueWithMessage(path, `one of ${known.join(', ')}`, JSON.stringify(name),
    `unknown ${what} "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}; known: ${known.join(', ') || 'none'}`));
}

function checkProbes(service: ServiceDescriptor, base: PropertyKey[], out: Issue[]) {
  for (const [kind, probe] of Object.entries(service.probes ?? {})) {
    if (typeof probe !== 'object') continue;
    const count = [probe.path, probe.exec, probe.tcpPort].filter((v) => v !== undefined).length;
    if (count !== 1) out.push(issue([...base, 'probes', kind], 'exactly one of path, exec, tcpPort', probe));
  }
}

function checkService(service: ServiceDescriptor, index: number, envReplicas: readonly number[], out: Issue[]) {
  const base: PropertyKey[] = ['services', index];
  checkProbes(service, base, out);
  // The build section, by the runtime's own rules (its fields, what it requires), from the image generators.
  // Without one the app still deploys (an image built elsewhere); generating its image needs it.
  if (service.build !== undefined) out.push(...prefixIssues([...base, 'build'], checkAppBuild(service.runtime, service.build)));
  const volumeNames = [
    ...(service.writablePaths ?? []).map(volumeNameOf),
    ...(service.files ?? []).map((f) => f.name),
    ...(service.volumes ?? []).map((v) => v.name),
  ];
  unique(volumeNames, () => [...base, 'volumes'], 'volume', out);
  (service.files ?? []).forEach((file, i) => {
    if ((file.configMap === undefined) === (file.secret === undefined)) {
      out.push(issue([...base, 'files', i], 'exactly one of configMap, secret', file));
    }
  });
  for (const kind of ['initContainers', 'sidecars'] as const) {
    const list = service[kind] ?? [];
    unique([service.name, ...list.map((c) => c.name)], (i) => [...base, kind, i - 1, 'name'], 'container', out);
    list.forEach((container, i) =>
      (container.mounts ?? []).forEach((mount, m) =>
        reference(mount.volume, volumeNames, [...base, kind, i, 'mounts', m, 'volume'], 'volume', out)));
  }
  // Containers of one pod share its network namespace: a sidecar cannot listen on a port already taken.
  const ports = new Map<number, string>([[service.port, `the service's own container (port ${service.port})`]]);
  (service.sidecars ?? []).forEach((sidecar, i) => {
    if (sidecar.port === undefined) return;
    const taken = ports.get(sidecar.port);
    if (taken) out.push(issue([...base, 'sidecars', i, 'port'], `a port not used by ${taken} (containers of a pod share its ports)`, sidecar.port));
    else ports.set(sidecar.port, `sidecar "${sidecar.name}"`);
  });
  // Every long-running container is probed: a sidecar needs a port (TCP probes) or its own probes.
  (service.sidecars ?? []).forEach((sidecar, i) => {
    if (sidecar.port === undefined && !sidecar.probes?.readiness && !sidecar.probes?.liveness) {
      out.push(issue([...base, 'sidecars', i], 'a port or probes (every long-running container is probed)', sidecar));
    }
  });
  const rwo = (service.volumes ?? []).some((v) => (v.accessMode ?? 'ReadWriteOnce') === 'ReadWriteOnce');
  if (rwo) {
    const replicas = [service.replicas ?? 1, ...envReplicas, service.hpa?.maxReplicas ?? 1];
    if (replicas.some((r) => r > 1)) {
      out.push(issue([...base, 'replicas'], 'at most 1 replica with a ReadWriteOnce volume (the volume attaches to one node)', Math.max(...replicas)));
    }
    if (service.strategy === 'RollingUpdate') {
      out.push(issue([...base, 'strategy'], '"Recreate" with a ReadWriteOnce volume (a rolling update cannot attach it twice)', service.strategy));
    }
  }
  if (service.hpa && service.hpa.minReplicas > service.hpa.maxReplicas) {
    out.push(issue([...base, 'hpa', 'minReplicas'], `at most maxReplicas (${service.hpa.maxReplicas})`, service.hpa.minReplicas));
  }
  (service.egress ?? []).forEach((rule, i) => {
    if ((rule.cidr === undefined) === (rule.namespace === undefined)) {
      out.push(issue([...base, 'egress', i], 'exactly one of cidr, namespace', rule));
    }
  });
}

/** Kubernetes refuses a ConfigMap whose data is over 1 MiB (keys and values, in bytes). */
export const MAX_CONFIGMAP_BYTES = 1024 * 1024;
const utf8 = new TextEncoder();

function checkConfigMapSizes(configMaps: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined, path: PropertyKey[], out: Issue[]) {
  for (const [name, data] of Object.entries(configMaps ?? {})) {
    const bytes = Object.entries(data).reduce((sum, [key, value]) => sum + utf8.encode(key).length + utf8.encode(value).length, 0);
    if (bytes > MAX_CONFIGMAP_BYTES) {
      out.push(issue([...path, name], 'at most 1 MiB of data (the Kubernetes limit for a ConfigMap; put large files in the image or a volume)', `${(bytes / MAX_CONFIGMAP_BYTES).toFixed(2)} MiB`));
    }
  }
}

/** Checks that span fields: references resolve, names are unique, data-safety rules hold. */
export function crossCheck(app: ValidatedAppDescriptor): { errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const serviceNames = app.services.map((s) => s.name);
  unique(serviceNames, (i) => ['services', i, 'name'], 'service', errors);
  const environments = app.environments ?? defaultEnvironments();
  app.services.forEach((service, index) => {
    const envReplicas = Object.values(environments).flatMap((env) => {
      const own = env.services?.[service.name];
      const hpa = own?.hpa ?? env.hpa;
      return [own?.replicas ?? env.replicas ?? 1, hpa ? hpa.maxReplicas : 1];
    });
    checkService(service, index, envReplicas, errors);
  });
  const routeNames: string[] = [];
  (app.routes ?? []).forEach((route, r) => {
    routeNames.push(route.name ?? (r === 0 ? 'web' : `route-${r}`));
    (route.paths ?? []).forEach((p, i) => {
      if (p.service !== undefined) reference(p.service, serviceNames, ['routes', r, 'paths', i, 'service'], 'service', errors);
    });
    for (const [envName, env] of Object.entries(environments)) {
      const host = route.hosts?.[envName] ?? (r === 0 ? env.host : undefined) ?? route.apex;
      if (host === undefined) errors.push(issue(['routes', r], `a host for environment "${envName}" (apex, hosts.${envName} or environments.${envName}.host)`, undefined));
    }
    for (const envName of Object.keys(route.hosts ?? {})) {
      reference(envName, Object.keys(environments), ['routes', r, 'hosts', envName], 'environment', errors);
    }
  });
  unique(routeNames, (i) => ['routes', i, 'name'], 'route', errors);
  checkConfigMapSizes(app.configMaps, ['configMaps'], errors);
  for (const [envName, env] of Object.entries(environments)) {
    checkConfigMapSizes(env.configMaps, ['environments', envName, 'configMaps'], errors);
    (env.extraObjects ?? []).forEach((object, i) => {
      if (/\.fluxcd\.io\/v[0-9]+beta[0-9]+$/.test(object.apiVersion)) {
        errors.push(issue(['environments', envName, 'extraObjects', i, 'apiVersion'], 'a GA Flux API (Flux 2.9 removed the beta ones), e.g. "helm.toolkit.fluxcd.io/v2"', object.apiVersion));
      }
    });
    (env.patches ?? []).forEach((patch, i) => {
      if ((patch.json6902 === undefined) === (patch.strategicMerge === undefined)) {
        errors.push(issue(['environments', envName, 'patches', i], 'exactly one of json6902, strategicMerge', patch));
      }
    });
    for (const name of Object.keys(env.services ?? {})) {
      reference(name, serviceNames, ['environments', envName, 'services', name], 'service', errors);
    }
  }
  const namespace = app.namespace ?? app.name;
  const sopsLists: [PropertyKey[], ValidatedAppDescriptor['sopsSecrets']][] = [
    [['sopsSecrets'], app.sopsSecrets],
    ...Object.entries(environments).map(([name, env]): [PropertyKey[], ValidatedAppDescriptor['sopsSecrets']] => [['environments', name, 'sopsSecrets'], env.sopsSecrets]),
  ];
  for (const [path, list] of sopsLists) {
    (list ?? []).forEach((secret, i) => {
      if (secret.metadata.namespace !== namespace) {
        errors.push(issue([...path, i, 'metadata', 'namespace'], `"${namespace}" (the app namespace; a SOPS document is passed through unchanged)`, secret.metadata.namespace));
      }
    });
  }
  const classes = [app.routing?.ingressClassName, ...Object.values(environments).map((e) => e.ingressClassName)];
  if (classes.some((c) => c !== undefined && /nginx/.test(c))) {
    warnings.push(issueWithMessage(['routing', 'ingressClassName'], '"traefik"', '"nginx"',
      'ingress-nginx is retired (no fixes since March 2026); prefer Traefik, which k3s ships'));
  }
  return { errors, warnings };
}
