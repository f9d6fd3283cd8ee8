import {defineConfig} from "vitest/config";

const env = {TZ: "Asia/Shanghai", OBSERVABLE_TELEMETRY_DISABLE: "1"};

// Two projects: `unit` needs no built site (`npm run test:unit`); `site` reads the bundled sample
// site, built once by the global setup, and only when that project runs.
export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 600_000,
    projects: [
      {test: {name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/site/**"], env, testTimeout: 180_000, hookTimeout: 600_000}},
      {test: {name: "site", include: ["test/site/**/*.test.ts"], globalSetup: ["test/globalSetup.ts"], env, testTimeout: 180_000, hookTimeout: 600_000}}
    ]
  }
});
