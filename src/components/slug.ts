// The pages' twin of pipelines/core/slug.ts (Framework serves only modules under src/); test/core/slug.test.ts holds
// them equal.
/** A target id as a page name: 6.1b → 6-1b (a dot in a page name would read as a file extension). */
export function targetSlug(id: string): string {
  return id.replaceAll(".", "-");
}

/** The target id a page name stands for: 6-1b → 6.1b. */
export function targetFromSlug(slug: string): string {
  return slug.replace("-", ".");
}
