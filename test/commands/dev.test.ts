import {spawn} from "node:child_process";
import {readFileSync} from "node:fs";
import {mkdir, mkdtemp, rm} from "node:fs/promises";
import {type AddressInfo, connect, createServer} from "node:net";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {copyProject} from "../helpers/cli.js";

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** True when something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => resolve(!!socket.destroy()));
    socket.once("error", () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    return !readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.startsWith("Z");
  } catch {
    return false;
  }
}

describe("planwatch dev", () => {
  let project = "";
  beforeAll(async () => {
    project = await copyProject(await mkdtemp(join(tmpdir(), "planwatch-dev-")));
    await mkdir(join(project, "empty-data"));
  });
  afterAll(() => rm(project, {recursive: true, force: true}));

  it.each(["SIGTERM", "SIGINT"] as const)("stops the preview server it started when it gets %s", async (signal) => {
    const port = await freePort();
    const dev = spawn(
      process.execPath,
      [join(project, "pipelines/planwatch.js"), "dev", "--port", String(port), "--data", "empty-data"],
      {cwd: project, stdio: "ignore"}
    );
    let children: number[] = [];
    const exited = new Promise((resolve) => dev.on("exit", (code, sig) => resolve(code ?? sig)));
    try {
      const until = Date.now() + 120_000;
      while (!(await listening(port))) {
        expect(Date.now()).toBeLessThan(until);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      children = readFileSync(`/proc/${dev.pid}/task/${dev.pid}/children`, "utf8").trim().split(/\s+/).map(Number);
      const server = children.find((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("observable.js"))!;
      expect(server).toBeDefined();
      dev.kill(signal); // dev alone, as a service manager stops it
      await exited;
      const gone = Date.now() + 10_000;
      while ((alive(server) || (await listening(port))) && Date.now() < gone)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect({server: alive(server), port: await listening(port)}).toEqual({server: false, port: false});
    } finally {
      dev.kill("SIGKILL");
      for (const pid of children) if (alive(pid)) process.kill(pid, "SIGKILL"); // a failed case leaves no server behind
    }
  });
});
