// Everything this repo generates (Dockerfile, nginx.conf, .dockerignore, workflows, deploy/) comes from sugarkube.yaml.
import { SugarkubeApp } from '@sugarkube/manifests/projen';
import { Project } from 'projen';

const project = new Project({ name: 'danielsmith-example' });
project.gitignore.exclude('dist/');
new SugarkubeApp(project);

project.synth();
