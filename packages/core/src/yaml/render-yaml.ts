import { commentLines } from '../files/generated-header.js';
import { orderKeys, type KeyOrder } from './sort-keys.js';
import { emitYaml } from './yaml-emitter.js';

/** Options for `renderYaml`. */
export interface RenderYamlOptions {
  /**
   * Comment text written first, one `# ` line per line (e.g. `generatedHeader(…)`).
   * @default - no header
   */
  readonly header?: string;
  /**
   * Key order of every document.
   * @default 'kubernetes'
   */
  readonly keyOrder?: KeyOrder;
}

/**
 * The one YAML renderer of the project: documents separated by `---`, a header,
 * deterministic key order, YAML 1.1-safe scalars, literal blocks for multi-line
 * strings and trailing comments from `commented()`.
 */
export function renderYaml(documents: readonly unknown[], options: RenderYamlOptions = {}): string {
  const header = options.header === undefined ? '' : commentLines(options.header, '#');
  const order = options.keyOrder ?? 'kubernetes';
  return header + documents.map((d) => emitYaml(orderKeys(d, order))).join('---\n');
}
