import { checkArguments } from '@sugarkube/core';
import { objectIdentity } from '../validate/arguments.js';

/** A Kubernetes object as plain data: what planning returns and rendering writes. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
    readonly [key: string]: unknown;
  };
  readonly [key: string]: unknown;
}

/** `Kind/name` (plus namespace when set): the identity used in messages and overlays. */
export function objectId(object: KubeObject): string {
  checkArguments('objectId argument', [[[], objectIdentity, object]]);
  return `${object.kind}/${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name}`;
}
