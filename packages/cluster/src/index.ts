/** The package name, for messages and generated-file headers. */
export const packageName = '@sugarkube/cluster';

// definition: the schema, the pins, validation and defaults
export {
  clusterDefinitionSchema,
  type ClusterDefinition,
  type ValidatedClusterDefinition,
  type AppRepository,
} from './definition/cluster-definition.js';
export { pinsSchema, pinOf, withPin, renderPins, type Pin, type Pins, type PinsInput } from './definition/pins.js';
export { parseClusterDefinition, type ParsedCluster } from './definition/parse-cluster-definition.js';
export { clusterJsonSchema, pinsJsonSchema } from './definition/cluster-json-schema.js';
export {
  resolveCluster,
  type ResolvedCluster,
  type ResolvedClusterApp,
  type ResolvedAppRepository,
  type ResolvedEnvironment,
  type Exposure,
} from './definition/resolve-cluster.js';
export { defineCluster, synthesizeCluster } from './definition/define-cluster.js';
export { clusterModule, isClusterModule, type ClusterModule } from './definition/cluster-module.js';
// components: one module per infrastructure component, listed in install order
export { infraComponents } from './components/infra-components.js';
export type {
  InfraComponent,
  ComponentChart,
  ComponentContext,
  ComponentSecret,
  ConfigContext,
  ConfigFiles,
  ChartWorkload,
  CrdSource,
  GoModule,
  PodSecurityLevel,
  UpstreamSource,
} from './components/infra-component.js';
export { componentPins, type ComponentPins, type ComponentPin, type CrdPin } from './components/component-pins.js';
export { clusterSecrets, type ClusterSecretSpec } from './components/cluster-secrets.js';
// plan and render
export { fluxApi, removedFluxApi } from './plan/flux-api.js';
export { synthesizeClusterTree } from './render/synthesize-cluster-tree.js';
export { clusterHeader } from './render/render-objects.js';
// verify: structure and capacity, without a cluster
export { validateClusterTree, type TreeProblem, type TreeValidation } from './verify/validate-cluster-tree.js';
export { summarizeClusterTree, formatClusterSummary, type ClusterSummary } from './verify/summarize-cluster-tree.js';
export { parseCpu, parseMemory, formatCpu, formatMemory } from './definition/quantities.js';
