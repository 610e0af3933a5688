import { z } from 'zod';
import { clusterDefinitionSchema } from './cluster-definition.js';
import { pinsSchema } from './pins.js';

/**
 * The JSON Schema of the cluster definition, generated from the same zod schema as the types
 * and the validation (input side). `apps[].app` is the app's own descriptor: see
 * `@sugarkube/manifests`' schema.
 */
export function clusterJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(clusterDefinitionSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    title: 'Sugarkube cluster definition',
  };
}

/** The JSON Schema of `sugarkube.pins.json`. */
export function pinsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(pinsSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'Sugarkube pins (what runs where)',
  };
}
