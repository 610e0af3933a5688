import { rm } from 'node:fs/promises';
import { toolPath } from './cache-entry.js';
import { runTool } from './run-tool.js';
import { writeTempTree } from './write-temp-tree.js';

/** What kubeseal printed: `ok` is its exit status 0. */
export interface KubesealResult {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs kubeseal in a temp dir holding `files` (named relative to it in `args`), then removes the dir. */
async function kubeseal(args: readonly string[], files: Readonly<Record<string, string>>): Promise<KubesealResult> {
  const dir = await writeTempTree(Object.entries(files).map(([path, content]) => ({ path, content })));
  try {
    const run = await runTool(toolPath('kubeseal'), args, { cwd: dir });
    return { ok: run.code === 0, stdout: run.stdout, stderr: run.stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `kubeseal --recovery-unseal --recovery-private-key KEY -o yaml` on a SealedSecret: decrypts it
 * offline with the controller's private key exactly as the controller would (same label from
 * the object's scope, name and namespace). `stdout` is the Secret YAML.
 * @see https://github.com/bitnami-labs/sealed-secrets#how-can-i-do-a-backup-of-my-sealedsecrets
 */
export function kubesealRecoveryUnseal(sealedSecretYaml: string, privateKeyPem: string): Promise<KubesealResult> {
  return kubeseal(['--recovery-unseal', '--recovery-private-key', 'key.pem', '-o', 'yaml', '-f', 'sealed.yaml'], {
    'sealed.yaml': sealedSecretYaml,
    'key.pem': privateKeyPem,
  });
}

/**
 * `kubeseal --raw` of a test value with a certificate, offline: what kubeseal itself seals, to
 * compare formats. The value is written to a temp file for kubeseal: for test values only.
 */
export function kubesealRaw(certPem: string, value: string, args: readonly string[]): Promise<KubesealResult> {
  return kubeseal(['--raw', '--cert', 'cert.pem', '--from-file=value', ...args], { 'cert.pem': certPem, value });
}
