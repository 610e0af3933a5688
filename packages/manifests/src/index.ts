/** The package name, for messages and generated-file headers. */
export const packageName = '@sugarkube/manifests';
