import { describe, expect, it } from 'vitest';
import type { AppDescriptor } from '@sugarkube/manifests';
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
    const both = {
      ...input,
      environments: {
        ...input.environments,
        prod: { ...prod, exposure: { cloudflareTunnel: {}, metallb: { addresses: ['192.168.1.240/28'] } } },
      },
    };
    expect(messages(both)).toEqual([
      'environments.prod.exposure.metallb: expected no metallb when cloudflareTunnel is set (one clear exposure path per environment: pick one), received an object',
    ]);
    const neither = { ...input, environments: { ...input.environments, prod: { ...prod, exposure: {} } } };
    expect(messages(neither)).toEqual([
      'environments.prod.exposure: expected one of {cloudflareTunnel: {}} or {metallb: {addresses}}, received an object',
    ]);
  });

  it('collects every error at once, each with its path', () => {
    const input = {
      ...testCluster(),
      acmeEmail: 'nope',
      dnsZones: [],
      environments: { staging: { exposure: { metallb: { addresses: ['10.0.0.1'] } } } },
    };
    expect(messages(input)).toEqual([
      'acmeEmail: expected an e-mail address, received "nope"',
      'dnsZones: expected at least one DNS zone, received a list of 0',
      'environments.staging.exposure.metallb.addresses[0]: expected an IPv4 range such as "192.168.1.240-192.168.1.250" or CIDR "192.168.1.240/28" (one "-" between two addresses), received "10.0.0.1"',
      // A cross-field check on what is well-formed: the pins name an environment the cluster no longer has.
      'pins.prod: expected one of the cluster\'s environments ("staging"), received "prod"',
    ]);
  });

  it('checks MetalLB ranges: valid octets, start not after end, a prefix length 0-32', () => {
    const input = testCluster();
    const prod = input.environments.prod!;
    const addresses = [
      '192.168.1.300-192.168.1.245',
      '192.168.1.250-192.168.1.245',
      '10.0.0.0/33',
      '192.168.1.240-192.168.1.250',
      '10.0.0.0/8',
    ];
    const ranges = {
      ...input,
      environments: { ...input.environments, prod: { ...prod, exposure: { metallb: { addresses } } } },
    };
    expect(messages(ranges)).toEqual([
      'environments.prod.exposure.metallb.addresses[0]: expected an IPv4 range such as "192.168.1.240-192.168.1.250" or CIDR "192.168.1.240/28" ("192.168.1.300" is not an IPv4 address (four octets 0-255)), received "192.168.1.300-192.168.1.245"',
      'environments.prod.exposure.metallb.addresses[1]: expected an IPv4 range such as "192.168.1.240-192.168.1.250" or CIDR "192.168.1.240/28" (start 192.168.1.250 is after end 192.168.1.245), received "192.168.1.250-192.168.1.245"',
      'environments.prod.exposure.metallb.addresses[2]: expected an IPv4 range such as "192.168.1.240-192.168.1.250" or CIDR "192.168.1.240/28" (prefix length "33" is not 0-32), received "10.0.0.0/33"',
    ]);
  });

  it("refuses a route host outside the cluster's DNS zones", () => {
    const input = testCluster();
    const app = input.apps[0]!.app as AppDescriptor;
    const outside = {
      ...input,
      apps: [{ ...input.apps[0]!, app: { ...app, routes: [{ apex: 'hello.example.net' }] } }, input.apps[1]!],
    };
    expect(messages(outside)).toEqual([
      'apps[0].app.routes: expected a staging host inside the cluster\'s dnsZones ("example.org"), received "staging.hello.example.net"',
      'apps[0].app.routes: expected a prod host inside the cluster\'s dnsZones ("example.org"), received "hello.example.net"',
    ]);
  });

  it('runs the cross-field checks on what is well-formed when other fields fail', () => {
    // A malformed e-mail and owner no longer hide the clash, the host outside the zones and the stray pin.
    const input = testCluster();
    const app = input.apps[0]!.app as AppDescriptor;
    const broken = {
      ...input,
      acmeEmail: 'nope',
      owner: 'Not An Owner',
      apps: [
        { ...input.apps[0]!, app: { ...app, routes: [{ apex: 'hello.example.net' }] } },
        input.apps[1]!,
        { ...input.apps[1]!, helm: { version: '1.0.0' } },
      ],
    };
    expect(
      parseClusterDefinition(broken, {
        ...testPins,
        prod: { ...testPins.prod, nobody: { web: { tag: 'v1.0.0' } } },
      }).errors.map((e) => e.message),
    ).toEqual([
      'owner: expected a GitHub owner such as "futuroptimist", received "Not An Owner"',
      'acmeEmail: expected an e-mail address, received "nope"',
      'apps[2].app.name: expected a name not used by apps[1], received "legacy"',
      'apps[0].app.routes: expected a staging host inside the cluster\'s dnsZones ("example.org"), received "staging.hello.example.net"',
      'apps[2].app.routes: expected a staging host not served by apps[1], received "staging.legacy.example.org"',
      'apps[0].app.routes: expected a prod host inside the cluster\'s dnsZones ("example.org"), received "hello.example.net"',
      'apps[2].app.routes: expected a prod host not served by apps[1], received "legacy.example.org"',
      'pins.prod.nobody: expected an app that runs in prod ("hello", "legacy"), received "nobody" (no entry of apps runs "nobody" in prod)',
    ]);
  });

  it('refuses plaintext where a sealed value belongs', () => {
    const input = testCluster();
    const staging = input.environments.staging!;
    const leaked = {
      ...input,
      environments: {
        ...input.environments,
        staging: {
          ...staging,
          sealedSecrets: { 'cloudflare-api-token': { encryptedData: { 'api-token': 'my-real-token' } } },
        },
      },
    };
    const found = messages(leaked);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^environments\.staging\.sealedSecrets\.cloudflare-api-token\.encryptedData\.api-token: value is not sealed ciphertext \(plaintext refused\)/,
    );
  });

  it('names the secrets it knows and warns about needed ones that are missing', () => {
    const input = testCluster();
    const prod = input.environments.prod!;
    const parsed = parseClusterDefinition(
      {
        ...input,
        environments: {
          ...input.environments,
          prod: {
            ...prod,
            sealedSecrets: { 'cloudflare-api-tokn': { encryptedData: { 'api-token': fakeCiphertext } } },
          },
        },
      },
      testPins,
    );
    expect(parsed.errors.map((e) => e.message)).toEqual([
      'environments.prod.sealedSecrets.cloudflare-api-tokn: expected one of cloudflare-api-token, cloudflared-token, external-dns-cloudflare, flux-github-token, flux-chat-webhook, longhorn-backup, received "cloudflare-api-tokn"',
    ]);
    expect(parsed.warnings.map((w) => w.path)).toContain('environments.prod.sealedSecrets.cloudflare-api-token');
  });

  it('prefixes app errors with their place in the cluster', () => {
    const input = testCluster({
      apps: [
        {
          app: {
            name: 'x',
            services: [{ name: 'web', runtime: 'node', image: { repository: 'ghcr.io/a/x' }, port: 70000 }],
          },
        },
      ],
    });
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
