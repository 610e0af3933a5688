import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DependencyType, javascript, typescript } from 'projen';
import { testInputs } from './nx-config.ts';
import { nodeEngines, toolVersions } from './versions.ts';

// THE PRETTIER SWITCH. When true, every package's `lint` task ends with `prettier --check src test`
// and the root `lint` checks `projenrc/` and `.projenrc.ts` too. It stays false until the one
// repo-wide reformat, which lands in the same commit that flips it (reformatting earlier would
// conflict with every branch still being merged):
//   npx prettier --write $(ls -d packages/*/src packages/*/test apps/*/src apps/*/test tools/*/src tools/*/test) projenrc .projenrc.ts
export const prettierCheckInLint = true;

/** Options for one workspace package of the monorepo. */
export interface SugarkubePackageOptions {
  /** npm name, e.g. `@sugarkube/manifests`. */
  readonly name: string;
  /** Directory relative to the repo root, e.g. `packages/manifests`. */
  readonly outdir: string;
  readonly description: string;
  /**
   * Published to npm (ships `dist`, passes publint and attw).
   * @default true
   */
  readonly publish?: boolean;
  /** Runtime dependencies, `name@range`. Siblings are given with their range too. */
  readonly deps?: readonly string[];
  /** Peer dependencies, `name@range`. */
  readonly peerDeps?: readonly string[];
  /**
   * Optional peer dependencies, `name@range`: declared as peers and marked optional in
   * `peerDependenciesMeta`, for what only a subpath entry point imports (e.g. projen behind `./projen`).
   */
  readonly optionalPeerDeps?: readonly string[];
  /** Development-only dependencies, `name@range`. */
  readonly devDeps?: readonly string[];
  /** Executables: name → path of the built file, e.g. `{ sugarkube: 'dist/bin.js' }`. */
  readonly bin?: Readonly<Record<string, string>>;
  /** Extra subpath exports, e.g. `{ './schema.json': './dist/sugarkube.schema.json' }`. */
  readonly extraExports?: Readonly<Record<string, string>>;
  /**
   * Extra TypeScript entry points: each name `x` is the module `src/x/index.ts`, exported as
   * `./x` (types and import), e.g. `['projen']` for `@sugarkube/<pkg>/projen`.
   */
  readonly entryPoints?: readonly string[];
  /** Shell steps run after `tsc` in the build task (copying assets into dist, …). */
  readonly postCompile?: readonly string[];
  /** Keywords for npm. */
  readonly keywords?: readonly string[];
  /**
   * Files outside the package its tests read (e.g. the example app repos), added to nx's
   * `test` inputs so a change there is never answered from the cache.
   */
  readonly extraTestInputs?: readonly string[];
}

/**
 * Reads the version already on disk so that `changeset version` bumps survive
 * a re-synth (projen would otherwise write 0.0.0).
 */
function versionOnDisk(root: string, outdir: string): string {
  const file = join(root, outdir, 'package.json');
  if (!existsSync(file)) return '0.1.0';
  const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
  return version && version !== '0.0.0' ? version : '0.1.0';
}

/** Sets a projen task's single step and the package.json script to the same command. */
function defineTask(project: typescript.TypeScriptProject, name: string, command: string, description: string) {
  const task = project.tasks.tryFind(name) ?? project.addTask(name, { description });
  task.reset(command);
  project.package.setScript(name, command);
}

/** Empties a projen task that the (locked) build task spawns, so `projen build` matches `npm run build`. */
function emptyTask(project: typescript.TypeScriptProject, name: string) {
  project.tasks.tryFind(name)?.reset();
}

/**
 * One workspace package: ESM-only TypeScript, compiled by tsc to `dist`, tested
 * by vitest, linted by the root ESLint config; nx caches `build`, `test`, `lint`
 * and `check` (publint + attw) through the package.json scripts.
 */
export function addSugarkubePackage(parent: javascript.NodeProject, options: SugarkubePackageOptions) {
  const publish = options.publish ?? true;
  const project = new typescript.TypeScriptProject({
    parent,
    outdir: options.outdir,
    name: options.name,
    description: options.description,
    defaultReleaseBranch: 'main',
    packageManager: javascript.NodePackageManager.NPM,
    projenrcTs: false,
    projenrcJson: false,
    sampleCode: false,
    jest: false,
    eslint: false,
    prettier: false,
    github: false,
    release: false,
    buildWorkflow: false,
    package: false,
    npmignoreEnabled: false,
    depsUpgrade: false,
    pullRequestTemplate: false,
    licensed: true,
    license: 'MIT',
    copyrightOwner: 'Sugarkube contributors',
    srcdir: 'src',
    testdir: 'test',
    libdir: 'dist',
    entrypoint: 'dist/index.js',
    entrypointTypes: 'dist/index.d.ts',
    typescriptVersion: toolVersions.typescript,
    minNodeVersion: undefined,
    deps: [...(options.deps ?? [])],
    peerDeps: [...(options.peerDeps ?? []), ...(options.optionalPeerDeps ?? [])],
    devDeps: [`@types/node@${toolVersions.typesNode}`, ...(options.devDeps ?? [])],
    bin: options.bin ? { ...options.bin } : undefined,
    keywords: options.keywords ? [...options.keywords] : undefined,
    tsconfig: {
      compilerOptions: {
        module: 'NodeNext',
        moduleResolution: javascript.TypeScriptModuleResolution.NODE_NEXT,
        target: 'ES2023',
        lib: ['ES2023'],
        rootDir: 'src',
        outDir: 'dist',
        declaration: true,
        declarationMap: true,
        sourceMap: true,
        inlineSourceMap: false,
        inlineSources: false,
        experimentalDecorators: false,
        resolveJsonModule: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        skipLibCheck: true,
        types: ['node'],
      },
      include: ['src/**/*.ts'],
    },
    // test/tsconfig.json extends the package tsconfig; it only stops emitting and widens the files.
    tsconfigDev: {
      compilerOptions: { noEmit: true },
      include: ['**/*.ts', '../src/**/*.ts'],
    },
  });

  // projen lists the compiler as every package's devDependency; a package that needs it at run
  // time lists it once, as a dependency.
  if ((options.deps ?? []).some((spec) => spec.startsWith('typescript@'))) {
    project.deps.removeDependency('typescript', DependencyType.BUILD);
  }

  // Install once, at the root (npm workspaces); never per package.
  project.package.installTask.reset();
  project.package.installCiTask.reset();
  project.package.addVersion(versionOnDisk(parent.outdir, options.outdir));

  const pkg = project.package;
  pkg.addField('type', 'module');
  pkg.addField('sideEffects', false);
  pkg.addEngine('node', nodeEngines);
  pkg.addField('files', ['dist', '!dist/**/*.tsbuildinfo']);
  pkg.addField('exports', {
    '.': { types: './dist/index.d.ts', import: './dist/index.js' },
    ...Object.fromEntries(
      (options.entryPoints ?? []).map((name) => [
        `./${name}`,
        { types: `./dist/${name}/index.d.ts`, import: `./dist/${name}/index.js` },
      ]),
    ),
    ...(options.extraExports ?? {}),
    './package.json': './package.json',
  });
  if (options.optionalPeerDeps?.length) {
    const name = (spec: string) => spec.slice(0, spec.lastIndexOf('@') > 0 ? spec.lastIndexOf('@') : spec.length);
    pkg.addField(
      'peerDependenciesMeta',
      Object.fromEntries(options.optionalPeerDeps.map((spec) => [name(spec), { optional: true }])),
    );
  }
  pkg.addField('repository', {
    type: 'git',
    url: 'git+https://github.com/futuroptimist/sugarkube-kit.git',
    directory: options.outdir,
  });
  pkg.addField('nx', {
    includedScripts: publish ? ['build', 'test', 'lint', 'check'] : ['build', 'test', 'lint'],
    ...(options.extraTestInputs ? { targets: { test: { inputs: [...testInputs, ...options.extraTestInputs] } } } : {}),
  });
  if (publish) {
    pkg.addField('publishConfig', { access: 'public', provenance: true });
  } else {
    pkg.addField('private', true);
  }

  // nx runs the package.json scripts; `npx projen build` spawns the same steps.
  const build = ['rm -rf dist', 'tsc -p tsconfig.json', ...(options.postCompile ?? [])].join(' && ');
  project.package.setScript('build', build);
  defineTask(project, 'compile', build, 'Compile src to dist');
  defineTask(
    project,
    'test',
    'vitest run --passWithNoTests=false --testTimeout=60000 --hookTimeout=300000 --reporter=default --reporter=json --outputFile.json=.vitest/report.json',
    'Run the vitest suite',
  );
  defineTask(project, 'typecheck', 'tsc -p test/tsconfig.json', 'Type-check sources and tests');
  const lint = ['tsc -p test/tsconfig.json', 'eslint --max-warnings 0 src test'];
  if (prettierCheckInLint) lint.push('prettier --check --ignore-path ../../.prettierignore src test');
  defineTask(project, 'lint', lint.join(' && '), 'Type-check, lint and check the formatting');
  if (publish) {
    defineTask(project, 'check', 'publint --strict && attw --pack . --profile esm-only', 'Check the package shape');
  }
  for (const name of ['pre-compile', 'post-compile', 'package']) emptyTask(project, name);
  for (const name of ['watch', 'eject']) project.removeTask(name);

  project.gitignore.exclude('/dist/', '/.vitest/', '*.tgz');
  return project;
}
