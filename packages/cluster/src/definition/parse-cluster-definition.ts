import {
  checkWithSchema,
  dedupeIssues,
  prefixIssues,
  salvage,
  unexplainedIssues,
  type Issue,
  type Salvaged,
} from '@sugarkube/core';
import { environmentsOf, findPlaintextSecrets, isApp, validateApp, type App } from '@sugarkube/manifests';
import { checkClusterSecrets } from '../components/cluster-secrets.js';
import {
  checkApps,
  checkClashes,
  checkPins,
  viewOf,
  type CheckedApp,
  type ClusterCheckView,
} from './cluster-checks.js';
import {
  clusterDefinitionSchema,
  type ClusterDefinition,
  type ValidatedClusterDefinition,
} from './cluster-definition.js';
import { pinsSchema, type Pins, type PinsInput } from './pins.js';
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

/** The `environments` each app entry names itself, by index (`undefined` when it names none). */
const namedEnvironments = (input: unknown): (string[] | undefined)[] =>
  ((input as { apps?: unknown } | null)?.apps as { environments?: string[] }[] | undefined)?.map?.(
    (a) => a?.environments,
  ) ?? [];

/**
 * The checks' view of a definition that failed its schema: what survived of it (see `salvage`
 * in `@sugarkube/core`), the apps that validated, and the pins if they parsed.
 */
function partialView(input: unknown, apps: readonly (App | undefined)[], pins: Pins | undefined): ClusterCheckView {
  const partial: Salvaged<ValidatedClusterDefinition> = salvage(clusterDefinitionSchema, input) ?? {};
  const rawEnvironments = (input as { environments?: unknown } | null)?.environments;
  const kept = Object.keys(partial.environments ?? {});
  const environments =
    rawEnvironments !== null &&
    typeof rawEnvironments === 'object' &&
    kept.length === Object.keys(rawEnvironments).length
      ? kept
      : undefined;
  const zones = clusterDefinitionSchema.shape.dnsZones.safeParse((input as { dnsZones?: unknown } | null)?.dnsZones);
  const dnsZones = zones.success ? zones.data : undefined;
  const entries = (input as { apps?: unknown } | null)?.apps;
  const checked: CheckedApp[] = [];
  (Array.isArray(entries) ? entries : []).forEach((_, index) => {
    const app = apps[index];
    const entry = partial.apps?.[index];
    if (app === undefined || entry === undefined) return;
    const named = entry.environments?.every((e) => e !== undefined) ? (entry.environments as string[]) : undefined;
    if (entry.environments !== undefined && named === undefined) return;
    const own = Object.keys(environmentsOf(app.descriptor));
    const wanted = named ?? (environments ?? []).filter((env) => own.includes(env));
    const raw = (entries as { repository?: unknown; helm?: unknown }[])[index];
    checked.push({
      index,
      app,
      repository: raw?.repository,
      helm: entry.helm as CheckedApp['helm'],
      named,
      environments: (environments ?? []).filter((env) => wanted.includes(env)),
    });
  });
  return {
    environments,
    dnsZones,
    apps: checked,
    allApps: checked.length === (Array.isArray(entries) ? entries.length : 0),
    pins,
  };
}

/**
 * Validates a cluster definition and its pins: every error at once, each with its path
 * (`environments.prod.exposure.metallb: expected no metallb when …`, `pins.prod.dspace.web: …`).
 * The cross-field checks (unique names and hosts, hosts inside `dnsZones`, known environments,
 * pins) run on what is well-formed even when other fields fail their schema. Plaintext secret
 * values are refused wherever they appear.
 */
export function parseClusterDefinition(
  input: ClusterDefinition | unknown,
  pinsInput: PinsInput | unknown = {},
): ParsedCluster {
  const environments = (input as { environments?: unknown } | null)?.environments;
  const errors: Issue[] = [...findPlaintextSecrets({ name: 'cluster', environments })];
  const apps = validateApps(input);
  errors.push(...apps.errors);
  const parsed = checkWithSchema(clusterDefinitionSchema, input);
  if (!parsed.ok) errors.push(...parsed.issues);
  const pins = checkWithSchema(pinsSchema, pinsInput, ['pins']);
  if (!pins.ok) errors.push(...pins.issues);
  if (!parsed.ok || !pins.ok || apps.errors.length > 0) {
    const view = partialView(input, apps.apps, pins.ok ? (pins.value as Pins) : undefined);
    const cross = [...checkApps(view), ...checkClashes(view), ...checkPins(view).errors];
    return {
      value: undefined,
      errors: dedupeIssues([...errors, ...unexplainedIssues(cross, errors)]),
      warnings: apps.warnings,
    };
  }
  const cluster = resolveCluster(parsed.value, apps.apps as App[], pins.value as Pins);
  const view = viewOf(cluster, namedEnvironments(input));
  const secrets = checkClusterSecrets(cluster);
  const appErrors = checkApps(view);
  // Which pins are expected follows from the apps and their environments: checked once those are right.
  const pinned = appErrors.length === 0 ? checkPins(view) : { errors: [], warnings: [] };
  errors.push(...appErrors, ...checkClashes(view), ...secrets.errors, ...pinned.errors);
  const warnings = [...apps.warnings, ...secrets.warnings, ...pinned.warnings];
  return { value: errors.length === 0 ? cluster : undefined, errors: dedupeIssues(errors), warnings };
}
