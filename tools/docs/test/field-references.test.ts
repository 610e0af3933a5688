import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clusterJsonSchema, pinsJsonSchema } from '@sugarkube/cluster';
import { appJsonSchema } from '@sugarkube/manifests';
import { describe, expect, it } from 'vitest';
import { fieldReferencePages, regenerateCommand } from '../src/index.js';

const repoRoot = join(import.meta.dirname, '../../..');
const pages = fieldReferencePages({ app: appJsonSchema(), cluster: clusterJsonSchema(), pins: pinsJsonSchema() });

describe('the field references in docs/', () => {
  it.each(pages.map((p) => [p.path, p]))('%s is what the schema says (regenerate: %s)', (path, page) => {
    const onDisk = readFileSync(join(repoRoot, path), 'utf8');
    expect(onDisk, `${path} drifted from its schema: run \`${regenerateCommand}\``).toBe(page.content);
  });

  it('describe every field: no row without a description', () => {
    for (const page of pages) {
      const undescribed = page.content
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .filter((line) => line.trimEnd().endsWith('|  |'))
        .map((line) => line.split('|')[1]!.trim());
      expect(undescribed, page.path).toEqual([]);
    }
  });

  it('the cluster reference names the fields a cluster repo needs first, with what they are for', () => {
    const cluster = pages.find((p) => p.path === 'docs/cluster-definition.md')!.content;
    for (const field of ['name', 'repository.url', 'owner', 'acmeEmail', 'dnsZones', 'environments', 'apps']) {
      expect(cluster, field).toMatch(
        new RegExp(`^\\| \`${field.replace('.', '\\.')}\` \\| [^|]+ \\| yes \\| \\S`, 'm'),
      );
    }
    expect(cluster).toMatch(/^\| `apps\[\]\.repository\.url` \|/m);
  });
});
