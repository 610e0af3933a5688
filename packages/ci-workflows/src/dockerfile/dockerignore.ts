import type { GeneratedDockerFile } from './dockerfile-common.js';

/** Which runtime's ignore patterns to add to the common ones. */
export type DockerignoreRuntime = 'node' | 'python' | 'static';

const common = [
  '# Version control, CI and editor state never belong in an image.',
  '.git',
  '.github',
  '.gitignore',
  '.vscode',
  '.idea',
  '**/.DS_Store',
  '# projen state and the image recipe itself.',
  '.projen',
  '.projenrc.ts',
  '.projenrc.js',
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
  '# Dependencies and build output are produced inside the image, for the target platform.',
  '**/node_modules',
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
 * The `.dockerignore` for a generated Dockerfile: a small build context that
 * never carries host `node_modules` (wrong architecture), virtualenvs, VCS data or
 * secrets. `buildOutputs` (e.g. `dist`) are excluded too when the image builds
 * them itself; leave them out when the image copies a prebuilt directory.
 */
export function dockerignore(
  runtime: DockerignoreRuntime,
  options: { readonly header: string; readonly buildOutputs?: readonly string[]; readonly extra?: readonly string[] },
): GeneratedDockerFile {
  const lines = [`# ${options.header}`, ...common];
  if (runtime === 'node' || runtime === 'static') lines.push(...node);
  if (runtime === 'python') lines.push(...python);
  const outputs = options.buildOutputs ?? [];
  if (outputs.length > 0) lines.push('# Built inside the image.', ...outputs);
  if ((options.extra ?? []).length > 0) lines.push('# Project-specific.', ...(options.extra ?? []));
  return { path: '.dockerignore', content: `${lines.join('\n')}\n` };
}
