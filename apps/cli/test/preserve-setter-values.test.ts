import { expect, it } from 'vitest';
import { preserveSetterValues } from '../src/render/preserve-setter-values.js';

const generated = [
  'images:',
  '  - name: ghcr.io/acme/hello',
  '    newTag: edge # {"$imagepolicy": "flux-system:hello-web:tag"}',
  '  - name: ghcr.io/acme/other',
  '    newTag: v1.2.3',
  'values:',
  '  image:',
  '    tag: edge # {"$imagepolicy": "flux-system:legacy-web:tag"}',
  '',
].join('\n');

it('keeps the tags automation committed on marked lines, and only there', () => {
  const onDisk = generated
    .replace(
      'newTag: edge # {"$imagepolicy": "flux-system:hello-web:tag"}',
      'newTag: main-1700000500-abc1234 # {"$imagepolicy": "flux-system:hello-web:tag"}',
    )
    .replace('newTag: v1.2.3', 'newTag: v0.0.1')
    .replace(
      'tag: edge # {"$imagepolicy": "flux-system:legacy-web:tag"}',
      'tag: main-1700000900-def5678 # {"$imagepolicy": "flux-system:legacy-web:tag"}',
    );
  expect(preserveSetterValues(generated, onDisk)).toBe(
    generated
      .replace('newTag: edge #', 'newTag: main-1700000500-abc1234 #')
      .replace(
        'tag: edge # {"$imagepolicy": "flux-system:legacy-web:tag"}',
        'tag: main-1700000900-def5678 # {"$imagepolicy": "flux-system:legacy-web:tag"}',
      ),
  );
});

it('leaves the file as generated when nothing is on disk or the marker changed', () => {
  expect(preserveSetterValues(generated, undefined)).toBe(generated);
  const renamed = generated
    .replace('hello-web:tag', 'hello-api:tag')
    .replace(
      'newTag: edge # {"$imagepolicy": "flux-system:hello-api',
      'newTag: main-1-abc1234 # {"$imagepolicy": "flux-system:hello-api',
    );
  expect(preserveSetterValues(generated, renamed)).toBe(generated);
});
