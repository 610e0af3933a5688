import type { ValidatedAppDescriptor } from './app-schema.js';
import type { Issue } from '@sugarkube/core';

const appBrand = Symbol.for('@sugarkube/manifests.App');

/** A validated app descriptor. Recognised across package copies by a `Symbol.for` brand. */
export interface App {
  readonly [appBrand]: true;
  readonly descriptor: ValidatedAppDescriptor;
  readonly warnings: readonly Issue[];
}

/** Descriptors that passed the schema, so the planning functions need not parse them again. */
const validated = new WeakSet<object>();

/** Records that `descriptor` passed the schema (it is the schema's output). */
export function markValidated(descriptor: ValidatedAppDescriptor): ValidatedAppDescriptor {
  validated.add(descriptor);
  return descriptor;
}

/** True for a descriptor that passed the schema in this copy of the package. */
export function isValidatedDescriptor(value: unknown): value is ValidatedAppDescriptor {
  return typeof value === 'object' && value !== null && validated.has(value);
}

/** Wraps a descriptor that has passed validation. */
export function brandApp(descriptor: ValidatedAppDescriptor, warnings: readonly Issue[]): App {
  return Object.freeze({ [appBrand]: true as const, descriptor: markValidated(descriptor), warnings });
}

/** True for an `App` from any copy of this package. */
export function isApp(value: unknown): value is App {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[appBrand] === true;
}
