import type { AppDescriptor } from '../descriptor/app-schema.js';
import type { App } from '../descriptor/app.js';
import { AppValidationError } from './app-validation-error.js';
import { validateApp } from './validate-app.js';

/**
 * Declares an app in TypeScript: typed input, validated at once.
 * @throws AppValidationError listing every problem
 */
export function defineApp(descriptor: AppDescriptor): App {
  const result = validateApp(descriptor);
  if (!result.value) throw new AppValidationError(result.errors);
  return result.value;
}
