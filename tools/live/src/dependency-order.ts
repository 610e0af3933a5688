/** A Flux object that can wait for others (`spec.dependsOn`): a Kustomization or a HelmRelease. */
export interface FluxDependent {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** `spec.dependsOn`; a missing namespace is the object's own (Flux's rule). */
  readonly dependsOn: readonly { readonly name: string; readonly namespace?: string }[];
}

/** One `dependsOn` edge and when each end was first seen Ready. */
export interface DependencyEdge {
  /** `Kind namespace/name` of the object that waits. */
  readonly dependent: string;
  /** `Kind namespace/name` of the object waited for (the same kind). */
  readonly dependency: string;
  readonly dependencyReadyAt?: number;
  readonly dependentReadyAt?: number;
  /** The dependency was Ready no later than the dependent. */
  readonly inOrder: boolean;
}

/** `Kind namespace/name`, the key of `readyAt`. */
export const fluxObjectId = (kind: string, namespace: string, name: string) => `${kind} ${namespace}/${name}`;

/**
 * Every `dependsOn` edge of `objects` with the times (`readyAt`, any clock) at which each end was
 * first seen Ready. An edge is in order when both ends became Ready and the dependency did not
 * after the dependent. A dependency that is not among `objects` is named with no time (and is out
 * of order). Pure.
 */
export function dependencyEdges(
  objects: readonly FluxDependent[],
  readyAt: ReadonlyMap<string, number>,
): DependencyEdge[] {
  return objects.flatMap((o) =>
    o.dependsOn.map((d) => {
      const dependent = fluxObjectId(o.kind, o.namespace, o.name);
      const dependency = fluxObjectId(o.kind, d.namespace ?? o.namespace, d.name);
      const dependencyReadyAt = readyAt.get(dependency);
      const dependentReadyAt = readyAt.get(dependent);
      return {
        dependent,
        dependency,
        ...(dependencyReadyAt === undefined ? {} : { dependencyReadyAt }),
        ...(dependentReadyAt === undefined ? {} : { dependentReadyAt }),
        inOrder:
          dependencyReadyAt !== undefined && dependentReadyAt !== undefined && dependencyReadyAt <= dependentReadyAt,
      };
    }),
  );
}
