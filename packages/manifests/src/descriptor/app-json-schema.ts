import { z } from 'zod';
import { appDescriptorSchema } from './app-schema.js';

/** Where the published schema lives, for `$schema` / `# yaml-language-server: $schema=` lines. */
export const schemaUrl = 'https://unpkg.com/@sugarkube/manifests/dist/sugarkube.schema.json';

/**
 * The JSON Schema of `sugarkube.yaml`, generated from the same zod schema as
 * the types and the validation (input side: optional fields stay optional).
 */
export function appJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(appDescriptorSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: schemaUrl,
    title: 'Sugarkube app descriptor (sugarkube.yaml)',
    description:
      'One small typed description of an app; @sugarkube/manifests turns it into Kubernetes objects per environment.',
  };
}
