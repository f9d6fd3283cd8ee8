import {afterEach, describe, expect, it, vi} from "vitest";
import {buildLogger} from "../../pipelines/commands/site.js";

describe("what planwatch build says", () => {
  afterEach(() => void vi.restoreAllMocks());

  it("keeps Framework's listing for --verbose; warnings, what they are about, and errors always show", () => {
    const printed: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void printed.push(args.join(" ")));
    const quiet = buildLogger();
    quiet.log("\u001B[2mbuilt\u001B[0m 74 pages in dist");
    quiet.log("/units/330106.html");
    quiet.warn("Warning: 1 broken link (300 validated)");
    quiet.log("\u001B[2m↳\u001B[0m /units/330106 → /units/nowhere");
    quiet.error("boom");
    expect(quiet.warnings).toBe(1);
    expect(printed).toEqual([
      "Warning: 1 broken link (300 validated)",
      "\u001B[2m↳\u001B[0m /units/330106 → /units/nowhere",
      "boom"
    ]);
    printed.length = 0;
    const verbose = buildLogger({verbose: true});
    verbose.log("/units/330106.html");
    expect([printed, verbose.warnings]).toEqual([["/units/330106.html"], 0]);
  });
});
