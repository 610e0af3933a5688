/**
 * sealed-secrets' scopes: which Secret name and namespace a sealed value may be unsealed
 * into. The scope is bound into the ciphertext as the RSA-OAEP label, so a value sealed
 * for one name or namespace does not decrypt as another.
 * @see https://github.com/bitnami-labs/sealed-secrets#scopes
 */
export const sealingScopes = ['strict', 'namespace-wide', 'cluster-wide'] as const;
export type SealingScope = (typeof sealingScopes)[number];

/** The SealedSecret API the controller reads. */
export const sealedSecretApiVersion = 'bitnami.com/v1alpha1';

/**
 * The annotation that marks a wider scope on a SealedSecret (and on its template): the
 * controller picks the label to decrypt with from it. Strict has none.
 */
export function scopeAnnotation(scope: SealingScope): string | undefined {
  return scope === 'strict' ? undefined : `sealedsecrets.bitnami.com/${scope}`;
}

/**
 * The RSA-OAEP label for a scope, byte for byte as sealed-secrets' `EncryptionLabel`:
 * `namespace/name` (strict), `namespace` (namespace-wide), empty (cluster-wide).
 */
export function encryptionLabel(scope: SealingScope, namespace: string, name: string): Buffer {
  if (scope === 'cluster-wide') return Buffer.alloc(0);
  return Buffer.from(scope === 'namespace-wide' ? namespace : `${namespace}/${name}`, 'utf8');
}
