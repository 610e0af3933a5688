#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// Node keeps the compiled code of every module loaded after this line (in the OS temp
// directory, or NODE_COMPILE_CACHE): each later run skips parsing and compiling them
// (docs/benchmarks.md (a), "compile cache warm"). Hence the dynamic import below.
enableCompileCache();
const { main } = await import('./cli.js');

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
