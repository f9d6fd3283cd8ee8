import {lstatSync, realpathSync, statSync} from "node:fs";
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import type {AddressInfo} from "node:net";
import {join, normalize, resolve, sep} from "node:path";
import sirv from "sirv";
import {PlanwatchError} from "../core/index.js";

/**
 * Serves a built site from `dir` on `host`:`port` (defaults 127.0.0.1 and 0, a free port), with
 * Framework's clean URLs (`/units/330106` → `units/330106.html`), by sirv. Only regular files
 * inside `dir` are served: a path through a symbolic link (which could lead out of the folder), a
 * FIFO or a device is not found. Throws `PlanwatchError` `invalid_option` (in Chinese) for a port
 * that is not a whole number from 0 to 65535 (`"abc"`, `99999`), and `not_found` for a `dir` that
 * is not a folder. Resolves once listening. `dir` is resolved at each request: a site published again (a link
 * swapped to a new build) is served as published.
 */
export async function serveDir({
  dir,
  host = "127.0.0.1",
  port = 0
}: {
  dir: string;
  host?: string;
  /** A number, or the text of a command-line option. */
  port?: number | string;
}): Promise<{server: Server; url: string}> {
  const portNumber = typeof port === "number" ? port : /^\d+$/.test(port.trim()) ? Number(port) : NaN;
  if (!Number.isInteger(portNumber) || portNumber < 0 || portNumber > 65535)
    throw new PlanwatchError("invalid_option", `端口“${port}”无效:应为 0 到 65535 之间的整数(如 3000)`);
  // A published `dir` is a link that each build swaps (run/publish.ts): it is resolved again at each request, so
  // that a preview running beside `watch` serves the site published last, never the build it started on.
  const first = folder(dir);
  let current = {root: first, handler: serveFolder(first)};
  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end("not found");
  };
  const server = createServer((req, res) => {
    let root: string;
    try {
      root = folder(dir);
    } catch {
      return notFound(res); // between a build's removal and its replacement: nothing to serve
    }
    if (root !== current.root) current = {root, handler: serveFolder(root)};
    const {handler} = current;
    if (servable(root, req)) handler(req, res, () => notFound(res));
    else notFound(res);
  });
  await new Promise<void>((ok, fail) => server.once("error", fail).listen(portNumber, host, ok));
  const address = server.address() as AddressInfo;
  return {server, url: `http://${host}:${address.port}/`};
}

const serveFolder = (root: string) => sirv(root, {extensions: ["html"], dev: true, etag: false});

/** `dir` resolved to its real path, or `not_found` when it is not a folder. */
function folder(dir: string): string {
  try {
    const real = realpathSync(resolve(dir));
    if (statSync(real).isDirectory()) return real;
  } catch {
    // said below
  }
  throw new PlanwatchError("not_found", `要预览的文件夹 ${resolve(dir)} 不存在或不是文件夹(先运行 planwatch build)`);
}

/**
 * Whether the file sirv would serve for `req` is a regular file inside `root` reached through no
 * symbolic link: the candidates are sirv's, in its order (the path, `.html`, `/index`, `/index.html`);
 * the first that exists decides, as in sirv (a real folder is passed over, as sirv does).
 */
function servable(root: string, req: IncomingMessage): boolean {
  let pathname = (req.url ?? "/").split("?")[0]!; // as sirv reads it (@polka/url): no normalizing
  try {
    pathname = decodeURI(pathname);
  } catch {
    // sirv keeps a malformed one as it is
  }
  const uri = pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  const candidates = ["", ".html"].flatMap((x) => [...(uri ? [uri + x] : []), `${uri}/index${x}`]);
  for (const name of candidates) {
    const abs = normalize(join(root, name));
    if (!abs.startsWith(root + sep)) continue;
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      continue; // not there: sirv tries the next
    }
    if (real !== abs) return false; // reached through a symbolic link
    const info = lstatSync(abs);
    if (info.isDirectory()) continue;
    return info.isFile();
  }
  return true; // nothing there: sirv says not found
}
