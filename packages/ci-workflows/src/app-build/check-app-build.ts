import { expectedPhrase, issue, runtimeNames, strictObject, type Issue, type RuntimeName } from '@sugarkube/core';
import { checkWorkspace } from '../dockerfile/node-build-options.js';
import { staticNginxBuildIssues } from '../dockerfile/static-nginx-dockerfile.js';
import { optionIssues } from '@sugarkube/core';
import { appBuildSchema, buildShapes, runtimesWithField } from './app-build-schema.js';

const isRuntime = (value: unknown): value is RuntimeName =>
  typeof value === 'string' && (runtimeNames as readonly string[]).includes(value);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Cross-field checks of each runtime's build fields. */
const crossChecks: Record<RuntimeName, (build: unknown) => Issue[]> = {
  node: checkWorkspace,
  python: () => [],
  'static-nginx': (build) => [...checkWorkspace(build), ...staticNginxBuildIssues(build, [])],
  'static-node': () => [],
};

/**
 * Each runtime's own fields as one strict schema, built on first use and kept: zod constructs
 * and compiles an object schema on its first parse, about 2 ms, which a schema built per call
 * paid for every service (docs/benchmarks.md, (c)).
 */
const ownSchemas = new Map<RuntimeName, ReturnType<typeof strictObject>>();
function ownSchema(runtime: RuntimeName): ReturnType<typeof strictObject> {
  let schema = ownSchemas.get(runtime);
  if (!schema) ownSchemas.set(runtime, (schema = strictObject(buildShapes[runtime])));
  return schema;
}

/** The checks of a build of a known runtime (see `checkAppBuild`). */
export function runtimeBuildIssues(runtime: RuntimeName, build: unknown): Issue[] {
  if (!isRecord(build)) return optionIssues(appBuildSchema, build);
  const own = buildShapes[runtime];
  const out: Issue[] = [];
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(build)) {
    const owners = runtimesWithField(key);
    if (owners.length > 0 && !owners.includes(runtime)) {
      out.push(issue([key], `no "${key}" in a ${runtime} build (it is a field of ${owners.join(', ')})`, value));
    } else {
      rest[key] = value;
    }
  }
  // The runtime's own fields: types, unknown keys (guessed among its keys), required fields.
  const required = Object.entries(own).filter(
    ([key, schema]) => rest[key] === undefined && !schema.safeParse(undefined).success,
  );
  const present = optionIssues(ownSchema(runtime), rest, [crossChecks[runtime]]).filter(
    (i) => !required.some(([key]) => i.path === key),
  );
  for (const [key, schema] of required) {
    const missing = schema.safeParse(undefined, { error: expectedPhrase });
    out.push(
      issue([key], missing.error?.issues[0]?.message ?? 'a value', undefined, `required for runtime "${runtime}"`),
    );
  }
  return [...out, ...present];
}

/**
 * Every problem of one service's `build` section for its runtime, at once: wrong types,
 * unknown keys (with a guess among the runtime's fields), fields of another runtime, missing
 * required fields (python's `server`, node's `command`, static-node's `serverScript`) and
 * cross-field conflicts. Paths are relative to `build`; for an unknown runtime, the checks of
 * `appBuildSchema` (every runtime's fields). Never throws.
 */
export function checkAppBuild(runtime: RuntimeName | string, build: unknown): Issue[] {
  return isRuntime(runtime) ? runtimeBuildIssues(runtime, build) : optionIssues(appBuildSchema, build);
}
