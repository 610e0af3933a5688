import type { DeepReadonly } from '../command.js';
import type { Styler } from '../output/style.js';
import type { EnvironmentStatus, FluxObjectStatus, ImagePolicyStatus } from '../reports/status-report.js';

type Cell = { readonly text: string; readonly colour?: 'green' | 'red' | 'yellow' };

/** Columns padded to their widest cell, two spaces apart, indented; the last column is not padded. */
function table(header: readonly string[], rows: readonly (readonly Cell[])[], style: Styler): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.text.length ?? 0)));
  const line = (cells: readonly Cell[]) =>
    `  ${cells
      .map((c, i) => {
        const text = i === cells.length - 1 ? c.text : c.text.padEnd(widths[i]!);
        return c.colour ? style(c.colour, text) : text;
      })
      .join('  ')}`.trimEnd() + '\n';
  return line(header.map((text) => ({ text }))) + rows.map(line).join('');
}

const readyCell = (status: string, suspended = false): Cell =>
  suspended
    ? { text: 'Suspended', colour: 'yellow' }
    : { text: status, colour: status === 'True' ? 'green' : status === 'False' ? 'red' : 'yellow' };

function fluxRows(list: readonly DeepReadonly<FluxObjectStatus>[]): Cell[][] {
  return list.map((o) => [
    { text: `${o.namespace}/${o.name}` },
    readyCell(o.ready.status, o.suspended),
    { text: [o.ready.reason, o.stale && '(spec not yet reconciled)'].filter(Boolean).join(' ') || '-' },
    { text: o.revision ?? '-' },
  ]);
}

const stateColour = { current: 'green', behind: 'red', 'not-running': 'red', unresolved: 'yellow' } as const;

function policyRows(list: readonly DeepReadonly<ImagePolicyStatus>[]): Cell[][] {
  return list.map((p) => [
    { text: `${p.namespace}/${p.name}` },
    readyCell(p.ready.status),
    { text: p.latestTag ?? '-' },
    {
      text:
        p.running
          .map((r) => `${r.namespace}/${r.deployment}=${r.tag ?? ''}${r.digest ? `@${r.digest}` : ''}`)
          .join(', ') || '-',
    },
    { text: p.state, colour: stateColour[p.state] },
  ]);
}

/**
 * The text `sugarkube status` prints: per environment (kube context) its API server, then a table
 * of Kustomizations, HelmReleases, image policies and nodes (each left out when empty), then one
 * line that says whether the environment is ready. What is not ready is printed on stderr, by the CLI.
 */
export function renderStatus(environments: readonly DeepReadonly<EnvironmentStatus>[], style: Styler): string {
  return environments
    .map((e) => {
      const head = `${style('bold', e.name)}  ${e.server}\n`;
      if (e.error !== undefined) return `${head}  ${style('red', 'unreachable')}: ${e.error}\n`;
      const sections = [
        e.kustomizations.length > 0 &&
          table(['KUSTOMIZATION', 'READY', 'REASON', 'REVISION'], fluxRows(e.kustomizations), style),
        e.helmReleases.length > 0 &&
          table(['HELMRELEASE', 'READY', 'REASON', 'REVISION'], fluxRows(e.helmReleases), style),
        e.imagePolicies.length > 0 &&
          table(['IMAGEPOLICY', 'READY', 'LATEST', 'RUNNING', 'STATE'], policyRows(e.imagePolicies), style),
        e.nodes.length > 0 &&
          table(
            ['NODE', 'READY', 'ARCH', 'CPU', 'MEMORY'],
            e.nodes.map((n) => [
              { text: `${n.name}${n.unschedulable ? ' (cordoned)' : ''}` },
              readyCell(n.ready),
              { text: n.arch ?? '-' },
              { text: n.cpu ?? '-' },
              { text: n.memory ?? '-' },
            ]),
            style,
          ),
      ].filter((s): s is string => typeof s === 'string');
      const verdict =
        e.notReady.length === 0
          ? `  ${style('green', 'ready')}\n`
          : `  ${style('red', `${e.notReady.length} not ready`)} (listed below)\n`;
      return head + sections.join('') + verdict;
    })
    .join('\n');
}
