// ESLint: typescript-eslint's recommended rules, and the import rules that keep pipelines/ layered
// (docs/architecture.md): no import cycles, no static import past another folder's index.ts, and no
// folder importing a higher layer. Formatting is Prettier's (npm run lint runs both).
import js from "@eslint/js";
import {importX} from "eslint-plugin-import-x";
import {createTypeScriptImportResolver} from "eslint-import-resolver-typescript";
import globals from "globals";
import tseslint from "typescript-eslint";

/** The layers of pipelines/, lowest first: a folder may import only the folders before it. */
export const LAYERS = [
  "core",
  "plan",
  "targets",
  "tasks",
  "project",
  "intake",
  "gaps",
  "site-data",
  "run",
  "sample",
  "commands"
];

/** One zone per layer: nothing under it may import a higher layer. */
const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  target: `./pipelines/${layer}/**`,
  from: LAYERS.slice(i + 1).map((higher) => `./pipelines/${higher}/**`),
  message: `pipelines/${layer}/ is below these folders (docs/architecture.md): pass what it needs in instead.`
}));

/** Static imports reach another folder through its index.ts; import() may name a module (lazy loading). */
const deep = {
  patterns: [
    {
      group: ["../*/*", "!../*/index.js"],
      message: "Import another folder through its index.ts (its public surface)."
    }
  ]
};

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "dist.*/",
      ".dist.builds/",
      ".planwatch/",
      "src/.observablehq/",
      "pipelines/.compiled/",
      "test-results/",
      "data/"
    ]
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {globals: {...globals.node}},
    plugins: {"import-x": importX},
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver-next": [createTypeScriptImportResolver()]
    },
    rules: {
      "import-x/no-cycle": "error",
      "import-x/no-duplicates": "error",
      "@typescript-eslint/no-unused-vars": ["error", {argsIgnorePattern: "^_", varsIgnorePattern: "^_"}]
    }
  },
  {
    files: ["pipelines/**/*.ts"],
    ignores: ["pipelines/cli.ts"],
    rules: {
      "import-x/no-restricted-paths": ["error", {zones: upward}],
      "no-restricted-imports": ["error", deep]
    }
  },
  {
    files: ["src/components/**/*.{js,ts}"],
    languageOptions: {globals: {...globals.browser}}
  }
);
