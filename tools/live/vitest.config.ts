import { defineConfig } from 'vitest/config';

// Real processes on a shared 2-core machine: starting the cluster alone takes tens of seconds,
// and one git or kubectl call can take several. Test files run one at a time so the live
// cluster never competes with another file's processes.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 300_000, fileParallelism: false },
});
