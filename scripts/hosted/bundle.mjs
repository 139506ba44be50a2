// Bundles server.mjs's hosted fast path (lib/hosted/server-handler.ts and what it imports: the
// renderer, its reads, the generated Prisma client) into one plain-JS file, <distDir>/hosted-server.mjs,
// so server.mjs answers hosted pages without entering Next. Run after `next build` (npm run build,
// scripts/e2e-server.mjs, the benchmark); scripts/standalone.mjs copies the file along.
//   node scripts/hosted/bundle.mjs [distDir=.next]
import { build } from "esbuild";
import path from "node:path";

const distDir = process.argv[2] ?? process.env.NEXT_DIST_DIR ?? ".next";
const outfile = path.join(distDir, "hosted-server.mjs");
await build({
  entryPoints: ["lib/hosted/server-handler.ts"],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  tsconfig: "tsconfig.json",
  // pg (and its optional native binding) stays in node_modules: Next's build keeps it there too.
  external: ["pg", "pg-native"],
  // Bundled CommonJS packages call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: "none",
  logLevel: "warning",
});
console.log(`Hosted fast path bundled into ${outfile}`);
