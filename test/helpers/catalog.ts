import {type Catalog, projectCatalog} from "../../pipelines/intake/catalog.js";
import {PROJECT_DIR} from "./cli.js";

let cached: Promise<Catalog> | undefined;

/** The seed project's catalog (units, the plan's 33 targets, header aliases), read once per file. */
export function seedCatalog(): Promise<Catalog> {
  return (cached ??= projectCatalog({projectDir: PROJECT_DIR}));
}

/** The fixed clock of the submission tests: 5 July 2023, Hangzhou time. */
export const JULY_5 = new Date("2023-07-05T10:00:00+08:00");
