// Generates src/plan/patch-strategies.ts: the merge keys strategic merge uses for each field.
//
//   node packages/manifests/scripts/generate-patch-strategies.ts
//
// Inputs (installed by tools/upstream/tools/kubernetes-openapi.sh under $SUGARKUBE_CACHE/current/):
// - kubernetes-openapi.json: Kubernetes' own OpenAPI document (the version kubeconform validates
//   against): each field's x-kubernetes-patch-strategy and merge keys;
// - kustomize-openapi.json: the kinds and fields of the OpenAPI snapshot compiled into kustomize.
//   kustomize applies the overlays (and Flux runs kustomize), and it merges a kind or field its
//   snapshot lacks as if it had no strategy: lists are replaced. The table keeps a merge strategy
//   only where both documents have it, and fails if they disagree on a merge key.
// Node runs this file directly (type stripping); it imports nothing local so it needs no build.
// test/patch-strategies.test.ts regenerates the module in memory and fails on any drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

interface Property {
  readonly $ref?: string;
  readonly items?: { readonly $ref?: string };
  readonly additionalProperties?: { readonly $ref?: string };
  readonly type?: string;
  readonly [extension: string]: unknown;
}
interface Definition {
  readonly properties?: Readonly<Record<string, Property>>;
  readonly 'x-kubernetes-group-version-kind'?: readonly {
    readonly group: string;
    readonly version: string;
    readonly kind: string;
  }[];
}
/** Kubernetes' swagger.json (only the parts read here). */
export interface OpenApiDocument {
  readonly info?: { readonly version?: string };
  readonly definitions: Readonly<Record<string, Definition>>;
}
/** kyaml's snapshot as the dump program prints it: `$ref` is the element or value type for lists and maps. */
export interface KustomizeSchema {
  readonly definitions: Readonly<
    Record<
      string,
      {
        readonly 'x-kubernetes-group-version-kind'?: Definition['x-kubernetes-group-version-kind'];
        readonly properties: Readonly<
          Record<string, { readonly $ref?: string; readonly extensions?: Readonly<Record<string, unknown>> }>
        >;
      }
    >
  >;
}

const refName = (ref: string | undefined) => ref?.replace('#/definitions/', '');
/** `io.k8s.api.core.v1.PodSpec` → `core.v1.PodSpec`. */
const short = (name: string) => name.replace(/^io\.k8s\.api\./, '').replace(/^io\.k8s\.apimachinery\.pkg\.apis\./, '');

/** The merge keys of a field with a `merge` strategy (kyaml: list-map-keys, else the merge key, else none), or undefined. */
function mergeKeys(extensions: Readonly<Record<string, unknown>> | undefined): string[] | undefined {
  const strategy = extensions?.['x-kubernetes-patch-strategy'];
  if (typeof strategy !== 'string' || !strategy.split(',').includes('merge')) return undefined;
  const mapKeys = extensions?.['x-kubernetes-list-map-keys'];
  if (Array.isArray(mapKeys)) return mapKeys.map(String);
  const key = extensions?.['x-kubernetes-patch-merge-key'];
  return typeof key === 'string' ? [key] : [];
}

interface Field {
  type?: string;
  map?: true;
  keys?: string[];
}

/** The TypeScript source of src/plan/patch-strategies.ts for these two documents. */
export function patchStrategiesSource(
  kubernetes: OpenApiDocument,
  kustomize: KustomizeSchema,
  versions: { kubernetes: string; kustomize: string },
): string {
  const kinds = new Map<string, string>();
  for (const [name, definition] of Object.entries(kubernetes.definitions)) {
    for (const gvk of definition['x-kubernetes-group-version-kind'] ?? []) {
      const known = kustomize.definitions[name]?.['x-kubernetes-group-version-kind']?.some(
        (k) => k.group === gvk.group && k.version === gvk.version && k.kind === gvk.kind,
      );
      if (known && !gvk.kind.endsWith('List'))
        kinds.set(`${gvk.group ? `${gvk.group}/` : ''}${gvk.version}/${gvk.kind}`, name);
    }
  }
  // Fields both documents have (walked side by side: a type may have been renamed since, e.g.
  // Handler → LifecycleHandler), with a merge strategy where both have one.
  const fields = new Map<string, Map<string, Field>>();
  const pairedWith = new Map<string, string>();
  const visit = (name: string, kustomizeName: string) => {
    const paired = pairedWith.get(name);
    if (paired !== undefined && paired !== kustomizeName)
      throw new Error(`${name} is kustomize's ${paired} and ${kustomizeName}`);
    if (fields.has(name)) return;
    pairedWith.set(name, kustomizeName);
    const out = new Map<string, Field>();
    fields.set(name, out);
    const theirProperties = kustomize.definitions[kustomizeName]?.properties ?? {};
    for (const [property, schema] of Object.entries(kubernetes.definitions[name]?.properties ?? {})) {
      const theirs = theirProperties[property];
      if (!theirs) continue; // kustomize does not know the field: no schema below it
      const type = refName(schema.$ref ?? schema.items?.$ref ?? schema.additionalProperties?.$ref);
      const theirType = refName(theirs.$ref);
      if ((type === undefined) !== (theirType === undefined))
        throw new Error(`${name}.${property}: Kubernetes says ${type}, kustomize ${theirType}`);
      const keys = mergeKeys(schema);
      const kustomizeKeys = mergeKeys(theirs.extensions);
      if (keys && kustomizeKeys && keys.join() !== kustomizeKeys.join()) {
        throw new Error(`${name}.${property}: Kubernetes merges by [${keys}], kustomize by [${kustomizeKeys}]`);
      }
      const field: Field = {};
      if (type) field.type = type;
      if (schema.additionalProperties?.$ref) field.map = true;
      if (keys && kustomizeKeys && schema.type === 'array') field.keys = keys;
      out.set(property, field);
      if (type && theirType) visit(type, theirType);
    }
  };
  for (const name of kinds.values()) visit(name, name);
  // Keep only what leads to a merge list: everything else merges the default way.
  const relevant = new Map<string, boolean>();
  const leads = (name: string, stack: Set<string> = new Set()): boolean => {
    if (relevant.has(name)) return relevant.get(name)!;
    if (stack.has(name)) return false;
    stack.add(name);
    let result = false;
    for (const field of fields.get(name)!.values())
      if (field.keys || (field.type && leads(field.type, stack))) result = true;
    stack.delete(name);
    relevant.set(name, result);
    return result;
  };
  const shortNames = new Map<string, string>();
  for (const name of fields.keys()) {
    const s = short(name);
    if ([...shortNames.values()].includes(s)) throw new Error(`two definitions shorten to ${s}`);
    shortNames.set(name, s);
  }
  const definitions: Record<string, Record<string, { type?: string; map?: true; keys?: string[] }>> = {};
  for (const [name, props] of [...fields].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!leads(name)) continue;
    const entry: Record<string, { type?: string; map?: true; keys?: string[] }> = {};
    for (const [property, field] of [...props].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const next = field.type && leads(field.type) ? shortNames.get(field.type) : undefined;
      if (!field.keys && !next) continue;
      entry[property] = {
        ...(next ? { type: next } : {}),
        ...(next && field.map ? { map: true as const } : {}),
        ...(field.keys ? { keys: field.keys } : {}),
      };
    }
    definitions[shortNames.get(name)!] = entry;
  }
  const roots = Object.fromEntries(
    [...kinds]
      .filter(([, name]) => leads(name))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([kind, name]) => [kind, shortNames.get(name)!]),
  );
  const field = (f: { type?: string; map?: true; keys?: string[] }) =>
    `{ ${[f.type ? `type: '${f.type}'` : '', f.map ? 'map: true' : '', f.keys ? `keys: [${f.keys.map((k) => `'${k}'`).join(', ')}]` : ''].filter(Boolean).join(', ')} }`;
  const lines = [
    `// Generated by scripts/generate-patch-strategies.ts from the OpenAPI documents of Kubernetes ${versions.kubernetes}`,
    `// and of kustomize ${versions.kustomize}. Do not edit: run \`node packages/manifests/scripts/generate-patch-strategies.ts\`.`,
    '',
    '/** A field on the way to a merge list: the definition it holds (`map`: as the values of a map), and for a list that merges, its merge keys (`[]`: a list of scalars merged as a set). */',
    'export interface PatchField {',
    '  readonly type?: string;',
    '  readonly map?: true;',
    '  readonly keys?: readonly string[];',
    '}',
    '',
    '/** The versions the table was generated from. */',
    `export const patchStrategySources = { kubernetes: '${versions.kubernetes}', kustomize: '${versions.kustomize}' } as const;`,
    '',
    '/** `apiVersion/kind` → its definition, for the kinds that have a merge list somewhere. */',
    'export const patchKinds: Readonly<Record<string, string>> = {',
    ...Object.entries(roots).map(([kind, name]) => `  '${kind}': '${name}',`),
    '};',
    '',
    '/** Definition → the fields that are, or lead to, a list that merges by key. Any other list is replaced. */',
    'export const patchDefinitions: Readonly<Record<string, Readonly<Record<string, PatchField>>>> = {',
    ...Object.entries(definitions).flatMap(([name, props]) => [
      `  '${name}': {`,
      ...Object.entries(props).map(
        ([property, f]) => `    ${/^[A-Za-z_$][\w$]*$/.test(property) ? property : `'${property}'`}: ${field(f)},`,
      ),
      '  },',
    ]),
    '};',
    '',
  ];
  return lines.join('\n');
}

/** The file this script writes. */
export const patchStrategiesPath = new URL('../src/plan/patch-strategies.ts', import.meta.url);

/** Reads both documents from the installed cache. */
export function readPatchStrategyInputs(): {
  kubernetes: OpenApiDocument;
  kustomize: KustomizeSchema;
  versions: { kubernetes: string; kustomize: string };
} {
  const cache = process.env.SUGARKUBE_CACHE || join(homedir(), '.cache', 'sugarkube');
  const read = (entry: string) => {
    try {
      return readFileSync(join(cache, 'current', entry), 'utf8');
    } catch {
      throw new Error(`${entry} is not installed: run \`bash tools/upstream/install.sh\``);
    }
  };
  const tools = new URL('../../../tools/upstream/tools/', import.meta.url);
  const pin = (script: string) => /^VERSION=(\S+)$/m.exec(readFileSync(new URL(`${script}.sh`, tools), 'utf8'))![1]!;
  return {
    kubernetes: JSON.parse(read('kubernetes-openapi.json')) as OpenApiDocument,
    kustomize: JSON.parse(read('kustomize-openapi.json')) as KustomizeSchema,
    versions: { kubernetes: pin('kubernetes-schemas'), kustomize: pin('kustomize') },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { kubernetes, kustomize, versions } = readPatchStrategyInputs();
  writeFileSync(patchStrategiesPath, patchStrategiesSource(kubernetes, kustomize, versions));
  console.log(`wrote ${patchStrategiesPath.pathname}`);
}
