import { checkArguments } from '@sugarkube/core';
import { generatedFilesArgument } from '../definition/arguments.js';
import { posix } from 'node:path';
import type { GeneratedFile } from '@sugarkube/core';
import { removedFluxApi } from '../plan/flux-api.js';
import { environmentOf, get, readTreeDocuments } from '../render/tree-documents.js';

/** One structural problem of a generated tree. */
export interface TreeProblem {
  readonly file: string;
  readonly message: string;
}

export interface TreeValidation {
  readonly problems: readonly TreeProblem[];
  /** Per environment: Flux Kustomizations in an order that respects `dependsOn`. */
  readonly order: Readonly<Record<string, readonly string[]>>;
  /** Every Flux Kustomization `spec.path` in this tree (without `./`), sorted: what `kustomize build` must succeed on. */
  readonly paths: readonly string[];
  /** Kustomizations on another repository (an app repo): their source and path, checked where that repo is. */
  readonly external: readonly { readonly kustomization: string; readonly source: string; readonly path: string }[];
}

/** A Flux Kustomization or HelmRelease in the dependsOn graph. */
export interface Node {
  readonly name: string;
  readonly file: string;
  readonly dependsOn: readonly string[];
}

/**
 * Kahn's algorithm in rounds: each round takes every node whose dependencies are all placed, in
 * name order, so the order is stable; the names left over sit on a cycle. Linear in nodes and
 * edges (a cluster of 10,000 apps has 20,000 Kustomizations): dependents are found through an
 * index, not by scanning every node.
 */
export function topologicalOrder(nodes: readonly Node[]): { order: string[]; cyclic: string[] } {
  const known = new Set(nodes.map((n) => n.name));
  // Later nodes of the same name replace earlier ones, as a Map built from the list does.
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const waitingOn = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const [name, node] of byName) {
    const deps = new Set(node.dependsOn.filter((d) => known.has(d)));
    waitingOn.set(name, deps.size);
    for (const dep of deps) {
      const list = dependents.get(dep);
      if (list) list.push(name);
      else dependents.set(dep, [name]);
    }
  }
  const order: string[] = [];
  let ready = [...waitingOn].filter(([, count]) => count === 0).map(([name]) => name);
  while (ready.length > 0) {
    ready.sort();
    const next: string[] = [];
    for (const name of ready) {
      order.push(name);
      waitingOn.delete(name);
      for (const dependent of dependents.get(name) ?? []) {
        const left = waitingOn.get(dependent)! - 1;
        waitingOn.set(dependent, left);
        if (left === 0) next.push(dependent);
      }
    }
    ready = next;
  }
  return { order, cyclic: [...waitingOn.keys()].sort() };
}

function checkGraph(kind: string, env: string, nodes: readonly Node[], problems: TreeProblem[]): string[] {
  const known = new Set(nodes.map((n) => n.name));
  for (const node of nodes) {
    for (const dep of node.dependsOn) {
      if (!known.has(dep))
        problems.push({
          file: node.file,
          message: `${kind} ${node.name} depends on ${dep}, which environment ${env} does not define`,
        });
    }
  }
  const { order, cyclic } = topologicalOrder(nodes);
  if (cyclic.length > 0)
    problems.push({
      file: nodes.find((n) => n.name === cyclic[0])!.file,
      message: `${kind} dependsOn cycle in ${env} among ${cyclic.join(', ')}`,
    });
  return order;
}

const namesOf = (list: unknown, namespace?: string): string[] =>
  Array.isArray(list)
    ? list.map((d) =>
        `${(get(d, 'namespace') as string | undefined) ?? namespace ?? ''}/${String(get(d, 'name'))}`.replace(
          /^\//,
          '',
        ),
      )
    : [];

/**
 * Structural checks of a generated tree, without a cluster: YAML parses,
 * every object has apiVersion/kind/name, no removed Flux API, every
 * kustomization.yaml resource exists, every Flux Kustomization path has a
 * kustomization.yaml, and the dependsOn graphs (Kustomizations, HelmReleases) are complete and acyclic.
 */
export function validateClusterTree(files: readonly GeneratedFile[]): TreeValidation {
  checkArguments('validateClusterTree argument', [[[], generatedFilesArgument, files]]);
  const paths = new Set(files.map((f) => f.path));
  const { documents, errors } = readTreeDocuments(files);
  const problems: TreeProblem[] = errors.map((e) => ({ file: e.file, message: `YAML does not parse: ${e.message}` }));
  const kustomizations = new Map<string, Node[]>();
  const releases = new Map<string, Node[]>();
  const fluxPaths = new Set<string>();
  const external: { kustomization: string; source: string; path: string }[] = [];
  for (const { file, value } of documents) {
    const apiVersion = value.apiVersion;
    const kind = value.kind;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
      problems.push({ file, message: 'a document without apiVersion and kind' });
      continue;
    }
    const removed = removedFluxApi(apiVersion);
    if (removed)
      problems.push({
        file,
        message: `${kind} uses the removed Flux API ${removed}; emit only GA versions (v1, helm v2)`,
      });
    if (kind === 'Kustomization' && apiVersion === 'kustomize.config.k8s.io/v1beta1') {
      const dir = posix.dirname(file);
      for (const resource of (value.resources as unknown[] | undefined) ?? []) {
        const target = posix.normalize(posix.join(dir, String(resource)));
        if (!paths.has(target) && !paths.has(`${target}/kustomization.yaml`)) {
          problems.push({
            file,
            message: `resource "${String(resource)}" does not exist (no file ${target} nor ${target}/kustomization.yaml)`,
          });
        }
      }
      continue;
    }
    const name = get(value, 'metadata', 'name');
    if (typeof name !== 'string' || name === '') {
      problems.push({ file, message: `${kind} without metadata.name` });
      continue;
    }
    const env = environmentOf(file) ?? '';
    const namespace = (get(value, 'metadata', 'namespace') as string | undefined) ?? '';
    if (apiVersion.startsWith('kustomize.toolkit.fluxcd.io/')) {
      const path = String(get(value, 'spec', 'path') ?? '');
      const target = posix.normalize(path.replace(/^\.\//, ''));
      const source = String(get(value, 'spec', 'sourceRef', 'name') ?? '');
      if (source !== 'flux-system') {
        external.push({ kustomization: `${namespace}/${name}`, source, path: target });
      } else {
        fluxPaths.add(target);
        if (!paths.has(`${target}/kustomization.yaml`))
          problems.push({ file, message: `Kustomization ${name} path ${path} has no kustomization.yaml in the tree` });
      }
      if (get(value, 'spec', 'prune') !== true)
        problems.push({ file, message: `Kustomization ${name} does not prune` });
      const list = kustomizations.get(env) ?? [];
      list.push({ name: `${namespace}/${name}`, file, dependsOn: namesOf(get(value, 'spec', 'dependsOn'), namespace) });
      kustomizations.set(env, list);
    }
    if (apiVersion.startsWith('helm.toolkit.fluxcd.io/')) {
      const list = releases.get(env) ?? [];
      list.push({ name: `${namespace}/${name}`, file, dependsOn: namesOf(get(value, 'spec', 'dependsOn'), namespace) });
      releases.set(env, list);
    }
  }
  const order: Record<string, string[]> = {};
  for (const [env, nodes] of [...kustomizations].sort(([a], [b]) => (a < b ? -1 : 1)))
    order[env] = checkGraph('Kustomization', env, nodes, problems);
  for (const [env, nodes] of releases) checkGraph('HelmRelease', env, nodes, problems);
  return {
    problems,
    order,
    paths: [...fluxPaths].sort(),
    external: external.sort((a, b) => (a.kustomization < b.kustomization ? -1 : 1)),
  };
}
