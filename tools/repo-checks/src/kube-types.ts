import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheEntry } from '@sugarkube/verify';
import { format } from 'prettier';
import { repoRoot } from './index.js';

/** Where the generated module lives, relative to the repository root. */
export const kubeTypesPath = 'packages/core/src/kube/api-types.ts';

/** How to regenerate it (the drift test names this command). */
export const kubeTypesCommand = 'cd tools/repo-checks && npx vitest run test/kube-types.test.ts -u';

/**
 * The Kubernetes kinds Sugarkube emits, typed from the OpenAPI document of the Kubernetes version
 * kubeconform validates against (`tools/upstream/tools/kubernetes-schemas.sh`).
 */
export const coreKinds = [
  ['v1', 'ConfigMap'],
  ['v1', 'Namespace'],
  ['v1', 'PersistentVolumeClaim'],
  ['v1', 'Secret'],
  ['v1', 'Service'],
  ['v1', 'ServiceAccount'],
  ['apps/v1', 'Deployment'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['policy/v1', 'PodDisruptionBudget'],
  ['storage.k8s.io/v1', 'StorageClass'],
] as const;

/**
 * The custom resources Sugarkube emits, typed from the CRD schemas `tools/upstream/tools/crd-schemas.sh`
 * converts from the pinned CRD sources of the components (`tools/upstream/pins.json`).
 */
export const customKinds = [
  ['bitnami.com/v1alpha1', 'SealedSecret'],
  ['cert-manager.io/v1', 'Certificate'],
  ['cert-manager.io/v1', 'ClusterIssuer'],
  ['fluxcd.controlplane.io/v1', 'FluxInstance'],
  ['gateway.networking.k8s.io/v1', 'Gateway'],
  ['gateway.networking.k8s.io/v1', 'HTTPRoute'],
  ['gateway.networking.k8s.io/v1beta1', 'ReferenceGrant'],
  ['helm.cattle.io/v1', 'HelmChartConfig'],
  ['helm.toolkit.fluxcd.io/v2', 'HelmRelease'],
  ['image.toolkit.fluxcd.io/v1', 'ImagePolicy'],
  ['image.toolkit.fluxcd.io/v1', 'ImageRepository'],
  ['image.toolkit.fluxcd.io/v1', 'ImageUpdateAutomation'],
  ['kustomize.toolkit.fluxcd.io/v1', 'Kustomization'],
  ['longhorn.io/v1beta2', 'RecurringJob'],
  ['metallb.io/v1beta1', 'IPAddressPool'],
  ['metallb.io/v1beta1', 'L2Advertisement'],
  ['monitoring.coreos.com/v1', 'PodMonitor'],
  ['monitoring.coreos.com/v1', 'PrometheusRule'],
  ['monitoring.coreos.com/v1', 'ServiceMonitor'],
  ['notification.toolkit.fluxcd.io/v1beta3', 'Alert'],
  ['notification.toolkit.fluxcd.io/v1beta3', 'Provider'],
  ['source.toolkit.fluxcd.io/v1', 'GitRepository'],
  ['source.toolkit.fluxcd.io/v1', 'HelmRepository'],
  ['source.toolkit.fluxcd.io/v1', 'OCIRepository'],
] as const;

/** The parts of a JSON Schema (OpenAPI v2 definitions and the converted CRD schemas) this reads. */
export interface Schema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: Schema | boolean;
  readonly items?: Schema;
  readonly anyOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly nullable?: boolean;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-group-version-kind'?: readonly { group: string; version: string; kind: string }[];
}

/** The generator's inputs: Kubernetes' OpenAPI definitions and one CRD schema per custom kind. */
export interface KubeTypeInputs {
  readonly kubernetesVersion: string;
  readonly definitions: Readonly<Record<string, Schema>>;
  readonly crds: Readonly<Record<string, Schema>>;
}

const identifier = /^[A-Za-z_$][\w$]*$/;
const key = (name: string) => (identifier.test(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
const literal = (value: unknown) =>
  typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(value);
const refName = (ref: string) => ref.replace('#/definitions/', '');
/** `io.k8s.api.core.v1.PodSpec` → `PodSpec`; the generator fails if two definitions shorten alike. */
const typeName = (definition: string) => definition.slice(definition.lastIndexOf('.') + 1);
const crdFile = (apiVersion: string, kind: string) => {
  const [group, version] = apiVersion.split('/') as [string, string];
  return `${group}_${kind.toLowerCase()}_${version}.json`;
};

/** Definitions that are strings or numbers on the wire, whatever their Go type. */
const scalarDefinitions: Readonly<Record<string, string>> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'number | string',
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'string',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'string',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'string',
};

/** The TypeScript type of a schema; `refs` collects the definitions it names. */
function typeOf(schema: Schema, refs: Set<string>, depth: number): string {
  const nullable = schema.nullable ? ' | null' : '';
  if (schema.$ref) {
    const name = refName(schema.$ref);
    refs.add(name);
    return typeName(name) + nullable;
  }
  if (schema['x-kubernetes-int-or-string'] || schema.format === 'int-or-string') return `number | string${nullable}`;
  if (schema.enum) return schema.enum.map(literal).join(' | ') + nullable;
  const types = (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []) as string[];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (types.length === 0 && alternatives) {
    // CRDs use anyOf/oneOf for "one of these fields" on the same object: the object itself is the type.
    return 'unknown';
  }
  const out = types.map((type) => {
    switch (type) {
      case 'string':
        return 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'null':
        return 'null';
      case 'array':
        return schema.items ? `Array<${typeOf(schema.items, refs, depth)}>` : 'unknown[]';
      case 'object':
        return objectType(schema, refs, depth);
      default:
        throw new Error(`unknown schema type ${type}`);
    }
  });
  return out.length === 0 ? 'unknown' : [...new Set(out)].join(' | ') + nullable;
}

function objectType(schema: Schema, refs: Set<string>, depth: number): string {
  const properties = Object.entries(schema.properties ?? {});
  const extra = schema.additionalProperties;
  const index =
    typeof extra === 'object'
      ? `[key: string]: ${typeOf(extra, refs, depth + 1)}`
      : properties.length === 0
        ? '[key: string]: unknown'
        : undefined;
  if (properties.length === 0) return `{ ${index} }`;
  const required = new Set(schema.required ?? []);
  const indent = '  '.repeat(depth + 1);
  const lines = properties.map(
    ([name, property]) =>
      `${indent}${key(name)}${required.has(name) ? '' : '?'}: ${typeOf(property, refs, depth + 1)};`,
  );
  if (index) lines.push(`${indent}${index};`);
  return `{\n${lines.join('\n')}\n${'  '.repeat(depth)}}`;
}

/**
 * A kind: its `apiVersion` and `kind` as literals, Kubernetes' ObjectMeta, and every other field
 * but `status` (never emitted).
 */
function kindType(apiVersion: string, kind: string, schema: Schema, refs: Set<string>): string {
  const { status: _status, metadata: _metadata, apiVersion: _a, kind: _k, ...rest } = schema.properties ?? {};
  const head = `  apiVersion: '${apiVersion}';\n  kind: '${kind}';\n  metadata: ObjectMeta;\n`;
  if (Object.keys(rest).length === 0) return `{\n${head}}`;
  return objectType({ ...schema, properties: rest, additionalProperties: false }, refs, 0).replace(
    /^\{\n/,
    `{\n${head}`,
  );
}

/** The generated module: one type per kind and per definition they reach, and the kind table. */
export async function kubeTypesSource(inputs: KubeTypeInputs): Promise<string> {
  const blocks: string[] = [];
  const refs = new Set<string>(['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']);
  const table: string[] = [];
  const byApiVersion = new Map<string, string[]>();
  const named = new Map<string, string>();
  const claim = (name: string, owner: string) => {
    const previous = named.get(name);
    if (previous !== undefined && previous !== owner) throw new Error(`${owner} and ${previous} both map to ${name}`);
    named.set(name, owner);
  };
  const addKind = (apiVersion: string, kind: string, body: string, source: string) => {
    claim(kind, `${apiVersion}/${kind}`);
    blocks.push(
      `/** \`${apiVersion}\` ${kind}, from ${source}; \`status\` left out (never emitted). */\nexport type ${kind} = ${body};`,
    );
    byApiVersion.set(apiVersion, [...(byApiVersion.get(apiVersion) ?? []), kind]);
  };
  for (const [apiVersion, kind] of coreKinds) {
    const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
    const found = Object.entries(inputs.definitions).find(([, d]) =>
      d['x-kubernetes-group-version-kind']?.some((g) => g.group === group && g.version === version && g.kind === kind),
    );
    if (!found) throw new Error(`no definition for ${apiVersion} ${kind} in the Kubernetes OpenAPI document`);
    addKind(apiVersion, kind, kindType(apiVersion, kind, found[1], refs), found[0]);
  }
  for (const [apiVersion, kind] of customKinds) {
    const file = crdFile(apiVersion, kind);
    const schema = inputs.crds[file];
    if (!schema) throw new Error(`no CRD schema ${file}`);
    addKind(apiVersion, kind, kindType(apiVersion, kind, schema, refs), `crd-schemas/${file}`);
  }
  // The definitions the kinds reach, each once, in name order.
  const done = new Set<string>();
  const definitions: string[] = [];
  for (let pending = [...refs]; pending.length > 0; pending = [...refs].filter((r) => !done.has(r))) {
    for (const name of pending) {
      done.add(name);
      const schema = inputs.definitions[name];
      if (!schema) throw new Error(`no definition ${name}`);
      claim(typeName(name), name);
      const type = scalarDefinitions[name] ?? typeOf(schema.type ? schema : { ...schema, type: 'object' }, refs, 0);
      definitions.push(`/** ${name} */\nexport type ${typeName(name)} = ${type};`);
    }
  }
  definitions.sort((a, b) => (a.split('\n')[1]! < b.split('\n')[1]! ? -1 : 1));
  for (const [apiVersion, kinds] of [...byApiVersion].sort(([a], [b]) => (a < b ? -1 : 1))) {
    table.push(
      `  '${apiVersion}': { ${kinds
        .sort()
        .map((k) => `${k}: ${k}`)
        .join('; ')} };`,
    );
  }
  const source = [
    `// Generated by tools/repo-checks/src/kube-types.ts from the Kubernetes ${inputs.kubernetesVersion} OpenAPI document`,
    `// and the pinned CRD schemas ($SUGARKUBE_CACHE/current/crd-schemas). Do not edit: run \`${kubeTypesCommand}\`.`,
    '',
    '/** Every kind Sugarkube emits, by `apiVersion` and `kind`. */',
    'export interface KubeKinds {',
    ...table,
    '}',
    '',
    ...blocks.flatMap((b) => [b, '']),
    ...definitions.flatMap((d) => [d, '']),
  ].join('\n');
  return format(source, { parser: 'typescript', printWidth: 120, singleQuote: true, filepath: kubeTypesPath });
}

/** How `crd-schemas.sh` names the set it builds for its inputs (the test checks the script still says so). */
export const crdSchemasKeyLine =
  'key="$( (cat "$0"; printf \'%s\\n\' "${SCHEMA_VENV_PINS[@]}" "${CRD_SOURCES[@]}" "${CRD_GO_APIS[@]}") | sha256sum | cut -c1-12)"';

/**
 * The CRD schema set this checkout's pins name: the directory `crd-schemas.sh` builds for them,
 * by its own key (its text, the schema venv pins and the pins rows, read through lib.sh). Not
 * necessarily the one `current/crd-schemas` points at: checkouts with other pins share the cache.
 */
function pinnedCrdSchemas(): string {
  const upstream = join(repoRoot, 'tools/upstream');
  const script = `
    TOOL_NAME= . "$1/lib.sh"
    set -- "$1/tools/crd-schemas.sh"
    rows="$(pins_rows crd-files)"; mapfile -t CRD_SOURCES <<<"$rows"
    rows="$(pins_rows crd-go-types)"; mapfile -t CRD_GO_APIS <<<"$rows"
    ${crdSchemasKeyLine.replace('"$0"', '"$1"')}
    echo "$SUGARKUBE_CACHE/crd-schemas-$key"`;
  const dir = execFileSync('bash', ['-c', script, 'key', upstream], { encoding: 'utf8' }).trim();
  if (!existsSync(join(dir, '.done'))) {
    throw new Error(
      `the CRD schemas of this checkout's pins (${dir}) are not installed: run \`bash tools/upstream/install.sh\``,
    );
  }
  return dir;
}

/** Reads the pinned inputs from the tool cache (`bash tools/upstream/install.sh` installs them). */
export function readKubeTypeInputs(): KubeTypeInputs {
  const tools = join(repoRoot, 'tools/upstream/tools');
  const kubernetesVersion = /^VERSION=(\S+)$/m.exec(readFileSync(join(tools, 'kubernetes-schemas.sh'), 'utf8'))![1]!;
  const openapi = JSON.parse(readFileSync(cacheEntry('kubernetes-openapi.json'), 'utf8')) as {
    definitions: Record<string, Schema>;
  };
  const dir = pinnedCrdSchemas();
  const crds = Object.fromEntries(
    customKinds.map(([apiVersion, kind]) => {
      const file = crdFile(apiVersion, kind);
      return [file, JSON.parse(readFileSync(join(dir, file), 'utf8')) as Schema];
    }),
  );
  return { kubernetesVersion, definitions: openapi.definitions, crds };
}
