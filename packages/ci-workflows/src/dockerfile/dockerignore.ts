import { commentLines, type GeneratedFile } from '@sugarkube/core';

/** Which runtime's ignore patterns to add to the common ones. */
export type DockerignoreRuntime = 'node' | 'python' | 'static';

const common = [
  '# Version control, CI and editor state never belong in an image.',
  '.git',
  '.github',
  '.gitignore',
  '.gitattributes',
  '.vscode',
  '.idea',
  '**/.DS_Store',
  "# The app repo's tooling: projen and its node_modules (tens of MB even in a Python repo),",
  '# the descriptor, the deploy tree, and the image recipe itself.',
  '**/node_modules',
  '.projen',
  '.projenrc.ts',
  '.projenrc.js',
  '.projenrc.json',
  'tsconfig.projen.json',
  'sugarkube.yaml',
  'deploy',
  'Dockerfile',
  '.dockerignore',
  '# Secrets and local configuration (an example file may stay).',
  '**/.env',
  '**/.env.*',
  '!**/.env.example',
  '**/*.pem',
  '**/*.key',
  '# Logs and coverage.',
  '**/*.log',
  '**/coverage',
];

const node = [
  '# Package manager and build caches: dependencies are installed inside the image, for the target platform.',
  '**/.npm',
  '**/.pnpm-store',
  '**/.vitest',
  '**/.turbo',
  '**/.nx',
];

const python = [
  '# Interpreter caches and virtual environments are rebuilt inside the image.',
  '**/__pycache__',
  '**/*.py[cod]',
  '**/.venv',
  '**/venv',
  '**/.pytest_cache',
  '**/.mypy_cache',
  '**/.ruff_cache',
  '**/.tox',
  '**/*.egg-info',
];

/**
 * The `.dockerignore` for a generated Dockerfile: a small build context that never
 * carries host `node_modules` (wrong architecture, and projen's ~40 MB in every app repo),
 * virtualenvs, VCS data, projen state, the deploy tree or secrets. `buildOutputs`
 * (e.g. `dist`) are excluded too when the image builds them itself; leave them out
 * when the image copies a prebuilt directory. Pure; options are checked by the generators.
 */
export function dockerignore(
  runtime: DockerignoreRuntime,
  options: { readonly header: string; readonly buildOutputs?: readonly string[]; readonly extra?: readonly string[] },
): GeneratedFile {
  const lines = [...commentLines(options.header, '#').trimEnd().split('\n'), ...common];
  if (runtime === 'node' || runtime === 'static') lines.push(...node);
  if (runtime === 'python') lines.push(...python);
  const outputs = options.buildOutputs ?? [];
  if (outputs.length > 0) lines.push('# Built inside the image.', ...outputs);
  if ((options.extra ?? []).length > 0) lines.push('# Project-specific.', ...(options.extra ?? []));
  return { path: '.dockerignore', content: `${lines.join('\n')}\n` };
}
