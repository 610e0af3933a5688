import { Component, type Project, type TextFile } from 'projen';
import type { SmokeOptions } from '../smoke.js';
import { smokeFiles, workflowHeader } from '../workflow-files.js';
import { writeGeneratedFiles } from './write-generated-files.js';

/**
 * Writes `.github/workflows/smoke.yml` into an app repository: run the image
 * and probe its health paths, and optionally load a preview URL in Chromium.
 * `BuildAndPushWorkflow` calls it after each push when `smoke: true`.
 */
export class SmokeWorkflow extends Component {
  /** The files this component owns. */
  public readonly files: readonly TextFile[];

  constructor(project: Project, options: SmokeOptions = {}) {
    super(project, 'SmokeWorkflow');
    this.files = writeGeneratedFiles(project, (marker) => smokeFiles(options, workflowHeader('SmokeWorkflow', marker)));
  }
}
