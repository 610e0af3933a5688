import type { Project } from 'projen';
import { appBuildFiles, type AppBuildFilesInput } from '../app-build/app-build-files.js';
import { GeneratedFiles } from './generated-files.js';

/**
 * Writes everything one service of an app repo builds from (`appBuildFiles`): Dockerfile,
 * `.dockerignore`, a static site's `nginx.conf`, and the build-and-push and smoke workflows.
 */
export class AppBuild extends GeneratedFiles {
  constructor(project: Project, input: AppBuildFilesInput) {
    super(project, appBuildFiles(input));
  }
}
