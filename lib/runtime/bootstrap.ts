// Runs once per server process (instrumentation.ts) and in scripts: secrets, database
// (embedded when DATABASE_URL is unset), migrations, reference data.
import pg from "pg";
import { env, setEnv, validateEnv } from "@/lib/config/env";
import { DATA_DIR } from "@/lib/config/paths";
import { ensureSecrets } from "@/lib/config/secrets";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { seedReferenceData } from "@/lib/reference/seed";
import { log } from "@/lib/log";

/** `__embeddedPostgres`: the database this process started, which server-app.mjs stops on shutdown. */
const state = globalThis as unknown as { __bootstrap?: Promise<void>; __embeddedPostgres?: EmbeddedServer };

export function bootstrap(): Promise<void> {
  state.__bootstrap ??= run().catch((error) => {
    state.__bootstrap = undefined;
    throw error;
  });
  return state.__bootstrap;
}

async function run() {
  const started = Date.now();
  validateEnv();
  ensureSecrets();
  if (!env.DATABASE_URL) {
    const server = await startEmbeddedPostgres(DATA_DIR, env.EMBEDDED_PG_PORT);
    state.__embeddedPostgres = server;
    await createDatabaseIfMissing(server.url("postgres"), "app");
    setEnv("DATABASE_URL", server.url("app"));
    log.info("embedded PostgreSQL started", { port: server.port, dataDir: DATA_DIR });
  }
  const applied = await applyMigrations(env.DATABASE_URL!);
  if (applied.length) log.info("migrations applied", { applied });
  await seedReferenceData();
  log.info("runtime ready", { ms: Date.now() - started });
}

export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}

/**
 * Server processes only (instrumentation.ts), without an Inngest server: the local job queue starts
 * claiming runs (those left pending or running by a stopped process too, once their lease expires)
 * and ticking schedules (scheduled publishing).
 */
export async function startLocalJobs(): Promise<void> {
  const { jobProvider } = await import("@/lib/jobs/provider");
  const { LocalJobProvider } = await import("@/lib/jobs/local/provider");
  const provider = jobProvider();
  if (provider instanceof LocalJobProvider) provider.start();
}
