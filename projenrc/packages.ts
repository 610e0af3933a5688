import type { javascript } from 'projen';
import { addSugarkubePackage } from './sugarkube-package.ts';
import { benchVersions, metadataActionLibs, toolVersions } from './versions.ts';

/** Sibling dependency with a caret range on its version on disk, so npm links the workspace copy. */
const sibling = (name: string) => `${name}@^0.1.0`;
const projenPeers = [`projen@>=${toolVersions.projen}`, `constructs@${toolVersions.constructs}`];
const projenDev = [`projen@${toolVersions.projen}`, `constructs@${toolVersions.constructs}`];

/** The test-only wrappers around real upstream verifiers (kubeconform, kustomize, actionlint, …). */
const verify = '@sugarkube/verify@^0.1.0';
/** The example app repos: the drift tests of ci-workflows and sites and the e2e proof read them. */
const examplesInput = '{workspaceRoot}/examples/**/*';

/** Every workspace package, in dependency order. */
export function addPackages(root: javascript.NodeProject) {
  const core = addSugarkubePackage(root, {
    name: '@sugarkube/core',
    outdir: 'packages/core',
    description:
      'What every Sugarkube package shares: one issue type and ValidationError, the field rules, the one YAML renderer, generated-file headers, the runtime table, base images and the image tag scheme.',
    deps: [`zod@${toolVersions.zod}`],
    devDeps: [`fast-check@${toolVersions.fastCheck}`, `yaml@${toolVersions.yaml}`],
    keywords: ['kubernetes', 'gitops', 'yaml', 'validation'],
    // The YAML renderer and the tag scheme without zod: what a package that only renders imports.
    entryPoints: ['yaml', 'tags'],
  });
  const verifyTools = addSugarkubePackage(root, {
    name: '@sugarkube/verify',
    outdir: 'tools/verify',
    description:
      'Test-only: runs the pinned upstream verifiers (kubeconform with Kubernetes and CRD schemas, kustomize, actionlint, zizmor) on generated output.',
    publish: false,
    // core: its renderer writes the kustomization.yaml files buildFluxPaths changes, and the
    // damaged-options property test recognises ValidationError and formats paths as core does;
    // typescript: compileWithEdit shows a planted mistake is a compile error.
    deps: [
      sibling('@sugarkube/core'),
      `yaml@${toolVersions.yaml}`,
      `fast-check@${toolVersions.fastCheck}`,
      `typescript@${toolVersions.typescript}`,
      // describeDamagedOptions: the damaged-options suite every package runs.
      `vitest@${toolVersions.vitest}`,
    ],
  });
  const imagePolicy = addSugarkubePackage(root, {
    name: '@sugarkube/image-policy',
    outdir: 'packages/image-policy',
    description:
      'Flux image automation objects, a local tag-selection preview with Flux semantics, and an OCI registry client.',
    deps: [`yaml@${toolVersions.yaml}`, `zod@${toolVersions.zod}`, sibling('@sugarkube/core')],
    devDeps: [`fast-check@${toolVersions.fastCheck}`, verify],
    keywords: ['flux', 'gitops', 'image-automation', 'oci', 'kubernetes'],
  });
  const manifests = addSugarkubePackage(root, {
    name: '@sugarkube/manifests',
    outdir: 'packages/manifests',
    description:
      'The Sugarkube app descriptor and pure functions from it to Kubernetes and Flux objects, per environment.',
    deps: [
      `zod@${toolVersions.zod}`,
      `yaml@${toolVersions.yaml}`,
      sibling('@sugarkube/core'),
      sibling('@sugarkube/image-policy'),
      // The build section of the descriptor and the image files the app-repo entry point writes.
      sibling('@sugarkube/ci-workflows'),
    ],
    // Only the ./projen entry point (SugarkubeApp) imports projen.
    optionalPeerDeps: projenPeers,
    entryPoints: ['projen'],
    devDeps: [`fast-check@${toolVersions.fastCheck}`, verify, ...projenDev],
    keywords: ['kubernetes', 'kustomize', 'flux', 'gitops', 'k3s', 'projen'],
    // The JSON Schema of sugarkube.yaml, generated from the zod schema after tsc.
    extraExports: { './schema.json': './dist/sugarkube.schema.json' },
    postCompile: ['node scripts/write-schema.mjs'],
  });
  const ciWorkflows = addSugarkubePackage(root, {
    name: '@sugarkube/ci-workflows',
    outdir: 'packages/ci-workflows',
    description:
      'Identical Dockerfiles, .dockerignore, nginx.conf and multi-arch GitHub Actions build workflows for app repos: pure generators, projen components under ./projen, the docker/metadata-action tag preview under ./tags.',
    deps: [
      sibling('@sugarkube/core'),
      `zod@${toolVersions.zod}`,
      // docker/metadata-action's own libraries, for the tag preview (`./tags` only).
      `handlebars@${metadataActionLibs.handlebars}`,
      `moment@${metadataActionLibs.moment}`,
      `moment-timezone@${metadataActionLibs.momentTimezone}`,
      `semver@${metadataActionLibs.semver}`,
      `csv-parse@${metadataActionLibs.csvParse}`,
      `@renovate/pep440@${metadataActionLibs.pep440}`,
    ],
    // Only the ./projen entry point imports projen: the main entry works without it.
    optionalPeerDeps: projenPeers,
    entryPoints: ['projen', 'tags'],
    // yaml: the tests read generated workflows back.
    devDeps: [verify, ...projenDev, `yaml@${toolVersions.yaml}`, `@types/semver@${metadataActionLibs.typesSemver}`],
    keywords: ['docker', 'github-actions', 'multi-arch', 'ghcr', 'projen'],
    extraTestInputs: [examplesInput],
  });
  const sites = addSugarkubePackage(root, {
    name: '@sugarkube/sites',
    outdir: 'packages/sites',
    description:
      "A static site's values (host, image, path, cache, route, TLS, run-time files) as a Sugarkube app: the same Dockerfile, nginx.conf, workflows, deploy/ and image automation an app repo generates.",
    deps: [
      `zod@${toolVersions.zod}`,
      sibling('@sugarkube/core'),
      sibling('@sugarkube/manifests'),
      sibling('@sugarkube/ci-workflows'),
    ],
    // Only the ./projen entry point (StaticSite) imports projen.
    optionalPeerDeps: projenPeers,
    entryPoints: ['projen'],
    // playwright-core drives Debian's chromium in the cache-contract tests (no browser download).
    devDeps: [verify, ...projenDev, `playwright-core@${toolVersions.playwrightCore}`, `yaml@${toolVersions.yaml}`],
    keywords: ['static-site', 'nginx', 'kubernetes', 'projen'],
    extraTestInputs: [examplesInput],
  });
  const clusterTree = addSugarkubePackage(root, {
    name: '@sugarkube/cluster',
    outdir: 'packages/cluster',
    description:
      'The cluster definition and the whole GitOps tree Flux reconciles for a small k3s cluster: infrastructure, Flux, and the apps taken from their own repos.',
    deps: [
      `zod@${toolVersions.zod}`,
      sibling('@sugarkube/core'),
      sibling('@sugarkube/manifests'),
      sibling('@sugarkube/image-policy'),
    ],
    devDeps: [`fast-check@${toolVersions.fastCheck}`, verify, `yaml@${toolVersions.yaml}`],
    keywords: ['kubernetes', 'flux', 'gitops', 'k3s', 'raspberry-pi'],
    extraTestInputs: [examplesInput],
  });
  const cluster = addSugarkubePackage(root, {
    name: '@sugarkube/sugarkube-cluster',
    outdir: 'apps/cluster',
    description:
      'The real Sugarkube clusters (staging and prod) and the four apps they take from their repos: the embedded default of `sugarkube synth`.',
    publish: false,
    // The four apps' descriptors come from their (example) repos, as a cluster repo depends on app repos.
    deps: [
      sibling('@sugarkube/cluster'),
      sibling('@sugarkube/core'),
      sibling('@sugarkube/manifests'),
      ...['danielsmith', 'dspace', 'jobbot3000', 'tokenplace'].map((app) => `@sugarkube-example/${app}@0.0.0`),
    ],
    devDeps: [verify],
    extraTestInputs: [examplesInput],
  });
  const cli = addSugarkubePackage(root, {
    name: '@sugarkube/cli',
    outdir: 'apps/cli',
    description: 'The sugarkube command: init, synth, validate, diff, doctor, policy, image, promote.',
    deps: [
      sibling('@sugarkube/core'),
      sibling('@sugarkube/cluster'),
      sibling('@sugarkube/manifests'),
      sibling('@sugarkube/image-policy'),
      `yaml@${toolVersions.yaml}`,
      // jsdiff renders `sugarkube diff`'s unified diffs (Myers, "\\ No newline at end of file").
      `diff@${toolVersions.diff}`,
      // `promote` opens its pull request through GitHub's REST API (any forge with its shape).
      `@octokit/rest@${toolVersions.octokitRest}`,
      // doctor --live (context, API, CRDs, Flux controllers), promote --live and status read the clusters' API servers.
      `@kubernetes/client-node@${toolVersions.kubernetesClient}`,
      // The schemas of every command's --json report (types and published JSON Schema from one source).
      `zod@${toolVersions.zod}`,
    ],
    // The embedded cluster is private: the CLI loads it at run time (package.json "sugarkube.cluster").
    // GitHub's published OpenAPI description checks every request promote makes (the tests run on Gitea).
    devDeps: [
      verify,
      sibling('@sugarkube/sugarkube-cluster'),
      `fast-check@${toolVersions.fastCheck}`,
      `@octokit/openapi@${toolVersions.octokitOpenapi}`,
      // A real API server (and kwok nodes) for doctor's live checks.
      sibling('@sugarkube/live'),
    ],
    bin: { sugarkube: 'dist/bin.js' },
    keywords: ['kubernetes', 'gitops', 'flux', 'cli'],
  });
  const repoChecks = addSugarkubePackage(root, {
    name: '@sugarkube/repo-checks',
    outdir: 'tools/repo-checks',
    description:
      'Tests of the repository itself: the architecture lint rules fire, every package has the published shape, workflows are pinned, every YAML output path gives back the strings it was given.',
    publish: false,
    // The pins file tools/upstream reads is generated from these packages' tables (test/upstream-pins.test.ts);
    // the YAML round trip writes through every output path of them; prettier formats the generated
    // Kubernetes types (src/kube-types.ts); verify finds the tool cache.
    devDeps: [
      `eslint@${toolVersions.eslint}`,
      `prettier@${toolVersions.prettier}`,
      `yaml@${toolVersions.yaml}`,
      `fast-check@${toolVersions.fastCheck}`,
      verify,
      sibling('@sugarkube/core'),
      sibling('@sugarkube/manifests'),
      sibling('@sugarkube/cluster'),
      sibling('@sugarkube/ci-workflows'),
      sibling('@sugarkube/cli'),
      // The API reports (test/api-reports.test.ts) read every published package's built types.
      sibling('@sugarkube/image-policy'),
      sibling('@sugarkube/sites'),
      `@microsoft/api-extractor@${toolVersions.apiExtractor}`,
    ],
    // The pins file and the scripts that read it; the repo's own workflows and the projenrc module that writes them.
    extraTestInputs: [
      '{workspaceRoot}/tools/upstream/pins.json',
      '{workspaceRoot}/tools/upstream/lib.sh',
      '{workspaceRoot}/tools/upstream/tools/*.sh',
      '{workspaceRoot}/projenrc/**/*',
      '{workspaceRoot}/.github/**/*',
      // knip reads every workspace's sources, tests and manifest; the API reports are compared.
      '{workspaceRoot}/knip.json',
      ...['packages', 'apps', 'tools'].flatMap((group) => [
        `{workspaceRoot}/${group}/*/src/**/*`,
        `{workspaceRoot}/${group}/*/test/**/*`,
        `{workspaceRoot}/${group}/*/package.json`,
        `{workspaceRoot}/${group}/*/api/**/*`,
      ]),
    ],
  });
  const e2e = addSugarkubePackage(root, {
    name: '@sugarkube/e2e',
    outdir: 'tools/e2e',
    description:
      'The "used by" proof: releases the packages with changesets to a real npm registry (Verdaccio) on loopback, regenerates and checks every example app repo from it, sets up a cluster repo as the docs say, and releases a generator change into the app repos.',
    publish: false,
    devDeps: [
      `verdaccio@${toolVersions.verdaccio}`,
      `@changesets/cli@${toolVersions.changesets}`,
      `yaml@${toolVersions.yaml}`,
      verify,
      sibling('@sugarkube/core'),
      sibling('@sugarkube/manifests'),
      sibling('@sugarkube/image-policy'),
      sibling('@sugarkube/ci-workflows'),
      sibling('@sugarkube/sites'),
      sibling('@sugarkube/cluster'),
      sibling('@sugarkube/cli'),
    ],
    // The release runs the pending changesets; the getting-started pages' snippets are what it runs.
    extraTestInputs: [examplesInput, '{workspaceRoot}/.changeset/*', '{workspaceRoot}/docs/**/*'],
  });
  const docs = addSugarkubePackage(root, {
    name: '@sugarkube/docs',
    outdir: 'tools/docs',
    description:
      'The field references under docs/, generated from the JSON Schemas of sugarkube.yaml, the cluster definition and the pins file, and the test that fails when they drift.',
    publish: false,
    devDeps: [sibling('@sugarkube/core'), sibling('@sugarkube/manifests'), sibling('@sugarkube/cluster')],
    extraTestInputs: ['{workspaceRoot}/docs/**/*'],
  });
  // Regenerates the references (after building what they are generated from).
  docs.package.setScript(
    'docs',
    'nx run @sugarkube/docs:build --output-style=static && node dist/io/write-field-references.js',
  );
  const live = addSugarkubePackage(root, {
    name: '@sugarkube/live',
    outdir: 'tools/live',
    description:
      'Test-only: a live cluster on loopback (etcd, the Kubernetes control plane, kwok Pi-shaped nodes, the Flux controllers as processes) with a git server, an OCI registry and a chart repository.',
    publish: false,
    deps: [verify, `yaml@${toolVersions.yaml}`],
    // The live suite: the real clusters' tree (apps/cluster) and the example app repos, run by Flux;
    // image-policy's selectTag and applySetters are what the controllers' results must equal.
    devDeps: [
      sibling('@sugarkube/core'),
      sibling('@sugarkube/manifests'),
      sibling('@sugarkube/image-policy'),
      sibling('@sugarkube/cluster'),
      sibling('@sugarkube/sugarkube-cluster'),
    ],
    extraTestInputs: [
      examplesInput,
      '{workspaceRoot}/tools/upstream/pins.json',
      '{workspaceRoot}/tools/upstream/install-live.sh',
      '{workspaceRoot}/tools/upstream/live/*.sh',
    ],
  });
  const bench = addSugarkubePackage(root, {
    name: '@sugarkube/bench',
    outdir: 'tools/bench',
    description:
      'Benchmarks (npm run bench): import times, CLI start-up and synth, scale, equal output against cdk8s, Helm and kustomize, projen, buildah builds, infrastructure requests and the nginx config; writes docs/benchmarks.md.',
    publish: false,
    devDeps: [
      // What it compares with, from npm, pinned.
      `cdk8s@${benchVersions.cdk8s}`,
      `cdk8s-plus-33@${benchVersions.cdk8sPlus33}`,
      `constructs@${toolVersions.constructs}`,
      `ts-node@${benchVersions.tsNode}`,
      `playwright-core@${toolVersions.playwrightCore}`,
      `yaml@${toolVersions.yaml}`,
      `typescript@${toolVersions.typescript}`,
      verify,
      // What it measures: built before the bench runs (nx builds dependencies first).
      sibling('@sugarkube/core'),
      sibling('@sugarkube/image-policy'),
      sibling('@sugarkube/ci-workflows'),
      sibling('@sugarkube/manifests'),
      sibling('@sugarkube/cluster'),
      sibling('@sugarkube/sites'),
      sibling('@sugarkube/cli'),
      sibling('@sugarkube/sugarkube-cluster'),
    ],
    extraTestInputs: [examplesInput],
  });
  return {
    live,
    bench,
    e2e,
    docs,
    repoChecks,
    verifyTools,
    core,
    imagePolicy,
    manifests,
    ciWorkflows,
    sites,
    clusterTree,
    cluster,
    cli,
  };
}
