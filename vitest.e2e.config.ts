import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension (.output/chrome-mv3) in real Chromium.
// One browser at a time: the CI machine has two cores.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // A real browser on a busy two-core machine: a poll waits for what a rep would wait for, not one second.
    expect: { poll: { timeout: 10_000 } },
  },
});
