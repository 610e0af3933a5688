import { parseAllDocuments } from 'yaml';
import type { GeneratedFile } from '@sugarkube/core';

/** One parsed YAML document of a generated file. */
export interface TreeDocument {
  readonly file: string;
  readonly index: number;
  readonly value: Record<string, unknown>;
}

/** The environment a tree path belongs to: `clusters/<env>/…`, `infrastructure/<layer>/<env>/…`, `apps/<env>/…`. */
export function environmentOf(path: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] === 'clusters' || parts[0] === 'apps') return parts.length > 2 ? parts[1] : undefined;
  if (parts[0] === 'infrastructure') return parts.length > 3 ? parts[2] : undefined;
  return undefined;
}

/** Parses every YAML file; returns the documents and the files that failed to parse. */
export function readTreeDocuments(files: readonly GeneratedFile[]): { documents: TreeDocument[]; errors: { file: string; message: string }[] } {
  const documents: TreeDocument[] = [];
  const errors: { file: string; message: string }[] = [];
  for (const file of files) {
    if (!file.path.endsWith('.yaml') && !file.path.endsWith('.yml')) continue;
    parseAllDocuments(file.content).forEach((doc, index) => {
      if (doc.errors.length > 0) {
        errors.push({ file: file.path, message: doc.errors[0]!.message });
        return;
      }
      const value = doc.toJS() as unknown;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        documents.push({ file: file.path, index, value: value as Record<string, unknown> });
      }
    });
  }
  return { documents, errors };
}

/** Reads a nested field: `get(object, 'spec', 'path')`. */
export function get(value: unknown, ...keys: string[]): unknown {
  let node = value;
  for (const key of keys) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
