import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkArguments,
  fluxDuration,
  ipv4Range,
  salvage,
  strictObject,
  typedObject,
  unexplainedIssues,
  ValidationError,
} from '../src/index.js';

const schema = strictObject({
  name: z.string().regex(/^[a-z]+$/),
  replicas: z.number().int().default(1),
  volumes: z.array(strictObject({ name: z.string(), size: z.string() })).optional(),
  hosts: z.record(z.string().regex(/^[a-z]+$/), z.string()).optional(),
});

describe('salvage', () => {
  it('keeps the well-formed part of an input that fails its schema, list positions included', () => {
    const input = {
      name: 'Bad',
      replicas: 2,
      volumes: [
        { name: 'a', size: 1 },
        { name: 'b', size: '1Gi' },
      ],
      hosts: { prod: 'x', Bad: 'y' },
      extra: 1,
    };
    expect(schema.safeParse(input).success).toBe(false);
    expect(salvage(schema, input)).toEqual({
      replicas: 2,
      volumes: [{ name: 'a' }, { name: 'b', size: '1Gi' }],
      hosts: { prod: 'x' },
    });
  });

  it('returns the parsed value (defaults applied) when the input is valid, and nothing for junk', () => {
    expect(salvage(schema, { name: 'ok' })).toEqual({ name: 'ok', replicas: 1 });
    expect(salvage(schema, 'junk')).toBeUndefined();
    expect(salvage(schema, null)).toBeUndefined();
  });

  it('keeps the cross-field issues a schema issue does not explain', () => {
    const schemaIssues = [{ path: 'routes[0].apex' }];
    const cross = [
      { path: 'routes[0]' },
      { path: 'routes[0].apex' },
      { path: 'services[0].replicas' },
      { path: 'routes[1]' },
    ];
    expect(unexplainedIssues(cross, schemaIssues)).toEqual([{ path: 'services[0].replicas' }, { path: 'routes[1]' }]);
  });
});

describe('checkArguments', () => {
  it('reports every argument at once, each under its own path', () => {
    let error: unknown;
    try {
      checkArguments('pinOf arguments', [
        [['pins'], z.record(z.string(), z.string()), { a: 1 }],
        [['environment'], z.string({ error: 'an environment name' }), 7],
        [['app'], z.string(), 'fine'],
      ]);
    } catch (e) {
      error = e;
    }
    expect(ValidationError.is(error)).toBe(true);
    expect((error as ValidationError).issues.map((i) => i.message)).toEqual([
      'pins.a: expected a string, received 1',
      'environment: expected an environment name, received 7',
    ]);
  });
});

describe('field rules', () => {
  const issues = (s: z.ZodType, v: unknown) => (s.safeParse(v).error?.issues ?? []).map((i) => i.message);

  it('ipv4Range: a range with valid addresses, start not after end, or a CIDR', () => {
    expect(issues(ipv4Range, '192.168.1.240-192.168.1.250')).toEqual([]);
    expect(issues(ipv4Range, '10.0.0.0/8')).toEqual([]);
    expect(issues(ipv4Range, '192.168.1.300-192.168.1.245')).toEqual([
      'an IPv4 range such as "192.168.1.240-192.168.1.250" or CIDR "192.168.1.240/28" ("192.168.1.300" is not an IPv4 address (four octets 0-255))',
    ]);
    expect(issues(ipv4Range, '192.168.1.250-192.168.1.245')).toEqual([
      'an IPv4 range such as "192.168.1.240-192.168.1.250" or CIDR "192.168.1.240/28" (start 192.168.1.250 is after end 192.168.1.245)',
    ]);
    expect(issues(ipv4Range, '10.0.0.256/8')).toHaveLength(1);
    expect(issues(ipv4Range, '010.0.0.1-10.0.0.2')).toHaveLength(1);
  });

  it("fluxDuration: the CRDs' Go duration pattern", () => {
    for (const ok of ['5m', '1h30m', '500ms', '1.5h']) expect(issues(fluxDuration, ok), ok).toEqual([]);
    for (const bad of ['5', '5 m', '-1m', 'm']) expect(issues(fluxDuration, bad), bad).toHaveLength(1);
  });
});

describe('typedObject', () => {
  it('puts apiVersion, kind and metadata first', () => {
    const object = typedObject('v1', 'ConfigMap', { name: 'settings', namespace: 'app' }, { data: { LEVEL: 'info' } });
    expect(Object.keys(object)).toEqual(['apiVersion', 'kind', 'metadata', 'data']);
    // @ts-expect-error a ConfigMap has `data`, not `dat`
    typedObject('v1', 'ConfigMap', { name: 'settings' }, { dat: {} });
  });
});
