/**
 * Test helpers around Debian's buildah (1.28): a private vfs storage under the
 * cache (base images survive between runs), builds with --isolation chroot and
 * --pull=never, and running a built image's server to probe it over loopback.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const cache = process.env.SUGARKUBE_CACHE ?? join(homedir(), '.cache/sugarkube');
// A storage of its own (base images cached in it across runs), so pruning this test's
// intermediate images never touches another suite's builds.
const root = join(cache, 'buildah/ci-workflows-test/storage');
const runroot = join(cache, 'buildah/ci-workflows-test/runroot');
const storage = ['--storage-driver', 'vfs', '--root', root, '--runroot', runroot];

export function requireBuildah(): void {
  const r = spawnSync('buildah', ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(
      'buildah is not installed: `apt-get install buildah` (listed in tools/ci/apt-packages.txt; tools/ci/apt-install.sh installs it)',
    );
  }
}

export function buildah(args: readonly string[], options: { input?: string } = {}): string {
  return execFileSync('buildah', [...storage, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    input: options.input,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Builds (or reuses) the local base images; returns their build args (NODE_IMAGE=…, …). */
export function ensureBaseImages(...names: string[]): Record<string, string> {
  const out = execFileSync('bash', [join(repoRoot, 'tools/buildah/build-base-images.sh'), ...names], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SUGARKUBE_CACHE: cache, SUGARKUBE_BUILDAH_ROOT: root, SUGARKUBE_BUILDAH_RUNROOT: runroot },
  });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

export interface BuildOptions {
  readonly context: string;
  readonly arch: 'amd64' | 'arm64';
  readonly tag: string;
  readonly buildArgs: Readonly<Record<string, string>>;
  /** Seconds since the epoch: SOURCE_DATE_EPOCH build arg and buildah --timestamp. */
  readonly epoch: number;
  readonly noCache?: boolean;
  /** buildah --layers: one cached layer per step (needed for rebuild reuse); off = one commit per stage. */
  readonly layers?: boolean;
}

/** One build, timed. BUILDPLATFORM/TARGETPLATFORM are passed explicitly: buildah 1.28 does not set them. */
export function build(o: BuildOptions): { seconds: number; log: string } {
  const args = [
    'bud',
    '--isolation',
    'chroot',
    '--pull=never',
    `--layers=${o.layers === true}`,
    '--platform',
    `linux/${o.arch}`,
    '--build-arg',
    'BUILDPLATFORM=linux/amd64',
    '--build-arg',
    `TARGETPLATFORM=linux/${o.arch}`,
    '--build-arg',
    `SOURCE_DATE_EPOCH=${o.epoch}`,
    '--timestamp',
    String(o.epoch),
  ];
  for (const [k, v] of Object.entries(o.buildArgs)) args.push('--build-arg', `${k}=${v}`);
  if (o.noCache === true) args.push('--no-cache');
  args.push('-t', o.tag, o.context);
  const start = performance.now();
  try {
    const log = buildah(args);
    return { seconds: (performance.now() - start) / 1000, log };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(
      `buildah bud failed for ${o.tag}:\n${(err.stdout ?? '').slice(-4000)}\n${(err.stderr ?? '').slice(-4000)}`,
    );
  }
}

export interface ImageFacts {
  readonly architecture: string;
  readonly user: string;
  readonly cmd: readonly string[];
  readonly env: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly diffIds: readonly string[];
  readonly layerDigests: readonly string[];
}

export function inspectImage(tag: string): ImageFacts {
  const d = JSON.parse(buildah(['inspect', '--type', 'image', tag])) as {
    OCIv1: {
      architecture: string;
      config: { User?: string; Cmd?: string[]; Env?: string[]; Labels?: Record<string, string> };
      rootfs: { diff_ids: string[] };
    };
    Manifest: string;
  };
  const manifest = JSON.parse(d.Manifest) as { layers: { digest: string }[] };
  return {
    architecture: d.OCIv1.architecture,
    user: d.OCIv1.config.User ?? '',
    cmd: d.OCIv1.config.Cmd ?? [],
    env: d.OCIv1.config.Env ?? [],
    labels: d.OCIv1.config.Labels ?? {},
    diffIds: d.OCIv1.rootfs.diff_ids,
    layerDigests: manifest.layers.map((l) => l.digest),
  };
}

export function removeImages(...tags: string[]): void {
  for (const t of tags) spawnSync('buildah', [...storage, 'rmi', '-f', t], { stdio: 'ignore' });
}

/** Drops dangling intermediate images left by --layers (base images are tagged and stay). */
export function pruneIntermediates(): void {
  spawnSync('buildah', [...storage, 'rmi', '--prune'], { stdio: 'ignore' });
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a !== null ? res(a.port) : rej(new Error('no port'))));
    });
  });
}

/** Runs a shell command (argv) inside a working container of the image; returns stdout. */
export function runInImage(tag: string, argv: readonly string[]): string {
  const ctr = buildah(['from', '--pull=never', '--quiet', tag]).trim();
  try {
    return buildah(['run', '--isolation', 'chroot', ctr, '--', ...argv]);
  } finally {
    buildah(['rm', ctr]);
  }
}

/**
 * Starts the image's CMD in a working container (chroot isolation shares the host
 * network), with PORT set to a free loopback port, GETs `path` until it answers or
 * the deadline passes, then stops the server. Returns status and body.
 */
export async function probeImage(
  tag: string,
  path: string,
  port: number,
  portEnv: readonly string[] = ['PORT'],
): Promise<{ status: number; body: string; user: string }> {
  const facts = inspectImage(tag);
  const ctr = buildah(['from', '--pull=never', '--quiet', tag]).trim();
  const user = buildah(['run', '--isolation', 'chroot', ctr, '--', 'id', '-u']).trim();
  for (const name of portEnv) buildah(['config', '--env', `${name}=${port}`, ctr]);
  // The server's stdio goes through a pipe the container user owns, so a non-root server can
  // open /dev/stderr (nginx does); the CMD is the image's own.
  const argv = ['sh', '-c', '"$@" 2>&1 | cat', 'sh', ...facts.cmd];
  const child = spawn('buildah', [...storage, 'run', '--isolation', 'chroot', ctr, '--', ...argv], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  try {
    const deadline = Date.now() + 30_000;
    let last: unknown;
    while (Date.now() < deadline) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(2000) });
        return { status: r.status, body: await r.text(), user };
      } catch (e) {
        last = e;
        await new Promise((r) => setTimeout(r, 300));
      }
    }
    throw new Error(`no answer from ${tag} on ${path}: ${String(last)}\nserver output:\n${output}`);
  } finally {
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    spawnSync('buildah', [...storage, 'rm', ctr], { stdio: 'ignore' });
  }
}

/** Copies an example app repo into a fresh temp dir (the build context). */
export function copyExample(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sugarkube-${name}-`));
  cpSync(join(repoRoot, 'examples', name), dir, { recursive: true, filter: (src) => !src.includes('/node_modules') });
  return dir;
}

export function appendLine(file: string, line: string): void {
  writeFileSync(file, `${readFileSync(file, 'utf8')}${line}\n`);
}

/** ELF e_machine of a file inside an image (183 = aarch64, 62 = x86-64). */
export function elfMachineInImage(
  tag: string,
  findUnder: string,
  nameSuffix: string,
): { file: string; machine: number } {
  const ctr = buildah(['from', '--pull=never', '--quiet', tag]).trim();
  try {
    const mount = buildah(['mount', ctr]).trim();
    const out = execFileSync('find', [join(mount, findUnder), '-name', `*${nameSuffix}`, '-type', 'f'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    if (out.length === 0) throw new Error(`no *${nameSuffix} under ${findUnder} in ${tag}`);
    const bytes = readFileSync(out[0] as string);
    return { file: (out[0] as string).slice(mount.length), machine: bytes.readUInt16LE(18) };
  } finally {
    spawnSync('buildah', [...storage, 'umount', ctr], { stdio: 'ignore' });
    spawnSync('buildah', [...storage, 'rm', ctr], { stdio: 'ignore' });
  }
}
