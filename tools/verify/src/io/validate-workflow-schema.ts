import { cacheEntry } from './cache-entry.js';
import { checkJsonschema } from './check-jsonschema.js';

/**
 * Validates a workflow against SchemaStore's GitHub workflow JSON schema (vendored by the
 * pinned check-jsonschema). Each error reads `$.jobs.build: <message>`, with the most
 * specific cause when the schema offered alternatives (`'runs-on' is a required property`).
 */
export async function validateWorkflowSchema(yamlText: string): Promise<{ ok: boolean; errors: readonly string[] }> {
  const result = await checkJsonschema(cacheEntry('github-workflow-schema.json'), [
    { path: 'workflow.yml', content: yamlText },
  ]);
  return {
    ok: result.ok,
    errors: result.problems.map((p) =>
      p.path === '$' && p.message.startsWith('parse error') ? p.message : `${p.path}: ${p.message}`,
    ),
  };
}
