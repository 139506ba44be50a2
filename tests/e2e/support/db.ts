import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * The e2e server's embedded database (scripts/e2e-server.mjs keeps it under .data/e2e-<port>), for
 * arranging rows that have no UI in this flow yet. PostgreSQL writes its port on line 4 of postmaster.pid.
 */
export async function e2eDatabase(): Promise<pg.Client> {
  const port = process.env.E2E_PORT ?? "3100";
  const pid = readFileSync(path.resolve(".data", `e2e-${port}`, "pg", "postmaster.pid"), "utf8").split("\n");
  const client = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${pid[3].trim()}/app` });
  await client.connect();
  return client;
}
