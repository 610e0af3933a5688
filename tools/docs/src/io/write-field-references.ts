import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterJsonSchema, pinsJsonSchema } from '@sugarkube/cluster';
import { appJsonSchema } from '@sugarkube/manifests';
import { fieldReferencePages } from '../field-reference-pages.js';

/** Writes the field references into the repo's docs/ (`npm run docs -w @sugarkube/docs`). */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
for (const file of fieldReferencePages({
  app: appJsonSchema(),
  cluster: clusterJsonSchema(),
  pins: pinsJsonSchema(),
})) {
  const path = join(repoRoot, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.content);
  console.log(`wrote ${file.path}`);
}
