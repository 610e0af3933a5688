import type { Project } from 'projen';
import { arm64GuardFiles } from '../workflows/workflow-files.js';
import type { Arm64GuardOptions, WorkflowFileOptions } from '../workflows/workflow-options.js';
import { GeneratedFiles } from './generated-files.js';

/**
 * Writes `.github/workflows/arm64-guard.yml` into an app repository: a daily check that the
 * published index of each watched tag (default `edge`) still carries every platform.
 */
export class Arm64GuardWorkflow extends GeneratedFiles {
  constructor(project: Project, options: Arm64GuardOptions, file?: WorkflowFileOptions) {
    super(project, arm64GuardFiles(options, file));
  }
}
