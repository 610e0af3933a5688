/** The package name, for messages. */
export const packageName = '@sugarkube/verify';
