// The jobbot3000 shape: static assets built by a script, served by the app's own Express 5 server on 8080.
import { AppDockerfile } from '@sugarkube/ci-workflows';
import { Project, typescript } from 'projen';

const project = new Project({ name: 'jobbot3000-example' });
new typescript.ProjenrcTs(project, { runner: typescript.TypeScriptRunner.nodejs() });

new AppDockerfile(project, {
  runtime: 'node-static-server',
  server: 'scripts/static-server.js',
  staticDir: 'dist',
  staticDirEnv: 'JOBBOT_STATIC_DIR',
  port: 8080,
  env: { JOBBOT_WEB_PORT: '8080' },
  buildArgs: ['JOBBOT_GIT_SHA', 'SOURCE_DATE_EPOCH'],
  ignoreScripts: true,
});

project.synth();
