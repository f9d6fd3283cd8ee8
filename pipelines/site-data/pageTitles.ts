import {targetSlug} from "../core/index.js";
import type {PlanSection} from "../plan/index.js";
import type {Unit} from "../project/index.js";
import type {Target} from "../targets/index.js";
import type {Office} from "../tasks/index.js";

// What this plugin uses of markdown-it (Framework's; its types are not a dependency of planwatch).
interface Token {
  content: string;
  hidden: boolean;
  meta: unknown;
  children: Token[] | null;
}
type Rule = (tokens: Token[], idx: number, options: unknown, env: unknown, self: unknown) => string;
interface MarkdownIt {
  core: {
    ruler: {
      push(
        name: string,
        rule: (state: {
          env: unknown;
          tokens: Token[];
          Token: new (type: string, tag: string, nesting: number) => Token;
        }) => void
      ): void;
    };
  };
  renderer: {rules: Record<string, Rule | undefined>};
}

/**
 * The own title of each parameterized page, by page path: a unit's and an office's name, a
 * section's short title (as the sidebar names it), a target's id and indicator (`6.1b 新增学位`).
 */
export function pageTitles({
  sections,
  units,
  offices,
  targets
}: {
  sections: readonly PlanSection[];
  units: readonly Unit[];
  offices: readonly Office[];
  targets: readonly Target[];
}): Map<string, string> {
  return new Map([
    ...sections.map((s) => [`/sections/${s.section}`, s.title.split(",")[0]!] as const),
    ...units.map((u) => [`/units/${u.code}`, u.name] as const),
    ...offices.map((o) => [`/offices/${o.code}`, o.name] as const),
    ...targets.map((t) => [`/targets/${targetSlug(t.id)}`, `${t.id} ${t.indicator}`] as const)
  ]);
}

/**
 * A markdown-it plugin (Framework's `markdownIt` option) that gives each page in `titles` its own
 * `<title>`. Framework 1.13 takes a page's title from its front matter, else from the text of its
 * first `# h1`, and neither can be computed from `observable.params` (a parameterized page's h1 is
 * an expression, `# ${name}`, which has no text). So for a page whose path is in `titles` (and
 * whose front matter has no `title`) this puts a first h1 holding the title in front of the page's
 * tokens, hidden: it renders to nothing, the page's own h1 is what readers see. Returns `md`, as
 * Framework's hook wants.
 */
export function titlePlugin(titles: ReadonlyMap<string, string>): <M extends MarkdownIt>(md: M) => M {
  return (md) => {
    md.core.ruler.push("planwatch_title", (state) => {
      const path = (state.env as {path?: unknown} | undefined)?.path;
      const title = typeof path === "string" ? titles.get(path.replace(/\.(md|html)$/, "")) : undefined;
      if (title === undefined) return;
      const open = new state.Token("heading_open", "h1", 1);
      const inline = new state.Token("inline", "", 0);
      const text = new state.Token("text", "", 0);
      const close = new state.Token("heading_close", "h1", -1);
      text.content = title;
      text.meta = {planwatchTitle: true};
      inline.children = [text];
      for (const token of [open, inline, close]) token.hidden = true;
      state.tokens.unshift(open, inline, close);
    });
    const text = md.renderer.rules.text!;
    md.renderer.rules.text = (tokens, idx, options, env, self) =>
      (tokens[idx]!.meta as {planwatchTitle?: boolean} | null)?.planwatchTitle
        ? ""
        : text(tokens, idx, options, env, self);
    return md;
  };
}
