import { describe, expect, it } from 'vitest';
import { parseClusterDefinition } from '../src/index.js';
import { fakeCiphertext, testCluster, testPins } from './fixture.js';

const messages = (input: unknown) => parseClusterDefinition(input, testPins).errors.map((e) => e.message);

describe('parseClusterDefinition', () => {
  it('accepts the fixture and resolves defaults once', () => {
    const parsed = parseClusterDefinition(testCluster(), testPins);
    expect(parsed.errors).toEqual([]);
    const cluster = parsed.value!;
    expect(cluster.environments.map((e) => e.name)).toEqual(['staging', 'prod']);
    expect(cluster.environments[0]!.exposure).toEqual({ kind: 'cloudflare-tunnel', replicas: 2 });
    expect(cluster.environments[1]!.nodes).toMatchObject({ count: 3, cpuMillis: 12000, memoryBytes: 24 * 1024 ** 3 });
    expect(cluster.storage.longhorn).toMatchObject({ replicas: 2, snapshot: { retain: 7 }, backup: { retain: 14 } });
    expect(cluster.repository.branch).toBe('main');
  });

  it('refuses a tunnel and MetalLB in one environment (one clear exposure path)', () => {
    const input = testCluster();
    const prod = input.environments.prod!;
    const both = { ...input, environments: { ...input.environments, prod: { ...prod, exposure: { cloudflareTunnel: {}, metallb: { addresses: ['192.168.1.240/28'] } } } } };
    expect(messages(both)).toEqual([
      'environments.prod.exposure.metallb: expected no metallb when cloudflareTunnel is set (one clear exposure path per environment: pick one), received an object',
    ]);
    const neither = { ...input, environments: { ...input.environments, prod: { ...prod, exposure: {} } } };
    expect(messages(neither)).toEqual(['environments.prod.exposure: expected one of {cloudflareTunnel: {}} or {metallb: {addresses}}, received an object']);
  });

  it('collects every error at once, each with its path', () => {
    const input = { ...testCluster(), acmeEmail: 'nope', dnsZones: [], environments: { staging: { exposure: { metallb: { addresses: ['10.0.0.1'] } } } } };
    expect(messages(input)).toEqual([
      'acmeEmail: expected an e-mail address, received "nope"',
      'dnsZones: expected at least one DNS zone, received a list of 0',
      'environments.staging.exposure.metallb.addresses[0]: expected an IPv4 range such as "192.168.1.240-192.168.1.250" or CIDR "192.168.1.240/28", received "10.0.0.1"',
    ]);
  });

  it('refuses plaintext where a sealed value belongs', () => {
    const input = testCluster();
    const staging = input.environments.staging!;
    const leaked = { ...input, environments: { ...input.environments, staging: { ...staging, sealedSecrets: { 'cloudflare-api-token': { encryptedData: { 'api-token': 'my-real-token' } } } } } };
    const found = messages(leaked);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^environments\.staging\.sealedSecrets\.cloudflare-api-token\.encryptedData\.api-token: value is not sealed ciphertext \(plaintext refused\)/);
  });

  it('names the secrets it knows and warns about needed ones that are missing', () => {
    const input = testCluster();
    const prod = input.environments.prod!;
    const parsed = parseClusterDefinition({ ...input, environments: { ...input.environments, prod: { ...prod, sealedSecrets: { 'cloudflare-api-tokn': { encryptedData: { 'api-token': fakeCiphertext } } } } } }, testPins);
    expect(parsed.errors.map((e) => e.message)).toEqual([
      'environments.prod.sealedSecrets.cloudflare-api-tokn: expected one of cloudflare-api-token, cloudflared-token, external-dns-cloudflare, flux-github-token, flux-chat-webhook, longhorn-backup, received "cloudflare-api-tokn"',
    ]);
    expect(parsed.warnings.map((w) => w.path)).toContain('environments.prod.sealedSecrets.cloudflare-api-token');
  });

  it('prefixes app errors with their place in the cluster', () => {
    const input = testCluster({ apps: [{ app: { name: 'x', services: [{ name: 'web', runtime: 'node', image: { repository: 'ghcr.io/a/x' }, port: 70000 }] } }] });
    expect(messages(input)).toEqual(['apps[0].app.services[0].port: expected an integer 1-65535, received 70000']);
  });

  it('wants a chart version for every environment, unique app names and hosts', () => {
    const base = testCluster();
    const apps = [base.apps[0]!, base.apps[0]!, { ...base.apps[1]!, helm: { version: { staging: '1.0.0' } } }];
    expect(messages({ ...base, apps })).toEqual([
      'apps[2].helm.version.prod: expected the chart version for environment "prod", received nothing',
      'apps[1].app.name: expected a name not used by apps[0], received "hello"',
      'apps[1].app.routes: expected a staging host not served by apps[0], received "staging.hello.example.org"',
      'apps[1].app.routes: expected a prod host not served by apps[0], received "hello.example.org"',
    ]);
  });
});
