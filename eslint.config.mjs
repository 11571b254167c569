// ESLint 9 flat config: `npm run lint`. CI runs it through test/build/lint.test.ts.
//
// - Everything written in TypeScript (src/, test/, bench/) gets ESLint's and typescript-eslint's recommended rules.
// - The add-in's code that talks to Excel (src/taskpane and src/functions) also gets eslint-plugin-office-addins, the
//   rules Microsoft's add-in templates use; the three that catch wrong Office.js batching are errors:
//   no-context-sync-in-loop (one round trip to Excel per row makes a 10 000-row sheet take minutes),
//   call-sync-before-read and load-object-before-read (reading a proxy before load()/sync() throws at run time).
// - Plain .js (webpack config, scripts, bin) is CommonJS for Node.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    // Build output and generated files.
    ignores: ["dist/", "lib/", "out/", "build-tsc/", "coverage/", "test-output/", "bench/lib/", "**/*.d.ts"],
  },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      // `_name` marks a value left out on purpose (`const { id: _id, ...rest } = row`), as the code base writes it.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      // `[【\[]` in the header readers: an escaped bracket in a character class reads better than a bare one.
      "no-useless-escape": "off",
    },
  },
  {
    // Custom function parameters are `any` on purpose: custom-functions-metadata turns `any` into Excel's "any" type,
    // so every value reaches our own checks and messages (see the comment at the top of functions.ts). The engine's
    // kind registry holds kinds of every parameter type (`GradeKind<any>`), which TypeScript can only say with `any`.
    files: ["src/functions/functions.ts", "src/engine/kinds/types.ts", "src/engine/rulebook/compile.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Tests and the bench feed hostile input (numbers past double precision, untyped probes, a plain-JS Office fake).
    files: ["test/**", "bench/**"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-function-type": "off",
      "@typescript-eslint/no-this-alias": "off",
      "no-loss-of-precision": "off",
    },
  },
  {
    // The compiled bench runs from out/, where tsc copies no .js: it loads the browser fake with require at run time.
    files: ["bench/**"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/functions/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
);
