import type { javascript } from 'projen';
import { addSugarkubePackage } from './sugarkube-package.ts';
import { toolVersions } from './versions.ts';

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
  const verifyTools = addSugarkubePackage(root, {
    name: '@sugarkube/verify',
    outdir: 'tools/verify',
    description: 'Test-only: runs the pinned upstream verifiers (kubeconform with Kubernetes and CRD schemas, kustomize, actionlint, zizmor) on generated output.',
    publish: false,
    deps: [`yaml@${toolVersions.yaml}`],
  });
  const imagePolicy = addSugarkubePackage(root, {
    name: '@sugarkube/image-policy',
    outdir: 'packages/image-policy',
    description: 'Flux image automation objects, a local tag-selection preview with Flux semantics, and an OCI registry client.',
    deps: [`yaml@${toolVersions.yaml}`],
    devDeps: [`fast-check@${toolVersions.fastCheck}`, verify],
    keywords: ['flux', 'gitops', 'image-automation', 'oci', 'kubernetes'],
  });
  const manifests = addSugarkubePackage(root, {
    name: '@sugarkube/manifests',
    outdir: 'packages/manifests',
    description: 'The Sugarkube app descriptor and pure functions from it to Kubernetes and Flux objects, per environment.',
    deps: [`zod@${toolVersions.zod}`, `yaml@${toolVersions.yaml}`, sibling('@sugarkube/image-policy')],
    peerDeps: projenPeers,
    devDeps: [`fast-check@${toolVersions.fastCheck}`, verify, ...projenDev],
    keywords: ['kubernetes', 'kustomize', 'flux', 'gitops', 'k3s', 'projen'],
    // The JSON Schema of sugarkube.yaml, generated from the zod schema after tsc.
    extraExports: { './schema.json': './dist/sugarkube.schema.json' },
    postCompile: ['node scripts/write-schema.mjs'],
  });
  const ciWorkflows = addSugarkubePackage(root, {
    name: '@sugarkube/ci-workflows',
    outdir: 'packages/ci-workflows',
    description: 'Identical Dockerfiles and multi-arch GitHub Actions build workflows for app repos, as projen components.',
    deps: [`yaml@${toolVersions.yaml}`],
    peerDeps: projenPeers,
    devDeps: [`fast-check@${toolVersions.fastCheck}`, verify, ...projenDev],
    keywords: ['docker', 'github-actions', 'multi-arch', 'ghcr', 'projen'],
    extraTestInputs: [examplesInput],
  });
  const sites = addSugarkubePackage(root, {
    name: '@sugarkube/sites',
    outdir: 'packages/sites',
    description: 'Static-site hosting on nginx-unprivileged with a correct cache contract, as a projen component.',
    deps: [sibling('@sugarkube/manifests'), sibling('@sugarkube/ci-workflows')],
    peerDeps: projenPeers,
    // playwright-core drives Debian's chromium in the cache-contract tests (no browser download).
    devDeps: [verify, ...projenDev, 'playwright-core@1.65.1', `yaml@${toolVersions.yaml}`],
    keywords: ['static-site', 'nginx', 'kubernetes', 'projen'],
    extraTestInputs: [examplesInput],
  });
  const cluster = addSugarkubePackage(root, {
    name: '@sugarkube/cluster',
    outdir: 'apps/cluster',
    description: 'The real Sugarkube clusters (staging and prod) and the four apps they run: the embedded default of `sugarkube synth`.',
    publish: false,
    deps: [sibling('@sugarkube/manifests'), sibling('@sugarkube/image-policy')],
    devDeps: [verify],
  });
  const cli = addSugarkubePackage(root, {
    name: '@sugarkube/cli',
    outdir: 'apps/cli',
    description: 'The sugarkube command: init, synth, validate, diff, doctor, policy, image, promote.',
    deps: [
      sibling('@sugarkube/manifests'),
      sibling('@sugarkube/image-policy'),
      sibling('@sugarkube/ci-workflows'),
      sibling('@sugarkube/sites'),
      `yaml@${toolVersions.yaml}`,
    ],
    // The embedded cluster is private: the CLI loads it at run time (package.json "sugarkube.cluster").
    devDeps: [verify, sibling('@sugarkube/cluster'), `fast-check@${toolVersions.fastCheck}`],
    bin: { sugarkube: 'dist/bin.js' },
    keywords: ['kubernetes', 'gitops', 'flux', 'cli'],
  });
  const repoChecks = addSugarkubePackage(root, {
    name: '@sugarkube/repo-checks',
    outdir: 'tools/repo-checks',
    description: 'Tests of the repository itself: the architecture lint rules fire, every package has the published shape, workflows are pinned.',
    publish: false,
    devDeps: [`eslint@${toolVersions.eslint}`, `yaml@${toolVersions.yaml}`],
  });
  const e2e = addSugarkubePackage(root, {
    name: '@sugarkube/e2e',
    outdir: 'tools/e2e',
    description: 'The "used by" proof: publishes the packages to a real npm registry (Verdaccio) on loopback and synthesizes each example app repo from it.',
    publish: false,
    devDeps: [
      `verdaccio@${toolVersions.verdaccio}`,
      verify,
      sibling('@sugarkube/manifests'),
      sibling('@sugarkube/image-policy'),
      sibling('@sugarkube/ci-workflows'),
      sibling('@sugarkube/sites'),
      sibling('@sugarkube/cli'),
    ],
    extraTestInputs: [examplesInput],
  });
  const live = addSugarkubePackage(root, {
    name: '@sugarkube/live',
    outdir: 'tools/live',
    description: 'Test-only: a live cluster on loopback (etcd, the Kubernetes control plane, kwok Pi-shaped nodes, the Flux controllers as processes) with a git server, an OCI registry and a chart repository.',
    publish: false,
    deps: [verify, `yaml@${toolVersions.yaml}`],
    devDeps: [sibling('@sugarkube/manifests')],
  });
  return { live, e2e, repoChecks, verifyTools, imagePolicy, manifests, ciWorkflows, sites, cluster, cli };
}
