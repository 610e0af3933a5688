import type { Project } from 'projen';
import { buildAndPushFiles } from '../workflows/workflow-files.js';
import type { BuildAndPushOptions, WorkflowFileOptions } from '../workflows/workflow-options.js';
import { GeneratedFiles } from './generated-files.js';

/**
 * Writes `.github/workflows/build-and-push.yml` into an app repository: the multi-arch
 * (native amd64 + arm64) build, push by digest, tagged index, arm64 guard and optional
 * signing, release and smoke test.
 *
 * @example new BuildAndPushWorkflow(project, { image: 'ghcr.io/futuroptimist/token.place', smoke: true });
 */
export class BuildAndPushWorkflow extends GeneratedFiles {
  constructor(project: Project, options: BuildAndPushOptions, file?: WorkflowFileOptions) {
    super(project, buildAndPushFiles(options, file));
  }
}
