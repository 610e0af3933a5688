import { Document, isMap, isPair, isScalar, type Pair, type YAMLMap } from 'yaml';
import { pinnedUses } from '../pins/action-pins.js';
import type { Job, Permission, PermissionScope, Step, Triggers, Workflow, WorkflowInput } from './workflow-model.js';

const scopeKeys: Record<PermissionScope, string> = {
  actions: 'actions', attestations: 'attestations', checks: 'checks', contents: 'contents', deployments: 'deployments',
  idToken: 'id-token', issues: 'issues', packages: 'packages', pages: 'pages', pullRequests: 'pull-requests',
  securityEvents: 'security-events', statuses: 'statuses',
};

type Wire = Record<string, unknown>;

function compact(entries: Record<string, unknown>): Wire {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

function renderStep(step: Step): Wire {
  const common = { name: step.name, id: step.id, if: step.if };
  if (step.kind === 'uses') return compact({ ...common, uses: pinnedUses(step.uses), with: step.with, env: step.env });
  return compact({ ...common, 'working-directory': step.workingDirectory, shell: step.shell, env: step.env, run: step.run });
}

function renderPermissions(permissions: readonly Permission[]): Wire {
  return Object.fromEntries(permissions.map((p) => [scopeKeys[p.scope], p.access]));
}

function renderJob(job: Job): Wire {
  const head = { name: job.name, needs: job.needs, if: job.if };
  if (job.kind === 'call') return compact({ ...head, permissions: renderPermissions(job.permissions), uses: job.uses, with: job.with });
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
  return Object.fromEntries(Object.entries(inputs).map(([k, i]) => [k, compact({ description: i.description, type: i.type, required: i.required, default: i.default })]));
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

function pairOf(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  return (map as YAMLMap).items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

/**
 * Renders a workflow to YAML: wire keys, the generated-file header, every
 * `uses:` followed by `# <version>` from the pin table, and each granted
 * permission followed by a comment saying why (inline, where zizmor's
 * undocumented-permissions audit looks). Deterministic: key order is the
 * model's, no line folding.
 */
export function renderWorkflow(workflow: Workflow, header: string): string {
  const wire = compact({
    name: workflow.name,
    on: renderTriggers(workflow.on),
    permissions: {},
    concurrency: workflow.concurrency ? { group: workflow.concurrency.group, 'cancel-in-progress': workflow.concurrency.cancelInProgress } : undefined,
    env: workflow.env,
    jobs: Object.fromEntries(Object.entries(workflow.jobs).map(([id, job]) => [id, renderJob(job)])),
  });
  const doc = new Document(wire, { aliasDuplicateObjects: false });
  doc.commentBefore = header.split('\n').map((l) => ` ${l}`).join('\n');
  const top = pairOf(doc.contents, 'permissions');
  if (top && isScalar(top.key)) top.key.commentBefore = ' Nothing at the top level: each job asks for the least it needs.';
  const jobs = pairOf(doc.contents, 'jobs');
  for (const [id, job] of Object.entries(workflow.jobs)) {
    const jobNode = pairOf(jobs?.value, id)?.value;
    const permissions = pairOf(jobNode, 'permissions')?.value;
    for (const permission of job.permissions) {
      const pair = pairOf(permissions, scopeKeys[permission.scope]);
      if (pair && isScalar(pair.value)) pair.value.comment = ` ${permission.reason}`;
    }
    if (job.permissions.length === 0 && permissions && isMap(permissions)) {
      const pair = pairOf(jobNode, 'permissions');
      if (pair && isScalar(pair.key)) pair.key.commentBefore = ' This job needs no token permissions.';
    }
    if (job.kind !== 'steps') continue;
    const steps = pairOf(jobNode, 'steps')?.value as { items?: unknown[] } | undefined;
    job.steps.forEach((step, i) => {
      if (step.kind !== 'uses') return;
      const uses = pairOf(steps?.items?.[i], 'uses');
      if (uses && isScalar(uses.value)) uses.value.comment = ` ${step.uses.version}`;
    });
  }
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
}
