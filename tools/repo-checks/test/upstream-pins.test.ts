import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { infraComponents } from '@sugarkube/cluster';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/index.js';
import { renderUpstreamPins, upstreamPins, upstreamPinsCommand, upstreamPinsPath } from '../src/upstream-pins.js';

/** What `pins_rows SECTION` (tools/upstream/lib.sh) prints: the rows the upstream scripts build from. */
function pinsRows(section: string): string[] {
  const lib = join(repoRoot, 'tools/upstream/lib.sh');
  return execFileSync('bash', ['-c', `. "$1" && pins_rows "$2"`, 'pins', lib, section], { encoding: 'utf8' })
    .trim()
    .split('\n');
}

describe(`the pins file ${upstreamPinsPath}`, () => {
  it('is what the code pins today (regenerated and compared: a hand edit or a bump without regenerating fails)', async () => {
    await expect(
      renderUpstreamPins(),
      `${upstreamPinsPath} differs from the code: regenerate it with \`${upstreamPinsCommand}\``,
    ).toMatchFileSnapshot(join(repoRoot, upstreamPinsPath));
  });

  it('feeds helm-charts.sh one row per chart whose source a module release holds', () => {
    const charts = infraComponents.filter((c) => c.chart.sourceModule);
    expect(charts.map((c) => c.id)).toEqual(['cert-manager', 'sealed-secrets', 'external-dns', 'metallb']);
    expect(pinsRows('helm-charts')).toEqual(
      charts.map(
        (c) =>
          `${c.chart.name ?? c.id} ${c.chart.sourceModule!.module}@${c.chart.sourceModule!.version} ${c.chart.sourceModule!.path} ${c.chart.version}`,
      ),
    );
  });

  it('feeds crd-schemas.sh every CRD source of every component', () => {
    const { crds } = upstreamPins();
    const rows = (kind: string) =>
      crds.filter((c) => c.kind === kind).map((c) => [`${c.module}@${c.version}`, ...c.paths].join(' '));
    expect(pinsRows('crd-files')).toEqual(rows('files'));
    expect(pinsRows('crd-go-types')).toEqual(rows('go-types'));
    expect(pinsRows('crd-files')).toContain('go.universe.tf/metallb@v0.15.3 config/crd/bases/*.yaml');
  });

  it('is the only place the two scripts take versions from (no module@version left in them)', () => {
    for (const script of ['helm-charts.sh', 'crd-schemas.sh']) {
      const text = readFileSync(join(repoRoot, 'tools/upstream/tools', script), 'utf8');
      expect(text.match(/[\w.-]+\/[\w./-]+@v?\d[\w.-]*/g) ?? [], script).toEqual([]);
    }
  });
});
