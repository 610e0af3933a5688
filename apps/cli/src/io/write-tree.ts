import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checkTreeWritable } from './check-tree-writable.js';
import {
  legacyTempBase,
  planTreeCommit,
  type DiskEntry,
  type TreeChange,
  type TreeCommitPlan,
  type TreeConflict,
} from './plan-tree-commit.js';
import { readTreeSnapshot } from './read-tree-snapshot.js';
import { TreeWriteError } from './tree-write-error.js';
import { acquireTreeLock, LOCK_FILE } from './tree-lock.js';
import {
  commitUnits,
  hasCommittedJournal,
  recoverLocked,
  TRASH_PREFIX,
  TXN_DIR,
  type RecoveryOutcome,
} from './tree-transaction.js';

/*
 * The CLI's tree writer: the whole tree changes at once, or not at all.
 *
 * The output directory may be a repository root: the tree's top-level directories
 * (`clusters/`, `apps/`, `infrastructure/`) and `README.md` sit beside the user's own
 * files, so the output directory cannot simply be swapped for a new one. Instead:
 *
 * 1. Check everything first: the generated paths, the files in the way (a file the
 *    writer did not write, i.e. neither listed in `.sugarkube-files.json` nor carrying the
 *    generated marker, is a conflict, named, unless `force`), and that every directory
 *    a rename or deletion touches is writable and on the same filesystem. Nothing has
 *    changed if any check fails.
 * 2. Plan the smallest set of disjoint subtrees ("units") to swap: a directory holding
 *    only sugarkube's files is one unit, a directory that also holds the user's files is
 *    entered and only sugarkube's entries in it are units (plan-tree-commit.ts).
 * 3. Stage each unit's new subtree in `DIR/.sugarkube-txn/new/`, fsynced; then write the
 *    journal, whose atomic creation is the commit point; then rename each old unit out
 *    and the new one in; then delete the transaction (tree-transaction.ts).
 *
 * A run killed before the journal exists has changed nothing; one killed after it has
 * decided the new tree. The next `synth`, `diff` or `validate --dir` on the directory
 * first recovers it (`recoverTree`): rolls the journal forward, or back if a rename has
 * become impossible, and deletes what the killed run left, so a tree is only ever seen
 * entirely old or entirely new. A lock file (`DIR/.sugarkube-lock`, holding the pid)
 * tells an interrupted transaction from one in progress.
 */

import type { GeneratedFile } from '@sugarkube/core';

export type { GeneratedFile };

/** The manifest a writer keeps in the output root: the files it owns. */
export const OWNED_FILES_MANIFEST = '.sugarkube-files.json';

export interface WriteTreeOptions {
  /**
   * Overwrite (and delete, when the tree replaces them) files and directories in the way
   * that sugarkube did not write. Files at paths the tree does not generate are never touched.
   * @default false
   */
  readonly force?: boolean;
}

export interface WriteTreeResult {
  /** What changed (the writer's own manifest left out). */
  readonly changes: readonly TreeChange[];
  readonly written: number;
  readonly unchanged: number;
  readonly removed: number;
}

/** Files in the way: the writer did not write them, so it neither overwrites nor deletes them. */
export class TreeConflictError extends Error {
  override readonly name = 'TreeConflictError';
  constructor(
    readonly root: string,
    readonly conflicts: readonly TreeConflict[],
  ) {
    super(
      `${conflicts.length} path(s) in ${root} are in the way; sugarkube did not write them, so it neither overwrites nor deletes them:\n` +
        conflicts.map((c) => `  ${c.path}: ${c.reason}\n`).join('') +
        'Nothing was written. Move them away, or run again with --force to replace them.',
    );
  }
}

/** The writer's own names in the output root, never generated. */
const reservedPrefix = '.sugarkube-';
const legacyManifestTemp = /^\.sugarkube-files\.json\.tmp-\d+$/;

/** Every generated path must be a plain relative path inside the root; all problems at once. */
function checkGeneratedPaths(root: string, files: readonly GeneratedFile[]): Map<string, string> {
  const problems: string[] = [];
  const tree = new Map<string, string>();
  for (const { path, content } of files) {
    const segments = path.split('/');
    if (path.startsWith('/') || path.includes('\\') || segments.includes('..'))
      problems.push(`generated path "${path}" escapes the output directory ${root}`);
    else if (segments.some((s) => s === '' || s === '.'))
      problems.push(`generated path "${path}" is not a plain relative path (empty or "." segment)`);
    else if (segments[0]!.startsWith(reservedPrefix))
      problems.push(`generated path "${path}" is reserved for the writer (names starting with ${reservedPrefix})`);
    else if (tree.has(path)) problems.push(`generated path "${path}" is produced twice`);
    else tree.set(path, content);
  }
  for (const path of tree.keys()) {
    for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
      if (tree.has(path.slice(0, i)))
        problems.push(`generated path "${path.slice(0, i)}" is a file, but "${path}" needs it to be a directory`);
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return tree;
}

/** The files the previous run wrote into `root` (empty when it has no manifest). */
export async function readOwned(root: string): Promise<string[]> {
  try {
    const parsed = JSON.parse(await readFile(join(root, OWNED_FILES_MANIFEST), 'utf8')) as { files?: unknown };
    return Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

function manifestContent(paths: Iterable<string>): string {
  return `${JSON.stringify({ generatedBy: 'sugarkube', files: [...paths].sort() }, null, 2)}\n`;
}

interface PlannedWrite {
  readonly plan: TreeCommitPlan;
  readonly disk: ReadonlyMap<string, DiskEntry>;
  /** The tree with its manifest. */
  readonly full: ReadonlyMap<string, string>;
  readonly previous: ReadonlySet<string>;
}

async function planAgainstDisk(root: string, tree: ReadonlyMap<string, string>, force: boolean): Promise<PlannedWrite> {
  const previous = new Set(await readOwned(root));
  const full = new Map([...tree, [OWNED_FILES_MANIFEST, manifestContent(tree.keys())]]);
  const owned = new Set([...previous, OWNED_FILES_MANIFEST]);
  const rootNames = await readdir(root).catch(() => [] as string[]);
  for (const name of rootNames) if (legacyManifestTemp.test(name)) owned.add(name);
  const top = new Set([...full.keys(), ...owned].map((p) => p.split('/')[0]!));
  const disk = await readTreeSnapshot(
    root,
    full,
    owned,
    (name) => top.has(name) || top.has(legacyTempBase(name) ?? ''),
  );
  return { plan: planTreeCommit({ files: full, owned, disk, force }), disk, full, previous };
}

/** Whether the root exists; refuses a root that is not a directory. */
async function rootExists(root: string): Promise<boolean> {
  const info = await stat(root).catch((error: NodeJS.ErrnoException) =>
    error.code === 'ENOENT'
      ? undefined
      : Promise.reject(
          new TreeWriteError('input', [
            `${root}: cannot create the output directory (${error.code === 'ENOTDIR' ? 'ENOTDIR: a parent is a file' : (error.code ?? error.message)})`,
          ]),
        ),
  );
  if (info && !info.isDirectory())
    throw new TreeWriteError('input', [`${root}: expected a directory to write the tree into, found a file`]);
  return info !== undefined;
}

/**
 * Writes a generated tree into `root`, all or nothing (see the comment at the top of this
 * file). Files the previous run wrote and this one no longer generates are removed;
 * files the writer never wrote are never overwritten or deleted: a TreeConflictError
 * names each one in the way, unless `force`.
 */
export async function writeTree(
  root: string,
  files: readonly GeneratedFile[],
  options: WriteTreeOptions = {},
): Promise<WriteTreeResult> {
  const absRoot = resolve(root);
  const tree = checkGeneratedPaths(absRoot, files);
  if (!(await rootExists(absRoot))) {
    await mkdir(absRoot, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new TreeWriteError('input', [
        `${absRoot}: cannot create the output directory (${error.code ?? error.message})`,
      ]);
    });
  }
  const lock = await acquireTreeLock(absRoot);
  try {
    await recoverLocked(absRoot);
    const { plan, disk, full, previous } = await planAgainstDisk(absRoot, tree, options.force ?? false);
    if (plan.conflicts.length > 0) throw new TreeConflictError(absRoot, plan.conflicts);
    const problems = await checkTreeWritable(absRoot, plan.units, disk);
    if (problems.length > 0)
      throw new TreeWriteError(
        'input',
        problems.map((p) => `cannot write ${absRoot}, nothing was changed: ${p}`),
      );
    if (plan.units.length > 0) await commitUnits(absRoot, plan.units, full);
    return {
      changes: plan.changes.filter((c) => c.path !== OWNED_FILES_MANIFEST),
      written: plan.changes.filter((c) => c.change !== 'removed' && c.path !== OWNED_FILES_MANIFEST).length,
      unchanged: plan.unchanged.filter((p) => p !== OWNED_FILES_MANIFEST).length,
      removed: plan.changes.filter((c) => c.change === 'removed' && previous.has(c.path)).length,
    };
  } finally {
    await lock.release();
  }
}

export interface TreeCheck {
  /** An interrupted write waits to be finished: the next synth, diff or validate --dir changes the tree. */
  readonly interrupted: boolean;
  readonly changes: readonly TreeChange[];
  readonly conflicts: readonly TreeConflict[];
}

/** What `writeTree` would change in `root`, without writing anything (not even a lock). */
export async function checkTree(
  root: string,
  files: readonly GeneratedFile[],
  options: WriteTreeOptions = {},
): Promise<TreeCheck> {
  const absRoot = resolve(root);
  const tree = checkGeneratedPaths(absRoot, files);
  await rootExists(absRoot);
  if (await hasCommittedJournal(absRoot)) return { interrupted: true, changes: [], conflicts: [] };
  const { plan } = await planAgainstDisk(absRoot, tree, options.force ?? false);
  return {
    interrupted: false,
    changes: plan.changes.filter((c) => c.path !== OWNED_FILES_MANIFEST),
    conflicts: plan.conflicts,
  };
}

/**
 * Finishes or undoes a write that was interrupted in `root` (a killed synth) and removes
 * what it left; a no-op that writes nothing when there is none. Every command that reads
 * a tree calls it first.
 */
export async function recoverTree(root: string): Promise<RecoveryOutcome> {
  const absRoot = resolve(root);
  const names = await readdir(absRoot).catch(() => [] as string[]);
  if (!names.some((n) => n === TXN_DIR || n === LOCK_FILE || n.startsWith(TRASH_PREFIX))) return 'none';
  const lock = await acquireTreeLock(absRoot);
  try {
    const outcome = await recoverLocked(absRoot);
    return outcome === 'none' && lock.tookOverStale ? 'cleaned' : outcome;
  } finally {
    await lock.release();
  }
}

/** The line a command prints after `recoverTree`, or undefined when there was nothing to do. */
export function describeRecovery(root: string, outcome: RecoveryOutcome): string | undefined {
  const prefix = `recovered ${resolve(root)}:`;
  if (outcome === 'rolled-forward') return `${prefix} finished the write an interrupted synth had committed`;
  if (outcome === 'rolled-back')
    return `${prefix} undid the unfinished write of an interrupted synth; the previous tree is intact`;
  if (outcome === 'cleaned') return `${prefix} removed what an interrupted synth left`;
  return undefined;
}

export type { RecoveryOutcome, TreeChange, TreeConflict };
