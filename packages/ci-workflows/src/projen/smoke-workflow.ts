import type { Project } from 'projen';
import { smokeFiles } from '../workflows/workflow-files.js';
import type { SmokeOptions, WorkflowFileOptions } from '../workflows/workflow-options.js';
import { GeneratedFiles } from './generated-files.js';

/**
 * Writes `.github/workflows/smoke.yml` into an app repository: run the image as the cluster
 * runs it and curl its readiness and liveness paths; optionally load a preview URL in
 * Chromium. `BuildAndPushWorkflow` calls it after each push when `smoke: true`.
 *
 * @example new SmokeWorkflow(project, { runtime: 'python', port: 5010 });
 */
export class SmokeWorkflow extends GeneratedFiles {
  constructor(project: Project, options: SmokeOptions, file?: WorkflowFileOptions) {
    super(project, smokeFiles(options, file));
  }
}
