import { issueWithMessage, type Issue } from '@sugarkube/core';

const secretLikeName = /(^|_)(TOKEN|TOKENS|PASSWORD|PASSWD|SECRET|API_KEY|APIKEY|PRIVATE_KEY|CREDENTIALS)$/;
/** kubeseal output: base64 of the sealed blob, always long. */
const sealedCiphertext = /^[A-Za-z0-9+/]{64,}={0,2}$/;
const sopsCiphertext = /^ENC\[AES256_GCM,data:[^\]]*\]$/;

/** How to turn a plaintext value into a SealedSecret entry. */
export function sealHint(namespace: string, name: string, key: string): string {
  return (
    `seal it instead: kubectl create secret generic ${name} --namespace ${namespace} ` +
    `--from-literal=${key}=<value> --dry-run=client -o yaml | kubeseal --format yaml ` +
    `--controller-namespace kube-system --controller-name sealed-secrets, then put its ` +
    `spec.encryptedData under sealedSecrets.${name}.encryptedData and reference it as {secret: ${name}, key: ${key}}`
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function checkEnv(env: unknown, path: PropertyKey[], namespace: string, out: Issue[]) {
  if (!isRecord(env)) return;
  for (const [name, value] of Object.entries(env)) {
    if (typeof value === 'string' && value !== '' && secretLikeName.test(name)) {
      const secret = `${namespace}-${name.toLowerCase().replace(/_/g, '-')}`;
      out.push(issueWithMessage([...path, name], 'a {secret, key} reference', JSON.stringify('…'),
        `plaintext secret value refused (${name} looks like a secret); ${sealHint(namespace, secret, name.toLowerCase())}`));
    }
  }
}

function checkSealed(secrets: unknown, path: PropertyKey[], namespace: string, out: Issue[]) {
  if (!isRecord(secrets)) return;
  for (const [name, secret] of Object.entries(secrets)) {
    if (!isRecord(secret)) continue;
    for (const field of ['data', 'stringData']) {
      if (field in secret) {
        out.push(issueWithMessage([...path, name, field], 'encryptedData', field,
          `plaintext secret values refused; ${sealHint(namespace, name, 'KEY')}`));
      }
    }
    if (!isRecord(secret.encryptedData)) continue;
    for (const [key, value] of Object.entries(secret.encryptedData)) {
      if (typeof value === 'string' && !sealedCiphertext.test(value)) {
        out.push(issueWithMessage([...path, name, 'encryptedData', key], 'kubeseal ciphertext', '"…"',
          `value is not sealed ciphertext (plaintext refused); ${sealHint(namespace, name, key)}`));
      }
    }
  }
}

function checkSops(secrets: unknown, path: PropertyKey[], out: Issue[]) {
  if (!Array.isArray(secrets)) return;
  for (const [name, secret] of secrets.entries()) {
    if (!isRecord(secret)) continue;
    for (const field of ['data', 'stringData']) {
      const values = secret[field];
      if (!isRecord(values)) continue;
      for (const [key, value] of Object.entries(values)) {
        if (typeof value === 'string' && !sopsCiphertext.test(value)) {
          out.push(issueWithMessage([...path, name, field, key], 'SOPS ciphertext ENC[AES256_GCM,…]', '"…"',
            'value is not SOPS-encrypted (plaintext refused); encrypt the file with ' +
              '`sops --encrypt --encrypted-regex "^(data|stringData)$" --in-place secret.yaml` or use sealedSecrets'));
        }
      }
    }
  }
}

function checkExtraObjects(objects: unknown, path: PropertyKey[], namespace: string, out: Issue[]) {
  if (!Array.isArray(objects)) return;
  objects.forEach((object, index) => {
    if (!isRecord(object) || object.kind !== 'Secret') return;
    const name = isRecord(object.metadata) && typeof object.metadata.name === 'string' ? object.metadata.name : 'NAME';
    out.push(issueWithMessage([...path, index], 'a SealedSecret', '"Secret"',
      `a plain Secret would put its values in Git; ${sealHint(namespace, name, 'KEY')}`));
  });
}

/** Finds plaintext secret values anywhere in the raw input; runs even when the shape is wrong. */
export function findPlaintextSecrets(input: unknown): Issue[] {
  const out: Issue[] = [];
  if (!isRecord(input)) return out;
  const namespace = typeof input.namespace === 'string' ? input.namespace : typeof input.name === 'string' ? input.name : 'APP';
  const scopes: [Record<string, unknown>, PropertyKey[]][] = [[input, []]];
  if (isRecord(input.environments)) {
    for (const [env, value] of Object.entries(input.environments)) if (isRecord(value)) scopes.push([value, ['environments', env]]);
  }
  for (const [scope, path] of scopes) {
    checkSealed(scope.sealedSecrets, [...path, 'sealedSecrets'], namespace, out);
    checkSops(scope.sopsSecrets, [...path, 'sopsSecrets'], out);
    checkEnv(scope.env, [...path, 'env'], namespace, out);
    checkExtraObjects(scope.extraObjects, [...path, 'extraObjects'], namespace, out);
    if (isRecord(scope.services)) {
      for (const [service, value] of Object.entries(scope.services)) {
        if (isRecord(value)) checkEnv(value.env, [...path, 'services', service, 'env'], namespace, out);
      }
    }
  }
  if (Array.isArray(input.services)) {
    input.services.forEach((service, index) => {
      if (!isRecord(service)) return;
      checkEnv(service.env, ['services', index, 'env'], namespace, out);
      for (const kind of ['initContainers', 'sidecars']) {
        const list = service[kind];
        if (Array.isArray(list)) list.forEach((c, i) => isRecord(c) && checkEnv(c.env, ['services', index, kind, i, 'env'], namespace, out));
      }
    });
  }
  return out;
}
