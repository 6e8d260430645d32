import { defineConfig } from "@playwright/test";
import { testEnv } from "./src/runtime/env";
import { chromiumLaunchOptions } from "./tests/helpers/chromium";

const settings = testEnv();
export const baseURL = `http://127.0.0.1:${settings.E2E_PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  // No Chromium: one clear message instead of a failure per test.
  globalSetup: "./tests/helpers/e2e-global-setup.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "off",
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: /\.(behind-the-app|after-everything)\.spec\.ts$/ },
    // Specs that write to the database behind the app's back (and check the app notices) run
    // after every other spec, whose pages they would otherwise change under them.
    { name: "behind-the-app", use: { browserName: "chromium" }, testMatch: /\.behind-the-app\.spec\.ts$/, dependencies: ["chromium"] },
    // The check of the server's log lines runs last, over the lines of every spec before it.
    { name: "after-everything", use: { browserName: "chromium" }, testMatch: /\.after-everything\.spec\.ts$/, dependencies: ["behind-the-app"] },
  ],
  webServer: {
    // The real production build on its own embedded PostgreSQL, data re-created from seeds/
    // (`npm start -- --fresh`, through a wrapper that keeps every line the server writes for the
    // log check: tests/helpers/e2e-server.ts).
    command: "node --import tsx tests/helpers/e2e-server.ts",
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM, as an orchestrator stops it: the server finishes its requests, then the embedded
    // PostgreSQL stops cleanly (the launcher kills a server still running after 25 s).
    gracefulShutdown: { signal: "SIGTERM", timeout: 60_000 },
    // Added to this process's environment by Playwright.
    env: {
      PORT: String(settings.E2E_PORT),
      HOSTNAME: "127.0.0.1",
      RT_DATA_DIR: settings.E2E_DATA_DIR,
      EMBEDDED_PG_PORT: String(settings.E2E_PG_PORT),
      // One web worker: the specs read what an editor just published from the instance that
      // published it (several workers are proved by `npm run test:scale`).
      WEB_CONCURRENCY: "1",
    },
  },
});
