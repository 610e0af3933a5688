import { JsonFile, type Project } from 'projen';

/**
 * nx.json: cached `build`, `test`, `lint`, `check` targets. `test` depends on
 * the dependencies' `build` (tests import siblings through their published
 * entry points); production inputs exclude tests, so a test-only change does
 * not rebuild dependants.
 */
/** What a `test` result depends on: the package, its dependencies' production files, the tool cache. */
export const testInputs = ['default', '^production', { env: 'SUGARKUBE_CACHE' }] as const;

export function addNxConfig(root: Project) {
  new JsonFile(root, 'nx.json', {
    marker: false,
    obj: {
      $schema: './node_modules/nx/schemas/nx-schema.json',
      namedInputs: {
        default: ['{projectRoot}/**/*', 'sharedGlobals'],
        sharedGlobals: [
          '{workspaceRoot}/tsconfig.base.json',
          '{workspaceRoot}/eslint.config.js',
          '{workspaceRoot}/projenrc/versions.ts',
        ],
        production: [
          'default',
          '!{projectRoot}/test/**/*',
          '!{projectRoot}/**/*.test.ts',
          '!{projectRoot}/.vitest/**/*',
          '!{projectRoot}/test/tsconfig.json',
          '!{projectRoot}/README.md',
          '!{projectRoot}/api/**/*',
        ],
      },
      targetDefaults: {
        build: {
          dependsOn: ['^build'],
          inputs: ['production', '^production'],
          outputs: ['{projectRoot}/dist'],
          cache: true,
        },
        test: {
          // Its own build too: some suites run the package's dist (the bench's bin, the CLI's), and
          // nothing else orders a package's build before its tests when no other package needs it.
          dependsOn: ['build', '^build'],
          inputs: [...testInputs],
          outputs: ['{projectRoot}/.vitest'],
          cache: true,
        },
        lint: {
          dependsOn: ['^build'],
          inputs: ['default', '^production'],
          cache: true,
        },
        check: {
          dependsOn: ['build'],
          inputs: ['production', '^production'],
          cache: true,
        },
      },
      parallel: 2,
      defaultBase: 'main',
    },
  });
}
