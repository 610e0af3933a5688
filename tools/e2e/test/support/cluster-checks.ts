/** Reading and checking a synthesized cluster repo. */
import { execFileSync } from 'node:child_process';
import { isImmutableTag, mutableTags } from '@sugarkube/core';
import { parseAllDocuments } from 'yaml';
import { readTree } from '../../src/io/file-tree.js';

/** `cluster.ts` as `init cluster` wrote it, with its imports uncommented, zones added and apps in `apps: [`. */
export function addApps(module: string, entries: readonly string[], zones: readonly string[]): string {
  if (!/^\/\/ import \{ readAppYaml \}/m.test(module))
    throw new Error(`cluster.ts has no commented readAppYaml import:\n${module}`);
  let out = module.replace(/^\/\/ (import .*)$/gm, '$1');
  out = out.replace(
    /dnsZones: \[([^\]]*)\]/,
    (_m, list: string) => `dnsZones: [${[list, ...zones.map((z) => `'${z}'`)].join(', ')}]`,
  );
  if (!out.includes('  apps: [\n')) throw new Error('cluster.ts has no "  apps: [" line');
  return out.replace('  apps: [\n', `  apps: [\n${entries.join('')}`);
}

/** The files of a cluster repo (its tree and definition), without node_modules and .git. */
export function clusterFiles(dir: string): { path: string; content: string }[] {
  const tree = readTree(dir, (p) => p.startsWith('node_modules/') || p.startsWith('.git/'));
  return Object.entries(tree).map(([path, content]) => ({ path, content }));
}

/** The files committed at HEAD of a git repo, as Flux's GitRepository would fetch them (before `ignore`). */
export function committedFiles(repo: string): { path: string; content: string }[] {
  const paths = execFileSync('git', ['ls-tree', '-r', '--name-only', '-z', 'HEAD'], { cwd: repo, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  return paths.map((path) => ({
    path,
    content: execFileSync('git', ['show', `HEAD:${path}`], {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  }));
}

/** Every container image a YAML stream runs (containers and init containers of every pod template). */
export function imagesIn(yaml: string): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
        for (const c of value)
          if (typeof (c as { image?: unknown }).image === 'string') out.push((c as { image: string }).image);
      }
      visit(value);
    }
  };
  for (const doc of parseAllDocuments(yaml)) visit(doc.toJS());
  return out;
}

/** The tag and digest of an image reference (`repo:tag@sha256:…`). */
export function referenceParts(image: string): { repository: string; tag?: string; digest?: string } {
  const [name, digest] = image.split('@') as [string, string | undefined];
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > slash ? name.slice(colon + 1) : undefined;
  return {
    repository: colon > slash ? name.slice(0, colon) : name,
    ...(tag ? { tag } : {}),
    ...(digest ? { digest } : {}),
  };
}

/** Why an image reference would run something that can move: no tag and no digest, or a moving tag. */
export function movingReason(image: string, strict: boolean): string | undefined {
  const { tag, digest } = referenceParts(image);
  if (tag === undefined && digest === undefined) return 'no tag and no digest';
  if (tag !== undefined && mutableTags.includes(tag)) return `the moving tag "${tag}"`;
  if (strict && digest === undefined && tag !== undefined && !isImmutableTag(tag)) return `"${tag}" names no build`;
  return undefined;
}
