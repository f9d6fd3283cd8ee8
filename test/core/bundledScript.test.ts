import {execFile} from "node:child_process";
import {mkdtemp, readFile, rm, stat, utimes, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {promisify} from "node:util";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {PROJECT_DIR} from "../helpers/cli.js";

describe("bundledScript", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-bundle-"));
    await writeFile(join(dir, "entry.ts"), 'import {word} from "./dep.js";\nexport const said: string = `${word}!`;\n');
    await writeFile(join(dir, "dep.ts"), 'export const word: string = "first";\n');
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));

  /** Bundles the entry in a new process (as each planwatch run does) and imports the bundle. */
  const run = async () => {
    const script = `import {bundledScript} from ${JSON.stringify(join(PROJECT_DIR, "pipelines/core/bundledScript.ts"))};
      const file = await bundledScript(${JSON.stringify(join(dir, "entry.ts"))}, {cacheDir: ${JSON.stringify(join(dir, "cache"))}});
      const {said} = await import(file);
      console.log(JSON.stringify({file, said}));`;
    const {stdout} = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      {cwd: PROJECT_DIR}
    );
    const {file, said} = JSON.parse(stdout) as {file: string; said: string};
    return {file, said, mtime: (await stat(file)).mtimeMs};
  };

  it("builds plain JavaScript once, reuses it while its sources stay the same (by size and time, else by hash), and rebuilds when one changes", async () => {
    const first = await run();
    expect(first.said).toBe("first!");
    expect(first.file.startsWith(join(dir, "cache"))).toBe(true);
    expect(await readFile(first.file, "utf8")).not.toMatch(/: string/);
    const again = await run();
    expect(again).toEqual(first);
    await writeFile(join(dir, "dep.ts"), 'export const word: string = "second";\n');
    const changed = await run();
    expect(changed.said).toBe("second!");
    expect(changed.file).toBe(first.file);
    // A source touched but not changed: its hash vouches for the bundle, which is kept.
    await utimes(join(dir, "dep.ts"), new Date(), new Date(Date.now() + 5000));
    expect(await run()).toEqual(changed);
  });
});
