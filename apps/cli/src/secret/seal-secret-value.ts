import type { KeyObject } from 'node:crypto';
import { hybridEncrypt } from './hybrid-encrypt.js';
import { encryptionLabel, scopeAnnotation, sealedSecretApiVersion, type SealingScope } from './sealing-scope.js';

export interface SealTarget {
  /** @default 'strict' */
  readonly scope?: SealingScope;
  /** The Secret's name: required for strict scope (and for a SealedSecret object). */
  readonly name?: string;
  /** The Secret's namespace: required for strict and namespace-wide scope. */
  readonly namespace?: string;
}

/** What a scope needs, as errors (empty when the target is complete). */
export function checkSealTarget(target: SealTarget): string[] {
  const scope = target.scope ?? 'strict';
  const errors: string[] = [];
  if (scope === 'strict' && !target.name)
    errors.push("--name: expected the Secret's name (strict scope binds the value to it), received nothing");
  if (scope !== 'cluster-wide' && !target.namespace)
    errors.push(
      `--namespace: expected the Secret's namespace (${scope} scope binds the value to it), received nothing`,
    );
  return errors;
}

/**
 * Seals one value for a Secret: the base64 string kubeseal puts under `encryptedData`
 * (what `kubeseal --raw` prints), decryptable only by the controller holding the
 * certificate's private key, and only for the scope's name and namespace.
 */
export function sealSecretValue(publicKey: KeyObject, value: Uint8Array, target: SealTarget): string {
  const errors = checkSealTarget(target);
  if (errors.length > 0) throw new Error(errors.join('\n'));
  const label = encryptionLabel(target.scope ?? 'strict', target.namespace ?? '', target.name ?? '');
  return hybridEncrypt(publicKey, value, label).toString('base64');
}

/**
 * The SealedSecret object for one sealed key, shaped as kubeseal writes it: the scope's
 * annotation both on the object (the controller reads the label from it) and on the
 * template (it carries on to the Secret).
 */
export function sealedSecretObject(
  target: SealTarget & { readonly name: string },
  key: string,
  sealed: string,
): Record<string, unknown> {
  const annotation = scopeAnnotation(target.scope ?? 'strict');
  const metadata = {
    name: target.name,
    ...(target.namespace ? { namespace: target.namespace } : {}),
    ...(annotation ? { annotations: { [annotation]: 'true' } } : {}),
  };
  return {
    apiVersion: sealedSecretApiVersion,
    kind: 'SealedSecret',
    metadata,
    spec: { encryptedData: { [key]: sealed }, template: { metadata, type: 'Opaque' } },
  };
}
