import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/globalSetup.ts"],
    testTimeout: 180_000,
    hookTimeout: 600_000,
    env: {TZ: "Asia/Shanghai", OBSERVABLE_TELEMETRY_DISABLE: "1"}
  }
});
