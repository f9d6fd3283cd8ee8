import {register} from "node:module";

/** Where the scripts are kept, for {@link clearSidebarScripts}: one process, one map. */
const CACHE = Symbol.for("planwatch.sidebarScripts");
type Cache = Map<string, Promise<string>>;
const cache = (): Cache | undefined => (globalThis as {[CACHE]?: Cache})[CACHE];

/** What Framework 1.13.4's `renderSidebar` (`dist/render.js`) calls, twice a page. */
const CALL = "await rollupClient(getClientPath(";

/**
 * The loader hook: Framework's `render.js`, its two sidebar calls going through a cache. A page's
 * sidebar scripts (`search-init.js`, `sidebar-init.js`) are the same for every page of a folder: what
 * they import resolves relative to the page's folder. So each is bundled (rollup and esbuild) once per
 * folder rather than once per page.
 */
const HOOKS = `
export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!url.endsWith("/@observablehq/framework/dist/render.js") || result.source == null) return result;
  const source = String(result.source);
  if (source.split(${JSON.stringify(CALL)}).length !== 3) return result;
  return {
    ...result,
    source:
      source.replaceAll(${JSON.stringify(CALL)}, "await rollupSidebarScript(getClientPath(") +
      \`
function rollupSidebarScript(input, root, path, options) {
  const scripts = (globalThis[Symbol.for("planwatch.sidebarScripts")] ??= new Map());
  const key = JSON.stringify([input, root, path.slice(0, path.lastIndexOf("/") + 1)]);
  let script = scripts.get(key);
  if (!script) {
    script = rollupClient(input, root, path, options);
    script.catch(() => scripts.delete(key));
    scripts.set(key, script);
  }
  return script;
}
\`
  };
}
`;

/**
 * Makes Framework bundle each page's sidebar scripts once per folder rather than once per page:
 * Framework 1.13's `renderSidebar` bundles `search-init.js` and `sidebar-init.js` with rollup and
 * esbuild for every page it renders (some 70 ms a page on the shared machine), and the result differs
 * only with the page's folder (the relative path of what they import). A module loader hook routes those
 * two calls of `render.js` through a cache keyed by script, root and folder, so each page's HTML is the
 * same byte for byte. It must run before Framework's modules are first imported (buildSite imports
 * them after it); calling it again does nothing. Where `render.js` does not hold the two calls
 * (another Framework version), it is left as it is. {@link clearSidebarScripts} empties the cache:
 * each build starts from its own bundles.
 */
export function cacheSidebarScripts(): void {
  const flag = globalThis as {[REGISTERED]?: true};
  if (flag[REGISTERED]) return;
  flag[REGISTERED] = true;
  register(`data:text/javascript,${encodeURIComponent(HOOKS)}`);
}
const REGISTERED = Symbol.for("planwatch.sidebarScripts.registered");

/** Forgets the sidebar scripts bundled so far (at each build's start). */
export function clearSidebarScripts(): void {
  cache()?.clear();
}
