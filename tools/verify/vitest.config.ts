import { defineConfig } from 'vitest/config';

// The verifiers are real processes (kubeconform, check-jsonschema, zizmor…); on a loaded
// 2-core CI machine one call can take several seconds.
export default defineConfig({
  test: { testTimeout: 60_000 },
});
