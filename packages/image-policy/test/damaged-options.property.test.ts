/**
 * Damaged arguments, fed to every public function of the package (the damage and the judgement
 * come from @sugarkube/verify's `checkDamagedOptions`): each call succeeds (the damage was
 * harmless) or throws a ValidationError (from @sugarkube/core) whose issues name the damaged
 * path. Never a TypeError, never any other error.
 *
 * The registry client's checks run before any request: its samples point at a fetch that
 * refuses every request, and a call that got that far (a RegistryError from the refused
 * request) passed its argument checks, so it counts as harmless.
 */
import { join } from 'node:path';
import { describeDamagedOptions, type DamageSubject } from '@sugarkube/verify';
import {
  applySetters,
  assertImageApiVersion,
  checkImagePlatforms,
  describePlatforms,
  dockerConfigDir,
  followBranchBuilds,
  followReleases,
  formatPlatform,
  imagePolicy,
  imageRepository,
  imageUpdateAutomation,
  isSelectTagError,
  missingPlatforms,
  parseImageReference,
  parsePlatform,
  platformMatches,
  RegistryClient,
  RegistryError,
  resolveDockerCredentials,
  selectTag,
  storedTags,
} from '../src/index.js';

const any = (f: (x: never) => unknown) => (x: unknown) => f(x as never);
const field = (x: unknown, key: string) => (x as Record<string, unknown> | null | undefined)?.[key];

/** The network is never reached: a request that passed the argument checks is refused here. */
const refused: typeof fetch = () => Promise.reject(new Error('refused by the damaged-options test'));
const clientOptions = { insecure: true, dockerConfig: false, timeoutMs: 1000, retry: { attempts: 1 }, fetch: refused };
const reachedRegistry = async (call: () => unknown) => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof RegistryError) return undefined;
    throw error;
  }
};
const client = () => new RegistryClient('127.0.0.1:9', clientOptions);
/** No tags, none past the filter, a non-number for a numerical policy: Flux's answers, not argument errors. */
const answer = (call: () => unknown) => {
  try {
    return call();
  } catch (error) {
    if (isSelectTagError(error) && ['NoTags', 'NoMatch', 'NotNumeric'].includes(error.reason)) return error.reason;
    throw error;
  }
};

const spec = {
  policy: { numerical: { order: 'asc' } },
  filterTags: { pattern: '^main-(?P<ts>[0-9]+)-[0-9a-f]{7}$', extract: '$ts' },
};
const tags = ['main-1700000000-aaaaaaa', 'main-1800000000-bbbbbbb', 'v1.0.0', 'x.sig'];
const files = { 'deploy/app.yaml': 'image: ghcr.io/o/app:v1 # {"$imagepolicy": "flux-system:app"}\n' };
const policies = [{ namespace: 'flux-system', name: 'app', latestRef: { name: 'ghcr.io/o/app', tag: 'v2' } }];
const arm64 = { os: 'linux', architecture: 'arm64', variant: 'v8' };
const amd64 = { os: 'linux', architecture: 'amd64' };

const subjects: DamageSubject[] = [
  {
    name: 'imageRepository',
    valid: {
      name: 'app',
      namespace: 'flux-system',
      image: 'ghcr.io/o/app',
      interval: '5m',
      secretRef: 'ghcr',
      exclusionList: ['^.*\\.sig$'],
    },
    call: any(imageRepository),
  },
  {
    name: 'imagePolicy',
    valid: {
      name: 'app',
      namespace: 'flux-system',
      imageRepositoryRef: { name: 'app', namespace: 'flux-system' },
      ...followBranchBuilds('main'),
      digestReflectionPolicy: 'Always',
      interval: '10m',
    },
    call: any(imagePolicy),
  },
  {
    name: 'imagePolicy (semver)',
    valid: { name: 'app', namespace: 'flux-system', imageRepositoryRef: { name: 'app' }, ...followReleases('^1.0.0') },
    call: any(imagePolicy),
  },
  {
    name: 'imageUpdateAutomation',
    valid: {
      name: 'staging',
      namespace: 'flux-system',
      sourceRef: { name: 'flux-system' },
      path: './clusters/staging',
      checkoutBranch: 'main',
      pushBranch: 'flux/updates',
      author: { name: 'bot', email: 'bot@example.org' },
      interval: '10m',
      policySelector: { env: 'staging' },
    },
    call: any(imageUpdateAutomation),
  },
  { name: 'followBranchBuilds', valid: 'main', call: any(followBranchBuilds) },
  { name: 'followReleases', valid: '^1.0.0', call: any(followReleases) },
  {
    name: 'assertImageApiVersion',
    valid: { apiVersion: 'image.toolkit.fluxcd.io/v1', kind: 'ImagePolicy' },
    call: (x) => assertImageApiVersion(field(x, 'apiVersion') as string, field(x, 'kind') as string),
  },
  {
    name: 'selectTag (spec)',
    valid: spec,
    call: (x) => answer(() => selectTag(x as never, tags)),
    reportedUnder: ['spec'],
  },
  {
    name: 'selectTag (tags)',
    valid: tags,
    call: (x) => answer(() => selectTag(spec, x as never)),
    reportedUnder: ['tags'],
  },
  {
    name: 'selectTag (options)',
    valid: { exclusionList: ['^x'] },
    call: (x) => answer(() => selectTag(spec, tags, x as never)),
    reportedUnder: ['options'],
  },
  {
    name: 'storedTags',
    valid: { tags, exclusionList: ['^.*\\.sig$'] },
    call: (x) => storedTags(field(x, 'tags') as never, field(x, 'exclusionList') as never),
  },
  {
    name: 'applySetters (options)',
    valid: { namespace: 'flux-system', path: 'deploy', strategy: 'Setters' },
    call: (x) => applySetters(files, policies, x as never),
    reportedUnder: ['options'],
  },
  {
    name: 'applySetters (files)',
    valid: files,
    call: (x) => applySetters(x as never, policies, { namespace: 'flux-system' }),
    reportedUnder: ['files'],
  },
  {
    name: 'applySetters (policies)',
    valid: policies,
    call: (x) => applySetters(files, x as never, { namespace: 'flux-system' }),
    reportedUnder: ['policies'],
  },
  { name: 'parseImageReference', valid: 'ghcr.io/o/app:v1@sha256:' + 'a'.repeat(64), call: any(parseImageReference) },
  { name: 'parsePlatform', valid: 'linux/arm64/v8', call: any(parsePlatform) },
  { name: 'formatPlatform', valid: arm64, call: any(formatPlatform) },
  {
    name: 'platformMatches',
    valid: { wanted: arm64, available: arm64 },
    call: (x) => platformMatches(field(x, 'wanted') as never, field(x, 'available') as never),
  },
  {
    name: 'missingPlatforms',
    valid: { wanted: [arm64, amd64], available: [amd64] },
    call: (x) => missingPlatforms(field(x, 'wanted') as never, field(x, 'available') as never),
  },
  { name: 'describePlatforms', valid: [arm64, amd64], call: any(describePlatforms), reportedUnder: ['platforms'] },
  {
    name: 'dockerConfigDir',
    valid: { dir: '/nonexistent/docker', env: { DOCKER_CONFIG: '/nonexistent/other' } },
    call: (x) => dockerConfigDir(field(x, 'dir') as never, field(x, 'env') as never),
  },
  {
    name: 'resolveDockerCredentials',
    valid: { configDir: '/nonexistent/sugarkube-docker-config', timeoutMs: 1000 },
    call: (x) => resolveDockerCredentials('ghcr.io', x as never),
    reportedUnder: ['options'],
  },
  {
    name: 'RegistryClient (options)',
    valid: { ...clientOptions, credentials: { username: 'u', password: 'p' } },
    call: (x) => new RegistryClient('127.0.0.1:9', x as never),
    reportedUnder: ['options'],
  },
  {
    name: 'RegistryClient (registry)',
    valid: '127.0.0.1:9',
    call: (x) => new RegistryClient(x as never, clientOptions),
    reportedUnder: ['registry'],
  },
  {
    name: 'RegistryClient.listTags',
    valid: { repository: 'o/app', options: { pageSize: 100 } },
    call: (x) =>
      reachedRegistry(() => client().listTags(field(x, 'repository') as never, field(x, 'options') as never)),
  },
  {
    name: 'RegistryClient.getManifest',
    valid: { repository: 'o/app', reference: 'v1' },
    call: (x) =>
      reachedRegistry(() => client().getManifest(field(x, 'repository') as never, field(x, 'reference') as never)),
  },
  {
    name: 'RegistryClient.headDigest',
    valid: { repository: 'o/app', reference: `sha256:${'b'.repeat(64)}` },
    call: (x) =>
      reachedRegistry(() => client().headDigest(field(x, 'repository') as never, field(x, 'reference') as never)),
  },
  {
    name: 'RegistryClient.getBlobText',
    valid: { repository: 'o/app', digest: `sha256:${'c'.repeat(64)}` },
    call: (x) =>
      reachedRegistry(() => client().getBlobText(field(x, 'repository') as never, field(x, 'digest') as never)),
  },
  {
    name: 'RegistryClient.platforms',
    valid: { repository: 'o/app', reference: 'v1' },
    call: (x) =>
      reachedRegistry(() => client().platforms(field(x, 'repository') as never, field(x, 'reference') as never)),
  },
  {
    name: 'RegistryClient.catalogPages',
    valid: { pageSize: 10 },
    call: (x) =>
      reachedRegistry(async () => {
        for await (const page of client().catalogPages(x as never)) return page;
        return undefined;
      }),
  },
  {
    name: 'RegistryClient.request',
    valid: {
      url: 'http://127.0.0.1:9/v2/',
      init: { method: 'GET', headers: { accept: 'application/json' }, scope: '', what: 'ping' },
    },
    call: (x) => reachedRegistry(() => client().request(field(x, 'url') as never, field(x, 'init') as never)),
  },
  {
    name: 'checkImagePlatforms',
    valid: { reference: '127.0.0.1:9/o/app:v1', wanted: [arm64, amd64], options: clientOptions },
    call: (x) =>
      reachedRegistry(() =>
        checkImagePlatforms(field(x, 'reference') as never, field(x, 'wanted') as never, field(x, 'options') as never),
      ),
  },
];

// Runs per subject: raise DAMAGED_OPTIONS_RUNS for a deeper search (e.g. 5000).
describeDamagedOptions(subjects, { packageDir: join(import.meta.dirname, '..'), runs: 300 });
