import { Component, type Project, type TextFile } from 'projen';
import type { Arm64GuardOptions } from '../arm64-guard.js';
import { arm64GuardFiles, workflowHeader } from '../workflow-files.js';
import { writeGeneratedFiles } from './write-generated-files.js';

/**
 * Writes `.github/workflows/arm64-guard.yml` into an app repository: a daily
 * check that the published index of each watched tag (default `edge`) still
 * carries every platform.
 */
export class Arm64GuardWorkflow extends Component {
  /** The files this component owns. */
  public readonly files: readonly TextFile[];

  constructor(project: Project, options: Arm64GuardOptions) {
    super(project, 'Arm64GuardWorkflow');
    this.files = writeGeneratedFiles(project, (marker) => arm64GuardFiles(options, workflowHeader('Arm64GuardWorkflow', marker)));
  }
}
