import { arm64GuardFiles, buildAndPushFiles } from '@sugarkube/ci-workflows';
import { commented } from '@sugarkube/core';
import { atPath, lineUnderKey, underKey, type Probe } from './read-back.js';
import type { RoundTrip } from './round-trip.js';

/**
 * The app repo's workflows (@sugarkube/ci-workflows): build arguments (one line each, the
 * `build-args` input of docker/build-push-action), the arm64 guard's tags (a step's env) and
 * its schedule's cron fields.
 */
export function ciWorkflowTrip(s: {
  buildArgs: readonly string[];
  tags: readonly string[];
  cronFields: readonly string[];
}): RoundTrip {
  const image = 'ghcr.io/acme/rt';
  const cron = s.cronFields.join(' ');
  const files = [
    ...buildAndPushFiles({ image, buildArgs: Object.fromEntries(s.buildArgs.map((v, i) => [`RT_${i}`, v])) }),
    ...arm64GuardFiles({ image, tags: [...s.tags], cron }),
  ];
  return {
    path: 'app repo workflows (buildAndPushFiles, arm64GuardFiles)',
    files,
    probes: [
      ...s.buildArgs.map((value, i) => ({
        what: `build-args RT_${i}`,
        value,
        find: lineUnderKey('build-args', `RT_${i}`),
      })),
      { what: 'arm64 guard tags (env SCHEDULED)', value: s.tags.join(' '), find: underKey('SCHEDULED') },
      { what: 'schedule cron', value: cron, find: underKey('cron') },
    ],
  };
}

/** The monorepo's own workflows, through the function `.projenrc.ts` writes them with. */
export type RenderRepoWorkflow = (workflow: object) => string;

/**
 * A workflow of the monorepo's own shape (projenrc/repo-workflows.ts) carrying the strings as
 * its name, workflow and step env values, `workflow_dispatch` input descriptions and defaults,
 * a step's name, `with` inputs and run script, and trailing comments on values.
 */
export function repoWorkflowTrip(render: RenderRepoWorkflow, values: readonly string[]): RoundTrip {
  const [name = 'ci'] = values;
  const workflow = {
    name,
    on: {
      workflow_dispatch: {
        inputs: Object.fromEntries(values.map((v, i) => [`rt-${i}`, { description: v, type: 'string', default: v }])),
      },
    },
    permissions: {},
    env: Object.fromEntries(values.map((v, i) => [`RT_${i}`, v])),
    jobs: {
      rt: {
        'runs-on': 'ubuntu-24.04',
        permissions: { contents: commented('read', 'check out the repository') },
        steps: values.map((v, i) => ({
          name: v,
          env: { [`RT_STEP_${i}`]: commented(v, `value ${i}`) },
          with: { [`rt-with-${i}`]: v },
          run: v,
        })),
      },
    },
  };
  const step = (i: number, ...path: string[]) => atPath('jobs', 'rt', 'steps', i, ...path);
  const probes: Probe[] = [
    { what: 'workflow name', value: name, find: atPath('name') },
    ...values.flatMap((value, i): Probe[] => [
      { what: `env RT_${i}`, value, find: underKey(`RT_${i}`) },
      {
        what: `input rt-${i} description`,
        value,
        find: atPath('on', 'workflow_dispatch', 'inputs', `rt-${i}`, 'description'),
      },
      { what: `input rt-${i} default`, value, find: atPath('on', 'workflow_dispatch', 'inputs', `rt-${i}`, 'default') },
      { what: `step ${i} name`, value, find: step(i, 'name') },
      { what: `step ${i} env (with a trailing comment)`, value, find: step(i, 'env', `RT_STEP_${i}`) },
      { what: `step ${i} with`, value, find: step(i, 'with', `rt-with-${i}`) },
      { what: `step ${i} run`, value, find: step(i, 'run') },
    ]),
  ];
  return {
    path: "the monorepo's own workflows (projenrc/repo-workflows.ts)",
    files: [{ path: '.github/workflows/rt.yml', content: render(workflow) }],
    probes,
  };
}
