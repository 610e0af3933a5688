import { describe, expect, it } from 'vitest';
import { hasDefaultDeny, podSpecs, restrictedViolations } from './support/pod-security.js';

// The checker must be able to fail: each mutation of a compliant pod breaks one rule.
const good = {
  securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [
    {
      name: 'web',
      readinessProbe: {},
      livenessProbe: {},
      securityContext: {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        readOnlyRootFilesystem: true,
      },
    },
  ],
  volumes: [{ name: 'tmp', emptyDir: {} }],
};

describe('restricted checker', () => {
  it('admits a compliant pod', () => expect(restrictedViolations(good)).toEqual([]));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mutating untyped pod JSON
  const broken: [string, (p: any) => void][] = [
    [
      'hostNetwork',
      (p) => {
        p.hostNetwork = true;
      },
    ],
    [
      'hostPath',
      (p) => {
        p.volumes.push({ name: 'h', hostPath: { path: '/' } });
      },
    ],
    [
      'escalation',
      (p) => {
        delete p.containers[0].securityContext.allowPrivilegeEscalation;
      },
    ],
    [
      'root',
      (p) => {
        p.securityContext.runAsNonRoot = false;
      },
    ],
    [
      'uid 0',
      (p) => {
        p.containers[0].securityContext.runAsUser = 0;
      },
    ],
    [
      'seccomp',
      (p) => {
        delete p.securityContext.seccompProfile;
      },
    ],
    [
      'caps',
      (p) => {
        p.containers[0].securityContext.capabilities = { drop: ['NET_RAW'] };
      },
    ],
    [
      'add cap',
      (p) => {
        p.containers[0].securityContext.capabilities.add = ['SYS_ADMIN'];
      },
    ],
    [
      'privileged',
      (p) => {
        p.containers[0].securityContext.privileged = true;
      },
    ],
    [
      'hostPort',
      (p) => {
        p.containers[0].ports = [{ containerPort: 80, hostPort: 80 }];
      },
    ],
    [
      'writable root',
      (p) => {
        p.containers[0].securityContext.readOnlyRootFilesystem = false;
      },
    ],
    [
      'no probes',
      (p) => {
        delete p.containers[0].livenessProbe;
      },
    ],
    [
      'init container',
      (p) => {
        p.initContainers = [{ name: 'init', securityContext: {} }];
      },
    ],
  ];
  for (const [name, mutate] of broken) {
    it(`rejects ${name}`, () => {
      const pod = structuredClone(good);
      mutate(pod);
      expect(restrictedViolations(pod).length).toBeGreaterThan(0);
    });
  }
  it('finds pod specs and default-deny policies', () => {
    const deployment = { kind: 'Deployment', metadata: { name: 'a' }, spec: { template: { spec: good } } };
    expect(podSpecs([deployment])).toHaveLength(1);
    const deny = {
      kind: 'NetworkPolicy',
      metadata: { name: 'd', namespace: 'x' },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    };
    expect(hasDefaultDeny([deny], 'x')).toBe(true);
    expect(hasDefaultDeny([{ ...deny, spec: { ...deny.spec, ingress: [{}] } }], 'x')).toBe(false);
  });
});
