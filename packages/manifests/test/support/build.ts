/* eslint-disable @typescript-eslint/no-explicit-any -- built objects are untyped Kubernetes JSON */
import { join } from 'node:path';
import { kustomizeBuild, writeTempTree } from '@sugarkube/verify';
import { parseAllDocuments } from 'yaml';
import { orderKeys as sortKeys, type GeneratedFile } from '@sugarkube/core';
import type { KubeObject } from '../../src/index.js';

const key = (o: any) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;

/** Objects in a canonical order with canonical key order, for comparing plans with what kustomize built. */
export function canonical(objects: readonly unknown[]): unknown[] {
  return [...objects].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((o) => sortKeys(o));
}

/** Writes a rendered tree to a temp dir and runs the real `kustomize build` on each overlay. */
export async function buildOverlays(
  files: readonly GeneratedFile[],
  overlays: readonly string[],
): Promise<Map<string, { yaml: string; objects: KubeObject[] }>> {
  const dir = await writeTempTree(files);
  const out = new Map<string, { yaml: string; objects: KubeObject[] }>();
  for (const overlay of overlays) {
    const yaml = await kustomizeBuild(join(dir, overlay));
    out.set(overlay, { yaml, objects: parseAllDocuments(yaml).map((d) => d.toJS() as KubeObject) });
  }
  return out;
}
