/**
 * A target id as a page name: 6.1b → 6-1b (a dot in a page name would read as a file extension).
 * For the Node side (the page list in observablehq.config.ts, search entries); the pages' own twin
 * is `src/components/slug.ts` (Framework serves only modules under `src/`), held to the same
 * result by test/core/slug.test.ts.
 */
export function targetSlug(id: string): string {
  return id.replaceAll(".", "-");
}
