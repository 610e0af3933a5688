import { hasGeneratedMarker } from './generated-marker.js';

/**
 * What is on disk at one path below the output root, as far as the writer needs to know.
 * Directories the tree reaches into are listed (`children`); any other directory is only
 * probed for whether it holds a file (`holdsFiles`), so a big user directory beside the
 * tree (`node_modules`, `src`) is never walked.
 */
export type DiskEntry =
  | { readonly kind: 'file'; /** Read only at generated paths. */ readonly content?: string }
  | { readonly kind: 'dir'; readonly children?: readonly string[]; readonly holdsFiles?: boolean }
  | { readonly kind: 'other' };

/** One step of a commit: a whole subtree (or one file) that changes by a single rename. */
export interface CommitUnit {
  readonly path: string;
  /** add: nothing was there; replace: the old subtree is moved out, the new one in; remove: moved out only. */
  readonly action: 'add' | 'replace' | 'remove';
}

export interface TreeConflict {
  readonly path: string;
  readonly reason: string;
}

export interface TreeChange {
  readonly path: string;
  readonly change: 'added' | 'modified' | 'removed';
}

export interface TreeCommitInput {
  /** The new tree, by `/`-separated path relative to the root. */
  readonly files: ReadonlyMap<string, string>;
  /** The files the previous run wrote (its owned-files manifest). */
  readonly owned: ReadonlySet<string>;
  /** What is on disk, keyed like `files`; `''` is the root. */
  readonly disk: ReadonlyMap<string, DiskEntry>;
  /** Replace files and directories sugarkube did not write where the tree needs the path. */
  readonly force: boolean;
}

export interface TreeCommitPlan {
  /** Disjoint subtrees, in path order; empty when the disk already holds the tree. */
  readonly units: readonly CommitUnit[];
  readonly conflicts: readonly TreeConflict[];
  readonly changes: readonly TreeChange[];
  readonly unchanged: readonly string[];
}

/** `a/b/c` → `a/b`; a top-level name → `''` (the root). */
export function parentPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

export function childPath(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** Every directory above the given paths, the root (`''`) included. */
export function ancestorDirs(paths: Iterable<string>): Set<string> {
  const dirs = new Set<string>(['']);
  for (const path of paths) {
    for (let dir = parentPath(path); dir !== '' && !dirs.has(dir); dir = parentPath(dir)) dirs.add(dir);
  }
  return dirs;
}

/**
 * The path of the generated file a temporary file of the writer before this one was for
 * (it left `<generated file>.sugarkube-tmp-<pid>` behind when it was killed), or undefined.
 */
export function legacyTempBase(path: string): string | undefined {
  return /^(.+)\.sugarkube-tmp-\d+$/.exec(path)?.[1];
}

/**
 * Decides, without touching the disk, how to turn what is on disk into the new tree:
 * the smallest set of disjoint subtrees to swap, and every conflict.
 *
 * A directory is swapped whole when everything in it is sugarkube's (listed in the
 * manifest, or at a generated path with the generated marker); a directory that also
 * holds the user's files is entered instead, and only sugarkube's entries in it change.
 * So the user's files are never moved, overwritten or deleted, and a tree of a few
 * top-level directories commits in a handful of renames.
 */
export function planTreeCommit(input: TreeCommitInput): TreeCommitPlan {
  const { files, owned, disk, force } = input;
  const newDirs = ancestorDirs(files.keys());
  const oldDirs = ancestorDirs(owned);
  const treeChildren = new Map<string, Set<string>>();
  for (const path of [...files.keys(), ...owned, ...newDirs, ...oldDirs]) {
    if (path === '') continue;
    const dir = parentPath(path);
    if (!treeChildren.has(dir)) treeChildren.set(dir, new Set());
    treeChildren.get(dir)!.add(path.slice(dir === '' ? 0 : dir.length + 1));
  }
  const conflicts: TreeConflict[] = [];
  const changes: TreeChange[] = [];
  const unchanged: string[] = [];

  const ownsFile = (path: string): boolean => {
    if (owned.has(path)) return true;
    const base = legacyTempBase(path);
    return base !== undefined && (files.has(base) || owned.has(base));
  };
  const claimable = (path: string, entry: DiskEntry): boolean =>
    force ||
    (entry.kind === 'file' && (ownsFile(path) || (entry.content !== undefined && hasGeneratedMarker(entry.content))));

  /** The files under `path` sugarkube may not move or delete (at most `limit`). */
  const foreign = (path: string, limit = 3): string[] => {
    const entry = disk.get(path);
    if (!entry) return [];
    if (entry.kind === 'other') return [path];
    if (entry.kind === 'file') return ownsFile(path) || (files.has(path) && claimable(path, entry)) ? [] : [path];
    if (entry.children === undefined) return entry.holdsFiles ? [`${path}/…`] : [];
    const found: string[] = [];
    for (const name of entry.children) {
      if (found.length >= limit) break;
      found.push(...foreign(childPath(path, name), limit - found.length));
    }
    return found;
  };

  const newFilesUnder = (path: string): string[] => [...files.keys()].filter((p) => p.startsWith(`${path}/`));

  function visit(path: string): CommitUnit[] {
    const entry = disk.get(path);
    const content = files.get(path);
    if (content !== undefined) {
      if (!entry) {
        changes.push({ path, change: 'added' });
        return [{ path, action: 'add' }];
      }
      if (entry.kind === 'file' && entry.content === content) {
        unchanged.push(path);
        return [];
      }
      if (entry.kind === 'file' ? claimable(path, entry) : force || foreign(path).length === 0) {
        changes.push({ path, change: 'modified' });
        return [{ path, action: 'replace' }];
      }
      conflicts.push({
        path,
        reason:
          entry.kind === 'file'
            ? 'exists and sugarkube did not write it (not listed in .sugarkube-files.json, no "Generated by @sugarkube/…" first line)'
            : entry.kind === 'dir'
              ? `is a directory holding files sugarkube did not write (${foreign(path).join(', ')}); the tree has a file here`
              : 'is a symbolic link or special file sugarkube did not write; the tree has a file here',
      });
      return [];
    }
    if (newDirs.has(path) || oldDirs.has(path)) {
      if (entry && entry.kind !== 'dir') {
        // The previous tree had a directory here and the user put something else: not ours any more.
        if (!newDirs.has(path)) return [];
        if (force || (entry.kind === 'file' && ownsFile(path))) {
          if (entry.kind === 'file' && ownsFile(path)) changes.push({ path, change: 'removed' });
          for (const added of newFilesUnder(path)) changes.push({ path: added, change: 'added' });
          return [{ path, action: 'replace' }];
        }
        conflicts.push({
          path,
          reason: `is a ${entry.kind === 'file' ? 'file' : 'symbolic link or special file'} sugarkube did not write; the tree has a directory here`,
        });
        return [];
      }
      const names = [...new Set([...(entry?.children ?? []), ...(treeChildren.get(path) ?? [])])].sort();
      const conflictsBefore = conflicts.length;
      const inner = names.flatMap((name) => visit(childPath(path, name)));
      const whole = entry === undefined || foreign(path, 1).length === 0;
      if (path !== '' && inner.length > 0 && conflicts.length === conflictsBefore && whole) {
        return [{ path, action: entry === undefined ? 'add' : newDirs.has(path) ? 'replace' : 'remove' }];
      }
      return inner;
    }
    if (entry?.kind === 'file' && ownsFile(path)) {
      changes.push({ path, change: 'removed' });
      return [{ path, action: 'remove' }];
    }
    return []; // the user's: never touched
  }

  return { units: visit(''), conflicts, changes, unchanged };
}
