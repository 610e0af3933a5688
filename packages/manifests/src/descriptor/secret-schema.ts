import { z } from 'zod';
import { expectedPhrase } from '@sugarkube/core';
import { objectName, strictObject } from '@sugarkube/core';

/** A SealedSecret: values encrypted with the cluster's sealed-secrets key (`kubeseal`). */
export const sealedSecretSchema = strictObject({
  encryptedData: z.record(z.string(), z.string(), { error: 'a map of key: ciphertext from kubeseal' }),
  /** @default "Opaque" */
  type: z.string().optional(),
  /** @default "strict" */
  scope: z.enum(['strict', 'namespace-wide', 'cluster-wide']).optional(),
});

/**
 * A Secret document exactly as `sops --encrypt` wrote it (values `ENC[AES256_GCM,…]`),
 * decrypted by Flux. Passed through verbatim, key order included: the SOPS MAC
 * covers every value in order, so nothing may be added (set `metadata.namespace` yourself).
 */
const sopsDocumentShape = z.looseObject({
  apiVersion: z.literal('v1'),
  kind: z.literal('Secret'),
  metadata: z.looseObject({ name: objectName, namespace: objectName }),
  data: z.record(z.string(), z.string()).optional(),
  stringData: z.record(z.string(), z.string()).optional(),
  /** The `sops` metadata block written by `sops --encrypt`. */
  sops: z.record(z.string(), z.unknown()),
});
type SopsDocument = z.output<typeof sopsDocumentShape>;

const { $schema: _drop, ...sopsDocumentJsonSchema } = z.toJSONSchema(sopsDocumentShape, { io: 'input' });

// Checked against the shape, but the original object is kept: parsing would
// rebuild it in the shape's key order and break the SOPS MAC.
export const sopsSecretSchema = z
  .custom<SopsDocument>(() => true)
  .superRefine((value, ctx) => {
    const result = sopsDocumentShape.safeParse(value, { error: expectedPhrase });
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...issue, input: undefined } as never);
  })
  .meta(sopsDocumentJsonSchema);

export const sealedSecretsSchema = z.record(objectName, sealedSecretSchema);
export const sopsSecretsSchema = z.array(sopsSecretSchema, { error: 'a list of SOPS-encrypted Secret documents' });
export const configMapsSchema = z.record(objectName, z.record(z.string(), z.string()), {
  error: 'a map of ConfigMap name to {key: value}',
});
