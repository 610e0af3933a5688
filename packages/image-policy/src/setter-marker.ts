// The marker text is built in one place, @sugarkube/core; this package applies markers the way Flux does.
export { setterMarker, type SetterField } from '@sugarkube/core/yaml';
