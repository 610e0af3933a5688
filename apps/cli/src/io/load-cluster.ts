import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isClusterModule, type ClusterModule } from '@sugarkube/cluster';
import { ValidationError } from '@sugarkube/core';
import { inputError, UsageError, type Problem } from '../cli-error.js';
import { jsonSyntaxProblem, lineOfKey } from './json-file-error.js';
import { locateModuleError } from './locate-module-error.js';
import { withoutImpliedIssues } from '../issues/without-implied-issues.js';

/** Where the repo's Sugarkube settings are: the nearest package.json with a `sugarkube` field. */
export interface RepoConfig {
  /** The directory of that package.json: the cluster repo's root. */
  readonly root: string;
  /** `sugarkube.cluster`: the cluster module, absolute. */
  readonly cluster?: string;
  /** `sugarkube.out`: where synth writes, absolute. @default the root */
  readonly out: string;
}

export interface LoadedCluster {
  readonly module: ClusterModule;
  /** The file the module was loaded from, absolute. */
  readonly source: string;
  /** The pins file, absolute. */
  readonly pinsPath: string;
  /** The pins as on disk (`{}` when the file does not exist yet). */
  readonly pins: unknown;
  /** The default output directory. */
  readonly out: string;
  /** The cluster repo's root (the package.json's directory), when there is one. */
  readonly root: string | undefined;
}

/** A path as messages show it: relative to the working directory when inside it. */
export function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : path;
}

function fieldProblem(
  file: string,
  shown: string,
  text: string,
  field: 'cluster' | 'out',
  expected: string,
  value: unknown,
): Problem {
  const line = lineOfKey(text, field, 'sugarkube');
  return {
    message: `${shown}${line ? `:${line}` : ''}: sugarkube.${field}: expected ${expected}, received ${JSON.stringify(value)}`,
    file,
    ...(line ? { line } : {}),
  };
}

/** Reads the nearest package.json (from `cwd` up) that has a `sugarkube` field. */
export function findRepoConfig(cwd: string): RepoConfig | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && statSync(file).isFile()) {
      const text = readFileSync(file, 'utf8');
      const shown = shownPath(cwd, file);
      let manifest: unknown;
      try {
        manifest = JSON.parse(text) as unknown;
      } catch (error) {
        throw inputError([jsonSyntaxProblem(file, shown, text, error as Error)]);
      }
      if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
        throw inputError([
          {
            message: `${shown}:1: expected a JSON object, received ${JSON.stringify(manifest)?.slice(0, 40)}`,
            file,
            line: 1,
          },
        ]);
      }
      const settings = (manifest as { sugarkube?: unknown }).sugarkube;
      if (settings !== undefined) {
        if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
          const line = lineOfKey(text, 'sugarkube');
          throw inputError([
            {
              message: `${shown}${line ? `:${line}` : ''}: sugarkube: expected an object such as { "cluster": "cluster.ts" }, received ${JSON.stringify(settings)}`,
              file,
              ...(line ? { line } : {}),
            },
          ]);
        }
        const { cluster, out } = settings as { cluster?: unknown; out?: unknown };
        const problems: Problem[] = [];
        if (cluster !== undefined && (typeof cluster !== 'string' || cluster === ''))
          problems.push(
            fieldProblem(file, shown, text, 'cluster', 'the path of the cluster module, e.g. "cluster.ts"', cluster),
          );
        if (out !== undefined && (typeof out !== 'string' || out === ''))
          problems.push(fieldProblem(file, shown, text, 'out', 'a directory, e.g. "."', out));
        if (problems.length > 0) throw inputError(problems);
        return {
          root: dir,
          ...(typeof cluster === 'string' ? { cluster: resolve(dir, cluster) } : {}),
          out: resolve(dir, typeof out === 'string' ? out : '.'),
        };
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function readPins(cwd: string, path: string): unknown {
  if (!existsSync(path)) return {};
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw inputError([jsonSyntaxProblem(path, shownPath(cwd, path), text, error as Error)]);
  }
}

/** A thrown value as one line: its message (first line), never a stack or a code frame. */
function describeThrown(error: unknown): string {
  if (ValidationError.is(error)) return error.message.split('\n')[0]!;
  if (error instanceof Error)
    return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message.split('\n')[0]}`;
  return `it threw ${typeof error === 'string' ? `the string ${JSON.stringify(error)}` : (JSON.stringify(error) ?? String(error))}, not an Error`;
}

/** An issue of a file the module read (`/abs/sugarkube.yaml:3:5: …`), shown relative to the working directory. */
function validationProblem(cwd: string, subject: string, message: string): Problem {
  const at = /^(\/[^:]+)(?::(\d+):(\d+))?: ([\s\S]*)$/.exec(message);
  if (at && at[2] === undefined) return { message: `${shownPath(cwd, at[1]!)}: ${at[4]}`, file: at[1]! };
  if (!at) {
    // `app descriptor /abs/sugarkube.yaml`: name the file as the user sees it.
    const file = /(\/\S+)$/.exec(subject)?.[1];
    return file ? { message: `${shownPath(cwd, file)}: ${message}`, file } : { message: `${subject}: ${message}` };
  }
  const file = at[1]!;
  return {
    message: `${shownPath(cwd, file)}:${at[2]}:${at[3]}: ${at[4]}`,
    file,
    line: Number(at[2]),
    column: Number(at[3]),
  };
}

/** What a default export is, for the message when it is not a cluster module. */
function describeExport(value: unknown): string {
  if (value === undefined) return 'no default export';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object'
    ? `an object with keys ${Object.keys(value).slice(0, 5).join(', ') || '(none)'}`
    : `a ${typeof value}`;
}

/**
 * Loads the cluster module: the one given with `--cluster`, else the one the nearest
 * package.json names in `"sugarkube": { "cluster": "…" }`. It must default-export
 * `clusterModule({ definition, pinsFile })` from `@sugarkube/cluster`. Every failure is one
 * problem naming the file (and the line, when the error or the probe can tell).
 */
export async function loadCluster(cwd: string, explicit?: string): Promise<LoadedCluster> {
  if (explicit === '') throw new UsageError('--cluster: expected the path of the cluster module, received ""');
  const config = findRepoConfig(cwd);
  const source = explicit !== undefined ? resolve(cwd, explicit) : config?.cluster;
  if (!source) {
    throw inputError(
      'no cluster definition found: pass --cluster MODULE, or add "sugarkube": { "cluster": "cluster.ts" } to package.json (`sugarkube init cluster` scaffolds a cluster repo)',
    );
  }
  const shown = shownPath(cwd, source);
  if (!existsSync(source)) throw inputError([{ message: `${shown}: the cluster module does not exist`, file: source }]);
  if (!statSync(source).isFile())
    throw inputError([{ message: `${shown}: expected the cluster module file, found a directory`, file: source }]);
  let loaded: { default?: unknown };
  try {
    loaded = (await import(pathToFileURL(source).href)) as { default?: unknown };
  } catch (error) {
    // The module read an app descriptor (readAppYaml) and it is invalid: its problems, each with file and line.
    if (ValidationError.is(error))
      throw inputError(
        withoutImpliedIssues(error.issues).map((issue) => validationProblem(cwd, error.subject, issue.message)),
      );
    const at = locateModuleError(error, source);
    const where = at ? `${shownPath(cwd, at.file)}:${at.line}${at.column ? `:${at.column}` : ''}` : shown;
    const via = at && at.file !== source ? ` (imported by ${shown})` : '';
    throw inputError([
      {
        message: `${where}: the cluster module failed to load${via}: ${describeThrown(error)}`,
        file: at?.file ?? source,
        ...(at ? { line: at.line } : {}),
        ...(at?.column ? { column: at.column } : {}),
      },
    ]);
  }
  const value = loaded.default;
  if (!isClusterModule(value)) {
    throw inputError([
      {
        message: `${shown}: expected \`export default clusterModule({ definition, pinsFile })\` (from @sugarkube/cluster), received ${describeExport(value)}`,
        file: source,
      },
    ]);
  }
  if (typeof value.pinsFile !== 'string' && !(value.pinsFile instanceof URL)) {
    throw inputError([
      {
        message: `${shown}: clusterModule({ pinsFile }): expected a path or a file: URL, received ${describeExport(value.pinsFile)}`,
        file: source,
      },
    ]);
  }
  const pinsPath =
    value.pinsFile instanceof URL ? fileURLToPath(value.pinsFile) : resolve(dirname(source), value.pinsFile);
  return {
    module: value,
    source,
    pinsPath,
    pins: readPins(cwd, pinsPath),
    out: config?.out ?? resolve(cwd),
    root: config?.root,
  };
}
