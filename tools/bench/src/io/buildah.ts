import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timedRun, type TimedRun } from './timed-run.js';

/** "66.9 MB" (decimal units, as containers/image prints sizes) → bytes. */
export function parseHumanSize(text: string): number {
  const m = /^([\d.]+)\s*(B|kB|KB|MB|GB)$/.exec(text.trim());
  if (!m) throw new Error(`cannot read the image size "${text}"`);
  return Number(m[1]) * { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 }[m[2] as 'B' | 'kB' | 'KB' | 'MB' | 'GB'];
}

/**
 * Debian's buildah (1.28) as the ci-workflows tests drive it: vfs storage, chroot isolation,
 * --pull=never with locally built base images, BUILDPLATFORM/TARGETPLATFORM passed as build
 * args (buildah 1.28 sets neither). The storage is the bench's own
 * (`$SUGARKUBE_CACHE/buildah/bench`): two runs sharing one storage collide.
 */
export class Buildah {
  readonly root: string;
  readonly runroot: string;

  constructor(cacheDir: string) {
    this.root = join(cacheDir, 'buildah/bench/storage');
    this.runroot = join(cacheDir, 'buildah/bench/runroot');
  }

  private get storage(): string[] {
    return ['--storage-driver', 'vfs', '--root', this.root, '--runroot', this.runroot];
  }

  /** Builds (or reuses) the local base images into this storage; returns their build args. */
  ensureBaseImages(repoRoot: string, cacheDir: string): Record<string, string> {
    const out = execFileSync('bash', [join(repoRoot, 'tools/buildah/build-base-images.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        SUGARKUBE_CACHE: cacheDir,
        SUGARKUBE_BUILDAH_ROOT: this.root,
        SUGARKUBE_BUILDAH_RUNROOT: this.runroot,
      },
    });
    return Object.fromEntries(
      out
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
  }

  /** One timed `buildah bud` of `context` for linux/`arch`, every step a cached layer (`--layers`). */
  build(o: {
    context: string;
    arch: 'amd64' | 'arm64';
    tag: string;
    buildArgs: Readonly<Record<string, string>>;
    noCache: boolean;
  }): Promise<TimedRun> {
    const epoch = '1700000000';
    const args = [
      ...this.storage,
      'bud',
      '--isolation',
      'chroot',
      '--pull=never',
      '--layers=true',
      '--platform',
      `linux/${o.arch}`,
      '--build-arg',
      'BUILDPLATFORM=linux/amd64',
      '--build-arg',
      `TARGETPLATFORM=linux/${o.arch}`,
      '--build-arg',
      `SOURCE_DATE_EPOCH=${epoch}`,
      '--timestamp',
      epoch,
      ...Object.entries(o.buildArgs).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]),
      ...(o.noCache ? ['--no-cache'] : []),
      '-t',
      o.tag,
      o.context,
    ];
    return timedRun('buildah', args);
  }

  /**
   * Sizes of an image: compressed (gzip, as a registry stores and a node pulls it: the image
   * pushed to an OCI layout, its manifest's layer sizes) and uncompressed (as buildah reports it).
   */
  imageSizes(tag: string): { uncompressedBytes: number; compressedBytes: number } {
    const dir = mkdtempSync(join(tmpdir(), 'sugarkube-bench-oci-'));
    try {
      execFileSync(
        'buildah',
        [...this.storage, 'push', '--quiet', '--compression-format', 'gzip', tag, `oci:${join(dir, 'image')}`],
        { stdio: 'ignore' },
      );
      const index = JSON.parse(readFileSync(join(dir, 'image/index.json'), 'utf8')) as {
        manifests: { digest: string }[];
      };
      const blob = (digest: string) => join(dir, 'image/blobs', ...digest.split(':'));
      const manifest = JSON.parse(readFileSync(blob(index.manifests[0]!.digest), 'utf8')) as {
        layers: { size: number }[];
      };
      // `buildah images TAG` lists every image of the repository: pick the one with this name.
      const images = JSON.parse(
        execFileSync('buildah', [...this.storage, 'images', '--json'], {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        }),
      ) as { names?: string[]; size: string }[];
      const image = images.find((i) => i.names?.includes(tag));
      if (!image) throw new Error(`buildah images lists no ${tag}`);
      return {
        compressedBytes: manifest.layers.reduce((n, l) => n + l.size, 0),
        uncompressedBytes: parseHumanSize(image.size),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Removes images and the dangling layers --layers leaves (the base images are tagged and stay). */
  remove(...tags: string[]): void {
    for (const tag of tags) spawnSync('buildah', [...this.storage, 'rmi', '-f', tag], { stdio: 'ignore' });
    spawnSync('buildah', [...this.storage, 'rmi', '--prune'], { stdio: 'ignore' });
  }
}
