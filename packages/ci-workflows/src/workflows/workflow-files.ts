import { ValidationError, type GeneratedFile } from '@sugarkube/core';
import { defaultHeader } from '../dockerfile/dockerfile-common.js';
import { optionIssues } from '@sugarkube/core';
import { planArm64Guard } from './arm64-guard.js';
import { planBuildAndPush } from './build-and-push.js';
import { renderWorkflow } from './render-workflow.js';
import { planSmoke } from './smoke.js';
import type { Workflow } from './workflow-model.js';
import {
  workflowFileOptionsSchema,
  type Arm64GuardOptions,
  type BuildAndPushOptions,
  type SmokeOptions,
  type WorkflowFileOptions,
} from './workflow-options.js';

/** Plans and renders one workflow file; problems of the options and of `file` (under `file.`) are reported together. */
function workflowFile(
  plan: () => Workflow,
  file: WorkflowFileOptions | undefined,
  defaultName: string,
): GeneratedFile[] {
  const fileIssues = optionIssues(workflowFileOptionsSchema, file ?? {}, [], ['file']);
  let workflow: Workflow | undefined;
  try {
    workflow = plan();
  } catch (error) {
    if (!ValidationError.is(error) || fileIssues.length === 0) throw error;
    throw new ValidationError(error.subject, [...error.issues, ...fileIssues]);
  }
  if (fileIssues.length > 0) throw new ValidationError('workflow file options', fileIssues);
  const f = workflowFileOptionsSchema.parse(file ?? {});
  return [
    {
      path: `.github/workflows/${f.fileName ?? defaultName}`,
      content: renderWorkflow(workflow, f.header ?? defaultHeader),
    },
  ];
}

/** `.github/workflows/build-and-push.yml` (or `file.fileName`). Pure. */
export function buildAndPushFiles(options: BuildAndPushOptions, file?: WorkflowFileOptions): GeneratedFile[] {
  return workflowFile(() => planBuildAndPush(options), file, 'build-and-push.yml');
}

/** `.github/workflows/smoke.yml` (or `file.fileName`). Pure. */
export function smokeFiles(options: SmokeOptions, file?: WorkflowFileOptions): GeneratedFile[] {
  return workflowFile(() => planSmoke(options), file, 'smoke.yml');
}

/** `.github/workflows/arm64-guard.yml` (or `file.fileName`). Pure. */
export function arm64GuardFiles(options: Arm64GuardOptions, file?: WorkflowFileOptions): GeneratedFile[] {
  return workflowFile(() => planArm64Guard(options), file, 'arm64-guard.yml');
}
