/** The package name, for messages. */
export const packageName = '@sugarkube/live';

export { fluxControllers, fluxNamespace, type FluxController } from './flux-controller.js';
export { fluxProcessArgs, type FluxPorts, type FluxProcessSettings } from './flux-process-args.js';
export { renderKubeconfig, renderTokenAuthFile, liveContext, type Identity } from './kubeconfig.js';
export { piNodes, nodeObject, kwokNodeAnnotation, type LiveNodeSpec, type PiNodesOptions } from './live-node.js';
export { startLiveCluster, type LiveCluster, type LiveClusterOptions, type LiveTimings } from './io/live-cluster.js';
export { startLiveServers, type LiveServers, type LiveServersOptions } from './io/live-servers.js';
export { liveRewrite, type LiveEdit, type LiveEndpoints, type LiveRewrite, type TreeFile } from './live-rewrite.js';
export { checkValuesKeys, type ChartValues, type ValuesKeysReport } from './values-keys.js';
export { readChartValues } from './io/chart-values.js';
export { liveEntry, liveVersion, type LiveEntry } from './io/live-binary.js';
export { Supervisor, type SupervisedProcess, type ProcessExit, type StartOptions } from './io/supervisor.js';
export {
  startGitServer,
  type CommitInfo,
  type CommitOptions,
  type GitServer,
  type GitServerOptions,
  type RepoFile,
} from './io/git-server.js';
export { startChartServer, type ChartServer } from './io/chart-server.js';
export { startLiveRegistry, type LiveRegistry } from './io/live-registry.js';
export { kubectl, applyObjects, toYamlStream } from './io/kubectl.js';
export { waitFor, type WaitForOptions } from './io/wait-for.js';
export { waitForCondition, type ConditionTarget } from './io/wait-condition.js';
export { run, type RunOptions, type RunResult } from './io/run.js';
export { pushTinyImage, type PushedImage } from './io/push-image.js';
export { dependencyEdges, fluxObjectId, type DependencyEdge, type FluxDependent } from './dependency-order.js';
export { watchFluxReady, type FluxObjectState, type FluxReadyWatch } from './io/flux-ready-watch.js';
export {
  buildAppImage,
  pushAppImage,
  imagePlatforms,
  type AppImageBuild,
  type BuiltAppImage,
} from './io/app-images.js';
export { parseAllocatedResources, type AllocatedResource } from './allocated-resources.js';
