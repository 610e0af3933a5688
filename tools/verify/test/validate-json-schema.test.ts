import { describe, expect, it } from 'vitest';
import { validateJsonSchema } from '../src/index.js';

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['name', 'port'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    port: { type: 'integer', minimum: 1, maximum: 65535 },
  },
};

describe('validateJsonSchema (check-jsonschema, one run for all documents)', () => {
  it('accepts valid YAML and JSON documents', async () => {
    const result = await validateJsonSchema(schema, [
      { path: 'a/sugarkube.yaml', content: 'name: web\nport: 8080\n' },
      { path: 'b.json', content: '{"name":"api","port":80}' },
    ]);
    expect(result).toEqual({ ok: true, problems: [] });
  });

  it('reports each failing document by its path, with the JSON path of the failure', async () => {
    const result = await validateJsonSchema(schema, [
      { path: 'good.yaml', content: 'name: web\nport: 8080\n' },
      { path: 'port.yaml', content: 'name: web\nport: "80a"\n' },
      { path: 'extra.yaml', content: 'name: web\nport: 80\nprot: 1\n' },
      { path: 'broken.yaml', content: 'name: [web\n' },
    ]);
    expect(result.ok).toBe(false);
    const bySource = Object.fromEntries(result.problems.map((p) => [p.source, p]));
    expect(Object.keys(bySource).sort()).toEqual(['broken.yaml', 'extra.yaml', 'port.yaml']);
    expect(bySource['port.yaml']).toMatchObject({ path: '$.port' });
    expect(bySource['port.yaml']!.message).toMatch(/'80a' is not of type 'integer'/);
    expect(bySource['extra.yaml']!.message).toMatch(/'prot' was unexpected/);
    expect(bySource['broken.yaml']!.message).toMatch(/^parse error/);
  });
});
