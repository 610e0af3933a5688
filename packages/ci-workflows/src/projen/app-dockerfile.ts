import type { Project } from 'projen';
import { generateAppDockerfile, type AppDockerfileOptions } from '../dockerfile/app-dockerfile.js';
import { GeneratedFiles } from './generated-files.js';

/**
 * Writes an app's `Dockerfile` and `.dockerignore` (and, for a static-nginx site, its
 * `nginx.conf`) into the project, under `directory`. Options are checked when the component is
 * created: a bad option fails the synth with every problem listed.
 *
 * @example new AppDockerfile(project, { runtime: 'python', server: { kind: 'gunicorn', app: 'relay:app' }, port: 5010 });
 */
export class AppDockerfile extends GeneratedFiles {
  constructor(project: Project, options: AppDockerfileOptions) {
    super(project, generateAppDockerfile(options));
  }
}
