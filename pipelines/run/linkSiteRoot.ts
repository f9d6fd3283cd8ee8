import {mkdir, readdir, readlink, rm, symlink} from "node:fs/promises";
import {join} from "node:path";
import {frameworkRoot, siteRoot} from "../project/index.js";

/**
 * Makes the project's Framework root ({@link frameworkRoot}) and returns it. A project with a `src/` of its own is
 * its own root and nothing is made. Else `.planwatch/site/` gets a symbolic link to each entry of the toolkit's
 * `src/` (pages, components, data loaders, style), and loses what the toolkit no longer has; its `.observablehq/`
 * (the project's loader outputs and npm cache) is its own. A loader runs from the toolkit's file (Node follows the
 * link), so it imports the toolkit's code; an edit of a toolkit page shows in every project at once. Two processes
 * of one project (`dev` and `build`) may make the links at the same moment.
 */
export async function linkSiteRoot(projectDir: string): Promise<string> {
  const root = frameworkRoot(projectDir);
  const pages = siteRoot(projectDir);
  if (root === pages) return root;
  await mkdir(root, {recursive: true});
  const wanted = new Set((await readdir(pages)).filter((entry) => entry !== ".observablehq"));
  for (const entry of await readdir(root))
    if (entry !== ".observablehq" && !wanted.has(entry)) await rm(join(root, entry), {recursive: true, force: true});
  for (const entry of wanted) {
    const link = join(root, entry);
    const target = join(pages, entry);
    if ((await readlink(link).catch(() => null)) === target) continue;
    await rm(link, {recursive: true, force: true});
    await symlink(target, link).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error; // the other process of this project made it
    });
  }
  return root;
}
