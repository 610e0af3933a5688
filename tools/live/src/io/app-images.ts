import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BuildahStore } from '@sugarkube/verify';
import type { RepoFile } from './git-server.js';

/** Both platforms every Sugarkube image ships. */
export const imagePlatforms = ['amd64', 'arm64'] as const;

export interface AppImageBuild {
  /** A name for the local tags (`localhost/sugarkube-live/<name>:<arch>`). */
  readonly name: string;
  /** The app repository's files at the commit built: the build context (its Dockerfile at the root). */
  readonly files: readonly RepoFile[];
  /** Base images and the like, `NODE_IMAGE=…` (see `BuildahStore.ensureBaseImages`). */
  readonly buildArgs: Readonly<Record<string, string>>;
  /** SOURCE_DATE_EPOCH and the image timestamps: the same inputs give the same layers. */
  readonly epoch: number;
}

export interface BuiltAppImage {
  /** The local image per platform. */
  readonly images: Readonly<Record<(typeof imagePlatforms)[number], string>>;
  /** Wall-clock seconds per platform (a build whose every layer is cached takes a few). */
  readonly seconds: Readonly<Record<(typeof imagePlatforms)[number], number>>;
  /** Per platform: true when an image built from exactly these inputs was already in the store. */
  readonly reused: Readonly<Record<(typeof imagePlatforms)[number], boolean>>;
}

/** The image ID a build argument names, when it names an image in the store (a base image); else the value itself. */
function baseImageId(store: BuildahStore, value: string): string {
  try {
    return store.run(['images', '--quiet', '--no-trunc', value]).trim() || value;
  } catch {
    return value;
  }
}

/**
 * What a build's output depends on: the files (paths and contents), the build arguments with
 * the image IDs of the base images they name, the epoch and the platform. The same key means
 * the same image (the builds are reproducible: SOURCE_DATE_EPOCH and fixed file times).
 */
function buildKey(store: BuildahStore, build: AppImageBuild, arch: string): string {
  // The generated .dockerignore keeps deploy/, .github/ and sugarkube.yaml out of every build
  // context; the run rewrites them (its registry's random port), so they are not build inputs.
  const files = [...build.files]
    .filter((f) => !/^(deploy\/|\.github\/|sugarkube\.yaml$)/.test(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((f) => [f.path, f.content]);
  const args = Object.entries(build.buildArgs)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => [k, v, baseImageId(store, v)]);
  return createHash('sha256')
    .update(JSON.stringify({ files, args, epoch: build.epoch, arch }))
    .digest('hex')
    .slice(0, 20);
}

/**
 * Builds an app repository's Dockerfile for linux/amd64 and linux/arm64 with buildah (through
 * @sugarkube/verify's store: chroot isolation, local base images, `--layers` so a rebuild of the
 * same inputs reuses every layer), from a checkout of `files`.
 */
export function buildAppImage(store: BuildahStore, build: AppImageBuild): BuiltAppImage {
  const context = mkdtempSync(join(tmpdir(), `sugarkube-live-${build.name}-`));
  try {
    for (const file of build.files) {
      mkdirSync(dirname(join(context, file.path)), { recursive: true });
      writeFileSync(join(context, file.path), file.content);
    }
    // A checkout's file times are the checkout's: fixed here, so a COPY's cache key (which hashes
    // the files' headers too) depends on the content alone and a rerun reuses the layers.
    for (const entry of readdirSync(context, { recursive: true, withFileTypes: true }))
      utimesSync(join(entry.parentPath, entry.name), build.epoch, build.epoch);
    utimesSync(context, build.epoch, build.epoch);
    const images = {} as Record<(typeof imagePlatforms)[number], string>;
    const seconds = {} as Record<(typeof imagePlatforms)[number], number>;
    const reused = {} as Record<(typeof imagePlatforms)[number], boolean>;
    for (const arch of imagePlatforms) {
      images[arch] = `localhost/sugarkube-live/${build.name}:${arch}`;
      // buildah's vfs store replays every cached --layers step (minutes per image even when
      // nothing changed): an image already built from the same inputs is tagged, not rebuilt.
      const keyed = `localhost/sugarkube-live/${build.name}:${arch}-${buildKey(store, build, arch)}`;
      const started = Date.now();
      reused[arch] = baseImageId(store, keyed) !== keyed;
      if (reused[arch]) {
        store.run(['tag', keyed, images[arch]]);
        seconds[arch] = Math.round((Date.now() - started) / 100) / 10;
        continue;
      }
      const result = store.build({
        context,
        arch,
        tag: images[arch],
        buildArgs: build.buildArgs,
        epoch: build.epoch,
        layers: true,
      });
      seconds[arch] = Math.round(result.seconds * 10) / 10;
      store.run(['tag', images[arch], keyed]);
    }
    return { images, seconds, reused };
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/** Pushes a built app image as one multi-arch index to `registryHost/repository:tag`; returns its digest. */
export function pushAppImage(store: BuildahStore, built: BuiltAppImage, destination: string): string {
  return store.pushIndex(
    imagePlatforms.map((arch) => built.images[arch]),
    destination,
  );
}
