import './scripts/node20-polyfills.mjs';
import { defineConfig } from 'vitest/config';

// Browser tests: one real headless Chromium per file, run one file at a time (two cores).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
