import { z } from 'zod';
import { objectName, strictObject } from '@sugarkube/core';

/** Any extra Kubernetes object, added to one environment as is (after the same plaintext-secret checks). */
export const extraObjectSchema = z.looseObject({
  apiVersion: z
    .string({ error: 'an apiVersion such as "v1"' })
    .regex(/^([a-z0-9.-]+\/)?v[0-9]+((alpha|beta)[0-9]+)?$/, {
      error: 'an apiVersion such as "v1" or "apps/v1"',
    })
    .describe('The apiVersion, e.g. "v1" or "apps/v1".'),
  kind: z
    .string({ error: 'a kind such as "ConfigMap"' })
    .regex(/^[A-Z][A-Za-z0-9]*$/, { error: 'a kind such as "ConfigMap"' })
    .describe('The kind, e.g. "ConfigMap".'),
  metadata: z
    .looseObject({
      name: objectName.describe('The object name.'),
      namespace: objectName.describe("Its namespace. Default: the app's.").optional(),
    })
    .describe("The object's metadata."),
});

/** One RFC 6902 operation. */
export const jsonPatchOperationSchema = strictObject({
  op: z.enum(['add', 'remove', 'replace', 'move', 'copy', 'test']).describe('The RFC 6902 operation.'),
  path: z
    .string()
    .regex(/^(\/([^~/]|~[01])*)+$/, { error: 'a JSON pointer such as "/spec/replicas"' })
    .describe('A JSON pointer, e.g. "/spec/replicas".'),
  value: z.unknown().describe('The value (add, replace, test).').optional(),
  from: z
    .string()
    .regex(/^(\/([^~/]|~[01])*)+$/, { error: 'a JSON pointer' })
    .describe('The source pointer (move, copy).')
    .optional(),
});

/** A patch of one planned object: JSON 6902 operations or a strategic-merge fragment. */
export const patchSchema = strictObject({
  target: strictObject({
    kind: z
      .string()
      .regex(/^[A-Z][A-Za-z0-9]*$/, { error: 'a kind such as "Deployment"' })
      .describe('The kind, e.g. "Deployment".'),
    name: objectName.describe('The object name, e.g. "web".'),
  }).describe('The planned object to patch.'),
  json6902: z
    .array(jsonPatchOperationSchema)
    .min(1, { error: 'at least one operation' })
    .describe('JSON 6902 operations (one of json6902, strategicMerge).')
    .optional(),
  strategicMerge: z
    .record(z.string(), z.unknown())
    .describe('A strategic-merge fragment, merged as kustomize merges it.')
    .optional(),
});
