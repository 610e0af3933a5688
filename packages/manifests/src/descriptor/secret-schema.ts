import { z } from 'zod';
import { objectName, strictObject } from './fields.js';

/** A SealedSecret: values encrypted with the cluster's sealed-secrets key (`kubeseal`). */
export const sealedSecretSchema = strictObject({
  encryptedData: z.record(z.string(), z.string(), { error: 'a map of key: ciphertext from kubeseal' }),
  /** @default "Opaque" */
  type: z.string().optional(),
  /** @default "strict" */
  scope: z.enum(['strict', 'namespace-wide', 'cluster-wide']).optional(),
});

/** A Secret encrypted with SOPS (values `ENC[AES256_GCM,…]`), decrypted by Flux. */
export const sopsSecretSchema = strictObject({
  data: z.record(z.string(), z.string()).optional(),
  stringData: z.record(z.string(), z.string()).optional(),
  /** The `sops` metadata block written by `sops --encrypt`. */
  sops: z.record(z.string(), z.unknown()),
  /** @default "Opaque" */
  type: z.string().optional(),
});

export const sealedSecretsSchema = z.record(objectName, sealedSecretSchema);
export const sopsSecretsSchema = z.record(objectName, sopsSecretSchema);
export const configMapsSchema = z.record(objectName, z.record(z.string(), z.string()), {
  error: 'a map of ConfigMap name to {key: value}',
});
