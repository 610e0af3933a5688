// The DSPACE v3 shape: a pnpm workspace (frontend + packages/*) whose frontend/ builds an SSR
// server (Astro's node adapter in the real app), run with node on 8080.
import { AppDockerfile } from '@sugarkube/ci-workflows';
import { Project, typescript } from 'projen';

const project = new Project({ name: 'dspace-example' });
new typescript.ProjenrcTs(project, { runner: typescript.TypeScriptRunner.nodejs() });

new AppDockerfile(project, {
  runtime: 'node',
  packageManager: { name: 'pnpm', version: '9.15.9' },
  workspace: { app: 'frontend', packages: ['frontend', 'packages/greeting'] },
  buildArgs: ['VITE_GIT_SHA'],
  runtimeFiles: ['frontend/dist', 'packages/greeting'],
  command: ['node', 'dist/server/entry.mjs'],
  port: 8080,
  env: { DSPACE_ENV: 'production' },
});

project.synth();
