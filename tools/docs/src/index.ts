/** The package name, for messages. */
export const packageName = '@sugarkube/docs';

export { fieldReferencePages, regenerateCommand, type ReferenceSchemas } from './field-reference-pages.js';
