import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defineApp,
  environmentsOf,
  planApp,
  renderAppTree,
  validateApp,
  type App,
  type AppDescriptor,
} from '../src/index.js';
import { invalidDescriptor, validDescriptor } from './support/arbitraries.js';
import { hasDefaultDeny, podSpecs, restrictedViolations } from './support/pod-security.js';

export const propertyRuns = 5000;
/** A few valid descriptors kept for the real-tool check (kustomize + kubeconform) in property-tools.test.ts. */
export const sampled: AppDescriptor[] = [];

let renders = 0;
function checkRendered(app: App) {
  for (const env of Object.keys(environmentsOf(app.descriptor))) {
    const objects = planApp(app, env);
    for (const { id, spec } of podSpecs(objects)) expect(restrictedViolations(spec), `${env} ${id}`).toEqual([]);
    const namespace = app.descriptor.namespace ?? app.descriptor.name;
    expect(hasDefaultDeny(objects, namespace)).toBe(true);
  }
  const files = renderAppTree(app);
  // Deterministic: a second render is byte-identical (checked on every 10th app to save time).
  if (renders++ % 10 === 0) expect(renderAppTree(app)).toEqual(files);
  return files;
}

describe(`property: ${propertyRuns} generated descriptors`, () => {
  it('valid descriptors validate, plan, render, and meet Pod Security restricted', () => {
    let runs = 0;
    fc.assert(
      fc.property(validDescriptor, (descriptor) => {
        runs++;
        const result = validateApp(descriptor);
        expect(result.errors).toEqual([]);
        checkRendered(result.value!);
      }),
      { numRuns: propertyRuns, seed: 20261126 },
    );
    expect(runs).toBe(propertyRuns);
  }, 600_000);

  it('invalid input yields typed validation errors, never a crash', () => {
    let invalid = 0;
    fc.assert(
      fc.property(invalidDescriptor, (input) => {
        const result = validateApp(input);
        if (result.value) {
          checkRendered(result.value);
          return;
        }
        invalid++;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) {
          expect(typeof error.path).toBe('string');
          expect(typeof error.expected).toBe('string');
          expect(typeof error.received).toBe('string');
          expect(error.message.startsWith(error.path ? `${error.path}: ` : '')).toBe(true);
        }
        expect(() => defineApp(input as AppDescriptor)).toThrow(/invalid app descriptor/);
      }),
      { numRuns: propertyRuns, seed: 20261127 },
    );
    expect(invalid).toBeGreaterThan(propertyRuns * 0.6);
    console.log(`invalid inputs among ${propertyRuns}: ${invalid}`);
  }, 600_000);
});
