import type { ActionPin } from '../pins/action-pins.js';

/**
 * A GitHub Actions workflow as plain data, camelCase throughout. Wire keys
 * (`runs-on`, `timeout-minutes`, `pull_request`, …) exist only in
 * `renderWorkflow`.
 * @see https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions
 */

export type PermissionScope =
  | 'actions'
  | 'attestations'
  | 'checks'
  | 'contents'
  | 'deployments'
  | 'idToken'
  | 'issues'
  | 'packages'
  | 'pages'
  | 'pullRequests'
  | 'securityEvents'
  | 'statuses';

/** One granted permission and why the job needs it (rendered as a trailing comment). */
export interface Permission {
  readonly scope: PermissionScope;
  readonly access: 'read' | 'write';
  readonly reason: string;
}

export type ScalarMap = Readonly<Record<string, string | number | boolean>>;

interface StepBase {
  readonly name: string;
  readonly id?: string;
  readonly if?: string;
  readonly env?: ScalarMap;
}

export interface RunStep extends StepBase {
  readonly kind: 'run';
  readonly run: string;
  readonly shell?: string;
  readonly workingDirectory?: string;
}

export interface UsesStep extends StepBase {
  readonly kind: 'uses';
  /** A pinned action from the pin table. */
  readonly uses: ActionPin;
  /** Action inputs: their names are the action's own (wire) names. */
  readonly with?: ScalarMap;
}

export type Step = RunStep | UsesStep;

export interface Matrix {
  readonly include: readonly ScalarMap[];
}

export interface StepsJob {
  readonly kind: 'steps';
  readonly name: string;
  readonly runsOn: string;
  readonly timeoutMinutes: number;
  readonly needs?: readonly string[];
  readonly if?: string;
  readonly permissions: readonly Permission[];
  readonly strategy?: { readonly failFast: boolean; readonly matrix: Matrix };
  readonly outputs?: Readonly<Record<string, string>>;
  readonly env?: ScalarMap;
  readonly steps: readonly Step[];
}

/** A job that runs a reusable workflow of the same repository. */
export interface CallJob {
  readonly kind: 'call';
  readonly name: string;
  readonly needs?: readonly string[];
  readonly if?: string;
  readonly permissions: readonly Permission[];
  /** `./.github/workflows/<file>.yml` */
  readonly uses: string;
  /** Inputs of the called workflow (their names are its own). */
  readonly with?: ScalarMap;
}

export type Job = StepsJob | CallJob;

export interface WorkflowInput {
  readonly description: string;
  readonly type: 'string' | 'boolean' | 'number';
  readonly required: boolean;
  readonly default?: string | boolean | number;
}

export interface Triggers {
  readonly push?: { readonly branches?: readonly string[]; readonly tags?: readonly string[] };
  readonly pullRequest?: { readonly branches?: readonly string[] };
  readonly workflowDispatch?: { readonly inputs?: Readonly<Record<string, WorkflowInput>> };
  readonly workflowCall?: { readonly inputs?: Readonly<Record<string, WorkflowInput>> };
  readonly schedule?: readonly { readonly cron: string }[];
}

export interface Workflow {
  readonly name: string;
  readonly on: Triggers;
  readonly concurrency?: { readonly group: string; readonly cancelInProgress: boolean | string };
  readonly env?: ScalarMap;
  /** Job ids (wire names, kebab-case) to jobs, in order. */
  readonly jobs: Readonly<Record<string, Job>>;
}
