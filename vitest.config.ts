import {availableParallelism} from "node:os";
import {defineConfig} from "vitest/config";

const env = {TZ: "Asia/Shanghai", OBSERVABLE_TELEMETRY_DISABLE: "1"};
const timeouts = {testTimeout: 180_000, hookTimeout: 600_000};

/** Tests that build whole sites of their own (minutes): the `build` project, out of `unit`. */
const BUILDS = [
  "test/run/incremental.test.ts",
  "test/run/buildContext.test.ts",
  "test/project/initProject.test.ts",
  "test/run/builtins.test.ts",
  "test/commands/watch.test.ts",
  "test/run/provinceSite.test.ts"
];

// Three projects; `npm test` runs them all. `unit` needs no built site and builds none (`npm run
// test:unit`, under a minute); `build` builds sites in copies of the project (`npm run test:build`);
// `site` reads the bundled sample site, built once by the global setup, and only when that project
// runs (`npm run test:site`).
export default defineConfig({
  test: {
    ...timeouts,
    // Every core (Vitest leaves one free by default: on a two-core machine, one file at a time).
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {test: {name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/site/**", ...BUILDS], env, ...timeouts}},
      {test: {name: "build", include: BUILDS, env, ...timeouts}},
      {
        test: {
          name: "site",
          include: ["test/site/**/*.test.ts"],
          globalSetup: ["test/globalSetup.ts"],
          env,
          ...timeouts
        }
      }
    ]
  }
});
