// The dependsOn order printed by synth must not change when the algorithm gets faster: the
// linear implementation is checked against the previous, quadratic one (kept here as the oracle)
// on random graphs, duplicates, self-loops, unknown and repeated dependencies included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topologicalOrder, type Node } from '../src/verify/validate-cluster-tree.js';

/** The implementation before issue 16: rounds of ready names, each removed from every remaining set. */
function oracle(nodes: readonly Node[]): { order: string[]; cyclic: string[] } {
  const remaining = new Map(
    nodes.map((n) => [n.name, new Set(n.dependsOn.filter((d) => nodes.some((m) => m.name === d)))]),
  );
  const order: string[] = [];
  for (;;) {
    const ready = [...remaining]
      .filter(([, deps]) => deps.size === 0)
      .map(([name]) => name)
      .sort();
    if (ready.length === 0) break;
    for (const name of ready) {
      order.push(name);
      remaining.delete(name);
      for (const deps of remaining.values()) deps.delete(name);
    }
  }
  return { order, cyclic: [...remaining.keys()].sort() };
}

const name = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'flux-system/infra', 'flux-system/app-x');
const graph = fc.array(
  fc.record({
    name,
    file: fc.constant('f.yaml'),
    dependsOn: fc.array(fc.oneof(name, fc.constant('missing')), { maxLength: 4 }),
  }),
  {
    maxLength: 12,
  },
);

describe('topologicalOrder', () => {
  it('gives exactly the order and cycle of the previous implementation', () => {
    fc.assert(
      fc.property(graph, (nodes) => {
        expect(topologicalOrder(nodes)).toEqual(oracle(nodes));
      }),
      { numRuns: 2000 },
    );
  });

  it('orders by rounds, names sorted within a round, and reports what sits on a cycle', () => {
    const nodes: Node[] = [
      { name: 'apps', file: 'a', dependsOn: ['configs'] },
      { name: 'configs', file: 'c', dependsOn: ['controllers'] },
      { name: 'controllers', file: 'k', dependsOn: [] },
      { name: 'images', file: 'i', dependsOn: ['controllers', 'nowhere'] },
      { name: 'x', file: 'x', dependsOn: ['y'] },
      { name: 'y', file: 'y', dependsOn: ['x'] },
    ];
    expect(topologicalOrder(nodes)).toEqual({
      order: ['controllers', 'configs', 'images', 'apps'],
      cyclic: ['x', 'y'],
    });
  });
});
