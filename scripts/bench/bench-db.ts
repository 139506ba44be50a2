// A throwaway database for benchmarks: DATABASE_URL's server, else an embedded PostgreSQL in a
// temporary directory. Migrated and seeded like the app's.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrations";

export async function benchDatabase() {
  const name = `bench_${Date.now().toString(36)}`;
  let adminUrl: string;
  let stopServer = async () => undefined as void;
  let tempDir: string | undefined;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "/postgres";
    adminUrl = url.toString();
  } else {
    tempDir = mkdtempSync(path.join(os.tmpdir(), "scs-bench-pg-"));
    const server = await startEmbeddedPostgres(tempDir, 56432);
    adminUrl = server.url("postgres");
    stopServer = server.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await applyMigrations(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  process.env.AUTH_SECRET ??= "bench-secret";
  process.env.ENCRYPTION_KEY ??= "bench-key";
  process.env.LOG_LEVEL ??= "silent";
  const { seedReferenceData } = await import("../../lib/reference/seed");
  await seedReferenceData();
  return {
    url: databaseUrl,
    async drop() {
      const { disconnectRootDb } = await import("../../lib/db/client");
      const { closePgPool } = await import("../../lib/db/pg");
      await Promise.all([disconnectRootDb(), closePgPool()]);
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
      await stopServer();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const ms = (x: number) => Math.round(x * 100) / 100;

/**
 * p50/p99 of `requests` calls of `call` (after 20 warm-up calls: the measured ones are of a running app)
 * and the server's own CPU per request, median, from the request metrics of `path` (lib/system/metrics):
 * what the machine's load does not inflate.
 */
export async function timeRequests(path: string, requests: number, call: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await call(i);
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    await call(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  await new Promise((resolve) => setTimeout(resolve, 500)); // metrics are written after the answer
  const { rootDb } = await import("../../lib/db/client");
  const [cpu] = await rootDb().$queryRaw<{ p50: number }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "cpuUserMs" + "cpuSystemMs") AS p50
    FROM (SELECT * FROM request_metrics WHERE path = ${path} ORDER BY id DESC LIMIT ${requests}) r`;
  return { p50: ms(percentile(times, 50)), p99: ms(percentile(times, 99)), cpuMs: ms(Number(cpu?.p50 ?? NaN)) };
}
