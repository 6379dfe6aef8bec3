// Test runner settings: real readers (LibreOffice, poppler) are slow to start, so allow time; dist/
// is rebuilt first (tests/setup/build.ts) because the CLI tests run the built command.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/build.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
