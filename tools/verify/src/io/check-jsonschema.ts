import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheEntry } from './cache-entry.js';
import { runTool } from './run-tool.js';
import { writeTempTree, type TreeFile } from './write-temp-tree.js';

/** One schema violation (or YAML/JSON parse error) in one document. */
export interface SchemaProblem {
  /** The document's `path` as given. */
  readonly source: string;
  /** JSON path of the failing value (`$.jobs.build`), `$` for parse errors. */
  readonly path: string;
  /** What failed, with the most specific cause when the schema offered alternatives. */
  readonly message: string;
}

interface SchemaError {
  readonly filename?: string;
  readonly path?: string;
  readonly message?: string;
  readonly best_deep_match?: { readonly path?: string; readonly message?: string };
}

interface CheckJsonschemaReport {
  readonly errors?: readonly SchemaError[];
  readonly parse_errors?: ReadonlyArray<{ readonly filename?: string; readonly message?: string }>;
}

/**
 * Runs the pinned check-jsonschema once over every document (YAML or JSON, by extension)
 * against the schema file. Documents are stored under numbered names and mapped back.
 */
export async function checkJsonschema(
  schemaFile: string,
  documents: ReadonlyArray<TreeFile>,
): Promise<{ ok: boolean; problems: readonly SchemaProblem[] }> {
  if (documents.length === 0) return { ok: true, problems: [] };
  const checker = cacheEntry('check-jsonschema');
  const stored = documents.map((d, i) => ({
    path: `${String(i).padStart(4, '0')}${/\.json$/i.test(d.path) ? '.json' : '.yaml'}`,
    content: d.content,
  }));
  const dir = await writeTempTree(stored);
  try {
    const files = stored.map((f) => join(dir, f.path));
    const run = await runTool(checker, ['--schemafile', schemaFile, '--output-format', 'json', ...files]);
    let report: CheckJsonschemaReport;
    try {
      report = JSON.parse(run.stdout) as CheckJsonschemaReport;
    } catch {
      throw new Error(`check-jsonschema failed (exit ${run.code}):\n${run.stderr}${run.stdout}`);
    }
    const sourceOf = (filename: string | undefined): string => {
      const i = files.indexOf(filename ?? '');
      return i >= 0 ? documents[i]!.path : (filename ?? '?');
    };
    const problems: SchemaProblem[] = [
      ...(report.parse_errors ?? []).map((e) => ({
        source: sourceOf(e.filename),
        path: '$',
        message: `parse error: ${e.message ?? '?'}`,
      })),
      ...(report.errors ?? []).map((e) => {
        const deep = e.best_deep_match;
        const cause =
          deep?.message !== undefined && deep.message !== e.message
            ? ` (${deep.path ?? e.path ?? '$'}: ${deep.message})`
            : '';
        return { source: sourceOf(e.filename), path: e.path ?? '$', message: `${e.message ?? '?'}${cause}` };
      }),
    ];
    return { ok: run.code === 0 && problems.length === 0, problems };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Validates documents against a JSON Schema (draft 4 to 2020-12, as declared by its
 * `$schema`) with the pinned check-jsonschema, in one run.
 */
export async function validateJsonSchema(
  schema: object,
  documents: ReadonlyArray<TreeFile>,
): Promise<{ ok: boolean; problems: readonly SchemaProblem[] }> {
  const dir = await writeTempTree([]);
  try {
    const schemaFile = join(dir, 'schema.json');
    await writeFile(schemaFile, JSON.stringify(schema));
    return await checkJsonschema(schemaFile, documents);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
