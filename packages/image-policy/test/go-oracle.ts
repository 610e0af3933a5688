// Builds the Go programs the tests run (the differential tests' oracles, a Docker credential
// helper) into the cache, once per source hash.
// Go must be installed (CI installs it for the upstream verifiers); modules come from the Go
// module proxy, pinned by the go.sum of the module each oracle builds in.
//
// test/oracle (selectTag) is built inside the image-reflector-controller's own module, from the
// release tarball the module proxy does not serve: the controller's go.mod and go.sum pin every
// dependency, its internal/policy package is imported unchanged, and the scan-and-store step
// (filterOutTags, sortTagsAndGetLatestTags) is cut verbatim from its controller source.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sugarkubeCache } from '@sugarkube/verify';
import type { SelectTagSpec } from '../src/index.js';

/**
 * The controller release the oracle is built from. The module proxy refuses the controller's
 * root module, so its `git archive` tarball is read from `SUGARKUBE_FLUX_SOURCES`
 * (a directory; on these machines /work/shared/upstream, elsewhere a `git archive` of the tag).
 */
export const IMAGE_REFLECTOR = {
  tag: 'v1.2.0',
  tarball: 'image-reflector-controller-v1.2.0.tar.gz',
  sha256: '8e45fdb72314e4b96330b2522fffb54013eaabb68682ac89f2841ff1310863f5',
  root: 'image-reflector-controller-v1.2.0',
} as const;

const DEFAULT_UPSTREAM_SOURCES = '/work/shared/upstream';

const goEnv = { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=readonly', CGO_ENABLED: '0' };

function requireGo(what: string): void {
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.status !== 0)
    throw new Error(`the Go toolchain is required to build ${what} (install Go; CI machines have it)`);
}

/** Builds into a staging directory and moves the binary in, so concurrent test files never see half a build. */
function buildOnce(kind: string, hash: string, build: (staging: string, binary: string) => void): string {
  const out = join(sugarkubeCache(), `image-policy-${kind}`, hash, kind);
  if (existsSync(out)) return out;
  mkdirSync(join(out, '..'), { recursive: true });
  const staging = mkdtempSync(join(out, '..', '.staging-'));
  try {
    build(staging, join(staging, kind));
    renameSync(join(staging, kind), out);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return out;
}

function upstreamTarball(): string {
  const dir = process.env.SUGARKUBE_FLUX_SOURCES || DEFAULT_UPSTREAM_SOURCES;
  const path = join(dir, IMAGE_REFLECTOR.tarball);
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: set SUGARKUBE_FLUX_SOURCES to a directory holding ${IMAGE_REFLECTOR.tarball} ` +
        `(git archive --prefix=${IMAGE_REFLECTOR.root}/ ${IMAGE_REFLECTOR.tag} of github.com/fluxcd/image-reflector-controller)`,
    );
  }
  const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
  if (sha !== IMAGE_REFLECTOR.sha256) throw new Error(`${path}: sha256 ${sha}, expected ${IMAGE_REFLECTOR.sha256}`);
  return path;
}

/** A top-level Go declaration with its doc comment, cut from gofmt'ed source; throws if absent. */
export function cutGoDeclaration(source: string, start: RegExp): string {
  const match = start.exec(source);
  if (!match) throw new Error(`${start} not found in the controller source: the oracle's cut needs updating`);
  const docStart = source.lastIndexOf('\n\n', match.index) + 2;
  const end = match[0].startsWith('func ')
    ? source.indexOf('\n}\n', match.index) + 3
    : source.indexOf('\n', match.index) + 1;
  return source.slice(docStart, end);
}

/** scan.go: the controller's scan-and-store helpers, verbatim, as a file of the oracle's main package. */
export function scanStepSource(controllerSource: string): string {
  const parts = [/^const latestTagsCount = \d+$/m, /^func filterOutTags\(/m, /^func sortTagsAndGetLatestTags\(/m].map(
    (re) => cutGoDeclaration(controllerSource, re),
  );
  return [
    `// Cut verbatim from internal/controller/imagerepository_controller.go of image-reflector-controller ${IMAGE_REFLECTOR.tag} by test/go-oracle.ts.`,
    'package main',
    '',
    'import (\n\t"fmt"\n\t"regexp"\n\t"slices"\n\t"strings"\n)',
    '',
    ...parts,
  ].join('\n');
}

function buildSelectOracle(): string {
  const main = readFileSync(fileURLToPath(new URL('./oracle/main.go', import.meta.url)));
  const hash = createHash('sha256')
    .update(main)
    .update(IMAGE_REFLECTOR.sha256)
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 16);
  return buildOnce('oracle', hash, (staging, binary) => {
    const tarball = upstreamTarball();
    requireGo('test/oracle');
    execFileSync('tar', ['-xzf', tarball, '-C', staging], { stdio: 'pipe' });
    const tree = join(staging, IMAGE_REFLECTOR.root);
    const cmd = join(tree, 'cmd', 'sugarkube-oracle');
    mkdirSync(cmd, { recursive: true });
    writeFileSync(join(cmd, 'main.go'), main);
    writeFileSync(
      join(cmd, 'scan.go'),
      scanStepSource(readFileSync(join(tree, 'internal', 'controller', 'imagerepository_controller.go'), 'utf8')),
    );
    execFileSync('go', ['build', '-o', binary, './cmd/sugarkube-oracle'], { cwd: tree, stdio: 'pipe', env: goEnv });
  });
}

function buildSettersOracle(): string {
  const dir = fileURLToPath(new URL('./setters-oracle/', import.meta.url));
  const hash = createHash('sha256');
  for (const f of ['go.mod', 'go.sum', 'main.go']) hash.update(readFileSync(join(dir, f)));
  return buildOnce('setters-oracle', hash.digest('hex').slice(0, 16), (_staging, binary) => {
    requireGo('test/setters-oracle');
    execFileSync('go', ['build', '-o', binary, '.'], { cwd: dir, stdio: 'pipe', env: goEnv });
  });
}

/** Builds test/credential-helper (a Docker credential helper on docker-credential-helpers' own protocol code). */
export function buildCredentialHelper(): string {
  const dir = fileURLToPath(new URL('./credential-helper/', import.meta.url));
  const hash = createHash('sha256');
  for (const f of ['go.mod', 'go.sum', 'main.go']) hash.update(readFileSync(join(dir, f)));
  return buildOnce('credential-helper', hash.digest('hex').slice(0, 16), (_staging, binary) => {
    requireGo('test/credential-helper');
    execFileSync('go', ['build', '-o', binary, '.'], { cwd: dir, stdio: 'pipe', env: goEnv });
  });
}

/** Builds test/oracle (selectTag) or test/setters-oracle (applySetters) into the cache, once per source hash. */
export function buildOracle(name: 'oracle' | 'setters-oracle' = 'oracle'): string {
  return name === 'oracle' ? buildSelectOracle() : buildSettersOracle();
}

/** One case for test/oracle: the ImagePolicy spec, the ImageRepository's exclusion list, the registry's tags. */
export interface OracleCase {
  readonly spec: SelectTagSpec;
  readonly tags: readonly string[];
  readonly exclusionList?: readonly string[];
}

export interface OracleResult {
  /** The answer with the extracted values in descending byte order (the order selectTag documents). */
  readonly tag?: string;
  readonly reason?: string;
  readonly error?: string;
  /** The tags as the controller stored them. */
  readonly stored?: readonly string[] | null;
  /** After filterTags: every answer seen over `mapRuns` runs of the real RegexFilter (Go's random map order); `reason:X` for a failure. */
  readonly outcomes?: readonly string[];
}

export function runOracle(binary: string, cases: readonly OracleCase[], mapRuns = 0): OracleResult[] {
  const input =
    cases.map((c) => JSON.stringify({ ...c.spec, tags: c.tags, exclusionList: c.exclusionList, mapRuns })).join('\n') +
    '\n';
  const out = execFileSync(binary, [], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as OracleResult);
}
