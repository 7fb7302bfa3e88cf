import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "src/validate/generated/", "src/html/generated/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly" },
      parserOptions: { projectService: { allowDefaultProject: ["*.js", "scripts/*.mjs"] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // Prettier lays out chains across lines; this stylistic rule conflicts with it (eslint-config-prettier turns it off too).
      "no-unexpected-multiline": "off",
    },
  },
  // Small functions: one over 60 lines (comments and blank lines aside) is split by kind, or says why not
  // in an eslint-disable comment. Tests are exempt: a describe block is a list of cases, not logic.
  { files: ["src/**/*.ts"], rules: { "max-lines-per-function": ["error", { max: 60, skipComments: true, skipBlankLines: true }] } },
  // Tests read the CLI's and the action's JSON output with JSON.parse and assert on its fields, and
  // use vitest's asymmetric matchers (expect.stringMatching...), which are typed `any` on purpose.
  { files: ["test/**/*.ts"], rules: { "@typescript-eslint/no-unsafe-member-access": "off", "@typescript-eslint/no-unsafe-assignment": "off" } },
  // Plain JavaScript (the build, docs and release scripts) has no types to check: every value is `any` there.
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
);
