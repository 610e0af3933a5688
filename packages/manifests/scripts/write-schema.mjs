// Writes dist/sugarkube.schema.json from the compiled zod schema (run after tsc by the build task).
import { writeFileSync } from 'node:fs';
import { appJsonSchema } from '../dist/index.js';

const target = new URL('../dist/sugarkube.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(appJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
