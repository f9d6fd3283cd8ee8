import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {TestProject} from "vitest/node";
import {runPlanwatch} from "./helpers/cli.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The sample site, built once by the real `planwatch build` into a temporary folder. */
    siteDir: string;
  }
}

/** Builds the bundled sample site once for every test file that reads it. */
export default async function setup(project: TestProject) {
  const tmp = await mkdtemp(join(tmpdir(), "planwatch-site-"));
  const siteDir = join(tmp, "site");
  const {code, stderr} = await runPlanwatch(["build", "--sample", "--output", siteDir]);
  if (code !== 0) throw new Error(`planwatch build failed:\n${stderr}`);
  project.provide("siteDir", siteDir);
  return () => rm(tmp, {recursive: true, force: true});
}
