import { parseAllDocuments } from 'yaml';
import { isCommented, type GeneratedFile } from '@sugarkube/core';

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

/**
 * The documents each file synth rendered holds, as parsing its bytes would return them. Checking
 * a synthesized tree then costs no YAML parse (the larger part of synth at scale: 10,000 apps are
 * megabytes of YAML): the one renderer's round trip, parse(emitYaml(v)) = v, is property-tested
 * in @sugarkube/core, and a test here compares these documents with the parsed bytes of whole
 * trees. Files read from disk, or made any other way, are parsed.
 */
const renderedDocuments = new WeakMap<GeneratedFile, readonly Record<string, unknown>[]>();

/** What the YAML of a value parses back to: commented scalars are their value, undefined keys are left out, undefined items are null. */
function parsedForm(value: unknown): unknown {
  if (isCommented(value)) return value.value;
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : parsedForm(item)));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) if (child !== undefined) out[key] = parsedForm(child);
  return out;
}

/** Records the objects a synthesized file was rendered from (see `renderedDocuments`); returns the file. */
export function withRenderedDocuments(file: GeneratedFile, objects: readonly object[]): GeneratedFile {
  renderedDocuments.set(
    file,
    objects.map((o) => parsedForm(o) as Record<string, unknown>),
  );
  return file;
}

/** Whether `readTreeDocuments` takes this file's documents from synth rather than parsing it (for tests). */
export function hasRenderedDocuments(file: GeneratedFile): boolean {
  return renderedDocuments.has(file);
}

/** Parses every YAML file (synthesized ones: see `renderedDocuments`); returns the documents and the files that failed to parse. */
export function readTreeDocuments(files: readonly GeneratedFile[]): {
  documents: TreeDocument[];
  errors: { file: string; message: string }[];
} {
  const documents: TreeDocument[] = [];
  const errors: { file: string; message: string }[] = [];
  for (const file of files) {
    if (!file.path.endsWith('.yaml') && !file.path.endsWith('.yml')) continue;
    const rendered = renderedDocuments.get(file);
    if (rendered) {
      rendered.forEach((value, index) => documents.push({ file: file.path, index, value }));
      continue;
    }
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
