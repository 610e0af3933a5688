#!/usr/bin/env node
// Prints the top frames of `node --cpu-prof` profiles, by self and by total time.
// Usage: node tools/bench/dist/top-frames-cli.js FILE.cpuprofile [COUNT]
import { readFileSync } from 'node:fs';
import { topFrames, type CpuProfile } from './profile/top-frames.js';

const [file, count] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node tools/bench/dist/top-frames-cli.js FILE.cpuprofile [COUNT]\n');
  process.exit(2);
}
const { self, total, byPackage, busyMs } = topFrames(
  JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
  Number(count ?? 15),
);
const line = (f: { frame: string; ms: number; share: number }) =>
  `${f.ms.toFixed(0).padStart(7)} ms ${(100 * f.share).toFixed(1).padStart(5)} %  ${f.frame}`;
process.stdout.write(
  `busy ${busyMs.toFixed(0)} ms\n\nself time by package:\n${byPackage.map(line).join('\n')}\n\n` +
    `self:\n${self.map(line).join('\n')}\n\ntotal:\n${total.map(line).join('\n')}\n`,
);
