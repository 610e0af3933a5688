import { z } from 'zod';
import { expectedPhrase } from '@sugarkube/core';
import { objectName, strictObject } from '@sugarkube/core';

/** A SealedSecret: values encrypted with the cluster's sealed-secrets key (`kubeseal`). */
export const sealedSecretSchema = strictObject({
  encryptedData: z
    .record(z.string(), z.string(), { error: 'a map of key: ciphertext from kubeseal' })
    .describe('Key → ciphertext, as `kubeseal` or `sugarkube secret seal` prints it; plaintext is refused.'),
  type: z.string().describe('The Secret type. Default "Opaque".').optional(),
  scope: z
    .enum(['strict', 'namespace-wide', 'cluster-wide'])
    .describe('The sealing scope the ciphertext was made with. Default "strict" (this name and namespace).')
    .optional(),
});

/**
 * A Secret document exactly as `sops --encrypt` wrote it (values `ENC[AES256_GCM,…]`),
 * decrypted by Flux. Passed through verbatim, key order included: the SOPS MAC
 * covers every value in order, so nothing may be added (set `metadata.namespace` yourself).
 */
const sopsDocumentShape = z.looseObject({
  apiVersion: z.literal('v1').describe('"v1".'),
  kind: z.literal('Secret').describe('"Secret".'),
  metadata: z
    .looseObject({
      name: objectName.describe('The Secret name.'),
      namespace: objectName.describe('Its namespace (set it yourself: nothing may be added after encryption).'),
    })
    .describe("The Secret's metadata."),
  data: z.record(z.string(), z.string()).describe('Encrypted base64 values: ENC[AES256_GCM,…].').optional(),
  stringData: z.record(z.string(), z.string()).describe('Encrypted string values: ENC[AES256_GCM,…].').optional(),
  sops: z.record(z.string(), z.unknown()).describe('The `sops` metadata block written by `sops --encrypt`.'),
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
export const configMapsSchema = z
  .record(objectName, z.record(z.string(), z.string()), {
    error: 'a map of ConfigMap name to {key: value}',
  })
  .describe('ConfigMaps: name → {key: value} (secret-looking values are refused).');
