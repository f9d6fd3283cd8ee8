import {existsSync} from "node:fs";
import {type Browser, type Page, chromium} from "playwright-core";

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launches headless Debian Chromium with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync"
    ]
  });
}

/** What went wrong while a page was open: console errors, page errors, failed or foreign requests. */
export interface PageProblems {
  problems: string[];
  /** Every response the page received, as `status url`, from the moment it was watched. */
  responses: string[];
}

/**
 * Records every console error, Vega warning (`WARN …`), uncaught exception, failed request, HTTP error response and request
 * to an origin other than `origin` that `page` makes from now on.
 */
export function watchPage(page: Page, origin: string): PageProblems {
  const problems: string[] = [];
  const responses: string[] = [];
  page.on("response", (r) => responses.push(`${r.status()} ${r.url()}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on(
    "console",
    (m) => m.type() === "warning" && /WARN/.test(m.text()) && problems.push(`vega warning: ${m.text()}`)
  );
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`http ${r.status()}: ${r.url()}`));
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:"))
      problems.push(`foreign request: ${url}`);
  });
  return {problems, responses};
}

/** A built site served locally, and a headless browser to read it. */
export interface SiteSession {
  browser: Browser;
  url: string;
  origin: string;
  /** Opens `path` in a new page `width` px wide once the network is idle and its cells settled, watching it for problems. */
  open(path: string, width: number): Promise<{page: Page} & PageProblems>;
  close(): Promise<void>;
}

/** How long a page's cells may take to settle after its network is idle, before the test reads it anyway. */
const SETTLE_MS = 10_000;

/** Serves `siteDir` on a local port and launches Chromium to read it. */
export async function openSite(siteDir: string): Promise<SiteSession> {
  const {serveDir} = await import("../../pipelines/run/serveDir.js");
  const {server, url} = await serveDir({dir: siteDir});
  const origin = url.replace(/\/$/, "");
  const browser = await launchChromium();
  return {
    browser,
    url,
    origin,
    async open(path, width) {
      const page = await browser.newPage({viewport: {width, height: 900}});
      const watched = watchPage(page, origin);
      await page.goto(url + path, {waitUntil: "networkidle"});
      // the network idle, a cell may still be computing: its inline values stay placeholders until it settles
      await page
        .waitForFunction(() => !document.querySelector("observablehq-loading"), null, {timeout: SETTLE_MS})
        .catch(() => undefined);
      return {page, ...watched};
    },
    async close() {
      await browser.close();
      server.close();
    }
  };
}
