import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  patchStrategiesPath,
  patchStrategiesSource,
  readPatchStrategyInputs,
} from '../scripts/generate-patch-strategies.js';
import { patchDefinitions, patchKinds, patchStrategySources } from '../src/plan/patch-strategies.js';

describe('the strategic-merge table', () => {
  it('is what the generator makes of the pinned OpenAPI documents (fails on drift: regenerate with `node packages/manifests/scripts/generate-patch-strategies.ts`)', () => {
    const { kubernetes, kustomize, versions } = readPatchStrategyInputs();
    expect(readFileSync(patchStrategiesPath, 'utf8')).toBe(patchStrategiesSource(kubernetes, kustomize, versions));
    expect(patchStrategySources).toEqual(versions);
  });

  it('holds the merge keys of the Kubernetes schema', () => {
    expect(patchKinds['apps/v1/Deployment']).toBe('apps.v1.Deployment');
    expect(patchDefinitions['core.v1.PodSpec']).toMatchObject({
      containers: { type: 'core.v1.Container', keys: ['name'] },
      volumes: { keys: ['name'] },
      imagePullSecrets: { keys: ['name'] },
      topologySpreadConstraints: { keys: ['topologyKey', 'whenUnsatisfiable'] },
    });
    expect(patchDefinitions['core.v1.Container']).toEqual({
      env: { keys: ['name'] },
      ports: { keys: ['containerPort', 'protocol'] },
      volumeDevices: { keys: ['devicePath'] },
      volumeMounts: { keys: ['mountPath'] },
    });
    expect(patchDefinitions['core.v1.ServiceSpec']).toEqual({ ports: { keys: ['port', 'protocol'] } });
    expect(patchDefinitions['meta.v1.ObjectMeta']).toEqual({
      finalizers: { keys: [] },
      ownerReferences: { keys: ['uid'] },
    });
  });

  it('leaves out what kustomize does not know, so merges match what Flux applies', () => {
    const kubernetes = readPatchStrategyInputs().kubernetes.definitions;
    expect(kubernetes['io.k8s.api.core.v1.PodSpec']?.properties?.schedulingGates?.['x-kubernetes-patch-strategy']).toBe(
      'merge',
    );
    expect(patchDefinitions['core.v1.PodSpec']!.schedulingGates).toBeUndefined();
    expect(patchDefinitions['core.v1.PodSpec']!.resourceClaims).toBeUndefined();
    expect(patchKinds['autoscaling/v2/HorizontalPodAutoscaler']).toBeUndefined();
    expect(patchKinds['autoscaling/v1/HorizontalPodAutoscaler']).toBe('autoscaling.v1.HorizontalPodAutoscaler');
    expect(patchKinds['gateway.networking.k8s.io/v1/HTTPRoute']).toBeUndefined();
  });
});
