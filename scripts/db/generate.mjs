// `prisma generate` reads PRISMA_SCHEMA_ENGINE_BINARY but never runs it; without it the CLI
// tries to download the native engine from a host these machines cannot reach.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
const result = spawnSync(process.execPath, [prismaCli, "generate", ...process.argv.slice(2)], { stdio: "inherit", env });
if (result.status !== 0) process.exit(result.status ?? 1);
// The API description's generated inputs (route index, model schemas) follow the schema.
const api = spawnSync(process.execPath, [fileURLToPath(new URL("../openapi/generate.mjs", import.meta.url))], { stdio: "inherit" });
process.exit(api.status ?? 1);
