import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // End-to-end tests run the bundled dist/: rebuild it first when src/ is newer.
    globalSetup: ["test/helpers/fresh-dist.ts"],
    // Plain output, whatever colour and width the shell that runs the tests asks for.
    setupFiles: ["test/helpers/plain-terminal.ts"],
    coverage: {
      provider: "v8",
      // In-process code only: what runs inside the dist/ subprocesses is not measured.
      include: ["src/**/*.ts"],
      // The HTML page's browser script runs in Chromium (test/html/browser.test.ts), not in this process.
      exclude: ["src/validate/generated/**", "src/html/generated/**", "src/html/client/**", "src/types/**"],
      reporter: ["text-summary", "json-summary", "html"],
      reportsDirectory: "coverage",
    },
  },
});
