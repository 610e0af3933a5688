import { describe, expect, it } from 'vitest';
import { ValidationError } from '@sugarkube/core';
import { defineApp, loadAppYaml, resolveEnvironment, validateApp } from '../src/index.js';

const minimal = () => ({
  name: 'hello',
  services: [{ name: 'web', runtime: 'node', image: { repository: 'ghcr.io/acme/hello' }, port: 8080 }],
  routes: [{ apex: 'hello.example.org' }],
});
const messages = (input: unknown) => validateApp(input).errors.map((e) => e.message);
const sealed = 'AgB'.padEnd(120, 'x1Y2z3');

describe('validateApp', () => {
  it('accepts the minimal app and defaults staging and prod', () => {
    const result = validateApp(minimal());
    expect(result.errors).toEqual([]);
    expect(result.value?.descriptor.name).toBe('hello');
  });

  it('renders the issue line with path, expected and received', () => {
    const input = minimal();
    (input.services[0] as Record<string, unknown>).port = '80a';
    const [error] = validateApp(input).errors;
    expect(error).toEqual({
      path: 'services[0].port',
      expected: 'an integer 1-65535',
      received: '"80a"',
      message: 'services[0].port: expected an integer 1-65535, received "80a"',
    });
  });

  it('collects every error at once', () => {
    const errors = messages({
      name: 'Bad_Name',
      services: [
        { name: 'web', runtime: 'ruby', image: { repository: 'ghcr.io/a/b', tag: 'bad tag' }, port: 0, replicas: -1 },
      ],
      routes: [{ apex: 'not a host' }],
    });
    expect(errors).toEqual([
      'name: expected a DNS label (lowercase letters, digits and "-", starting with a letter, at most 63 characters), e.g. "web", received "Bad_Name"',
      'services[0].runtime: expected one of "node", "python", "static-nginx", "static-node", received "ruby"',
      'services[0].image.tag: expected an image tag such as "main-1700000000-abc1234", received "bad tag"',
      'services[0].port: expected an integer 1-65535, received 0',
      'services[0].replicas: expected an integer 0-100, received -1',
      'routes[0].apex: expected a lowercase DNS hostname such as "staging.example.org", received "not a host"',
    ]);
  });

  it('reports six mistakes in one descriptor at once: the cross-field checks run on what is well-formed', () => {
    const errors = messages({
      name: 'Bad_Name',
      services: [
        {
          name: 'web',
          runtime: 'ruby',
          image: { repository: 'ghcr.io/a/b', tag: 'bad tag' },
          port: 0,
          replicas: 2,
          volumes: [{ name: 'data', mountPath: '/data', size: '1Gi' }],
        },
      ],
      routes: [{ apex: 'not a host' }],
    });
    expect(errors).toEqual([
      'name: expected a DNS label (lowercase letters, digits and "-", starting with a letter, at most 63 characters), e.g. "web", received "Bad_Name"',
      'services[0].runtime: expected one of "node", "python", "static-nginx", "static-node", received "ruby"',
      'services[0].image.tag: expected an image tag such as "main-1700000000-abc1234", received "bad tag"',
      'services[0].port: expected an integer 1-65535, received 0',
      'routes[0].apex: expected a lowercase DNS hostname such as "staging.example.org", received "not a host"',
      'services[0].replicas: expected at most 1 replica with a ReadWriteOnce volume (the volume attaches to one node), received 2',
    ]);
  });

  it('does not report what only looks missing because it is malformed', () => {
    // routes[0] has no host because its apex is malformed; a service name that failed its schema is not "unknown".
    const errors = messages({
      name: 'hello',
      services: [{ name: 'Web', runtime: 'node', image: { repository: 'ghcr.io/acme/hello' }, port: 8080 }],
      routes: [{ apex: 'not a host', paths: [{ service: 'Web' }] }],
    });
    expect(errors).toEqual([
      'services[0].name: expected a DNS label (lowercase letters, digits and "-", starting with a letter, at most 63 characters), e.g. "web", received "Web"',
      'routes[0].apex: expected a lowercase DNS hostname such as "staging.example.org", received "not a host"',
      'routes[0].paths[0].service: expected a DNS label (lowercase letters, digits and "-", starting with a letter, at most 63 characters), e.g. "web", received "Web"',
    ]);
  });

  it('rejects unknown keys with a did-you-mean', () => {
    const input = minimal();
    (input.services[0] as Record<string, unknown>).replica = 2;
    (input as Record<string, unknown>).enviroments = {};
    const errors = messages(input);
    expect(errors).toContainEqual(
      expect.stringMatching(/^enviroments: unknown key "enviroments" \(did you mean "environments"\?\); known keys: /),
    );
    expect(errors).toContainEqual(
      expect.stringMatching(/^services\[0\]\.replica: unknown key "replica" \(did you mean "replicas"\?\)/),
    );
  });

  it('suggests the closest allowed value', () => {
    const input = minimal();
    (input.services[0] as Record<string, unknown>).runtime = 'static_nginx';
    expect(messages(input)).toEqual([
      'services[0].runtime: expected one of "node", "python", "static-nginx", "static-node", received "static_nginx" (did you mean "static-nginx"?)',
    ]);
  });

  it('reports the branch of a union that matches the shape', () => {
    const input = minimal();
    (input.services[0] as Record<string, unknown>).probes = { readiness: { path: 'healthz' } };
    expect(messages(input)).toEqual([
      'services[0].probes.readiness.path: expected an HTTP path such as "/healthz", received "healthz"',
    ]);
  });

  it('refuses plaintext secrets and shows how to seal them', () => {
    const input = minimal();
    (input.services[0] as Record<string, unknown>).env = { OPENAI_API_KEY: 'sk-123' };
    (input as Record<string, unknown>).sealedSecrets = { creds: { encryptedData: { password: 'hunter2' } } };
    const errors = messages(input);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(
      /^sealedSecrets\.creds\.encryptedData\.password: value is not sealed ciphertext \(plaintext refused\); seal it instead: kubectl create secret generic creds --namespace hello --from-literal=password=<value> --dry-run=client -o yaml \| kubeseal --format yaml/,
    );
    expect(errors[1]).toMatch(/^services\[0\]\.env\.OPENAI_API_KEY: plaintext secret value refused .*kubeseal/);
    expect(errors.join('\n')).not.toContain('sk-123');
    expect(errors.join('\n')).not.toContain('hunter2');
  });

  it('refuses plain Secrets and data in sealed secrets, accepts ciphertext', () => {
    const input = {
      ...minimal(),
      environments: {
        staging: {
          extraObjects: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { a: 'b' } }],
        },
        prod: {},
      },
    };
    expect(messages(input)[0]).toMatch(
      /^environments\.staging\.extraObjects\[0\]: a plain Secret would put its values in Git; seal it instead/,
    );
    expect(messages({ ...minimal(), sealedSecrets: { s: { encryptedData: {}, stringData: { a: 'b' } } } })[0]).toMatch(
      /^sealedSecrets\.s\.stringData: plaintext secret values refused/,
    );
    expect(messages({ ...minimal(), sealedSecrets: { s: { encryptedData: { token: sealed } } } })).toEqual([]);
    expect(
      messages({
        ...minimal(),
        sopsSecrets: [
          {
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: 's', namespace: 'hello' },
            data: { token: 'abc' },
            sops: {},
          },
        ],
      })[0],
    ).toMatch(/^sopsSecrets\[0\]\.data\.token: value is not SOPS-encrypted/);
  });

  it('checks references across fields', () => {
    const input = minimal();
    Object.assign(input.services[0]!, {
      volumes: [{ name: 'data', mountPath: '/data', size: '1Gi' }],
      replicas: 2,
      initContainers: [{ name: 'init', mounts: [{ volume: 'dta', mountPath: '/x' }] }],
    });
    (input as Record<string, unknown>).routes = [
      { apex: 'a.example.org', paths: [{ service: 'api' }] },
      { hosts: { staging: 'x.example.org' } },
    ];
    expect(messages(input)).toEqual([
      'services[0].initContainers[0].mounts[0].volume: unknown volume "dta" (did you mean "data"?); known: data',
      'services[0].replicas: expected at most 1 replica with a ReadWriteOnce volume (the volume attaches to one node), received 2',
      'routes[0].paths[0].service: unknown service "api"; known: web',
      'routes[1]: expected a host for environment "prod" (apex, hosts.prod or environments.prod.host), received nothing',
    ]);
  });

  it('requires a port or probes on sidecars', () => {
    const input = minimal();
    Object.assign(input.services[0]!, { sidecars: [{ name: 'cache', image: 'docker.io/library/redis:7' }] });
    expect(messages(input)).toEqual([
      'services[0].sidecars[0]: expected a port or probes (every long-running container is probed), received an object',
    ]);
  });

  it('refuses RollingUpdate with a ReadWriteOnce volume', () => {
    const input = minimal();
    Object.assign(input.services[0]!, {
      volumes: [{ name: 'data', mountPath: '/data', size: '1Gi' }],
      strategy: 'RollingUpdate',
    });
    expect(messages(input)).toEqual([
      'services[0].strategy: expected "Recreate" with a ReadWriteOnce volume (a rolling update cannot attach it twice), received "RollingUpdate"',
    ]);
  });

  it('reports patches that cannot apply', () => {
    const input = {
      ...minimal(),
      environments: {
        staging: { patches: [{ target: { kind: 'Deployment', name: 'nope' }, strategicMerge: { spec: {} } }] },
        prod: {
          patches: [
            {
              target: { kind: 'Deployment', name: 'web' },
              json6902: [{ op: 'replace', path: '/spec/missing/x', value: 1 }],
            },
          ],
        },
      },
    };
    const errors = messages(input);
    expect(errors[0]).toMatch(
      /^environments\.staging\.patches\[0\]: target Deployment\/nope is not planned; planned objects: Namespace\/hello, /,
    );
    expect(errors[1]).toBe('environments.prod.patches[0]: path /spec/missing/x does not exist');
  });

  it('refuses services that share a repository with different tags', () => {
    const input = minimal();
    input.services.push({ ...input.services[0]!, name: 'worker' });
    (input as Record<string, unknown>).environments = {
      staging: { services: { worker: { image: { tag: 'v2' } } } },
      prod: {},
    };
    expect(messages(input)).toEqual([
      'services[1].image: expected the same tag and digest as services[0] in environment "staging" (they share ghcr.io/acme/hello; Kustomize sets one tag per image), received "v2"',
    ]);
  });

  it('warns about ingress-nginx', () => {
    const result = validateApp({ ...minimal(), routing: { class: 'ingress', ingressClassName: 'nginx' } });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringContaining('ingress-nginx is retired')]);
  });

  it('never throws on junk', () => {
    for (const junk of [
      undefined,
      null,
      0,
      'x',
      [],
      {},
      { services: 'x' },
      { services: [null] },
      { name: 'a', services: [{}], environments: [] },
    ]) {
      const result = validateApp(junk);
      expect(result.value).toBeUndefined();
      expect(result.errors.length).toBeGreaterThan(0);
    }
  });

  it('defineApp throws one error listing every issue', () => {
    expect(() => defineApp({ name: 'x', services: [] })).toThrow(ValidationError);
    expect(() => defineApp({ name: 'x', services: [] })).toThrow(
      'services: expected at least one service, received a list of 0',
    );
  });

  it('refuses an app with no environments (found by the damaged-options property test)', () => {
    const web = { name: 'web', runtime: 'node', image: { repository: 'ghcr.io/a/b' }, port: 80 } as const;
    expect(validateApp({ name: 'x', services: [web], environments: {} }).errors.map((e) => e.message)).toEqual([
      'environments: expected at least one environment (leave environments out for staging and prod), received an object',
    ]);
    expect(() => resolveEnvironment(defineApp({ name: 'x', services: [web] }).descriptor, Object.create(null))).toThrow(
      'environment: expected one of the app',
    );
  });
});

describe('loadAppYaml', () => {
  it('parses sugarkube.yaml', () => {
    const result = loadAppYaml(
      'name: hello\nservices:\n  - name: web\n    runtime: static-nginx\n    image: { repository: ghcr.io/acme/site }\n    port: 8080\n',
    );
    expect(result.errors).toEqual([]);
  });
  it('prefixes errors with the line and column of the value', () => {
    const result = loadAppYaml(
      'name: hello\nservices:\n  - name: web\n    runtime: node\n    image: { repository: ghcr.io/acme/site }\n    port: 80a\n',
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      'sugarkube.yaml:6:11: services[0].port: expected an integer 1-65535, received "80a"',
    ]);
  });
  it('reports YAML syntax errors with a line number', () => {
    const result = loadAppYaml('name: hello\nservices:\n  - name: [web\n');
    expect(result.errors[0]?.message).toMatch(/^sugarkube\.yaml:\d+:\d+: /);
    expect(result.errors[0]?.expected).toBe('valid YAML');
  });
  it('reports an alias without its anchor as YAML, not a crash', () => {
    expect(loadAppYaml('*!').errors.map((e) => e.message)).toEqual([
      'sugarkube.yaml:1:1: Unresolved alias (the anchor must be set before the alias): !',
    ]);
  });
  it('reports duplicate keys', () => {
    expect(loadAppYaml('name: a\nname: b\nservices: []\n').errors[0]?.message).toMatch(
      /^sugarkube\.yaml:2:1: .*[Uu]nique/,
    );
  });

  it('reports every duplicate key with its line, also in nested maps and among many keys', () => {
    const env = Array.from({ length: 5000 }, (_, i) => `      K${i}: v`).join('\n');
    const text = `name: a\nservices:\n  - name: web\n    env:\n${env}\n      K17: again\n    port: 1\n    port: 2\n`;
    expect(loadAppYaml(text).errors.map((e) => e.message)).toEqual([
      `sugarkube.yaml:${5 + 5000}:7: Map keys must be unique`,
      `sugarkube.yaml:${5 + 5002}:5: Map keys must be unique`,
    ]);
  });
});

describe('checks Kubernetes would only make at apply time', () => {
  const minimal = () => ({
    name: 'hello',
    services: [{ name: 'web', runtime: 'static-nginx', image: { repository: 'ghcr.io/acme/hello' }, port: 8080 }],
    routes: [{ apex: 'hello.example.org' }],
  });
  it('refuses a sidecar on a port its pod already uses', () => {
    const input = minimal();
    (input.services[0] as Record<string, unknown>).sidecars = [
      { name: 'proxy', image: 'ghcr.io/acme/proxy:1.0.0', port: 8080 },
      { name: 'exporter', image: 'ghcr.io/acme/exporter:1.0.0', port: 9100 },
      { name: 'other', image: 'ghcr.io/acme/other:1.0.0', port: 9100 },
    ];
    expect(messages(input)).toEqual([
      "services[0].sidecars[0].port: expected a port not used by the service's own container (port 8080) (containers of a pod share its ports), received 8080",
      'services[0].sidecars[2].port: expected a port not used by sidecar "exporter" (containers of a pod share its ports), received 9100',
    ]);
  });

  it('refuses a ConfigMap over 1 MiB, in the app and in an environment', () => {
    const input = {
      ...minimal(),
      configMaps: { big: { 'data.txt': 'x'.repeat(1.5 * 1024 * 1024) }, fine: { a: 'x'.repeat(1024 * 1024 - 1) } },
      environments: { staging: { configMaps: { huge: { a: 'é'.repeat(600 * 1024) } } }, prod: {} },
    };
    expect(messages(input)).toEqual([
      'configMaps.big: expected at most 1 MiB of data (the Kubernetes limit for a ConfigMap; put large files in the image or a volume), received "1.50 MiB"',
      'environments.staging.configMaps.huge: expected at most 1 MiB of data (the Kubernetes limit for a ConfigMap; put large files in the image or a volume), received "1.17 MiB"',
    ]);
  });
});
