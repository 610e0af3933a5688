import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '@sugarkube/cli';
import { renderYaml } from '@sugarkube/core';
import { atPath, objectField, type Probe } from './read-back.js';
import { kustomizeCannotCarryKey, kustomizeDirs, type RoundTrip } from './round-trip.js';

async function run(argv: string[], cwd: string, stdin = ''): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const context = {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
    cwd,
    stdin: Readable.from([Buffer.from(stdin)]),
  };
  const code = await main(argv, context);
  if (code !== 0) throw new Error(`sugarkube ${argv.join(' ')} exited ${code}: ${err.join('')}`);
  return out.join('');
}

/** `sugarkube init app`: the starter sugarkube.yaml carries the name, image and domain given. */
export async function initTrip(s: { names: readonly string[] }): Promise<RoundTrip> {
  const files = [];
  const probes: Probe[] = [];
  for (const [i, name] of s.names.entries()) {
    const dir = await mkdtemp(join(tmpdir(), 'sugarkube-rt-init-'));
    const image = `ghcr.io/acme/${name}`;
    const domain = `${name}.example.org`;
    // static-nginx: its starter needs no build section (the other runtimes ask for build commands).
    await run(['init', 'app', '--runtime', 'static-nginx', '--name', name, '--image', image, '--domain', domain], dir);
    files.push({ path: `init-${i}/sugarkube.yaml`, content: await readFile(join(dir, 'sugarkube.yaml'), 'utf8') });
  }
  // Each file is read on its own: one probe set per file, below.
  for (const [i, name] of s.names.entries()) {
    const only = (find: Probe['find']) => (docs: readonly unknown[]) => find(docs.slice(i, i + 1));
    probes.push(
      { what: `init ${i}: name`, value: name, find: only(atPath('name')) },
      {
        what: `init ${i}: services[0].image.repository`,
        value: `ghcr.io/acme/${name}`,
        find: only(atPath('services', '0', 'image', 'repository')),
      },
      { what: `init ${i}: routes[0].apex`, value: `${name}.example.org`, find: only(atPath('routes', '0', 'apex')) },
    );
  }
  return { path: 'sugarkube init (sugarkube.yaml)', files, probes };
}

let certDir: Promise<string> | undefined;
/** A self-signed RSA certificate, as the sealed-secrets controller's (2048 bits: only the format matters here). */
function certificate(): Promise<string> {
  certDir ??= mkdtemp(join(tmpdir(), 'sugarkube-rt-seal-')).then((dir) => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        'key.pem',
        '-out',
        'cert.pem',
        '-days',
        '30',
        '-subj',
        '/CN=sealed-secret/O=sealed-secret',
      ],
      { cwd: dir, stdio: 'ignore' },
    );
    return dir;
  });
  return certDir;
}

/**
 * `sugarkube secret seal --format yaml`: SealedSecrets whose data key, name and namespace are
 * the strings (names unique: kustomize refuses two objects with one id); all of them built
 * together with kubectl kustomize.
 */
export async function sealTrip(seals: readonly { key: string; name: string; namespace: string }[]): Promise<RoundTrip> {
  const dir = await certificate();
  const files = [];
  const probes: Probe[][] = [];
  for (const [i, { key, name, namespace }] of seals.entries()) {
    const yaml = await run(
      [
        'secret',
        'seal',
        '--cert',
        'cert.pem',
        `--name=${name}`,
        `--namespace=${namespace}`,
        '--format',
        'yaml',
        `--key=${key}`,
      ],
      dir,
      `value-${i}`,
    );
    files.push({ path: `sealed/sealedsecret-${i}.yaml`, content: yaml });
    probes.push([
      {
        what: `seal ${i}: encryptedData key`,
        value: key,
        isKey: true,
        find: (docs) =>
          objectField(
            'SealedSecret',
            name,
            'spec',
            'encryptedData',
          )(docs).flatMap((data) => Object.keys(data as object)),
      },
      {
        what: `seal ${i}: metadata.namespace`,
        value: namespace,
        find: objectField('SealedSecret', name, 'metadata', 'namespace'),
      },
      {
        what: `seal ${i}: spec.template.metadata.name`,
        value: name,
        find: objectField('SealedSecret', name, 'spec', 'template', 'metadata', 'name'),
      },
    ]);
  }
  // kustomize builds the SealedSecrets whose key it can carry (see kustomizeCannotCarry).
  const carried = seals.map((seal) => !kustomizeCannotCarryKey(seal.key));
  const built = files.filter((_, i) => carried[i]);
  const resources = built.map((f) => f.path.slice('sealed/'.length));
  const kustomization = {
    path: 'sealed/kustomization.yaml',
    content: renderYaml([{ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources }]),
  };
  return {
    path: 'sugarkube secret seal --format yaml',
    files,
    probes: probes.flat(),
    kustomize: {
      build: () => kustomizeDirs([...built, kustomization], ['sealed']),
      probes: probes.filter((_, i) => carried[i]).flat(),
    },
  };
}
