import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { it } from 'vitest';
import { formatClusterSummary, parseClusterDefinition, summarizeClusterTree, synthesizeClusterTree, validateClusterTree } from '../../src/index.js';
import { testCluster } from './fixture.js';

it('scratch', () => {
  const parsed = parseClusterDefinition(testCluster());
  console.log(parsed.errors, parsed.warnings.map((w) => w.message));
  const files = synthesizeClusterTree(parsed.value!);
  rmSync('/tmp/scratch-tree', { recursive: true, force: true });
  for (const f of files) { mkdirSync(dirname(join('/tmp/scratch-tree', f.path)), { recursive: true }); writeFileSync(join('/tmp/scratch-tree', f.path), f.content); }
  console.log(files.length, validateClusterTree(files));
  console.log(formatClusterSummary(summarizeClusterTree(parsed.value!, files)));
});
