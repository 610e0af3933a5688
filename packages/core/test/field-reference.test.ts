import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldReference, strictObject } from '../src/index.js';

const page = (schema: z.ZodType) =>
  fieldReference(z.toJSONSchema(schema, { io: 'input' }), { title: 'T', intro: 'I', command: 'npm run docs' });
const rows = (text: string) => text.split('\n').filter((line) => line.startsWith('| `'));

describe('fieldReference', () => {
  it('one row per field: path, type, required, description; nested objects, lists and maps by path', () => {
    const schema = strictObject({
      name: z.string().describe('The app, e.g. <app> | "shop".'),
      port: z.number().int().min(1).max(65535).optional().describe('The port.'),
      kind: z.enum(['a', 'b']).describe('A kind.'),
      services: z.array(strictObject({ name: z.string().describe('A service.') })).describe('Services.'),
      env: z
        .record(z.string(), strictObject({ value: z.string().describe('A value.') }))
        .optional()
        .describe('Env.'),
    });
    expect(page(schema).split('\n').slice(0, 2)).toEqual([
      '<!-- Generated from the schema by `npm run docs`. Do not edit. -->',
      '# T',
    ]);
    expect(rows(page(schema))).toEqual([
      '| `name` | string | yes | The app, e.g. &lt;app&gt; \\| "shop". |',
      '| `port` | integer 1-65535 |  | The port. |',
      '| `kind` | "a" \\| "b" | yes | A kind. |',
      '| `services` | list of object | yes | Services. |',
      '| `services[].name` | string | yes | A service. |',
      '| `env` | map of object |  | Env. |',
      '| `env.<name>.value` | string | yes | A value. |',
    ]);
  });

  it('a map at the root (the pins file) starts at its values; a titled key names its placeholder', () => {
    const pin = strictObject({ tag: z.string().describe('The tag.') });
    const schema = z.record(
      z.string().meta({ title: 'environment' }),
      z.record(z.string().meta({ title: 'app' }), pin),
    );
    expect(rows(page(schema))).toEqual(['| `<environment>.<app>.tag` | string | yes | The tag. |']);
  });
});
