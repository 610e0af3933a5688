import { z } from 'zod';
import { objectName, strictObject } from '@sugarkube/core';

/** Any extra Kubernetes object, added to one environment as is (after the same plaintext-secret checks). */
export const extraObjectSchema = z.looseObject({
  apiVersion: z.string({ error: 'an apiVersion such as "v1"' }).regex(/^([a-z0-9.-]+\/)?v[0-9]+((alpha|beta)[0-9]+)?$/, {
    error: 'an apiVersion such as "v1" or "apps/v1"',
  }),
  kind: z.string({ error: 'a kind such as "ConfigMap"' }).regex(/^[A-Z][A-Za-z0-9]*$/, { error: 'a kind such as "ConfigMap"' }),
  metadata: z.looseObject({ name: objectName, namespace: objectName.optional() }),
});

/** One RFC 6902 operation. */
export const jsonPatchOperationSchema = strictObject({
  op: z.enum(['add', 'remove', 'replace', 'move', 'copy', 'test']),
  path: z.string().regex(/^(\/([^~/]|~[01])*)+$/, { error: 'a JSON pointer such as "/spec/replicas"' }),
  value: z.unknown().optional(),
  from: z.string().regex(/^(\/([^~/]|~[01])*)+$/, { error: 'a JSON pointer' }).optional(),
});

/** A patch of one planned object: JSON 6902 operations or a strategic-merge fragment. */
export const patchSchema = strictObject({
  target: strictObject({ kind: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, { error: 'a kind such as "Deployment"' }), name: objectName }),
  json6902: z.array(jsonPatchOperationSchema).min(1, { error: 'at least one operation' }).optional(),
  strategicMerge: z.record(z.string(), z.unknown()).optional(),
});
