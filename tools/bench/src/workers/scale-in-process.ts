// Child process of scenario (b), in process: the synth pipeline for n generated apps, as the CLI
// runs it (validate the definition and pins, synthesize, check the tree, write it atomically),
// timed from here. Prints one JSON line: phase times (ms), files, peak RSS (MiB).
// Usage: node dist/workers/scale-in-process.js N OUT_DIR
import { writeTree } from '@sugarkube/cli';
import { parseClusterDefinition, synthesizeClusterTree, validateClusterTree } from '@sugarkube/cluster';
import { generatedCluster, generatedPins } from '../fixtures/generated-apps.js';

const n = Number(process.argv[2]);
const out = process.argv[3];
if (!Number.isInteger(n) || n < 1 || !out) throw new Error('usage: scale-in-process.js N OUT_DIR');

const definition = generatedCluster(n);
const pins = generatedPins(n);
const t0 = performance.now();
const parsed = parseClusterDefinition(definition, pins);
if (!parsed.value) throw new Error(`generated cluster is invalid:\n${parsed.errors.map((e) => e.message).join('\n')}`);
const t1 = performance.now();
const files = synthesizeClusterTree(parsed.value);
const t2 = performance.now();
const checked = validateClusterTree(files);
if (checked.problems.length > 0)
  throw new Error(`generated tree has problems: ${JSON.stringify(checked.problems.slice(0, 3))}`);
const t3 = performance.now();
await writeTree(out, files, { force: false });
const t4 = performance.now();
console.log(
  JSON.stringify({
    pipelineMs: t4 - t0,
    validateDefinitionMs: t1 - t0,
    synthesizeMs: t2 - t1,
    checkTreeMs: t3 - t2,
    writeMs: t4 - t3,
    files: files.length,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
