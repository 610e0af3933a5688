import type { GeneratedFile } from '@sugarkube/core';
import { plannedTree, readExisting } from '../io/planned-tree.js';
import { readOwned } from '../io/write-tree.js';
import { unifiedDiff } from '../render/unified-diff.js';

/** One file synth would change, with its unified diff. */
export interface FileDiff {
  readonly path: string;
  readonly change: 'added' | 'modified' | 'removed';
  readonly before: string | undefined;
  readonly after: string | undefined;
  readonly diff: string;
}

/**
 * What `synth` would change in `out`: every generated file against the tree on disk (setter
 * values kept as synth keeps them) and every file the previous run wrote that is no longer
 * generated, in path order.
 */
export async function treeDiff(out: string, files: readonly GeneratedFile[]): Promise<FileDiff[]> {
  const next = new Map((await plannedTree(out, files)).map((f) => [f.path, f.content]));
  const paths = [...new Set([...next.keys(), ...(await readOwned(out))])].sort();
  const diffs: FileDiff[] = [];
  for (const path of paths) {
    const before = await readExisting(out, path);
    const after = next.get(path);
    const diff = unifiedDiff(path, before, after);
    if (!diff) continue;
    diffs.push({
      path,
      change: before === undefined ? 'added' : after === undefined ? 'removed' : 'modified',
      before,
      after,
      diff,
    });
  }
  return diffs;
}
