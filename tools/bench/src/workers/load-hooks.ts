// Preloaded with `node --import` in the import-time probe: records every module Node loads
// (ESM and CommonJS alike: module.registerHooks runs in the loading thread for both), and on exit
// prints one line to stderr: `@@loaded {"modules":N,"packages":[…]}`, the npm packages among them.
// Only the detection run uses it: the hooks cost time, so timed runs go without.
import { registerHooks } from 'node:module';

const loaded = new Set<string>();
registerHooks({
  load(url, context, next) {
    loaded.add(url);
    return next(url, context);
  },
});
process.on('exit', () => {
  const packages = new Set<string>();
  for (const url of loaded) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (m) packages.add(m[1]!);
  }
  process.stderr.write(`\n@@loaded ${JSON.stringify({ modules: loaded.size, packages: [...packages].sort() })}\n`);
});
