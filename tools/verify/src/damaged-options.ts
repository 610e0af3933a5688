/**
 * Damaged options, fed to a public entry point: wrong types, typos in keys and values
 * (`runtime: 'pyhton'`, `server.kind: 'uvicron'`), unknown keys, nulls, arrays for objects,
 * objects for arrays, missing fields, a broken root. Each call either succeeds (the damage was
 * harmless) or throws a `ValidationError` whose issues name the damaged path: never a
 * `TypeError`, never any other error. Entry points that return issues never throw.
 */
import { formatPath, ValidationError } from '@sugarkube/core';
import fc from 'fast-check';

type Key = string | number;
/** A path into an input, as keys and indexes. */
export type Path = readonly Key[];

/** One public entry point and a valid input for it. */
export interface DamageSubject {
  readonly name: string;
  readonly valid: unknown;
  /** Calls the entry point with the (damaged) input; may return a promise. */
  readonly call: (input: unknown) => unknown;
  /** Returns issues (`{ path, message }[]`) instead of throwing. */
  readonly returnsIssues?: boolean;
  /** Where the damaged argument sits in the reported paths (a second argument's issues say `file.`). */
  readonly reportedUnder?: Path;
}

/** What the runs found, over every subject checked with the same tally. */
export interface DamageTally {
  runs: number;
  harmless: number;
  validationErrors: number;
  issueLists: number;
  issues: number;
  otherErrors: number;
}

/** A fresh tally. */
export const damageTally = (): DamageTally => ({
  runs: 0,
  harmless: 0,
  validationErrors: 0,
  issueLists: 0,
  issues: 0,
  otherErrors: 0,
});

/**
 * Plain data: an object literal or JSON. A branded value (symbol keys, such as an `App` from
 * `defineApp`) or a class instance is opaque: damaged as a whole, never inside.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && Object.getOwnPropertySymbols(value).length === 0;
}

/** Every path into a value (the root included). */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

/** A typo: two neighbouring characters swapped, one dropped or one doubled. */
export function typo(word: string, at: number, how: number): string {
  if (word.length < 2) return `${word}x`;
  const i = at % (word.length - 1);
  if (how % 3 === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (how % 3 === 1) return word.slice(0, i) + word.slice(i + 1);
  return word.slice(0, i) + word[i] + word.slice(i);
}

/** One damage applied to an input, and the paths a good report names. */
export interface Damage {
  readonly kind: string;
  /** Paths a good report names (or a parent or child of them). */
  readonly paths: readonly Path[];
  /** A string changed in place: a cross-field check may name a sibling instead. */
  readonly loose?: boolean;
  /**
   * A name the damage made or removed (a changed value, a misspelled or deleted key): a report
   * that mentions it names the damage (`unknown service "web" (did you mean "wbe"?)`,
   * `environment: expected one of the app's environments (staging), received "prod"`).
   */
  readonly mentions?: string;
}

/** Replacement values: every JSON type, NaN, undefined, small lists and maps. */
export const junk = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }),
);

/** The kinds of damage. */
export const damageKinds = [
  'replace',
  'typo-key',
  'typo-value',
  'unknown-key',
  'delete',
  'null',
  'array-for-object',
  'object-for-array',
] as const;
export type DamageKind = (typeof damageKinds)[number];

/** Copies plain data; opaque values (an `App`, a `URL`) are kept as they are. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
  return value;
}

/** Applies one damage at `path` of a copy of `valid`; returns the damaged input and what it broke. */
export function damage(
  valid: unknown,
  path: Path,
  kind: DamageKind,
  replacement: unknown,
  at: number,
  how: number,
): { input: unknown; damage: Damage } | undefined {
  if (path.length === 0)
    return kind === 'replace' || kind === 'null'
      ? { input: kind === 'null' ? null : replacement, damage: { kind: `root ${kind}`, paths: [[]] } }
      : undefined;
  const input = copy(valid);
  const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<Key, unknown>)[k], input) as Record<
    Key,
    unknown
  >;
  const key = path[path.length - 1]!;
  const current = parent[key];
  switch (kind) {
    case 'replace':
      parent[key] = replacement;
      // A replaced name is a removed name: a reference to it elsewhere no longer resolves.
      return { input, damage: { kind, paths: [path], ...(typeof current === 'string' ? { mentions: current } : {}) } };
    case 'null':
      parent[key] = null;
      return { input, damage: { kind, paths: [path] } };
    case 'delete':
      if (Array.isArray(parent)) return undefined;
      delete parent[key];
      return { input, damage: { kind, paths: [path], mentions: typeof current === 'string' ? current : String(key) } };
    case 'typo-key': {
      if (Array.isArray(parent) || typeof key !== 'string') return undefined;
      const wrong = typo(key, at, how);
      if (wrong in parent) return undefined;
      delete parent[key];
      parent[wrong] = current;
      return {
        input,
        damage: { kind: `typo-key ${key}→${wrong}`, paths: [path, [...path.slice(0, -1), wrong]], mentions: wrong },
      };
    }
    case 'typo-value':
      if (typeof current !== 'string') return undefined;
      parent[key] = typo(current, at, how);
      return {
        input,
        damage: {
          kind: `typo-value ${current}→${String(parent[key])}`,
          paths: [path],
          loose: true,
          mentions: String(parent[key]),
        },
      };
    case 'unknown-key':
      if (!isPlainObject(current)) return undefined;
      (current as Record<string, unknown>)[`zz${typo('extra', at, how)}`] = replacement;
      return { input, damage: { kind, paths: [path] } };
    case 'array-for-object':
      if (!isPlainObject(current)) return undefined;
      parent[key] = Object.values(current);
      return { input, damage: { kind, paths: [path] } };
    case 'object-for-array':
      if (!Array.isArray(current)) return undefined;
      parent[key] = Object.fromEntries(current.map((v, i) => [String(i), v]));
      return { input, damage: { kind, paths: [path] } };
  }
}

/**
 * The issue names the damage: its path is the damaged path, a parent (not the root) or a child
 * of it; or its message names the damaged path, or quotes the name the damage made or removed
 * (a reference elsewhere that no longer resolves: `unknown service "web" (did you mean "wbe"?)`).
 */
export function namesDamage(found: { readonly path: string; readonly message: string }, d: Damage): boolean {
  if (d.mentions !== undefined && found.message.includes(JSON.stringify(d.mentions))) return true;
  const issuePath = found.path;
  return d.paths.some((p) => {
    const target = formatPath(p);
    if (target === '') return true;
    // The message itself points at the damaged field (`… (or a tag at apps[1].app.services[0].image.tag)`).
    if (found.message.includes(` ${target}`)) return true;
    if (issuePath === target || issuePath.startsWith(`${target}.`) || issuePath.startsWith(`${target}[`)) return true;
    if (issuePath !== '' && (target.startsWith(`${issuePath}.`) || target.startsWith(`${issuePath}[`))) return true;
    // A cross-field check may name a sibling (workspace.app changed: workspace.packages lacks it).
    const parent = formatPath(p.slice(0, -1));
    if (parent !== '' && (issuePath.startsWith(`${parent}.`) || issuePath.startsWith(`${parent}[`))) return true;
    // A changed string can trip a cross-field check elsewhere in the same top-level field.
    return d.loose === true && formatPath(p.slice(0, 1)) === issuePath.split(/[.[]/)[0];
  });
}

const where = (d: Damage) => d.paths.map((p) => formatPath(p) || '(root)').join(' / ');

/** Checks one outcome; throws an Error that says what went wrong and on which input. */
function judge(
  subject: DamageSubject,
  d: Damage,
  outcome: { result: unknown } | { error: unknown },
  tally: DamageTally,
) {
  if ('error' in outcome) {
    const { error } = outcome;
    if (!ValidationError.is(error)) {
      tally.otherErrors++;
      throw new Error(`${subject.name}, ${d.kind} at ${where(d)}: ${String((error as Error)?.stack ?? error)}`);
    }
    tally.validationErrors++;
    tally.issues += error.issues.length;
    if (subject.returnsIssues) throw new Error(`${subject.name} returns issues, it must not throw:\n${error.message}`);
    if (error.issues.length === 0) throw new Error(`${subject.name}: a ValidationError without issues`);
    for (const i of error.issues) {
      if (typeof i.expected !== 'string' || typeof i.received !== 'string')
        throw new Error(`${subject.name}: an issue without expected/received: ${JSON.stringify(i)}`);
      if (i.path && !i.message.startsWith(`${i.path}: `))
        throw new Error(`${subject.name}: the message does not start with its path: ${i.message}`);
    }
    if (!error.issues.some((i) => namesDamage(i, d)))
      throw new Error(`${subject.name}, ${d.kind} at ${where(d)}: no issue names the damaged path:\n${error.message}`);
    return;
  }
  if (!subject.returnsIssues) {
    tally.harmless++;
    return;
  }
  const issues = outcome.result as readonly { path: string; message: string }[];
  if (!Array.isArray(issues)) throw new Error(`${subject.name} returned ${String(issues)}, not a list of issues`);
  if (issues.length === 0) {
    tally.harmless++;
    return;
  }
  tally.issueLists++;
  tally.issues += issues.length;
  if (!issues.some((i) => namesDamage(i, d)))
    throw new Error(`${subject.name}, ${d.kind} at ${where(d)}:\n${issues.map((i) => i.message).join('\n')}`);
}

const damageArbitraries = [fc.nat(), fc.constantFrom(...damageKinds), junk, fc.nat(), fc.nat()] as const;

function applied(subject: DamageSubject, candidates: Path[], args: [number, DamageKind, unknown, number, number]) {
  const [pathIndex, kind, replacement, at, how] = args;
  const done = damage(subject.valid, candidates[pathIndex % candidates.length]!, kind, replacement, at, how);
  if (done === undefined) return undefined;
  const prefix = subject.reportedUnder ?? [];
  return { input: done.input, damage: { ...done.damage, paths: done.damage.paths.map((p) => [...prefix, ...p]) } };
}

/**
 * Feeds `numRuns` damaged copies of `subject.valid` to `subject.call` (fast-check: a failure
 * is shrunk to the smallest damage that shows it) and throws on the first wrong outcome.
 * Works for entry points that return promises too.
 */
export async function checkDamagedOptions(
  subject: DamageSubject,
  options: { readonly numRuns: number; readonly tally?: DamageTally; readonly seed?: number },
): Promise<DamageTally> {
  const tally = options.tally ?? damageTally();
  const candidates = pathsOf(subject.valid);
  await fc.assert(
    fc.asyncProperty(...damageArbitraries, async (...args) => {
      const done = applied(subject, candidates, args);
      fc.pre(done !== undefined);
      tally.runs++;
      let outcome: { result: unknown } | { error: unknown };
      try {
        outcome = { result: await subject.call(done!.input) };
      } catch (error) {
        outcome = { error };
      }
      judge(subject, done!.damage, outcome, tally);
    }),
    { numRuns: options.numRuns, ...(options.seed === undefined ? {} : { seed: options.seed }) },
  );
  return tally;
}

/** The run count per subject: `DAMAGED_OPTIONS_RUNS` (raise it for a deeper search), else `fallback`. */
export function damagedOptionRuns(fallback = 300): number {
  const fromEnv = Number(process.env['DAMAGED_OPTIONS_RUNS']);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}

/**
 * The fast-check seed for one subject: `DAMAGED_OPTIONS_SEED` (an integer, or `random` for a new
 * search every run), else a fixed seed from the subject's name, so a run is repeatable and a
 * failure names its seed. Search deeper with `DAMAGED_OPTIONS_SEED=random DAMAGED_OPTIONS_RUNS=5000`.
 */
export function damagedOptionSeed(subjectName: string): number | undefined {
  const fromEnv = process.env['DAMAGED_OPTIONS_SEED'];
  if (fromEnv === 'random') return undefined;
  if (fromEnv !== undefined && Number.isInteger(Number(fromEnv)) && fromEnv.trim() !== '') return Number(fromEnv);
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (const c of subjectName) hash = Math.imul(hash ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return hash | 0;
}
