import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheEntry } from './cache-entry.js';
import { runTool } from './run-tool.js';
import { writeTempTree } from './write-temp-tree.js';

interface SchemaError {
  readonly path?: string;
  readonly message?: string;
  readonly best_deep_match?: { readonly path?: string; readonly message?: string };
}

interface CheckJsonschemaReport {
  readonly status?: string;
  readonly errors?: readonly SchemaError[];
  readonly parse_errors?: ReadonlyArray<{ readonly message?: string }>;
}

/**
 * Validates a workflow against SchemaStore's GitHub workflow JSON schema (vendored by the
 * pinned check-jsonschema). Each error reads `$.jobs.build: <message>`, with the most
 * specific cause when the schema offered alternatives (`'runs-on' is a required property`).
 */
export async function validateWorkflowSchema(yamlText: string): Promise<{ ok: boolean; errors: readonly string[] }> {
  const checker = cacheEntry('check-jsonschema');
  const schema = cacheEntry('github-workflow-schema.json');
  const dir = await writeTempTree([{ path: 'workflow.yml', content: yamlText }]);
  try {
    const run = await runTool(checker, ['--schemafile', schema, '--output-format', 'json', join(dir, 'workflow.yml')]);
    let report: CheckJsonschemaReport;
    try {
      report = JSON.parse(run.stdout) as CheckJsonschemaReport;
    } catch {
      throw new Error(`check-jsonschema failed (exit ${run.code}):\n${run.stderr}${run.stdout}`);
    }
    const errors = [
      ...(report.parse_errors ?? []).map((e) => `parse error: ${e.message ?? '?'}`),
      ...(report.errors ?? []).map((e) => {
        const head = `${e.path ?? '$'}: ${e.message ?? '?'}`;
        const deep = e.best_deep_match;
        return deep?.message !== undefined && deep.message !== e.message ? `${head} (${deep.path ?? e.path ?? '$'}: ${deep.message})` : head;
      }),
    ];
    return { ok: run.code === 0 && errors.length === 0, errors };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
