/**
 * What Flux's image-automation-controller would rewrite with the `Setters` strategy, computed
 * locally. Follows internal/update/{setters,filereader,filter}.go and internal/policy/applier.go:
 *
 * - files: every file under `update.path` (hidden directories included; Go's filepath.Walk does
 *   not skip them) whose name ends in `.yaml` or `.yml` or is `Kustomization`, and whose bytes
 *   contain the token `"$imagepolicy"`; a file that then fails to parse is skipped (a "problem file");
 * - markers: a scalar's line comment (or, without one, a sequence item's head comment) that is a JSON object of strings with an `$imagepolicy` key
 *   naming `ns:name` (the whole reference: `name:tag`, plus `@digest` when reflected),
 *   `ns:name:tag`, `ns:name:name` or `ns:name:digest`; a marker naming a policy that is not in
 *   scope (another namespace than the automation's, or without `latestRef`) is left alone;
 * - writes: a field changes only when the value differs; a value YAML 1.1 would read as a
 *   non-string (`1.10`, `true`, `0123`…) is double-quoted unless already quoted (kyaml
 *   `FormatNonStringStyle`); only files with a change are returned.
 *
 * Edits are made in place, so comments and layout are kept byte for byte (a leading `---` is
 * dropped, as kyaml's writer does). (Flux re-serializes a
 * changed file through kyaml, which keeps comments but can also normalize indentation elsewhere in
 * that file; for files in kyaml's own style, such as generated ones, the two agree.)
 *
 * @see https://github.com/fluxcd/image-automation-controller/tree/main/internal/update
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, parse as parseYaml, type Node, type Scalar } from 'yaml';
import { checkArguments, strictObject } from '@sugarkube/core';
import { z } from 'zod';
import { goYamlResolve } from './go-yaml-resolve.js';

const filesSchema = z.union(
  [z.record(z.string(), z.string({ error: 'the file text' })), z.map(z.string(), z.string({ error: 'the file text' }))],
  { error: 'a map of path to YAML text' },
);
const policiesSchema = z.array(
  strictObject({
    namespace: z.string({ error: 'a namespace' }).optional(),
    name: z.string({ error: 'a policy name' }),
    latestRef: strictObject({
      name: z.string({ error: 'an image name' }),
      tag: z.string({ error: 'a tag' }),
      digest: z.string({ error: 'a digest' }).optional(),
    }).optional(),
  }),
  { error: 'a list of image policies {namespace?, name, latestRef?}' },
);
const applySettersOptionsSchema = strictObject({
  namespace: z.string({ error: 'the automation namespace' }),
  strategy: z.literal('Setters').optional(),
  path: z.string({ error: 'a repository-relative path' }).optional(),
});

/** An ImagePolicy as the automation sees it. */
export interface PolicyRef {
  /**
   * @default the automation's namespace
   */
  readonly namespace?: string;
  readonly name: string;
  /** `status.latestRef`; a policy without one is skipped, as in Flux. */
  readonly latestRef?: { readonly name: string; readonly tag: string; readonly digest?: string };
}

/** Options for {@link applySetters}. */
export interface ApplySettersOptions {
  /** The ImageUpdateAutomation's namespace: only policies in it are in scope. */
  readonly namespace: string;
  /**
   * `spec.update.strategy`; only `Setters` exists.
   * @default 'Setters'
   */
  readonly strategy?: 'Setters';
  /**
   * `spec.update.path`, relative to the repository root (the keys of `files`).
   * @default the whole repository
   */
  readonly path?: string;
}

/** One field Flux would change. */
export interface SetterChange {
  readonly file: string;
  readonly object: {
    readonly apiVersion: string;
    readonly kind: string;
    readonly name: string;
    readonly namespace: string;
  };
  readonly setter: string;
  readonly oldValue: string;
  readonly newValue: string;
}

/** The files Flux would write, and what it would record. */
export interface ApplySettersResult {
  /** Rewritten files only, by path, in path order. */
  readonly files: readonly { readonly path: string; readonly content: string }[];
  readonly changes: readonly SetterChange[];
  /** Files that contain the token but do not parse (Flux skips them). */
  readonly problemFiles: readonly string[];
}

const TOKEN = '"$imagepolicy"';

/** YAML 1.1 scalars that are not strings, as kyaml lists them (bools, null). */
const YAML11_NON_STRINGS = new Set(
  'y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF ~ null Null NULL'.split(' '),
);

/** kyaml `IsValueNonString`. */
function isNonString(value: string): boolean {
  if (value === '' || value.includes('\n')) return false;
  if (YAML11_NON_STRINGS.has(value)) return true;
  try {
    return typeof parseYaml(value, { version: '1.1' }) !== 'string';
  } catch {
    return false;
  }
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

function inScope(file: string, root: string): boolean {
  if (root === '') return true;
  const f = normalize(file);
  return f === root || f.startsWith(`${root}/`);
}

function isCandidate(file: string): boolean {
  const base = file.split('/').pop() ?? '';
  return base.endsWith('.yaml') || base.endsWith('.yml') || base === 'Kustomization';
}

/** fieldmeta's shorthand: the comment (after leading `#`s) is a JSON object of strings. */
function markerOf(comment: string | null | undefined): string | undefined {
  if (!comment) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(comment.replace(/^#+/, ''));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  if (!Object.values(parsed).every((v) => typeof v === 'string')) return undefined;
  const name = (parsed as Record<string, string>)['$imagepolicy'];
  return name ? name : undefined;
}

/**
 * How kyaml writes the new value: the node keeps its style and the tag go-yaml resolved from the
 * old value; `FormatNonStringStyle` double-quotes a value YAML 1.1 reads as a non-string (not on
 * a null-tagged node); go-yaml then prints the kept tag when a plain value no longer resolves to
 * it (`1.0` → `!!float v2`, a Flux quirk reproduced here on purpose).
 */
function render(node: Scalar, value: string): string {
  const quoteDouble = () => JSON.stringify(value);
  const nonString = isNonString(value);
  if (node.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (node.type === 'QUOTE_DOUBLE') return quoteDouble();
  if (node.type === 'PLAIN') {
    const explicitTag = node.tag !== undefined;
    const oldTag = explicitTag ? 'str' : goYamlResolve(node.source ?? '');
    if (nonString && oldTag !== 'null') return quoteDouble();
    if (value === '' && !explicitTag && oldTag !== 'str' && oldTag !== 'null') return `!!${oldTag}`;
    const plain =
      value !== '' &&
      /^[^\s!&*?|>'"%@`#,[\]{}-][^\n]*$/.test(value) &&
      !/(: |: *$| #)/.test(value) &&
      !/\s$/.test(value);
    const written = plain ? value : quoteDouble();
    if (!explicitTag && oldTag !== 'str' && plain && goYamlResolve(value) !== oldTag) return `!!${oldTag} ${written}`;
    return written;
  }
  return quoteDouble();
}

/** The setter values of the in-scope policies (`defs` in UpdateWithSetters). */
function setterValues(policies: readonly PolicyRef[], namespace: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const policy of policies) {
    const ns = policy.namespace ?? namespace;
    if (ns !== namespace || !policy.latestRef) continue;
    const { name, tag, digest } = policy.latestRef;
    const base = `${ns}:${policy.name}`;
    values.set(base, `${name}:${tag}${digest ? `@${digest}` : ''}`);
    values.set(`${base}:tag`, tag);
    values.set(`${base}:name`, name);
    values.set(`${base}:digest`, digest ?? '');
  }
  return values;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Applies the image policies' setters to `files` (path → YAML text) as Flux's `Setters`
 * strategy would, returning only the rewritten files and the recorded changes.
 * @throws ValidationError (from `@sugarkube/core`) for arguments of the wrong shape
 */
export function applySetters(
  files: Readonly<Record<string, string>> | ReadonlyMap<string, string>,
  policies: readonly PolicyRef[],
  options: ApplySettersOptions,
): ApplySettersResult {
  checkArguments('applySetters arguments', [
    [['files'], filesSchema, files],
    [['policies'], policiesSchema, policies],
    [['options'], applySettersOptionsSchema, options],
  ]);
  const values = setterValues(policies, options.namespace);
  const root = normalize(options.path ?? '');
  const entries = (files instanceof Map ? [...files.entries()] : Object.entries(files)) as [string, string][];
  const out: { path: string; content: string }[] = [];
  const changes: SetterChange[] = [];
  const problemFiles: string[] = [];
  for (const [path, text] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!inScope(path, root) || !isCandidate(path) || !text.includes(TOKEN)) continue;
    // go-yaml builds a node tree without complaining about duplicate keys; so must we.
    const docs = parseAllDocuments(text, { uniqueKeys: false });
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.some((d) => d.errors.length > 0)) {
      problemFiles.push(path);
      continue;
    }
    const edits: { start: number; end: number; text: string }[] = [];
    for (const doc of list) {
      const meta = (() => {
        try {
          const js = doc.toJS() as Record<string, unknown> | null;
          const m = (js?.metadata ?? {}) as Record<string, unknown>;
          return {
            apiVersion: str(js?.apiVersion),
            kind: str(js?.kind),
            name: str(m.name),
            namespace: str(m.namespace),
          };
        } catch {
          return { apiVersion: '', kind: '', name: '', namespace: '' };
        }
      })();
      // filter.go `accept`: every scalar value, depth first. kyaml's VisitFields looks each key up
      // again by name, so only the first of duplicate keys is ever visited.
      const walk = (node: unknown): void => {
        if (isMap(node)) {
          const seen = new Set<string>();
          for (const pair of node.items) {
            if (!isPair(pair)) continue;
            const key = isScalar(pair.key) ? (pair.key.source ?? String(pair.key.value)) : String(pair.key);
            if (seen.has(key)) continue;
            seen.add(key);
            walk(pair.value);
          }
        } else if (isSeq(node)) {
          // A comment line above a sequence item is its head comment in go-yaml (the yaml library
          // files the first one under the sequence).
          node.items.forEach((item, i) =>
            isScalar(item)
              ? visitScalar(item, item.commentBefore ?? (i === 0 ? node.commentBefore : undefined))
              : walk(item),
          );
        } else if (isScalar(node)) visitScalar(node);
      };
      // fieldmeta.Read: the line comment if there is one, else the head comment.
      const visitScalar = (node: Scalar, head?: string | null): void => {
        if (!node.range) return;
        const setter = markerOf(node.comment ? node.comment : head);
        if (setter === undefined) return;
        const next = values.get(setter);
        if (next === undefined) return;
        const oldValue = node.source ?? String(node.value ?? '');
        if (oldValue === next) return;
        edits.push({ start: node.range[0], end: node.range[1], text: render(node, next) });
        changes.push({ file: path, object: meta, setter, oldValue, newValue: next });
      };
      walk(doc.contents as Node | null);
    }
    if (edits.length === 0) continue;
    let content = text;
    for (const edit of edits.sort((a, b) => b.start - a.start))
      content = content.slice(0, edit.start) + edit.text + content.slice(edit.end);
    // kyaml writes a changed file back without a leading document marker.
    if (content.startsWith('---\n')) content = content.slice(4);
    out.push({ path, content });
  }
  return { files: out, changes, problemFiles };
}
