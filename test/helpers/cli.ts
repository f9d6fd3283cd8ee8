import {execFile, spawnSync} from "node:child_process";
import {fileURLToPath} from "node:url";
import {promisify} from "node:util";

/** The project's own folder. */
export const PROJECT_DIR = fileURLToPath(new URL("../..", import.meta.url));

let unshare: boolean | undefined;

/** Whether this machine runs a command without network through `unshare -n`, as `.ci/run` builds (checked once). */
export function canUnshareNetwork(): boolean {
  return (unshare ??= spawnSync("unshare", ["-n", "true"], {stdio: "ignore"}).status === 0);
}

/**
 * Runs the real `planwatch` command (as `npx planwatch` would) and returns its output and exit code.
 * `bin`: the command's script (default: this checkout's; a test may run a copy's). `offline`: run it
 * without network (`unshare -n`) where the machine allows it (default false).
 */
export async function runPlanwatch(
  args: string[],
  {
    cwd = PROJECT_DIR,
    env = {},
    bin = `${PROJECT_DIR}/pipelines/planwatch.js`,
    offline = false
  }: {cwd?: string; env?: Record<string, string>; bin?: string; offline?: boolean} = {}
) {
  const [file, argv] =
    offline && canUnshareNetwork()
      ? ["unshare", ["-n", process.execPath, bin, ...args]]
      : [process.execPath, [bin, ...args]];
  try {
    const {stdout, stderr} = await promisify(execFile)(file, argv, {
      cwd,
      env: {...process.env, ...env},
      maxBuffer: 64 * 1024 * 1024
    });
    return {code: 0, stdout, stderr};
  } catch (error) {
    const e = error as {code?: number; stdout?: string; stderr?: string};
    return {code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? ""};
  }
}

/**
 * Copies the project's sources and inputs (not its build outputs) into `dir`, with node_modules
 * linked, so a test can change a page or an input without touching the real project.
 */
export async function copyProject(dir: string): Promise<string> {
  const {cp, symlink} = await import("node:fs/promises");
  const {join} = await import("node:path");
  for (const entry of [
    "package.json",
    "package-lock.json",
    "planwatch.config.json",
    "observablehq.config.ts",
    "tsconfig.json",
    "pipelines",
    "seeds",
    "data",
    "src"
  ]) {
    // Not the outputs: Framework's cache, the compiled command (the copy compiles its own when it first runs).
    await cp(join(PROJECT_DIR, entry), join(dir, entry), {
      recursive: true,
      filter: (src) => !src.includes(".observablehq") && !src.includes(".compiled")
    });
  }
  await symlink(join(PROJECT_DIR, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}
