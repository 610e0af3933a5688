// Child process of scenario (c): what Sugarkube does for the same generated apps as the cdk8s
// app, through its library: validate each descriptor, plan its prod objects, render them
// (deterministic YAML, one file per app, as cdk8s writes one per chart), and write.
// With --trees, writes each app's Kustomize tree instead (base + prod overlay: what
// `npx projen` writes in an app repo), which `kubectl kustomize` then builds.
// Prints one JSON line: phase times (ms).
// Usage: node dist/workers/sugarkube-render.js N OUT_DIR [--trees]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderYaml } from '@sugarkube/core';
import { defineApp, planApp, renderAppTree } from '@sugarkube/manifests';
import { appName, generatedApp } from '../fixtures/generated-apps.js';

const n = Number(process.argv[2]);
const out = process.argv[3];
const trees = process.argv.includes('--trees');
if (!Number.isInteger(n) || n < 1 || !out) throw new Error('usage: sugarkube-render.js N OUT_DIR [--trees]');

const t0 = performance.now();
const files: { path: string; content: string }[] = [];
for (let i = 0; i < n; i++) {
  const app = defineApp(generatedApp(i));
  if (trees) files.push(...renderAppTree(app, { environments: ['prod'] }));
  else files.push({ path: `${appName(i)}.yaml`, content: renderYaml(planApp(app, 'prod')) });
}
const t1 = performance.now();
for (const file of files) {
  mkdirSync(dirname(join(out, file.path)), { recursive: true });
  writeFileSync(join(out, file.path), file.content);
}
const t2 = performance.now();
console.log(JSON.stringify({ renderMs: t1 - t0, writeMs: t2 - t1, files: files.length }));
