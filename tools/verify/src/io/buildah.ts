/**
 * Debian's buildah (1.28) on a private vfs storage under the cache (base images and layers
 * survive between runs): builds with --isolation chroot and --pull=never, image facts, running
 * a command or a server of a built image, and pushing a multi-arch image to a registry.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sugarkubeCache } from './cache-entry.js';

/** The monorepo root (this package is private and lives at tools/verify). */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Fails with the install hint when buildah is missing. */
export function requireBuildah(): void {
  const r = spawnSync('buildah', ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(
      'buildah is not installed: `apt-get install buildah` (listed in tools/ci/apt-packages.txt; tools/ci/apt-install.sh installs it)',
    );
  }
}

export interface BuildOptions {
  readonly context: string;
  readonly arch: 'amd64' | 'arm64';
  readonly tag: string;
  readonly buildArgs: Readonly<Record<string, string>>;
  /** Seconds since the epoch: SOURCE_DATE_EPOCH build arg and buildah --timestamp. */
  readonly epoch: number;
  readonly noCache?: boolean;
  /** buildah --layers: one cached layer per step (a rebuild of the same inputs reuses them); off = one commit per stage. */
  readonly layers?: boolean;
}

export interface ImageFacts {
  readonly architecture: string;
  readonly user: string;
  readonly cmd: readonly string[];
  readonly entrypoint: readonly string[];
  readonly workingDir: string;
  readonly env: readonly string[];
  readonly exposedPorts: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly diffIds: readonly string[];
  readonly layerDigests: readonly string[];
}

/** One buildah storage: every helper runs against it. */
export interface BuildahStore {
  /** `--storage-driver vfs --root … --runroot …`. */
  readonly storageArgs: readonly string[];
  /** Runs buildah with the storage; returns stdout, throws with stderr. */
  run(args: readonly string[], options?: { readonly input?: string }): string;
  /** Builds (or reuses) the local base images (`tools/buildah/build-base-images.sh`); returns their build args (NODE_IMAGE=…). */
  ensureBaseImages(...names: string[]): Record<string, string>;
  /** One build, timed. BUILDPLATFORM/TARGETPLATFORM are passed explicitly: buildah 1.28 does not set them. */
  build(options: BuildOptions): { seconds: number; log: string };
  inspectImage(tag: string): ImageFacts;
  removeImages(...tags: string[]): void;
  /** Drops dangling intermediate images left by --layers (tagged images stay). */
  pruneIntermediates(): void;
  /** Runs argv inside a working container of the image; returns stdout. */
  runInImage(tag: string, argv: readonly string[]): string;
  /** A working container of the image with its root filesystem mounted; `release()` removes it. */
  mountImage(tag: string): { readonly root: string; release(): void };
  /** Starts the image's CMD (chroot isolation shares the host network) and GETs `path` on `port`. */
  probeImage(
    tag: string,
    path: string,
    port: number,
    portEnv?: readonly string[],
  ): Promise<{ status: number; body: string; user: string }>;
  /** ELF e_machine of the first `*suffix` file under a directory of the image (183 = aarch64, 62 = x86-64). */
  elfMachineInImage(tag: string, findUnder: string, nameSuffix: string): { file: string; machine: number };
  /**
   * Pushes the images (one per platform) as one multi-arch image index to `destination`
   * (`host:port/repo:tag`, plain HTTP): returns the index's digest, what a pin names.
   */
  pushIndex(images: readonly string[], destination: string): string;
}

/** A buildah storage of its own under `$SUGARKUBE_CACHE/buildah/<name>/`, so suites never prune each other's images. */
export function buildahStore(name: string): BuildahStore {
  const cache = sugarkubeCache();
  const root = join(cache, 'buildah', name, 'storage');
  const runroot = join(cache, 'buildah', name, 'runroot');
  const storageArgs = ['--storage-driver', 'vfs', '--root', root, '--runroot', runroot];

  const run = (args: readonly string[], options: { readonly input?: string } = {}) =>
    execFileSync('buildah', [...storageArgs, ...args], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      input: options.input,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  const quietly = (args: readonly string[]) => spawnSync('buildah', [...storageArgs, ...args], { stdio: 'ignore' });
  const from = (tag: string) => run(['from', '--pull=never', '--quiet', tag]).trim();

  const inspectImage = (tag: string): ImageFacts => {
    const d = JSON.parse(run(['inspect', '--type', 'image', tag])) as {
      OCIv1: {
        architecture: string;
        config: {
          User?: string;
          Cmd?: string[];
          Entrypoint?: string[];
          WorkingDir?: string;
          Env?: string[];
          ExposedPorts?: Record<string, unknown>;
          Labels?: Record<string, string>;
        };
        rootfs: { diff_ids: string[] };
      };
      Manifest: string;
    };
    const manifest = JSON.parse(d.Manifest) as { layers: { digest: string }[] };
    const c = d.OCIv1.config;
    return {
      architecture: d.OCIv1.architecture,
      user: c.User ?? '',
      cmd: c.Cmd ?? [],
      entrypoint: c.Entrypoint ?? [],
      workingDir: c.WorkingDir || '/',
      env: c.Env ?? [],
      // buildah 1.28 records "8080", BuildKit "8080/tcp".
      exposedPorts: Object.keys(c.ExposedPorts ?? {}).map((p) => p.replace(/\/tcp$/, '')),
      labels: c.Labels ?? {},
      diffIds: d.OCIv1.rootfs.diff_ids,
      layerDigests: manifest.layers.map((l) => l.digest),
    };
  };

  return {
    storageArgs,
    run,
    ensureBaseImages(...names) {
      const out = execFileSync('bash', [join(repoRoot, 'tools/buildah/build-base-images.sh'), ...names], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          SUGARKUBE_CACHE: cache,
          SUGARKUBE_BUILDAH_ROOT: root,
          SUGARKUBE_BUILDAH_RUNROOT: runroot,
        },
      });
      return Object.fromEntries(
        out
          .split('\n')
          .filter((l) => /^[A-Z_]+=/.test(l))
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
    },
    build(o) {
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
        const log = run(args);
        return { seconds: (performance.now() - start) / 1000, log };
      } catch (e) {
        const err = e as { stdout?: string; stderr?: string };
        throw new Error(
          `buildah bud failed for ${o.tag}:\n${(err.stdout ?? '').slice(-4000)}\n${(err.stderr ?? '').slice(-4000)}`,
        );
      }
    },
    inspectImage,
    removeImages(...tags) {
      for (const t of tags) quietly(['rmi', '-f', t]);
    },
    pruneIntermediates() {
      quietly(['rmi', '--prune']);
    },
    runInImage(tag, argv) {
      const ctr = from(tag);
      try {
        return run(['run', '--isolation', 'chroot', ctr, '--', ...argv]);
      } finally {
        run(['rm', ctr]);
      }
    },
    mountImage(tag) {
      const ctr = from(tag);
      const mounted = run(['mount', ctr]).trim();
      return { root: mounted, release: () => void quietly(['rm', ctr]) };
    },
    async probeImage(tag, path, port, portEnv = ['PORT']) {
      const facts = inspectImage(tag);
      const ctr = from(tag);
      const user = run(['run', '--isolation', 'chroot', ctr, '--', 'id', '-u']).trim();
      for (const envName of portEnv) run(['config', '--env', `${envName}=${port}`, ctr]);
      // The server's stdio goes through a pipe the container user owns, so a non-root server can
      // open /dev/stderr (nginx does); the CMD is the image's own.
      const argv = ['sh', '-c', '"$@" 2>&1 | cat', 'sh', ...facts.cmd];
      const child = spawn('buildah', [...storageArgs, 'run', '--isolation', 'chroot', ctr, '--', ...argv], {
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
        quietly(['rm', ctr]);
      }
    },
    elfMachineInImage(tag, findUnder, nameSuffix) {
      const ctr = from(tag);
      try {
        const mount = run(['mount', ctr]).trim();
        const found = execFileSync('find', [join(mount, findUnder), '-name', `*${nameSuffix}`, '-type', 'f'], {
          encoding: 'utf8',
        })
          .split('\n')
          .filter(Boolean);
        if (found.length === 0) throw new Error(`no *${nameSuffix} under ${findUnder} in ${tag}`);
        const bytes = readFileSync(found[0]!);
        return { file: found[0]!.slice(mount.length), machine: bytes.readUInt16LE(18) };
      } finally {
        quietly(['umount', ctr]);
        quietly(['rm', ctr]);
      }
    },
    pushIndex(images, destination) {
      const list = `localhost/sugarkube-index/${destination.replace(/[^a-z0-9]+/g, '-')}`;
      quietly(['manifest', 'rm', list]);
      run(['manifest', 'create', list]);
      const dir = mkdtempSync(join(tmpdir(), 'sugarkube-push-'));
      try {
        for (const image of images) run(['manifest', 'add', list, image]);
        const digestFile = join(dir, 'digest');
        run([
          'manifest',
          'push',
          '--all',
          '--tls-verify=false',
          '--digestfile',
          digestFile,
          list,
          `docker://${destination}`,
        ]);
        return readFileSync(digestFile, 'utf8').trim();
      } finally {
        quietly(['manifest', 'rm', list]);
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
