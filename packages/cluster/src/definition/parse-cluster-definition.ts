import { isApp, type App } from '@sugarkube/manifests';
import { expectedPhrase } from '@sugarkube/core';
import { findPlaintextSecrets } from '@sugarkube/manifests';
import { issue, type Issue } from '@sugarkube/core';
import { validateApp } from '@sugarkube/manifests';
import { fromZodIssues } from '@sugarkube/core';
import { clusterDefinitionSchema, type ClusterDefinition } from './cluster-definition.js';
import { checkClusterSecrets } from '../components/cluster-secrets.js';
import { resolveCluster, type ResolvedCluster } from './resolve-cluster.js';

export interface ParsedCluster {
  /** Present when there are no errors. */
  readonly value: ResolvedCluster | undefined;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
}

const prefixed = (issues: readonly Issue[], prefix: string): Issue[] =>
  issues.map((i) => ({ ...i, path: i.path ? `${prefix}.${i.path}` : prefix, message: `${prefix}${i.path ? '.' : ': '}${i.message}` }));

/** Validates each app (or takes an already validated one); errors and warnings get an `apps[i].app` prefix. */
function validateApps(input: unknown): { apps: (App | undefined)[]; errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const list = Array.isArray((input as { apps?: unknown } | null)?.apps) ? ((input as { apps: unknown[] }).apps) : [];
  const apps = list.map((entry, index) => {
    const value = (entry as { app?: unknown } | null)?.app;
    if (value === undefined) return undefined;
    if (isApp(value)) return value;
    const result = validateApp(value);
    errors.push(...prefixed(result.errors, `apps[${index}].app`));
    warnings.push(...prefixed(result.warnings, `apps[${index}].app`));
    return result.value;
  });
  return { apps, errors, warnings };
}

/** Checks that need the whole (valid) definition: names unique, chart versions per environment. */
function crossCheck(cluster: ResolvedCluster): Issue[] {
  const out: Issue[] = [];
  const seen = new Map<string, number>();
  cluster.apps.forEach((entry, index) => {
    const name = entry.app.descriptor.name;
    const first = seen.get(name);
    if (first !== undefined) out.push(issue(['apps', index, 'app', 'name'], `a name not used by apps[${first}]`, name));
    seen.set(name, index);
    const version = entry.helm?.version;
    if (version !== undefined && typeof version !== 'string') {
      for (const env of cluster.environments) {
        if (!(env.name in version)) out.push(issue(['apps', index, 'helm', 'version', env.name], `the chart version for environment "${env.name}"`, undefined));
      }
    }
  });
  if (cluster.environments.length === 0) out.push(issue(['environments'], 'at least one environment, e.g. { staging: {…}, prod: {…} }', {}));
  return out;
}

/**
 * Validates a cluster definition: every error at once, each with its path
 * (`environments.prod.exposure.metallb: expected no metallb when …`).
 * Plaintext secret values are refused wherever they appear.
 */
export function parseClusterDefinition(input: ClusterDefinition | unknown): ParsedCluster {
  const environments = (input as { environments?: unknown } | null)?.environments;
  const errors: Issue[] = [...findPlaintextSecrets({ name: 'cluster', environments })];
  const apps = validateApps(input);
  errors.push(...apps.errors);
  const parsed = clusterDefinitionSchema.safeParse(input, { error: expectedPhrase });
  if (!parsed.success) errors.push(...fromZodIssues(parsed.error.issues, input));
  if (!parsed.success || apps.errors.length > 0) return { value: undefined, errors: dedupe(errors), warnings: apps.warnings };
  const cluster = resolveCluster(parsed.data, apps.apps as App[]);
  const secrets = checkClusterSecrets(cluster);
  errors.push(...crossCheck(cluster), ...secrets.errors);
  const warnings = [...apps.warnings, ...secrets.warnings];
  return { value: errors.length === 0 ? cluster : undefined, errors: dedupe(errors), warnings };
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.message) ? false : (seen.add(i.message), true)));
}
