import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PinsInput } from '@sugarkube/cluster';
import { sortableTag } from '@sugarkube/core';
import type { BuildahStore } from '@sugarkube/verify';
import {
  buildAppImage,
  liveRewrite,
  pushAppImage,
  pushTinyImage,
  type LiveEndpoints,
  type LiveServers,
  type RepoFile,
} from '../../src/index.js';
import { notesRepoFiles } from './notes-app.js';
import { repoPath, type RunAppSpec } from './run-tree.js';

const monorepo = fileURLToPath(new URL('../../../../', import.meta.url));

/** The branch every app builds from; its sortable tags are `main-<unix-ts>-<sha7>`. */
export const defaultBranch = 'main';

/** One app repo of the run, committed to the git server, its image built and pushed. */
export interface RunAppRepo {
  readonly spec: RunAppSpec;
  readonly name: string;
  /** `owner/repo` on the git server (the github.com path). */
  readonly repo: string;
  /** The committed files (the example's, `deploy/` rewritten for the run). */
  readonly files: RepoFile[];
  readonly sha: string;
  /** The commit's date (seconds), the timestamp in its tag. */
  readonly date: number;
  /** The sortable build tag of `sha`. */
  readonly tag: string;
  /** Per service: `ghcr.io/owner/image`, where the registry of the run holds it (same path) and the pushed index's digest. */
  readonly images: readonly { service: string; repository: string; digest: string }[];
  /** Seconds per platform of each build, when built by buildah (the notes app pushes a tag-only image). */
  readonly buildSeconds?: Readonly<Record<string, number>>;
}

/** One commit of an app repo and its build. */
export interface PublishCommit {
  /** The commit's date (seconds): its sortable tag's timestamp. */
  readonly date: number;
  /** @default the example's files (the notes app: its generated files) */
  readonly files?: readonly RepoFile[];
  /** More build arguments (`IMAGE_REVISION`). */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /**
   * SOURCE_DATE_EPOCH of the build: the date of the last change to what the image holds.
   * @default `date`
   */
  readonly epoch?: number;
  /** Build with `IMAGE_REVISION=<the commit>` (the OCI revision label the workflow sets). @default false */
  readonly labelRevision?: boolean;
}

/** An example app repo's files as its own repository holds them: what git tracks under examples/<name>. */
export function exampleFiles(example: string): RepoFile[] {
  const prefix = `examples/${example}/`;
  return execFileSync('git', ['ls-files', '-z', prefix], { cwd: monorepo, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean)
    .map((path) => ({ path: path.slice(prefix.length), content: readFileSync(`${monorepo}${path}`, 'utf8') }));
}

/** Where the run's registry holds an image (`ghcr.io/owner/image` → `owner/image`). */
export const registryPath = (repository: string) => repository.replace(/^ghcr\.io\//, '');

/**
 * Commits an app's repository to the git server (rewritten for the run), builds its image for
 * both platforms with buildah from that commit (the notes app pushes a tag-only image instead:
 * kwok never pulls) and pushes it with the commit's sortable tag.
 */
export async function publishAppRepo(
  spec: RunAppSpec,
  servers: LiveServers,
  endpoints: LiveEndpoints,
  build: { store: BuildahStore; buildArgs: Record<string, string> },
  commit: PublishCommit,
): Promise<RunAppRepo> {
  const { date } = commit;
  const files = commit.files ?? (spec.example ? exampleFiles(spec.example) : notesRepoFiles());
  const name = spec.app.descriptor.name;
  const rewrite = liveRewrite(files, endpoints);
  if (rewrite.problems.length > 0) throw new Error(`${name}: ${rewrite.problems.join('; ')}`);
  const repo = repoPath(spec.url);
  const existing = await servers.git.head(repo).catch(() => undefined);
  if (existing === undefined) await servers.git.createRepo(repo);
  const sha = await servers.git.commit(repo, rewrite.files, `${name} at ${date}`, { date });
  const tag = sortableTag(defaultBranch, date, sha);
  const services = spec.app.descriptor.services;
  if (spec.example && services.length !== 1)
    throw new Error(
      `${name}: the run builds one image per repository (its root Dockerfile); ${services.length} services`,
    );
  const images = [];
  let buildSeconds: Record<string, number> | undefined;
  for (const service of services) {
    const repository = service.image.repository;
    const destination = `${servers.registry.host}/${registryPath(repository)}:${tag}`;
    let digest: string;
    if (spec.example) {
      const built = buildAppImage(build.store, {
        name,
        files: rewrite.files,
        buildArgs: {
          ...build.buildArgs,
          ...commit.buildArgs,
          ...(commit.labelRevision ? { IMAGE_REVISION: sha } : {}),
        },
        epoch: commit.epoch ?? date,
      });
      buildSeconds = built.seconds;
      digest = pushAppImage(build.store, built, destination);
    } else {
      digest = (await pushTinyImage(servers.registry.host, registryPath(repository), tag)).digest;
    }
    images.push({ service: service.name, repository, digest });
  }
  return { spec, name, repo, files: rewrite.files, sha, date, tag, images, ...(buildSeconds ? { buildSeconds } : {}) };
}

/** The run's pins: every app's build tag in every environment it runs in, with the digest in prod. */
export function runPins(repos: readonly RunAppRepo[]): PinsInput {
  const pins: Record<string, Record<string, Record<string, { tag: string; digest?: string }>>> = {};
  for (const r of repos) {
    for (const env of r.spec.environments) {
      for (const image of r.images) {
        ((pins[env] ??= {})[r.name] ??= {})[image.service] =
          env === 'prod' ? { tag: r.tag, digest: image.digest } : { tag: r.tag };
      }
    }
  }
  return pins;
}
