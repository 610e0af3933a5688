import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheEntry } from './cache-entry.js';
import { runTool } from './run-tool.js';
import { writeTempTree } from './write-temp-tree.js';

interface CheckJsonschemaReport {
  readonly status?: string;
  readonly errors?: ReadonlyArray<{ readonly path?: string; readonly message?: string }>;
  readonly parse_errors?: ReadonlyArray<{ readonly message?: string }>;
}

/**
 * Validates a workflow against SchemaStore's GitHub workflow JSON schema (vendored by the
 * pinned check-jsonschema). Errors read `$.jobs.build: <message>`.
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
      ...(report.errors ?? []).map((e) => `${e.path ?? '$'}: ${e.message ?? '?'}`),
    ];
    return { ok: run.code === 0 && errors.length === 0, errors };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
