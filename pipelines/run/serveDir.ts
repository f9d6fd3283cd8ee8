import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import sirv from "sirv";

/**
 * Serves a built site from `dir` on `host`:`port` (defaults 127.0.0.1 and 0, a free port), with
 * Framework's clean URLs (`/units/330106` → `units/330106.html`). Resolves once listening.
 */
export async function serveDir({
  dir,
  host = "127.0.0.1",
  port = 0
}: {
  dir: string;
  host?: string;
  port?: number;
}): Promise<{server: Server; url: string}> {
  const handler = sirv(dir, {extensions: ["html"], dev: true, etag: false});
  const server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.end("not found");
    })
  );
  await new Promise<void>((ok, fail) => server.once("error", fail).listen(port, host, ok));
  const address = server.address() as AddressInfo;
  return {server, url: `http://${host}:${address.port}/`};
}
