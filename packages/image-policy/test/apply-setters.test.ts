// Fixtures and expected results from fluxcd/image-automation-controller
// internal/update/update_test.go (TestUpdateWithSetters) and internal/update/testdata/setters/.
import { describe, expect, it } from 'vitest';
import { applySetters, type PolicyRef } from '../src/index.js';

const digest = 'sha256:6745aaad46d795c9836632e1fb62f24b7e7f4c843144da8e47a5465c411a14be';
// testutil.ImageToRef: "name:tag[@digest]" split into the ImageRef fields.
const policies: PolicyRef[] = [
  { namespace: 'automation-ns', name: 'policy', latestRef: { name: 'index.repo.fake/updated', tag: 'v1.0.1' } },
  { namespace: 'automation-ns', name: 'unchanged', latestRef: { name: 'image', tag: 'v1.0.0' } },
  { namespace: 'automation-ns', name: 'policy-with-digest', latestRef: { name: 'image', tag: 'v1.0.0', digest } },
];

const original = {
  'marked.yaml': `---
apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: foo
  namespace: bar
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: c
            image: image:v1.0.0 # {"$imagepolicy": "automation-ns:policy"}
          - name: d
            image: image:v1.0.0 # {"$imagepolicy": "automation-ns:unchanged"}
`,
  'kustomization.yml': `# This is not intended to be a working kustomization
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - unimportant.yaml
images:
  - name: container
    newName: replaced # {"$imagepolicy": "automation-ns:policy:name"}
    newTag: v1 # {"$imagepolicy": "automation-ns:policy:tag"}
    newDigest: sha256:1234567890abcdef # {"$imagepolicy": "automation-ns:policy-with-digest:digest"}
# Prove fix for https://github.com/fluxcd/flux2/issues/3284
patches:
  - patch: |
      - op: replace
        path: /spec/template/spec/containers/0/volumeMounts
        value:
          - mountPath: /usr/share/wildfly/wildfly/standalone/configuration/appConfigMaps/WF
            name: wf-config
    target:
      group: apps
      version: v1
      kind: Deployment
      name: sxxxxdadminservice
      image: image # {"$imagepolicy": "automation-ns:policy-with-digest"}
`,
  Kustomization: `# This is not intended to be a working kustomization
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - irrelevant.yaml
images:
  - name: container
    newName: replaced # {"$imagepolicy": "automation-ns:policy:name"}
    newTag: v1 # {"$imagepolicy": "automation-ns:policy:tag"}
`,
  'otherns.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: foo
  namespace: bar
spec:
  template:
    spec:
      containers:
      - name: c
        image: user:v1.0.0 # {"$imagepolicy": "other-namespace:policy"}
`,
  'unmarked.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: foo
spec:
  template:
    spec:
      containers:
      - name: c
        image: image:v1.0.0
`,
};

describe('TestUpdateWithSetters (internal/update/update_test.go)', () => {
  const result = applySetters(original, policies, { namespace: 'automation-ns' });

  it('rewrites only the files with an in-scope change, as testdata/setters/expected', () => {
    expect(result.files.map((f) => f.path)).toEqual(['Kustomization', 'kustomization.yml', 'marked.yaml']);
    const files = Object.fromEntries(result.files.map((f) => [f.path, f.content]));
    expect(files['marked.yaml']).toBe(
      original['marked.yaml']
        .replace('---\n', '')
        .replace(
          'image: image:v1.0.0 # {"$imagepolicy": "automation-ns:policy"}',
          'image: index.repo.fake/updated:v1.0.1 # {"$imagepolicy": "automation-ns:policy"}',
        ),
    );
    expect(files['kustomization.yml']).toBe(
      original['kustomization.yml']
        .replace('newName: replaced', 'newName: index.repo.fake/updated')
        .replace('newTag: v1 #', 'newTag: v1.0.1 #')
        .replace('newDigest: sha256:1234567890abcdef', `newDigest: ${digest}`)
        .replace('image: image #', `image: image:v1.0.0@${digest} #`),
    );
  });

  it('records the same changes, per file and object', () => {
    const kustomization = {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      name: '',
      namespace: '',
    };
    expect(result.changes).toEqual([
      {
        file: 'Kustomization',
        object: kustomization,
        setter: 'automation-ns:policy:name',
        oldValue: 'replaced',
        newValue: 'index.repo.fake/updated',
      },
      {
        file: 'Kustomization',
        object: kustomization,
        setter: 'automation-ns:policy:tag',
        oldValue: 'v1',
        newValue: 'v1.0.1',
      },
      {
        file: 'kustomization.yml',
        object: kustomization,
        setter: 'automation-ns:policy:name',
        oldValue: 'replaced',
        newValue: 'index.repo.fake/updated',
      },
      {
        file: 'kustomization.yml',
        object: kustomization,
        setter: 'automation-ns:policy:tag',
        oldValue: 'v1',
        newValue: 'v1.0.1',
      },
      {
        file: 'kustomization.yml',
        object: kustomization,
        setter: 'automation-ns:policy-with-digest:digest',
        oldValue: 'sha256:1234567890abcdef',
        newValue: digest,
      },
      {
        file: 'kustomization.yml',
        object: kustomization,
        setter: 'automation-ns:policy-with-digest',
        oldValue: 'image',
        newValue: `image:v1.0.0@${digest}`,
      },
      {
        file: 'marked.yaml',
        object: { apiVersion: 'batch/v1beta1', kind: 'CronJob', name: 'foo', namespace: 'bar' },
        setter: 'automation-ns:policy',
        oldValue: 'image:v1.0.0',
        newValue: 'index.repo.fake/updated:v1.0.1',
      },
    ]);
  });
});

describe('screening and scoping', () => {
  const marked = 'image: a:v1 # {"$imagepolicy": "flux-system:app:tag"}\n';
  const policy: PolicyRef[] = [{ name: 'app', latestRef: { name: 'ghcr.io/o/app', tag: 'main-1800000000-abcdef0' } }];

  it('reads .yaml, .yml and Kustomization files only, including hidden directories, under update.path', () => {
    const files = {
      'a/x.yaml': marked,
      'a/.hidden/y.yml': marked,
      'a/z.json': marked,
      'a/README.md': marked,
      'b/x.yaml': marked,
      'a/Kustomization': marked,
    };
    const result = applySetters(files, policy, { namespace: 'flux-system', path: './a' });
    expect(result.files.map((f) => f.path)).toEqual(['a/.hidden/y.yml', 'a/Kustomization', 'a/x.yaml']);
  });

  it('a policy without a namespace is in the automation namespace; other namespaces are out of scope', () => {
    expect(applySetters({ 'x.yaml': marked }, policy, { namespace: 'flux-system' }).changes).toHaveLength(1);
    expect(applySetters({ 'x.yaml': marked }, policy, { namespace: 'apps' }).files).toEqual([]);
    expect(
      applySetters({ 'x.yaml': marked }, [{ ...policy[0]!, namespace: 'apps' }], { namespace: 'flux-system' }).files,
    ).toEqual([]);
  });

  it('needs the quoted token, a JSON-object comment, and a latestRef', () => {
    expect(
      applySetters({ 'x.yaml': 'image: a:v1 # {$imagepolicy: flux-system:app:tag}\n' }, policy, {
        namespace: 'flux-system',
      }).files,
    ).toEqual([]);
    expect(
      applySetters({ 'x.yaml': 'image: a:v1 # {"$imagepolicy": "flux-system:app:tag"} trailing\n' }, policy, {
        namespace: 'flux-system',
      }).files,
    ).toEqual([]);
    expect(applySetters({ 'x.yaml': marked }, [{ name: 'app' }], { namespace: 'flux-system' }).files).toEqual([]);
  });

  it('skips a file that contains the token but does not parse', () => {
    const result = applySetters({ 'bad.yaml': `${marked}: : [\n` }, policy, { namespace: 'flux-system' });
    expect(result.files).toEqual([]);
    expect(result.problemFiles).toEqual(['bad.yaml']);
  });

  it('quotes values YAML 1.1 reads as non-strings, keeps quoting styles, keeps comments and layout', () => {
    const text = `# head\nimages:\n  - name: x   # keep\n    newTag:   'v0' # {"$imagepolicy": "flux-system:num:tag"}\n    other: "v0" # {"$imagepolicy": "flux-system:num:tag"}\n    plain: v0 # {"$imagepolicy": "flux-system:num:tag"}\n`;
    const result = applySetters({ 'k.yaml': text }, [{ name: 'num', latestRef: { name: 'r', tag: '1.10' } }], {
      namespace: 'flux-system',
    });
    expect(result.files[0]!.content).toBe(
      `# head\nimages:\n  - name: x   # keep\n    newTag:   '1.10' # {"$imagepolicy": "flux-system:num:tag"}\n    other: "1.10" # {"$imagepolicy": "flux-system:num:tag"}\n    plain: "1.10" # {"$imagepolicy": "flux-system:num:tag"}\n`,
    );
  });

  it('a :digest marker on a policy without a reflected digest writes the empty string, as Flux does', () => {
    const result = applySetters(
      { 'k.yaml': 'digest: sha256:abc # {"$imagepolicy": "flux-system:app:digest"}\n' },
      policy,
      { namespace: 'flux-system' },
    );
    expect(result.files[0]!.content).toBe('digest: "" # {"$imagepolicy": "flux-system:app:digest"}\n');
  });
});
