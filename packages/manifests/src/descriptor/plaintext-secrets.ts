import { gitleaksScan } from './gitleaks-scan.js';
import { isInertValue, namesASecret } from './secret-names.js';
import { urlsWithPassword } from './url-credentials.js';
import { issueWithMessage, type Issue } from '@sugarkube/core';

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

/** A Secret name and key derived from a variable or key name: `DB_PASS` → `<namespace>-db-pass`, `db_pass`. */
const secretNameFor = (namespace: string, name: string) =>
  `${namespace}-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;

/**
 * Why a literal value is a credential, or undefined: its name says so (when names count there),
 * it is a URL with a password, or one of gitleaks' rules finds a secret in `name: value`.
 */
export function credentialReason(name: string | undefined, value: string, byName: boolean): string | undefined {
  if (byName && name !== undefined && namesASecret(name) && !isInertValue(value)) return `${name} looks like a secret`;
  const urls = urlsWithPassword(value);
  if (urls.length) return `the URL carries a password: ${urls[0]}`;
  const findings = gitleaksScan(name === undefined ? value : `${name}: ${value}`);
  if (findings.length)
    return `gitleaks rule ${[...new Set(findings.map((f) => f.ruleId))].join(', ')} finds a secret in it`;
  return undefined;
}

interface Walk {
  readonly namespace: string;
  readonly out: Issue[];
}

function check(walk: Walk, path: PropertyKey[], name: string | undefined, value: unknown, byName: boolean) {
  if (typeof value !== 'string' || value === '') return;
  const reason = credentialReason(name, value, byName);
  if (!reason) return;
  const key = name ?? String(path[path.length - 1] ?? 'value');
  walk.out.push(
    issueWithMessage(
      path,
      'a {secret, key} reference',
      JSON.stringify('…'),
      `plaintext secret value refused (${reason}); ${sealHint(walk.namespace, secretNameFor(walk.namespace, key), key.toLowerCase())}`,
    ),
  );
}

/** Every string under `node`: names count for env maps, ConfigMap data and `{name, value}` env entries. */
function scan(walk: Walk, node: unknown, path: PropertyKey[], key: string | undefined) {
  if (typeof node === 'string') return check(walk, path, key, node, false);
  if (Array.isArray(node)) return node.forEach((item, i) => scan(walk, item, [...path, i], undefined));
  if (!isRecord(node)) return;
  const envEntry = typeof node.name === 'string' && typeof node.value === 'string';
  if (envEntry) check(walk, [...path, 'value'], node.name as string, node.value, true);
  const configMap = node.kind === 'ConfigMap';
  for (const [field, value] of Object.entries(node)) {
    if (envEntry && (field === 'name' || field === 'value')) continue;
    // Ciphertext, checked as such below; SOPS documents are checked whole.
    if (field === 'encryptedData' || field === 'sopsSecrets' || field === 'sealedSecrets') continue;
    const byName = field === 'env' || (configMap && (field === 'data' || field === 'stringData'));
    if (byName && isRecord(value)) {
      for (const [name, entry] of Object.entries(value)) {
        if (typeof entry === 'string') check(walk, [...path, field, name], name, entry, true);
        else scan(walk, entry, [...path, field, name], name);
      }
    } else if (field === 'configMaps' && isRecord(value)) {
      for (const [map, data] of Object.entries(value)) {
        if (!isRecord(data)) continue;
        for (const [name, entry] of Object.entries(data)) check(walk, [...path, field, map, name], name, entry, true);
      }
    } else {
      scan(walk, value, [...path, field], field);
    }
  }
}

function checkSealed(secrets: unknown, path: PropertyKey[], namespace: string, out: Issue[]) {
  if (!isRecord(secrets)) return;
  for (const [name, secret] of Object.entries(secrets)) {
    if (!isRecord(secret)) continue;
    for (const field of ['data', 'stringData']) {
      if (field in secret) {
        out.push(
          issueWithMessage(
            [...path, name, field],
            'encryptedData',
            field,
            `plaintext secret values refused; ${sealHint(namespace, name, 'KEY')}`,
          ),
        );
      }
    }
    if (!isRecord(secret.encryptedData)) continue;
    for (const [key, value] of Object.entries(secret.encryptedData)) {
      if (typeof value === 'string' && !sealedCiphertext.test(value)) {
        out.push(
          issueWithMessage(
            [...path, name, 'encryptedData', key],
            'kubeseal ciphertext',
            '"…"',
            `value is not sealed ciphertext (plaintext refused); ${sealHint(namespace, name, key)}`,
          ),
        );
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
          out.push(
            issueWithMessage(
              [...path, name, field, key],
              'SOPS ciphertext ENC[AES256_GCM,…]',
              '"…"',
              'value is not SOPS-encrypted (plaintext refused); encrypt the file with ' +
                '`sops --encrypt --encrypted-regex "^(data|stringData)$" --in-place secret.yaml` or use sealedSecrets',
            ),
          );
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
    out.push(
      issueWithMessage(
        [...path, index],
        'a SealedSecret',
        '"Secret"',
        `a plain Secret would put its values in Git; ${sealHint(namespace, name, 'KEY')}`,
      ),
    );
  });
}

/**
 * Finds plaintext secret values anywhere in the raw input; runs even when the shape is wrong.
 * A literal value is refused when its variable or ConfigMap key names a secret (`SECRET_KEY`,
 * `DB_PASS`), when it is a URL with a password (`postgres://app:pw@db`), or when a rule of
 * gitleaks finds a secret in it (every string of the input is scanned); sealed and SOPS values
 * must be ciphertext, and a plain `Secret` object is refused.
 */
export function findPlaintextSecrets(input: unknown): Issue[] {
  const out: Issue[] = [];
  if (!isRecord(input)) return out;
  const namespace =
    typeof input.namespace === 'string' ? input.namespace : typeof input.name === 'string' ? input.name : 'APP';
  const scopes: [Record<string, unknown>, PropertyKey[]][] = [[input, []]];
  if (isRecord(input.environments)) {
    for (const [env, value] of Object.entries(input.environments))
      if (isRecord(value)) scopes.push([value, ['environments', env]]);
  }
  for (const [scope, path] of scopes) {
    checkSealed(scope.sealedSecrets, [...path, 'sealedSecrets'], namespace, out);
    checkSops(scope.sopsSecrets, [...path, 'sopsSecrets'], out);
    checkExtraObjects(scope.extraObjects, [...path, 'extraObjects'], namespace, out);
  }
  scan({ namespace, out }, input, [], undefined);
  return out;
}
