import { ValidationError } from '@sugarkube/core';
import type { AppDescriptor } from '../descriptor/app-schema.js';
import type { App } from '../descriptor/app.js';
import { validateApp } from './validate-app.js';

/**
 * Declares an app in TypeScript: typed input, validated at once.
 * @throws ValidationError (from `@sugarkube/core`) listing every problem, each with its path
 */
export function defineApp(descriptor: AppDescriptor): App {
  const result = validateApp(descriptor);
  if (!result.value) throw new ValidationError('app descriptor', result.errors);
  return result.value;
}
