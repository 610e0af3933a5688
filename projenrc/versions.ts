/**
 * One table of the tool versions the monorepo builds and tests with.
 * A bump here is a deliberate change: re-synthesize and commit the result.
 */
export const toolVersions = {
  node: '24.21.0',
  projen: '0.103.25',
  constructs: '^10.5.0',
  typescript: '~5.9.3',
  typesNode: '^24.19.2',
  nx: '24.0.6',
  vitest: '^5.1.1',
  changesets: '^3.0.3',
  eslint: '^9.39.5',
  typescriptEslint: '^8.73.0',
  prettier: '^3.10.1',
  importX: '^4.18.1',
  knip: '6.44.2',
  apiExtractor: '7.60.1',
  publint: '^0.3.25',
  attw: '^0.18.5',
  fastCheck: '^4.10.2',
  zod: '^4.6.7',
  yaml: '^2.9.1',
  diff: '^9.0.0',
  octokitRest: '^22.0.1',
  octokitOpenapi: '^23.0.2',
  kubernetesClient: '^2.0.1',
  verdaccio: '6.8.0',
  playwrightCore: '1.65.1',
} as const;

/**
 * What tools/bench compares Sugarkube with, pinned exactly so a comparison is repeatable:
 * cdk8s + cdk8s-plus (the Kubernetes 1.33 flavour, the schemas the tests validate against) and
 * ts-node, projen's default `.projenrc.ts` runner.
 */
export const benchVersions = {
  cdk8s: '2.70.106',
  cdk8sPlus33: '2.5.57',
  tsNode: '10.9.2',
} as const;

/**
 * The libraries docker/metadata-action computes tags with, pinned exactly to what its
 * package.json/yarn.lock hold at v6.0.0 (the release the generated workflows use, see
 * packages/ci-workflows/src/pins/action-pins.ts), so the tag preview runs the same code.
 * Note the pep440 package is `@renovate/pep440` (what metadata-action imports), not the
 * newer `@renovatebot/pep440`. A test fails when the action pin moves without these.
 */
export const metadataActionLibs = {
  handlebars: '4.7.8',
  moment: '2.30.1',
  momentTimezone: '0.6.1',
  semver: '7.7.4',
  typesSemver: '7.7.1',
  csvParse: '6.1.0',
  pep440: '1.0.0',
} as const;

/** Node engines range every published package declares. */
export const nodeEngines = '>=22';
