import type { ClusterDefinition, PinsInput } from '../src/index.js';

/** A long base64 value shaped like kubeseal output (not decryptable: tests only check shape). */
export const fakeCiphertext = `Ag${'B'.repeat(340)}==`;

/** A small cluster: two environments, tunnel on staging, MetalLB on prod, one descriptor app and one Helm app. */
export function testCluster(overrides: Partial<ClusterDefinition> = {}): ClusterDefinition {
  return {
    name: 'testkube',
    repository: { url: 'https://github.com/acme/gitops' },
    owner: 'acme',
    acmeEmail: 'ops@example.org',
    dnsZones: ['example.org'],
    environments: {
      staging: {
        kubeContext: 'test-staging',
        exposure: { cloudflareTunnel: {} },
        backupTarget: 's3://backups@us-east-1/staging',
        sealedSecrets: {
          'cloudflare-api-token': { encryptedData: { 'api-token': fakeCiphertext } },
          'cloudflared-token': { encryptedData: { token: fakeCiphertext } },
        },
      },
      prod: {
        kubeContext: 'test-prod',
        exposure: { metallb: { addresses: ['192.168.1.240-192.168.1.250'] } },
        sealedSecrets: { 'cloudflare-api-token': { encryptedData: { 'api-token': fakeCiphertext } } },
      },
    },
    notifications: { githubCommitStatus: true, chat: { type: 'slack', channel: 'ops' } },
    externalDns: true,
    apps: [
      {
        app: {
          name: 'hello',
          services: [
            {
              name: 'web',
              runtime: 'node',
              image: { repository: 'ghcr.io/acme/hello' },
              port: 8080,
              writablePaths: ['/tmp'],
              build: { command: ['node', 'server.js'] },
            },
          ],
          routes: [{ apex: 'hello.example.org' }],
        },
        repository: { url: 'https://github.com/acme/hello' },
      },
      {
        app: {
          name: 'legacy',
          services: [
            {
              name: 'web',
              runtime: 'python',
              image: { repository: 'ghcr.io/acme/legacy', tag: 'main-1700000000-abc1234' },
              port: 5010,
              writablePaths: ['/tmp'],
              build: { server: { kind: 'gunicorn', app: 'legacy:app' } },
            },
          ],
          routes: [{ apex: 'legacy.example.org' }],
        },
        helm: { version: { staging: '0.2.0', prod: '0.1.9' }, values: { prod: { replicaCount: 2 } } },
      },
    ],
    ...overrides,
  };
}

/** What runs where in the fixture: staging's first build (automation moves it), prod's promoted build. */
export const testPins: PinsInput = {
  staging: { hello: { web: { tag: 'main-1700000000-abc1234' } } },
  prod: { hello: { web: { tag: 'main-1690000000-0123abc', digest: `sha256:${'a'.repeat(64)}` } } },
};
