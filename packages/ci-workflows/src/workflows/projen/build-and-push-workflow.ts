import { Component, type Project, type TextFile } from 'projen';
import type { BuildAndPushOptions } from '../build-and-push.js';
import { buildAndPushFiles, workflowHeader } from '../workflow-files.js';
import { writeGeneratedFiles } from './write-generated-files.js';

/**
 * Writes `.github/workflows/build-and-push.yml` into an app repository: the
 * multi-arch (native amd64 + arm64) build, push by digest, tagged index,
 * arm64 guard and optional signing and smoke test.
 *
 * ```ts
 * new BuildAndPushWorkflow(project, { image: 'ghcr.io/futuroptimist/token.place', smoke: true });
 * ```
 */
export class BuildAndPushWorkflow extends Component {
  /** The files this component owns. */
  public readonly files: readonly TextFile[];

  constructor(project: Project, options: BuildAndPushOptions) {
    super(project, 'BuildAndPushWorkflow');
    this.files = writeGeneratedFiles(project, (marker) => buildAndPushFiles(options, workflowHeader('BuildAndPushWorkflow', marker)));
  }
}
