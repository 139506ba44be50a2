// `npm start`: the fast way to run the app. Builds once when there is no production build or the
// sources changed since the last one (saying so), then starts the production server (server.mjs).
// `npm run dev` stays the development server (hot reload, slower pages).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const buildId = path.join(root, ".next", "BUILD_ID");
const SOURCES = ["app", "components", "lib", "inngest", "prisma/schema", "public", "proxy.ts", "instrumentation.ts", "next.config.mjs", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
const SKIP = new Set(["generated", "node_modules"]);

/** The newest modification time among the app's sources (ms). */
function newestSource() {
  let newest = 0;
  const visit = (full) => {
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(full)) if (!SKIP.has(name) && !name.endsWith(".test.ts")) visit(path.join(full, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const source of SOURCES) visit(path.join(root, source));
  return newest;
}

function buildReason() {
  if (process.env.SKIP_BUILD) return null;
  if (!existsSync(buildId)) return "no production build yet";
  return newestSource() > statSync(buildId).mtimeMs ? "the sources changed since the last build" : null;
}

const reason = buildReason();
if (reason) {
  console.log(`> Building the app first (${reason}): about 2-4 minutes, once. Use \`npm run dev\` while changing code.`);
  const started = Date.now();
  const build = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) {
    console.error("> The build failed: see the messages above.");
    process.exit(build.status ?? 1);
  }
  console.log(`> Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}
await import(pathToFileURL(path.join(root, "server.mjs")).href);
