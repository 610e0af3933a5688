// The token.place shape: a Flask relay served by gunicorn (WSGI, 1 worker, 4 threads) on 5010.
import { AppDockerfile } from '@sugarkube/ci-workflows';
import { Project, typescript } from 'projen';

const project = new Project({ name: 'tokenplace-example' });
new typescript.ProjenrcTs(project, { runner: typescript.TypeScriptRunner.nodejs() });

new AppDockerfile(project, {
  runtime: 'python',
  requirements: 'requirements.txt',
  server: { kind: 'gunicorn', app: 'relay:app', workers: 1, threads: 4 },
  port: 5010,
  env: { RELAY_HOST: '0.0.0.0', RELAY_PORT: '5010', PROMETHEUS_MULTIPROC_DIR: '/tmp' },
  dockerignore: ['tests', 'docs'],
});

project.synth();
