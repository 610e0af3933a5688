import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One request as it went over the wire (recorded by a proxy in front of the forge). */
export interface RecordedRequest {
  readonly method: string;
  /** The path below the API root (`/repos/o/r/pulls`), without the query. */
  readonly path: string;
  readonly query: string;
  readonly body: unknown;
  readonly status: number;
  readonly response: unknown;
}

interface Operation {
  readonly operationId: string;
  readonly parameters?: readonly { readonly name: string; readonly in: string; readonly required?: boolean }[];
  readonly requestBody?: { readonly content: Record<string, { readonly schema: JsonSchema }> };
  readonly responses: Record<string, { readonly content?: Record<string, { readonly schema: JsonSchema }> }>;
}
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Record<string, JsonSchema>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly [key: string]: unknown;
}

let spec: { paths: Record<string, Record<string, Operation>> } | undefined;

/** GitHub's published REST description (api.github.com, $refs resolved), from @octokit/openapi. */
export function githubOpenApi(): { paths: Record<string, Record<string, Operation>> } {
  spec ??= JSON.parse(
    readFileSync(fileURLToPath(import.meta.resolve('@octokit/openapi/generated/api.github.com.deref.json')), 'utf8'),
  ) as typeof spec;
  return spec!;
}

/** The operation of GitHub's API a request is, matched by method and path template. */
export function githubOperation(method: string, path: string): { template: string; operation: Operation } | undefined {
  for (const [template, methods] of Object.entries(githubOpenApi().paths)) {
    const pattern = new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}|\{[^}]+\}/g, '[^/]+')}$`,
    );
    const operation = methods[method.toLowerCase()];
    if (operation && pattern.test(path)) return { template, operation };
  }
  return undefined;
}

/** The request body's JSON Schema in GitHub's description, if the operation takes one. */
export function requestSchema(operation: Operation): JsonSchema | undefined {
  return operation.requestBody?.content['application/json']?.schema;
}

/** The success response's JSON Schema in GitHub's description. */
export function responseSchema(operation: Operation, status: number): JsonSchema | undefined {
  return operation.responses[String(status)]?.content?.['application/json']?.schema;
}
