import type {ArgDef, ArgsDef, CommandDef, Resolvable} from "citty";
import {PlanwatchError} from "../core/index.js";
import {nearestName} from "./options.js";

/** A flag's name as citty also accepts it: `as-of` and `asOf` are one option. */
const camel = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

async function resolve<T>(value: Resolvable<T> | undefined): Promise<T | undefined> {
  return typeof value === "function" ? (value as () => T | Promise<T>)() : value;
}

/** The closest of `names` to `name`, when it is close enough to be what was meant. */
const nearest = (name: string, names: readonly string[]) =>
  nearestName(name, names, {within: Math.max(2, Math.ceil(name.length / 2))});

const suggest = (best: string | undefined) => (best === undefined ? "" : `,是否要用 ${best}?`);

/**
 * Checks a command line against the commands' declared `args` before citty runs it, since citty
 * ignores what it does not know: walks the subcommands as citty does (each command's flags before
 * its subcommand's name), and throws `PlanwatchError` `unknown_command` for a command that is not
 * there, or `invalid_option` for a flag the command does not declare (naming the nearest declared
 * one), a string option without its value, a required option or argument that is missing, or an
 * argument given to a command that takes none. `--help`/`--version` are citty's, checked before.
 */
export async function checkArgv<T extends ArgsDef>(main: CommandDef<T>, argv: readonly string[]): Promise<void> {
  let cmd = main as unknown as CommandDef;
  let rest = [...argv];
  let path = String((await resolve(cmd.meta))?.name ?? "planwatch");
  for (;;) {
    const declared = Object.entries((await resolve<ArgsDef>(cmd.args)) ?? {});
    const subCommands = (await resolve(cmd.subCommands)) ?? {};
    const flags = new Map<string, ArgDef & {name: string}>();
    for (const [name, def] of declared) {
      if (def.type === "positional") continue;
      const aliases = "alias" in def && def.alias !== undefined ? [def.alias].flat() : [];
      for (const key of [name, camel(name), ...aliases]) flags.set(key, {...def, name});
    }
    const given = new Set<string>();
    const positionals: string[] = [];
    let sub: CommandDef | undefined;
    for (let i = 0; i < rest.length; i++) {
      const token = rest[i]!;
      if (token === "--") {
        positionals.push(...rest.slice(i + 1));
        break;
      }
      if (token.startsWith("-") && token !== "-" && !/^-\d/.test(token)) {
        const [key = "", value] = token.replace(/^--?/, "").split(/=(.*)/s);
        const negated = key.startsWith("no-") ? flags.get(key.slice(3)) : undefined;
        const def = flags.get(key) ?? (negated?.type === "boolean" ? negated : undefined);
        if (!def) {
          const names = [...new Set([...flags.values()].map((d) => `--${d.name}`))];
          throw new PlanwatchError(
            "invalid_option",
            `未知选项 ${token.split("=")[0]}${suggest(await nearest(`--${key}`, names))}`
          );
        }
        given.add(def.name);
        if ((def.type === "string" || def.type === "enum") && value === undefined) {
          const next = rest[i + 1];
          if (next === undefined || (next.startsWith("--") && next !== "--"))
            throw new PlanwatchError("invalid_option", `选项 --${def.name} 需要一个值`);
          i++;
        }
        continue;
      }
      if (Object.keys(subCommands).length > 0) {
        if (!(token in subCommands)) {
          const best = await nearest(token, Object.keys(subCommands));
          throw new PlanwatchError("unknown_command", `未知命令 ${path} ${token}${suggest(best && `${path} ${best}`)}`);
        }
        sub = await resolve(subCommands[token]);
        path = `${path} ${token}`;
        rest = rest.slice(i + 1);
        break;
      }
      positionals.push(token);
    }
    if (sub) {
      cmd = sub;
      continue;
    }
    if (Object.keys(subCommands).length > 0 && !cmd.run)
      throw new PlanwatchError(
        "invalid_option",
        `${path} 后面要写命令:${Object.keys(subCommands).join("、")} 之一(${path} --help 列出说明)`
      );
    const wanted = declared.filter(([, def]) => def.type === "positional");
    for (const [name, def] of wanted)
      if (positionals.shift() === undefined && def.required !== false && def.default === undefined)
        throw new PlanwatchError("invalid_option", `缺少参数 ${name.toUpperCase()}(${path} --help 列出说明)`);
    for (const [name, def] of declared)
      if (def.type !== "positional" && def.required === true && def.default === undefined && !given.has(name))
        throw new PlanwatchError("invalid_option", `缺少选项 --${name}(${path} --help 列出说明)`);
    if (wanted.length === 0 && positionals.length > 0)
      throw new PlanwatchError("invalid_option", `${path} 不接受参数 ${positionals[0]}(${path} --help 列出说明)`);
    return;
  }
}
