// ESLint (flat config): Next.js's own rules (core web vitals, React, hooks, jsx-a11y), the
// typescript-eslint recommended set plus the few type-aware rules that catch real bugs cheaply
// (promises nobody awaits), and the layer rules of the README's Architecture section, so a
// layer that leaks fails `npm run lint` instead of relying on a comment.
import path from "node:path";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const root = import.meta.dirname;
const SRC = path.join(root, "src");

/** Where an import specifier points inside src/, or null for packages and files outside it. */
function sourceTarget(specifier, filename) {
  let resolved = null;
  if (specifier.startsWith("@/")) resolved = path.join(SRC, specifier.slice(2));
  else if (specifier.startsWith(".")) resolved = path.resolve(path.dirname(filename), specifier);
  if (!resolved || !resolved.startsWith(SRC + path.sep)) return null;
  return path.relative(SRC, resolved).split(path.sep).join("/");
}

/**
 * A "use client" module is shipped to the browser, with everything it imports: it must not
 * import src/server or src/runtime (not even types, which tie the browser's code to server
 * internals; shared shapes live in src/schemas).
 */
const clientBoundary = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      server: '"use client" modules must not import {{target}} (src/server and src/runtime are server-only; share types through src/schemas).',
    },
  },
  create(context) {
    const body = context.sourceCode.ast.body;
    const isClient = body.some((node) => node.type === "ExpressionStatement" && node.directive === "use client");
    if (!isClient) return {};
    const check = (node) => {
      if (!node.source || typeof node.source.value !== "string") return;
      const target = sourceTarget(node.source.value, context.filename);
      if (target && /^(server|runtime)(\/|$)/.test(target)) context.report({ node, messageId: "server", data: { target: `src/${target}` } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

const zone = (target, from, message) => ({ target: `./src/${target}`, from: from.map((f) => `./src/${f}`), message });

/** Modules that write (mutations, their transaction and audit helpers): no component may import them. */
const MUTATION_MODULES = ["audit", "commitments", "form-actions", "import", "proposals", "sources", "tx", "users"].map(
  (m) => `server/editor/${m}.ts`,
);

export default defineConfig([
  globalIgnores([
    ".next/**",
    ".next-*/**",
    ".data/**",
    "src/generated/**",
    "coverage/**",
    "playwright-report/**",
    "test-results/**",
    "next-env.d.ts",
  ]),
  ...nextVitals,
  ...nextTypescript,
  {
    name: "roadmap-tracker/typescript",
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/no-unused-expressions": "error",
      // Type-aware, and cheap: a promise nobody awaits loses its error.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    name: "roadmap-tracker/plain-links",
    files: ["src/**/*.tsx"],
    // Public pages are plain documents served from the cache without the framework's scripts
    // (docs/decisions/0007): an <a> navigates there; <Link>'s client routing could not run.
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
  {
    name: "roadmap-tracker/not-react",
    files: ["tests/**", "scripts/**"],
    // Test helpers such as useTestDatabase() and Playwright's use() are not React hooks; JSON
    // bodies read in tests are untyped on purpose (the contract tests validate them).
    rules: { "react-hooks/rules-of-hooks": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    name: "roadmap-tracker/env",
    files: ["**/*.{js,mjs,ts,tsx,mts}"],
    // prisma-generate.mjs runs at install, before TypeScript can; instrumentation.ts tests NEXT_RUNTIME, which Next.js inlines.
    ignores: ["src/runtime/env.ts", "scripts/install/prisma-generate.mjs", "src/instrumentation.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read configuration through src/runtime/env.ts (appConfig(), readEnv(), testEnv()), the one validated view of the environment.",
        },
      ],
    },
  },
  {
    name: "roadmap-tracker/layers",
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "roadmap-tracker": { rules: { "client-boundary": clientBoundary } } },
    rules: {
      "roadmap-tracker/client-boundary": "error",
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            zone("server", ["components", "app"], "src/server is below the pages: it must not import components or routes."),
            zone(
              "runtime",
              ["components", "app", "server"],
              "src/runtime is process plumbing below the app: it must not import src/server, components or routes.",
            ),
            zone("schemas", ["components", "app", "server", "runtime"], "src/schemas holds wire contracts: it may import src/domain only."),
            zone(
              "domain",
              ["components", "app", "server", "runtime", "schemas", "generated"],
              "src/domain is plain rules: it imports nothing from the rest of the app.",
            ),
            zone(
              "components",
              ["runtime", "server/db.ts", "server/auth", ...MUTATION_MODULES],
              "Components present data: they must not import mutation modules, the database or the runtime.",
            ),
          ],
        },
      ],
    },
  },
  {
    name: "roadmap-tracker/domain-is-plain",
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "react", "react-dom", "react/*", "@prisma/*", "pg", "node:*"],
              message: "src/domain is plain TypeScript: no framework, database or Node imports.",
            },
          ],
        },
      ],
    },
  },
]);
