import {createRequire} from "node:module";

/** What Framework's `parseHtml` reads from a JSDOM: its window's document, nothing else. */
interface ParsedHtml {
  window: {document: unknown};
}
type JsdomClass = (new (html?: string, options?: Record<string, unknown>) => ParsedHtml) & {[SHARED]?: true};
const SHARED = Symbol.for("planwatch.sharedJsdom");

/**
 * Makes Framework's HTML parsing parse into one shared JSDOM window. Framework 1.13's `parseHtml`
 * (`dist/html.js`) builds a whole JSDOM, a window with every web interface installed, for each HTML
 * fragment it reads or rewrites: a page's head, header, body and footer, each two or three times, so
 * nine windows a page, which made most of its time per page (and of its garbage). Each call here gets
 * its own document, parsed by the same parser (parse5, scripting disabled, `about:blank`) from the
 * same string through the shared window's `DOMParser`, so the HTML Framework writes is the same byte
 * for byte; only the window, which Framework never reads, is shared.
 *
 * It replaces the `JSDOM` export of the jsdom that Framework loads, so it must run before Framework's
 * modules are first imported (buildSite imports them after it). Only Framework's call (a string
 * beginning `<!DOCTYPE html><body>`, options `{virtualConsole}` alone) takes the shared window; any other
 * `new JSDOM(...)` gets a JSDOM of its own as before. Calling it again does nothing.
 */
export function shareJsdomWindow(): void {
  const require = createRequire(require_.resolve("@observablehq/framework/package.json"));
  const jsdom = require("jsdom") as {JSDOM: JsdomClass};
  const Jsdom = jsdom.JSDOM;
  if (Jsdom[SHARED]) return;
  let parser: {parseFromString(html: string, type: string): unknown} | undefined;
  function SharedJsdom(this: unknown, html?: string, options?: Record<string, unknown>): ParsedHtml {
    if (
      typeof html === "string" &&
      html.startsWith("<!DOCTYPE html><body>") &&
      options !== undefined &&
      Object.keys(options).length === 1 &&
      "virtualConsole" in options
    ) {
      parser ??= new (
        new Jsdom("", options).window as unknown as {DOMParser: new () => typeof parser & object}
      ).DOMParser();
      return {window: {document: parser.parseFromString(html, "text/html")}};
    }
    return new Jsdom(html, options);
  }
  Object.setPrototypeOf(SharedJsdom, Jsdom);
  SharedJsdom.prototype = Jsdom.prototype;
  Object.defineProperty(SharedJsdom, SHARED, {value: true});
  jsdom.JSDOM = SharedJsdom as unknown as JsdomClass;
}

const require_ = createRequire(import.meta.url);
