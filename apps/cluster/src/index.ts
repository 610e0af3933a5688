import { clusterModule } from '@sugarkube/cluster';
import { sugarkubeCluster } from './sugarkube-cluster.js';

export { sugarkubeCluster };

/**
 * The module `sugarkube synth` loads in this monorepo (package.json `sugarkube.cluster`): the
 * definition, and the pins file `sugarkube promote` edits.
 */
export default clusterModule({
  definition: sugarkubeCluster,
  pinsFile: new URL('../sugarkube.pins.json', import.meta.url),
});
