import { checkArguments, commented } from '@sugarkube/core';
import { objectIdentity } from '../validate/arguments.js';
import type { KubeObject } from '../plan/kube-object.js';

/**
 * Sealed ciphertext is random base64 next to key names such as `token` or `password`, which
 * secret scanners' generic rules flag (gitleaks: about two in three realistic SealedSecrets).
 * The renderer marks each value `# gitleaks:allow`, the scanner's own inline allowance, so a
 * user's secret scan of the repo stays meaningful. Plaintext never gets here: validation
 * refuses it first. Only for rendering: planned objects stay plain data.
 */
export function withScannerAllowances(object: KubeObject): KubeObject {
  checkArguments('withScannerAllowances argument', [[[], objectIdentity, object]]);
  if (object.kind !== 'SealedSecret') return object;
  const spec = object.spec as { encryptedData?: Record<string, string> } | undefined;
  if (!spec?.encryptedData) return object;
  const encryptedData = Object.fromEntries(
    Object.entries(spec.encryptedData).map(([k, v]) => [k, commented(v, 'gitleaks:allow')]),
  );
  return { ...object, spec: { ...spec, encryptedData } };
}
