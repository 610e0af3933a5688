import { commented, renderYaml } from '@sugarkube/core';
import { pinnedUses } from '../pins/action-pins.js';
import type { Job, Permission, PermissionScope, Step, Triggers, Workflow, WorkflowInput } from './workflow-model.js';

const scopeKeys: Record<PermissionScope, string> = {
  actions: 'actions',
  attestations: 'attestations',
  checks: 'checks',
  contents: 'contents',
  deployments: 'deployments',
  idToken: 'id-token',
  issues: 'issues',
  packages: 'packages',
  pages: 'pages',
  pullRequests: 'pull-requests',
  securityEvents: 'security-events',
  statuses: 'statuses',
};

type Wire = Record<string, unknown>;

function compact(entries: Record<string, unknown>): Wire {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

function renderStep(step: Step): Wire {
  const common = { name: step.name, id: step.id, if: step.if };
  // `uses: owner/repo@<sha> # vX.Y.Z`: the pin table's version as the trailing comment.
  if (step.kind === 'uses')
    return compact({
      ...common,
      uses: commented(pinnedUses(step.uses), step.uses.version),
      with: step.with,
      env: step.env,
    });
  return compact({
    ...common,
    'working-directory': step.workingDirectory,
    shell: step.shell,
    env: step.env,
    run: step.run,
  });
}

/** Each grant with a trailing comment saying why (where zizmor's undocumented-permissions audit looks). */
function renderPermissions(permissions: readonly Permission[]): Wire {
  return Object.fromEntries(permissions.map((p) => [scopeKeys[p.scope], commented(p.access, p.reason)]));
}

function renderJob(job: Job): Wire {
  const head = { name: job.name, needs: job.needs, if: job.if };
  if (job.kind === 'call')
    return compact({ ...head, permissions: renderPermissions(job.permissions), uses: job.uses, with: job.with });
  return compact({
    ...head,
    'runs-on': job.runsOn,
    'timeout-minutes': job.timeoutMinutes,
    permissions: renderPermissions(job.permissions),
    strategy: job.strategy ? { 'fail-fast': job.strategy.failFast, matrix: job.strategy.matrix } : undefined,
    outputs: job.outputs,
    env: job.env,
    steps: job.steps.map(renderStep),
  });
}

function renderInputs(inputs: Readonly<Record<string, WorkflowInput>> | undefined): Wire | undefined {
  if (!inputs) return undefined;
  return Object.fromEntries(
    Object.entries(inputs).map(([k, i]) => [
      k,
      compact({ description: i.description, type: i.type, required: i.required, default: i.default }),
    ]),
  );
}

function renderTriggers(on: Triggers): Wire {
  return compact({
    push: on.push ? compact({ branches: on.push.branches, tags: on.push.tags }) : undefined,
    pull_request: on.pullRequest ? compact({ branches: on.pullRequest.branches }) : undefined,
    schedule: on.schedule,
    workflow_dispatch: on.workflowDispatch ? compact({ inputs: renderInputs(on.workflowDispatch.inputs) }) : undefined,
    workflow_call: on.workflowCall ? compact({ inputs: renderInputs(on.workflowCall.inputs) }) : undefined,
  });
}

/** The second header paragraph of every workflow: how it is pinned and what it may do. */
const policyNote =
  'Every action is pinned by commit SHA from one pin table. No permissions at the top level:\neach job asks for the least it needs, each grant saying why.';

/**
 * Renders a workflow to YAML with the one renderer (`renderYaml`, keys in the model's order):
 * wire keys, the generated-file header, every `uses:` followed by `# <version>` from the pin
 * table, each granted permission followed by a comment saying why, run scripts as literal
 * blocks. Deterministic.
 */
export function renderWorkflow(workflow: Workflow, header: string): string {
  const wire = compact({
    name: workflow.name,
    on: renderTriggers(workflow.on),
    permissions: {},
    concurrency: workflow.concurrency
      ? { group: workflow.concurrency.group, 'cancel-in-progress': workflow.concurrency.cancelInProgress }
      : undefined,
    env: workflow.env,
    jobs: Object.fromEntries(Object.entries(workflow.jobs).map(([id, job]) => [id, renderJob(job)])),
  });
  return renderYaml([wire], { header: `${header}\n\n${policyNote}`, keyOrder: 'given' });
}
