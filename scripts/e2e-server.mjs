// Builds the app into .next-e2e and starts it on a fresh embedded database, for Playwright — from
// the standalone output (as the Docker image runs it), so every e2e run also proves that it starts.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const port = process.argv[2] ?? "3100";
const dataDir = path.resolve(".data", `e2e-${port}`);
rmSync(dataDir, { recursive: true, force: true });

const env = {
  ...process.env,
  NEXT_DIST_DIR: ".next-e2e",
  APP_DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: String(Number(port) + 52000),
  NEXT_TELEMETRY_DISABLED: "1",
};
delete env.DATABASE_URL; // always a fresh embedded database

if (!process.env.E2E_SKIP_BUILD) {
  for (const [command, args] of [[process.execPath, ["scripts/openapi/generate.mjs"]], ["npx", ["next", "build"]], [process.execPath, ["scripts/hosted/bundle.mjs", ".next-e2e"]], [process.execPath, ["scripts/standalone.mjs", ".next-e2e"]]]) {
    const step = spawnSync(command, args, { stdio: "inherit", env });
    if (step.status !== 0) process.exit(step.status ?? 1);
  }
}
const server = spawn(process.execPath, [path.join(".next-e2e", "standalone", "server.mjs"), "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
