/**
 * Every base image a generated Dockerfile starts from, pinned by tag AND digest,
 * in one table. A bump is a reviewed change to this file (Renovate and Dependabot
 * both understand the `ARG X=image:tag@sha256:…` form the Dockerfiles use).
 *
 * Each image is written into the Dockerfile as the default of a global
 * `ARG <buildArg>=…`, so a build can override it with `--build-arg <buildArg>=…`
 * (the tests do that with locally built images; see tools/buildah/).
 *
 * The digests are multi-platform index digests (linux/amd64 and linux/arm64),
 * copied from public Dockerfiles that pin the same tag; no registry is reachable
 * from this build machine, so they are checked where the generated workflow
 * pulls them, not here.
 */
export interface BaseImage {
  /** Fully qualified repository, e.g. `docker.io/library/node`. */
  readonly repository: string;
  /** The human-readable tag the digest was taken from. */
  readonly tag: string;
  /** `sha256:` + 64 hex: the image index digest. */
  readonly digest: string;
  /** The build argument that overrides it. */
  readonly buildArg: string;
}

export const baseImages = {
  /** Node.js 24 LTS on Debian bookworm, slim (glibc 2.36, npm 11). */
  node: {
    repository: 'docker.io/library/node',
    tag: '24.18.0-bookworm-slim',
    digest: 'sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d',
    buildArg: 'NODE_IMAGE',
  },
  /** CPython 3.12 on Debian bookworm, slim (glibc 2.36), as token.place uses. */
  python: {
    repository: 'docker.io/library/python',
    tag: '3.12-slim-bookworm',
    digest: 'sha256:782412e85d0f0984994c290652577d4018aff08145c85b262bb63dc0c7522254',
    buildArg: 'PYTHON_IMAGE',
  },
  /** nginx running as uid 101 on port 8080, for static sites. */
  nginxUnprivileged: {
    repository: 'docker.io/nginxinc/nginx-unprivileged',
    tag: '1.28-alpine',
    digest: 'sha256:7377697a821c131a924a7105fafbe7414db4e9fcc77a6f08f776f33f141ec3f8',
    buildArg: 'NGINX_IMAGE',
  },
} as const satisfies Record<string, BaseImage>;

export type BaseImageName = keyof typeof baseImages;

/** `repository:tag@digest`, the reference written into a Dockerfile. */
export function baseImageReference(image: BaseImage): string {
  return `${image.repository}:${image.tag}@${image.digest}`;
}

/**
 * The glibc version of the Debian release the node and python images are built
 * on (bookworm): the newest `manylinux_2_<minor>` wheel tag a cross-platform pip
 * install may select.
 */
export const baseImageGlibcMinor = 36;
