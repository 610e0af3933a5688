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
    for (const arch of imagePlatforms) {
      images[arch] = `localhost/sugarkube-live/${build.name}:${arch}`;
      const result = store.build({
        context,
        arch,
        tag: images[arch],
        buildArgs: build.buildArgs,
        epoch: build.epoch,
        layers: true,
      });
      seconds[arch] = Math.round(result.seconds * 10) / 10;
    }
    return { images, seconds };
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
