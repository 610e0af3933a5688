import { describe, expect, it } from 'vitest';
import { dependencyEdges, parseAllocatedResources } from '../src/index.js';

describe('dependencyEdges', () => {
  const objects = [
    {
      kind: 'Kustomization',
      namespace: 'flux-system',
      name: 'infra-configs',
      dependsOn: [{ name: 'infra-controllers' }],
    },
    {
      kind: 'HelmRelease',
      namespace: 'monitoring',
      name: 'kps',
      dependsOn: [{ name: 'longhorn', namespace: 'longhorn-system' }],
    },
  ];

  it("takes a missing namespace as the object's own and compares first-Ready times", () => {
    const ready = new Map([
      ['Kustomization flux-system/infra-controllers', 10],
      ['Kustomization flux-system/infra-configs', 10],
      ['HelmRelease longhorn-system/longhorn', 30],
      ['HelmRelease monitoring/kps', 20],
    ]);
    expect(dependencyEdges(objects, ready)).toEqual([
      {
        dependent: 'Kustomization flux-system/infra-configs',
        dependency: 'Kustomization flux-system/infra-controllers',
        dependencyReadyAt: 10,
        dependentReadyAt: 10,
        inOrder: true,
      },
      {
        dependent: 'HelmRelease monitoring/kps',
        dependency: 'HelmRelease longhorn-system/longhorn',
        dependencyReadyAt: 30,
        dependentReadyAt: 20,
        inOrder: false,
      },
    ]);
  });

  it('counts a dependency never seen Ready as out of order', () => {
    expect(
      dependencyEdges(objects.slice(0, 1), new Map([['Kustomization flux-system/infra-configs', 5]]))[0]!.inOrder,
    ).toBe(false);
  });
});

describe('parseAllocatedResources', () => {
  // kubectl describe node's layout (k8s.io/kubectl/pkg/describe: describeNodeResource).
  const describe = [
    'Non-terminated Pods:          (2 in total)',
    '  Namespace  Name  CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
    'Allocated resources:',
    '  (Total limits may be over 100 percent, i.e., overcommitted.)',
    '  Resource           Requests     Limits',
    '  --------           --------     ------',
    '  cpu                1250m (31%)  0 (0%)',
    '  memory             1088Mi (13%)  2Gi (25%)',
    '  ephemeral-storage  0 (0%)       0 (0%)',
    'Events:              <none>',
  ].join('\n');

  it('reads each resource row', () => {
    expect(parseAllocatedResources(describe).slice(0, 2)).toEqual([
      { resource: 'cpu', requests: '1250m', requestsPercent: 31, limits: '0', limitsPercent: 0 },
      { resource: 'memory', requests: '1088Mi', requestsPercent: 13, limits: '2Gi', limitsPercent: 25 },
    ]);
  });

  it('says so when the section is missing', () => {
    expect(() => parseAllocatedResources('Name: x\n')).toThrow('no "Allocated resources:" section');
  });
});
