import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubesealRaw, kubesealRecoveryUnseal } from '@sugarkube/verify';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSealingCertificate } from '../src/secret/parse-sealing-certificate.js';
import { buildCli } from './support/build-cli.js';
import { runCli } from './support/run-cli.js';
import { writeSealingKeyPair } from './support/sealing-key.js';

/*
 * `sugarkube secret seal` against the real kubeseal v0.40.0: what it seals, kubeseal's
 * `--recovery-unseal` (the controller's own decryption code, offline) must decrypt, for every
 * scope, and must refuse when the name or namespace does not match the scope.
 */

let dir = '';
let keyPem = '';
let certPem = '';
const value = 'p4ss: wörd ✓ with "quotes"';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sugarkube-seal-'));
  // A key and certificate shaped like the controller's: RSA 4096, self-signed.
  writeSealingKeyPair(dir);
  keyPem = await readFile(join(dir, 'key.pem'), 'utf8');
  certPem = await readFile(join(dir, 'cert.pem'), 'utf8');
}, 120_000);

const seal = (args: string[], stdin: string | Buffer = value, cert = 'cert.pem') =>
  runCli(['secret', 'seal', '--cert', cert, ...args], dir, { stdin });

/** A SealedSecret around a raw sealed value, as a user writes one after `kubeseal --raw`. */
function wrap(sealed: string, meta: { name: string; namespace?: string; scope?: string }): string {
  const annotations = meta.scope ? { [`sealedsecrets.bitnami.com/${meta.scope}`]: 'true' } : undefined;
  const metadata = {
    name: meta.name,
    ...(meta.namespace ? { namespace: meta.namespace } : {}),
    ...(annotations ? { annotations } : {}),
  };
  // YAML 1.1 quoting: kubeseal reads YAML 1.1, where a namespace `y` or `n` would be a boolean.
  return stringify(
    {
      apiVersion: 'bitnami.com/v1alpha1',
      kind: 'SealedSecret',
      metadata,
      spec: { encryptedData: { token: sealed }, template: { metadata } },
    },
    { version: '1.1' },
  );
}

async function unseal(
  sealedSecretYaml: string,
): Promise<{ ok: boolean; data?: Record<string, string>; stderr: string }> {
  const result = await kubesealRecoveryUnseal(sealedSecretYaml, keyPem);
  if (!result.ok) return { ok: false, stderr: result.stderr };
  const secret = parse(result.stdout) as { data: Record<string, string> };
  return {
    ok: true,
    stderr: result.stderr,
    data: Object.fromEntries(
      Object.entries(secret.data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]),
    ),
  };
}

describe('secret seal, unsealed by the real kubeseal --recovery-unseal', { timeout: 120_000 }, () => {
  it('strict scope (the default): unseals for that name in that namespace, and for no other', async () => {
    const sealed = await seal(['--namespace', 'cert-manager', '--name', 'cloudflare-api-token']);
    expect([sealed.code, sealed.stderr]).toEqual([0, '']);
    expect(sealed.stdout).toMatch(/^[A-Za-z0-9+/]+=*\n$/);
    const raw = sealed.stdout.trim();
    expect(await unseal(wrap(raw, { name: 'cloudflare-api-token', namespace: 'cert-manager' }))).toMatchObject({
      ok: true,
      data: { token: value },
    });
    expect(await unseal(wrap(raw, { name: 'other', namespace: 'cert-manager' }))).toMatchObject({
      ok: false,
      stderr: expect.stringContaining('no key could decrypt secret'),
    });
    expect(await unseal(wrap(raw, { name: 'cloudflare-api-token', namespace: 'other' }))).toMatchObject({ ok: false });
  });

  it('namespace-wide: any name in the namespace, not another namespace', async () => {
    const raw = (await seal(['--scope', 'namespace-wide', '--namespace', 'apps'])).stdout.trim();
    expect(await unseal(wrap(raw, { name: 'anything', namespace: 'apps', scope: 'namespace-wide' }))).toMatchObject({
      ok: true,
      data: { token: value },
    });
    expect(await unseal(wrap(raw, { name: 'anything', namespace: 'other', scope: 'namespace-wide' }))).toMatchObject({
      ok: false,
    });
  });

  it('cluster-wide: any name in any namespace', async () => {
    const raw = (await seal(['--scope', 'cluster-wide'])).stdout.trim();
    for (const namespace of ['a', 'b']) {
      expect(await unseal(wrap(raw, { name: `n-${namespace}`, namespace, scope: 'cluster-wide' }))).toMatchObject({
        ok: true,
        data: { token: value },
      });
    }
  });

  it('--format yaml prints a SealedSecret kubeseal unseals as is, for each scope', async () => {
    for (const scope of ['strict', 'namespace-wide', 'cluster-wide']) {
      const sealed = await seal([
        '--scope',
        scope,
        '--namespace',
        'apps',
        '--name',
        'db',
        '--format',
        'yaml',
        '--key',
        'password',
      ]);
      expect(sealed.code).toBe(0);
      const object = parse(sealed.stdout) as {
        metadata: Record<string, unknown>;
        spec: { template: { metadata: Record<string, unknown> } };
      };
      const annotations = scope === 'strict' ? undefined : { [`sealedsecrets.bitnami.com/${scope}`]: 'true' };
      expect(object.metadata).toEqual({ name: 'db', namespace: 'apps', ...(annotations ? { annotations } : {}) });
      expect(object.spec.template.metadata).toEqual(object.metadata);
      const result = await unseal(sealed.stdout);
      expect(result).toMatchObject({ ok: true, data: { password: value } });
    }
  });

  it('--format yaml quotes names a YAML 1.1 reader (kubeseal, kubectl) would take for booleans', async () => {
    const sealed = await seal(['--namespace', 'y', '--name', 'on', '--format', 'yaml', '--key', 'no']);
    expect(sealed.stdout).toContain('name: "on"\n');
    expect(await unseal(sealed.stdout)).toMatchObject({ ok: true, data: { no: value } });
  });

  it("has kubeseal --raw's exact layout: the same length prefix and total length for the same value", async () => {
    const ours = Buffer.from((await seal(['--namespace', 'ns', '--name', 'n'])).stdout.trim(), 'base64');
    const theirs = await kubesealRaw(certPem, value, ['--namespace', 'ns', '--name', 'n']);
    expect(theirs.ok).toBe(true);
    const kubesealBytes = Buffer.from(theirs.stdout.trim(), 'base64');
    // uint16 RSA-ciphertext length (512 for RSA 4096), RSA ciphertext, AES-GCM ciphertext (value length) and 16-byte tag.
    expect(ours.readUInt16BE(0)).toBe(512);
    expect(kubesealBytes.readUInt16BE(0)).toBe(512);
    expect(ours.length).toBe(2 + 512 + Buffer.byteLength(value) + 16);
    expect(kubesealBytes.length).toBe(ours.length);
    // And kubeseal's own sealing unseals through the same wrapper, so the wrapper is not what makes ours pass.
    expect(await unseal(wrap(theirs.stdout.trim(), { name: 'n', namespace: 'ns' }))).toMatchObject({
      ok: true,
      data: { token: value },
    });
  });

  it('refuses bad input with exit 2, naming each problem at once', async () => {
    const missing = await seal([]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      "--name: expected the Secret's name (strict scope binds the value to it), received nothing\n--namespace: expected the Secret's namespace (strict scope binds the value to it), received nothing",
    );
    const bad = await seal(['--scope', 'global', '--format', 'json']);
    expect(bad.stderr).toContain(
      '--scope: expected one of strict, namespace-wide, cluster-wide, received "global"\n--format: expected raw or yaml, received "json"',
    );
    expect((await seal(['--scope', 'cluster-wide', '--format', 'yaml'])).stderr).toContain(
      "--key: expected the key in the Secret's data (with --format yaml), received nothing",
    );
    const empty = await seal(['--scope', 'cluster-wide'], '');
    expect([empty.code, empty.stdout]).toEqual([2, '']);
    expect(empty.stderr).toContain('no value on stdin');
    expect((await seal(['--scope', 'cluster-wide', 'plaintext-on-argv'])).stderr).toContain(
      'unexpected arguments: plaintext-on-argv (the value is read from stdin, never from the command line)',
    );
    await writeFile(join(dir, 'not-a-cert.pem'), 'hello\n');
    const notCert = await seal(['--scope', 'cluster-wide'], 'x', 'not-a-cert.pem');
    expect([notCert.code, notCert.stdout]).toEqual([2, '']);
    expect(notCert.stderr).toBe(
      `sugarkube secret: not-a-cert.pem: expected a PEM certificate (-----BEGIN CERTIFICATE-----), as \`kubeseal --fetch-cert\` prints it; found none\n`,
    );
    expect((await seal(['--scope', 'cluster-wide'], 'x', 'missing.pem')).stderr).toBe(
      'sugarkube secret: missing.pem: cannot read the certificate (no such file)\n',
    );
  });

  it('warns when the value ends with a newline (echo instead of printf) and seals it as given', async () => {
    const sealed = await seal(['--scope', 'cluster-wide'], 'token\n');
    expect(sealed.stderr).toBe(
      "warning: the value ends with a newline, which is sealed with it (printf '%s' leaves it out)\n",
    );
    expect(
      await unseal(wrap(sealed.stdout.trim(), { name: 'x', namespace: 'y', scope: 'cluster-wide' })),
    ).toMatchObject({ data: { token: 'token\n' } });
  });
});

describe('the certificate', () => {
  it('refuses an expired certificate, a non-RSA key and text without a certificate', async () => {
    expect(() => parseSealingCertificate(certPem, 'cert.pem', new Date(Date.now() + 31 * 86_400_000))).toThrow(
      /^cert\.pem: the certificate expired on .*; fetch the controller's current one \(kubeseal --fetch-cert\)$/,
    );
    const ec = await mkdtemp(join(tmpdir(), 'sugarkube-seal-ec-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        'k.pem',
        '-out',
        'c.pem',
        '-days',
        '1',
        '-subj',
        '/CN=x',
      ],
      { cwd: ec, stdio: 'ignore' },
    );
    expect(() =>
      parseSealingCertificate(execFileSync('cat', [join(ec, 'c.pem')], { encoding: 'utf8' }), 'c.pem'),
    ).toThrow("c.pem: expected an RSA public key (the sealed-secrets controller's), found ec");
    expect(() => parseSealingCertificate('hello', 'x.pem')).toThrow(
      'x.pem: expected a PEM certificate (-----BEGIN CERTIFICATE-----), as `kubeseal --fetch-cert` prints it; found none',
    );
  });
});

// strace is a required test tool (tools/ci/apt-packages.txt): a missing one fails here.
it('the plaintext never touches disk: under strace, the real command creates, writes, renames or deletes no file', async () => {
  const bin = buildCli('secret');
  const traceDir = await mkdtemp(join(tmpdir(), 'sugarkube-strace-'));
  const trace = join(traceDir, 'trace');
  // The bin turns on Node's compile cache, which writes the compiled code of the modules it
  // loaded (never input) into this directory; every other write is a failure.
  const compileCache = join(traceDir, 'compile-cache');
  const calls =
    'open,openat,openat2,creat,rename,renameat,renameat2,link,linkat,symlink,symlinkat,truncate,ftruncate,unlink,unlinkat,mkdir,mkdirat';
  const run = spawnSync(
    'strace',
    [
      '-f',
      '-qq',
      '-e',
      `trace=${calls}`,
      '-o',
      trace,
      process.execPath,
      bin,
      'secret',
      'seal',
      '--cert',
      'cert.pem',
      '--namespace',
      'n',
      '--name',
      's',
    ],
    {
      cwd: dir,
      input: value,
      encoding: 'utf8',
      env: { ...process.env, NODE_COMPILE_CACHE: compileCache },
    },
  );
  expect([run.status, run.stderr]).toEqual([0, '']);
  const lines = (await readFile(trace, 'utf8')).split('\n').filter(Boolean);
  expect(lines.some((l) => l.includes('/cert.pem"'))).toBe(true); // the trace does see file opens
  const writes = lines.filter(
    (l) =>
      /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC/.test(l) ||
      /^\d+ +(creat|rename|link|symlink|truncate|ftruncate|unlink|mkdir)/.test(l),
  );
  expect(writes.filter((l) => !/"\/dev\/(null|tty|pts\/\d+)"/.test(l) && !l.includes(`"${compileCache}`))).toEqual([]);
}, 600_000);
