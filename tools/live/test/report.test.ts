import { describe, expect, it } from 'vitest';
import { renderReport } from './support/report.js';

describe("the live suite's report", () => {
  it('renders Ready times, requests per node and the bump as tables, the rest as JSON', () => {
    const md = renderReport(
      {
        ready: {
          staging: {
            readySecondsAfterBootstrap: { 'Kustomization flux-system/flux-system': 5.4, 'HelmRelease a/b': 27 },
            suspended: [{ object: 'HelmRelease flux-system/flux-operator', reason: 'offline' }],
            dependsOnEdgesInOrder: 14,
          },
        },
        capacity: {
          prod: {
            pods: 2,
            nodes: {
              sugarkube0: {
                arch: 'arm64',
                pods: 2,
                cpu: '580m of 4 (14 %)',
                memory: '1Gi of 8Gi',
                memoryLimits: '2Gi',
              },
            },
          },
        },
        imageLoop: { app: 'danielsmith', from: 'a', to: 'b', afterPushSeconds: { policy: 3, running: 40 }, prod: 'x' },
        brokenCommit: { reason: 'ReconciliationFailed' },
      },
      '2026-12-02T00:00:00Z',
    );
    expect(md).toContain('| Kustomization flux-system/flux-system | 5.4 |\n| HelmRelease a/b | 27 |');
    expect(md).toContain('Suspended: HelmRelease flux-system/flux-operator: offline');
    expect(md).toContain('| sugarkube0 | arm64 | 2 | 580m of 4 (14 %) | 1Gi of 8Gi | 2Gi |');
    expect(md).toContain('## Image bump (danielsmith: a → b)');
    expect(md).toContain('| running | 40 |');
    expect(md).toContain('### brokenCommit\n\n```json\n{\n  "reason": "ReconciliationFailed"\n}\n```');
    expect(md).not.toContain('### capacity');
  });
});
