import { expect, it } from 'vitest';
import {
  formatClusterSummary,
  parseClusterDefinition,
  summarizeClusterTree,
  synthesizeClusterTree,
} from '../src/index.js';
import { testCluster, testPins } from './fixture.js';

const MiB = 1024 ** 2;

it('sums requests from the values synth wrote, per workload, against the nodes', () => {
  const input = testCluster();
  const staging = { ...input.environments.staging!, nodes: { count: 2, cpu: '2', memory: '4Gi' } };
  const cluster = parseClusterDefinition(
    { ...input, environments: { ...input.environments, staging } },
    testPins,
  ).value!;
  const summary = summarizeClusterTree(cluster, synthesizeClusterTree(cluster));
  const env = summary.environments.find((e) => e.name === 'staging')!;
  const line = (name: string) => env.infra.find((l) => l.name === name);
  // Longhorn reserves 12 % of each node's CPU: 2 nodes × 240m.
  expect(line('longhorn/instance-manager (12 % of node CPU)')).toEqual({
    name: 'longhorn/instance-manager (12 % of node CPU)',
    cpuMillis: 480,
    memoryBytes: 0,
  });
  expect(line('kube-prometheus-stack/node-exporter')).toEqual({
    name: 'kube-prometheus-stack/node-exporter',
    cpuMillis: 20,
    memoryBytes: 48 * MiB,
  });
  expect(line('kube-prometheus-stack/grafana sidecars (dashboards, datasources)')?.memoryBytes).toBe(64 * MiB);
  expect(line('traefik/traefik')).toEqual({ name: 'traefik/traefik', cpuMillis: 200, memoryBytes: 128 * MiB });
  expect(line('flux/flux-controllers')).toEqual({
    name: 'flux/flux-controllers',
    cpuMillis: 600,
    memoryBytes: 384 * MiB,
  });
  expect(line('cloudflared/cloudflared')).toEqual({
    name: 'cloudflared/cloudflared',
    cpuMillis: 100,
    memoryBytes: 96 * MiB,
  });
  expect(line('external-dns/external-dns')?.memoryBytes).toBe(32 * MiB);
  // The descriptor app as its overlay builds it (node runtime default 200m / 384Mi); the chart app has no requests in its values.
  expect(env.apps).toEqual([
    { name: 'legacy (chart)', cpuMillis: 0, memoryBytes: 0 },
    { name: 'hello/web', cpuMillis: 200, memoryBytes: 384 * MiB },
  ]);
  expect(env.capacity).toEqual({
    cpuMillis: 4000,
    memoryBytes: 8 * 1024 ** 3,
    nodes: 2,
    description: '2 × Raspberry Pi 5 (2 CPU, 4Gi each)',
  });
  const memory = env.infra.reduce((n, l) => n + l.memoryBytes, 0) / MiB;
  // operator 64 + Flux 384 + kube-prometheus-stack (384+32+32+48+96+64+48+2×24) = 1200,
  // + cert-manager 120 + sealed-secrets 48 + external-dns 32 + Traefik 128 + cloudflared 96 = 1624
  expect(memory).toBe(1624);
  expect(formatClusterSummary(summary)).toContain(
    `  infrastructure requests: CPU ${(env.infra.reduce((n, l) => n + l.cpuMillis, 0) / 1000).toFixed(2)} cores, memory 1.59 GiB (within the 2.00 GiB goal)`,
  );
  expect(formatClusterSummary(summary, 1024 * MiB)).toContain('memory 1.59 GiB (OVER the 1.00 GiB goal)');
});
