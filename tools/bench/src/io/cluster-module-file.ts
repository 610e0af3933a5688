import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatedPins } from '../fixtures/generated-apps.js';

/**
 * Writes a cluster module of `n` generated apps into `dir` (`cluster.mjs` + `pins.json`), as a
 * cluster repo has one, for `sugarkube synth --cluster`: it imports @sugarkube/cluster and this
 * package's fixtures by absolute URL, so it runs from any directory. Returns the module's path.
 */
export function writeClusterModule(dir: string, n: number): string {
  const clusterUrl = import.meta.resolve('@sugarkube/cluster');
  const fixturesUrl = pathToFileURL(join(import.meta.dirname, '../fixtures/generated-apps.js')).href;
  writeFileSync(join(dir, 'pins.json'), `${JSON.stringify(generatedPins(n))}\n`);
  const file = join(dir, 'cluster.mjs');
  writeFileSync(
    file,
    [
      `import { clusterModule } from ${JSON.stringify(clusterUrl)};`,
      `import { generatedCluster } from ${JSON.stringify(fixturesUrl)};`,
      `export default clusterModule({ definition: generatedCluster(${n}), pinsFile: new URL('./pins.json', import.meta.url) });`,
      '',
    ].join('\n'),
  );
  return file;
}
