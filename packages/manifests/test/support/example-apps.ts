import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { AppDescriptor } from '../../src/index.js';

const examples = new URL('../../../../examples/', import.meta.url);
const read = (name: string) =>
  parse(readFileSync(new URL(`${name}/sugarkube.yaml`, examples), 'utf8')) as AppDescriptor;

/**
 * The four real apps' descriptors as their (example) app repos have them: the fixtures the
 * tests plan and render. The examples own them; this package only reads them.
 */
export const exampleApps = {
  tokenplace: read('tokenplace'),
  dspace: read('dspace'),
  danielsmith: read('danielsmith'),
  jobbot3000: read('jobbot3000'),
} as const;
