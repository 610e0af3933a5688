// Everything this repo generates (Dockerfile, .dockerignore, workflows, deploy/) comes from sugarkube.yaml.
import { SugarkubeApp } from '@sugarkube/manifests/projen';
import { Project } from 'projen';

const project = new Project({ name: 'tokenplace-example' });
new SugarkubeApp(project);

project.synth();
