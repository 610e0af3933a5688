import { defineApp, renderAppTree } from '@sugarkube/manifests';
import { keyOf, namedValue, suffixUnderKey, underKey, type Probe } from './read-back.js';
import { forKustomize, kustomizeDirs, type RoundTrip } from './round-trip.js';

/** What one app-tree round trip writes: free strings, label values, ConfigMap keys, an image tag. */
export interface AppTreeStrings {
  readonly values: readonly string[];
  readonly labelValues: readonly string[];
  readonly keys: readonly string[];
  readonly tag: string;
}

const repository = 'ghcr.io/acme/rt';

/**
 * An app whose descriptor carries the strings in every place a user's text reaches the app tree:
 * env values (the service's, and an environment's, which lands in an overlay patch), ConfigMap
 * data and keys, the labels, annotations and data of an extra object, and the image tag
 * (the overlay's `images[].newTag`). Staging is built with kubectl kustomize.
 */
export function appTreeTrip(s: AppTreeStrings): RoundTrip {
  const files = appTreeFiles(s);
  const common: Probe[] = [
    ...s.values.flatMap((value, i): Probe[] => [
      { what: `env RT_${i}`, value, find: namedValue(`RT_${i}`) },
      { what: `staging env RT_STAGING_${i}`, value, find: namedValue(`RT_STAGING_${i}`) },
      { what: `ConfigMap rt-data key rt.data.${i}`, value, find: underKey(`rt.data.${i}`) },
      { what: `extra object annotation rt.example.org/a${i}`, value, find: underKey(`rt.example.org/a${i}`) },
      { what: `extra object data rt.extra.${i}`, value, find: underKey(`rt.extra.${i}`) },
    ]),
    ...s.labelValues.map((value, i) => ({
      what: `extra object label rt.example.org/l${i}`,
      value,
      find: underKey(`rt.example.org/l${i}`),
    })),
    ...s.keys.map((value, i) => ({
      what: `ConfigMap rt-keys key of rt-key-${i}`,
      value,
      isKey: true,
      find: keyOf(`rt-key-${i}`),
    })),
  ];
  return {
    path: 'app tree (renderAppTree)',
    files,
    probes: [...common, { what: 'image tag (overlay images[].newTag)', value: s.tag, find: underKey('newTag') }],
    kustomize: {
      build: () => kustomizeDirs(appTreeFiles(forKustomize(s)), ['rt/overlays/staging']),
      probes: [
        ...common,
        { what: 'image tag (container image)', value: s.tag, find: suffixUnderKey('image', `${repository}:`) },
      ],
    },
  };
}

function appTreeFiles(s: AppTreeStrings) {
  const app = defineApp({
    name: 'rt',
    services: [
      {
        name: 'web',
        runtime: 'node',
        build: { command: ['node', 'server.js'] },
        image: { repository, tag: s.tag },
        port: 8080,
        env: Object.fromEntries(s.values.map((v, i) => [`RT_${i}`, v])),
      },
    ],
    configMaps: {
      'rt-data': Object.fromEntries(s.values.map((v, i) => [`rt.data.${i}`, v])),
      'rt-keys': Object.fromEntries(s.keys.map((k, i) => [k, `rt-key-${i}`])),
    },
    environments: {
      staging: {
        env: Object.fromEntries(s.values.map((v, i) => [`RT_STAGING_${i}`, v])),
        extraObjects: [
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: {
              name: 'rt-extra',
              labels: Object.fromEntries(s.labelValues.map((v, i) => [`rt.example.org/l${i}`, v])),
              annotations: Object.fromEntries(s.values.map((v, i) => [`rt.example.org/a${i}`, v])),
            },
            data: Object.fromEntries(s.values.map((v, i) => [`rt.extra.${i}`, v])),
          },
        ],
      },
      prod: {},
    },
  });
  return renderAppTree(app);
}
