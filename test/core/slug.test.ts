import {describe, expect, it} from "vitest";
import {targetFromSlug, targetSlug as pageSlug} from "../../src/components/slug.js";
import {targetSlug} from "../../pipelines/core/slug.js";
import {projectTargets} from "../../pipelines/project/projectTargets.js";
import {PROJECT_DIR} from "../helpers/cli.js";

describe("targetSlug", () => {
  it("names a target's page as the pages link to it, and back", async () => {
    const ids = [...(await projectTargets({projectDir: PROJECT_DIR})).map((t) => t.id), "6.1b", "10.12c", "1.1"];
    for (const id of ids) {
      expect(targetSlug(id)).toBe(pageSlug(id));
      expect(targetSlug(id)).not.toContain(".");
      expect(targetFromSlug(targetSlug(id))).toBe(id);
    }
  });
});
