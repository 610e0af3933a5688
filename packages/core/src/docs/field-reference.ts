/** A JSON Schema node, as far as the reference reads it. */
interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly items?: SchemaNode;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly propertyNames?: SchemaNode;
  readonly title?: string;
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, SchemaNode>>;
}

interface Row {
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
}

// Pipes end a cell; angle brackets would be read as HTML (`<app>/dist` would vanish).
const escapeCell = (text: string) =>
  text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n+/g, ' ').trim();

function resolveRef(node: SchemaNode, root: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const name = node.$ref.replace(/^#\/(\$defs|definitions)\//, '');
  return root.$defs?.[name] ?? node;
}

function typeOf(node: SchemaNode, root: SchemaNode): string {
  const n = resolveRef(node, root);
  if (n.const !== undefined) return JSON.stringify(n.const);
  if (n.enum) return n.enum.map((v) => JSON.stringify(v)).join(' | ');
  const variants = n.anyOf ?? n.oneOf;
  if (variants) return [...new Set(variants.map((v) => typeOf(v, root)))].join(' | ');
  if (n.type === 'array') return `list of ${n.items ? typeOf(n.items, root) : 'values'}`;
  if (n.type === 'object' && !n.properties && typeof n.additionalProperties === 'object')
    return `map of ${typeOf(n.additionalProperties, root)}`;
  if (n.type === 'integer' && n.minimum !== undefined && n.maximum !== undefined)
    return `integer ${n.minimum}-${n.maximum}`;
  if (Array.isArray(n.type)) return n.type.join(' | ');
  return typeof n.type === 'string' ? n.type : 'any';
}

/** A map's key in a path: `<name>`, or `<environment>` when the key schema has that title. */
function keyPlaceholder(node: SchemaNode, root: SchemaNode): string {
  const title = node.propertyNames ? resolveRef(node.propertyNames, root).title : undefined;
  return `<${title ?? 'name'}>`;
}

/** The object schemas below a node (through lists, maps and unions), with the path suffix each adds. */
function children(node: SchemaNode, root: SchemaNode): { suffix: string; node: SchemaNode }[] {
  const n = resolveRef(node, root);
  if (n.properties) return [{ suffix: '', node: n }];
  if (n.type === 'array' && n.items) return children(n.items, root).map((c) => ({ ...c, suffix: `[]${c.suffix}` }));
  if (typeof n.additionalProperties === 'object') {
    const key = keyPlaceholder(n, root);
    return children(n.additionalProperties, root).map((c) => ({ ...c, suffix: `.${key}${c.suffix}` }));
  }
  return (n.anyOf ?? n.oneOf ?? []).flatMap((v) => children(v, root));
}

function walk(node: SchemaNode, root: SchemaNode, prefix: string, rows: Row[], depth: number): void {
  const n = resolveRef(node, root);
  for (const [key, child] of Object.entries(n.properties ?? {})) {
    if (key === '$schema') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const target = resolveRef(child, root);
    rows.push({
      path,
      type: typeOf(child, root),
      required: (n.required ?? []).includes(key),
      description: target.description ?? child.description ?? '',
    });
    if (depth < 8) for (const c of children(child, root)) walk(c.node, root, `${path}${c.suffix}`, rows, depth + 1);
  }
}

/**
 * A Markdown field reference from a JSON Schema (the one the package generates from its zod
 * schema): one row per field, with its path, type, whether it is required, and its description.
 * Pure; the docs are regenerated from it and a test fails when they drift.
 */
export function fieldReference(
  schema: unknown,
  options: { readonly title: string; readonly intro: string; readonly command: string },
): string {
  const root = schema as SchemaNode;
  const rows: Row[] = [];
  // A root that is a map (the pins file: environment → app → …) starts at its values.
  for (const c of children(root, root)) walk(c.node, root, c.suffix.replace(/^\./, ''), rows, 0);
  const seen = new Set<string>();
  const unique = rows.filter((r) => (seen.has(r.path) ? false : (seen.add(r.path), true)));
  return [
    `<!-- Generated from the schema by \`${options.command}\`. Do not edit. -->`,
    `# ${options.title}`,
    '',
    options.intro,
    '',
    '| field | type | required | description |',
    '| --- | --- | --- | --- |',
    ...unique.map(
      (r) => `| \`${r.path}\` | ${escapeCell(r.type)} | ${r.required ? 'yes' : ''} | ${escapeCell(r.description)} |`,
    ),
    '',
  ].join('\n');
}
