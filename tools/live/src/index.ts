/** The package name, for messages. */
export const packageName = '@sugarkube/live';

export { fluxControllers, fluxNamespace, type FluxController } from './flux-controller.js';
export { fluxProcessArgs, type FluxPorts, type FluxProcessSettings } from './flux-process-args.js';
export { renderKubeconfig, renderTokenAuthFile, liveContext, type Identity } from './kubeconfig.js';
export { piNodes, nodeObject, kwokNodeAnnotation, type LiveNodeSpec, type PiNodesOptions } from './live-node.js';
export { startLiveCluster, type LiveCluster, type LiveClusterOptions, type LiveTimings } from './io/live-cluster.js';
export { liveEntry, liveVersion, type LiveEntry } from './io/live-binary.js';
export { Supervisor, type SupervisedProcess, type ProcessExit, type StartOptions } from './io/supervisor.js';
export { startGitServer, type GitServer, type GitServerOptions, type RepoFile } from './io/git-server.js';
export { startChartServer, type ChartServer } from './io/chart-server.js';
export { startLiveRegistry, type LiveRegistry } from './io/live-registry.js';
export { kubectl, applyObjects, toYamlStream } from './io/kubectl.js';
export { waitFor, type WaitForOptions } from './io/wait-for.js';
export { waitForCondition, type ConditionTarget } from './io/wait-condition.js';
export { run, type RunOptions, type RunResult } from './io/run.js';
export { pushTinyImage, type PushedImage } from './io/push-image.js';
