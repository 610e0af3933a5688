import { runtimeNames } from '@sugarkube/core';
import { appBuildSchema } from '../../src/index.js';
import { runtimesWithField } from '../../src/app-build/app-build-schema.js';

/** The README's field reference of the `build` section, rendered from `appBuildSchema` (one source). */
export function buildFieldsTable(): string {
  const shape = appBuildSchema.shape as Record<string, { description?: string }>;
  const rows = Object.entries(shape).map(([key, field]) => {
    const owners = runtimesWithField(key);
    const text = (field.description ?? '')
      .replace(/ (Every runtime|Runtimes?: [a-z, -]+)\.$/, '')
      .replaceAll('|', '\\|')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;');
    return `| \`${key}\` | ${owners.length === runtimeNames.length ? 'all' : owners.join(', ')} | ${text} |`;
  });
  return ['| field | runtimes | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
