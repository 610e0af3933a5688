import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exists, fsyncDir, fsyncDirs, writeFileDurable } from './durable-fs.js';
import type { CommitUnit } from './plan-tree-commit.js';

/**
 * The transaction that commits a tree. Everything lives in the output root, on the
 * same filesystem as the tree, so every step is a rename(2):
 *
 *   DIR/.sugarkube-txn/new/<unit>     the new subtree of each unit, complete and fsynced
 *   DIR/.sugarkube-txn/old/<unit>     where the old subtree goes when it is moved out
 *   DIR/.sugarkube-txn/journal.json   the units; its atomic creation is the commit point
 *   DIR/.sugarkube-trash-*            a finished transaction being deleted
 *
 * Before the journal exists nothing in the tree has changed: recovery deletes the
 * staging (roll back). Once it exists, the new tree is decided: recovery finishes the
 * renames (roll forward), and only if a rename cannot be done (a directory made
 * immutable meanwhile) undoes the ones done (roll back). Each unit's state is read from
 * which of staged/old/target exist, so both directions resume wherever a kill stopped them.
 */
export const TXN_DIR = '.sugarkube-txn';
export const TRASH_PREFIX = '.sugarkube-trash-';
const JOURNAL = 'journal.json';

/** How `recoverTree` found the output root. */
export type RecoveryOutcome = 'none' | 'rolled-back' | 'rolled-forward' | 'cleaned';

interface Journal {
  readonly version: 1;
  readonly units: readonly CommitUnit[];
}

function at(base: string, path: string): string {
  return join(base, ...path.split('/'));
}

interface UnitPaths {
  readonly target: string;
  readonly staged: string;
  readonly backup: string;
}

function unitPaths(root: string, unit: CommitUnit): UnitPaths {
  const txn = join(root, TXN_DIR);
  return {
    target: at(root, unit.path),
    staged: at(join(txn, 'new'), unit.path),
    backup: at(join(txn, 'old'), unit.path),
  };
}

/** The directories whose entries a unit's renames change (synced after a pass). */
function touchedDirs(paths: UnitPaths): string[] {
  return [dirname(paths.target), dirname(paths.staged), dirname(paths.backup)];
}

async function moveAside(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await rename(from, to);
}

/** Does one unit's renames; a unit already done is left as it is. */
async function forward(root: string, unit: CommitUnit): Promise<void> {
  const paths = unitPaths(root, unit);
  if (unit.action === 'remove') {
    if ((await exists(paths.target)) && !(await exists(paths.backup))) await moveAside(paths.target, paths.backup);
    return;
  }
  if (!(await exists(paths.staged))) return; // installed already
  if (await exists(paths.target)) {
    if (unit.action === 'add' || (await exists(paths.backup))) {
      throw new Error(
        `${paths.target} appeared while the tree was being written; move it away and run sugarkube synth again`,
      );
    }
    await moveAside(paths.target, paths.backup);
  }
  await rename(paths.staged, paths.target);
}

/** Undoes one unit's renames; a unit never started is left as it is. */
async function backward(root: string, unit: CommitUnit): Promise<void> {
  const paths = unitPaths(root, unit);
  if (unit.action !== 'remove' && !(await exists(paths.staged)) && (await exists(paths.target))) {
    await moveAside(paths.target, paths.staged);
  }
  if ((await exists(paths.backup)) && !(await exists(paths.target))) await rename(paths.backup, paths.target);
}

async function pass(root: string, units: readonly CommitUnit[], step: typeof forward): Promise<void> {
  for (const unit of units) await step(root, unit);
  await fsyncDirs(units.flatMap((unit) => touchedDirs(unitPaths(root, unit))));
}

/** Moves a finished transaction out of the way in one rename, then deletes it. */
async function discard(root: string): Promise<void> {
  const trash = join(root, `${TRASH_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
  await rename(join(root, TXN_DIR), trash);
  await fsyncDir(root);
  await rm(trash, { recursive: true, force: true });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Rolls a committed journal forward, or back when forward fails; throws only when neither is possible. */
async function settle(
  root: string,
  journal: Journal,
): Promise<{ outcome: 'rolled-forward' | 'rolled-back'; cause?: unknown }> {
  try {
    await pass(root, journal.units, forward);
    return { outcome: 'rolled-forward' };
  } catch (forwardError) {
    try {
      await pass(root, [...journal.units].reverse(), backward);
      return { outcome: 'rolled-back', cause: forwardError };
    } catch (backwardError) {
      throw new Error(
        `${root} is half-written: completing the write failed (${message(forwardError)}) and undoing it failed (${message(backwardError)}); ` +
          `fix the cause and run sugarkube synth on it again, which finishes or undoes it (journal: ${join(root, TXN_DIR, JOURNAL)})`,
      );
    }
  }
}

async function readJournal(root: string): Promise<Journal | undefined> {
  const file = join(root, TXN_DIR, JOURNAL);
  if (!(await exists(file))) return undefined;
  const parsed = JSON.parse(await readFile(file, 'utf8')) as { version?: unknown; units?: unknown };
  const units: unknown[] = Array.isArray(parsed.units) ? parsed.units : [];
  // Recovery renames whatever the journal names: only plain relative paths inside the root.
  const isUnit = (u: unknown): u is CommitUnit => {
    const { path, action } = (u ?? {}) as Partial<CommitUnit>;
    return (
      typeof path === 'string' &&
      path.split('/').every((s) => s !== '' && s !== '.' && s !== '..') &&
      ['add', 'replace', 'remove'].includes(action ?? '')
    );
  };
  if (parsed.version !== 1 || !units.every(isUnit))
    throw new Error(`${file} is not a journal this sugarkube can read; move ${join(root, TXN_DIR)} away by hand`);
  return { version: 1, units: units as CommitUnit[] };
}

/** Whether an interrupted transaction past its commit point is waiting in `root` (read-only). */
export async function hasCommittedJournal(root: string): Promise<boolean> {
  return exists(join(root, TXN_DIR, JOURNAL));
}

/**
 * Finishes or undoes an interrupted transaction in `root` and deletes what it left.
 * The caller holds the root's lock.
 */
export async function recoverLocked(root: string): Promise<RecoveryOutcome> {
  let outcome: RecoveryOutcome = 'none';
  if (await exists(join(root, TXN_DIR))) {
    const journal = await readJournal(root);
    outcome = journal ? (await settle(root, journal)).outcome : 'rolled-back';
    await discard(root);
  }
  for (const name of await readdir(root)) {
    if (!name.startsWith(TRASH_PREFIX)) continue;
    await rm(join(root, name), { recursive: true, force: true });
    if (outcome === 'none') outcome = 'cleaned';
  }
  return outcome;
}

/**
 * Commits `units` into `root`: stages the new subtrees, writes the journal (the commit
 * point), renames, deletes the transaction. On an I/O error the tree is left as it was
 * (before the journal: nothing was touched; after it: the renames are undone) and the
 * error is thrown. The caller holds the root's lock and has recovered it.
 */
export async function commitUnits(
  root: string,
  units: readonly CommitUnit[],
  files: ReadonlyMap<string, string>,
): Promise<void> {
  const txn = join(root, TXN_DIR);
  await mkdir(txn);
  try {
    const newRoot = join(txn, 'new');
    const stagedDirs = new Set<string>([txn, newRoot]);
    for (const unit of units) {
      if (unit.action === 'remove') continue;
      for (const [path, content] of files) {
        if (path !== unit.path && !path.startsWith(`${unit.path}/`)) continue;
        const file = at(newRoot, path);
        await writeFileDurable(file, content);
        for (let dir = dirname(file); dir !== newRoot; dir = dirname(dir)) stagedDirs.add(dir);
      }
    }
    await fsyncDirs(stagedDirs);
    const journal: Journal = { version: 1, units };
    await writeFileDurable(join(txn, `${JOURNAL}.tmp`), `${JSON.stringify(journal, null, 2)}\n`);
    await rename(join(txn, `${JOURNAL}.tmp`), join(txn, JOURNAL));
    await fsyncDir(txn);
  } catch (error) {
    await discard(root);
    throw new Error(`could not stage the new tree in ${txn} (${message(error)}); nothing in ${root} was changed`);
  }
  const settled = await settle(root, { version: 1, units });
  try {
    await discard(root);
  } catch (error) {
    const state = settled.outcome === 'rolled-forward' ? 'the new tree is in place' : 'the previous tree is intact';
    throw new Error(
      `${state}, but ${root}'s transaction files could not be deleted (${message(error)}); the next sugarkube synth retries`,
    );
  }
  if (settled.outcome === 'rolled-back') {
    throw new Error(
      `could not write ${root} (${message(settled.cause)}); the changes already made were undone: the previous tree is intact`,
    );
  }
}
