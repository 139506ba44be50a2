import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-e2e/**", ".next-bench/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // The unscoped client is for named places only (lib/db/README.md); everything else uses scoped(ctx).
    files: ["app/**", "components/**", "inngest/**"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "@/lib/db/client", message: "Use scoped(ctx) from @/lib/db/scoped; the unscoped client is for named places only." }] }],
    },
  },
];

export default config;
