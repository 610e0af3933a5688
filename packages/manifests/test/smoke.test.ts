import { expect, it } from 'vitest';
import { defineApp, planApp, renderAppTree, validateApp } from '../src/index.js';

it('renders a small app', () => {
  const app = defineApp({
    name: 'hello',
    services: [
      {
        name: 'web',
        runtime: 'node',
        image: { repository: 'ghcr.io/acme/hello' },
        port: 8080,
        writablePaths: ['/tmp'],
      },
    ],
    routes: [{ apex: 'hello.example.org' }],
  });
  const files = renderAppTree(app);
  expect(files.some((f) => f.path === 'hello/overlays/prod/kustomization.yaml')).toBe(true);
  expect(planApp(app, 'staging').length).toBeGreaterThan(3);
});

it('reports errors', () => {
  const r = validateApp({
    name: 'Hello',
    services: [
      {
        name: 'web',
        runtime: 'nod',
        image: { repository: 'x' },
        port: '80a',
        prot: 1,
        env: { API_TOKEN: 'abc', A: { secrt: 'x' } },
      },
    ],
  });
  expect(r.errors.map((e) => e.message)).toContain('services[0].port: expected an integer 1-65535, received "80a"');
});
