// `@sugarkube/core/yaml`: the one YAML renderer, without the rest of core (no zod is loaded: a
// package that only renders, such as @sugarkube/image-policy, imports this entry point).
export { renderYaml, type RenderYamlOptions } from './render-yaml.js';
export { emitYaml, isPlainSafe } from './yaml-emitter.js';
export { orderKeys, type KeyOrder } from './sort-keys.js';
export { commented, isCommented, type Commented } from './commented.js';
export { setterMarker, withSetterMarker, type SetterField } from './setter-marker.js';
