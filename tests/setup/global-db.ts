// Once per test run: a PostgreSQL server (DATABASE_URL's, else an embedded one in a temporary
// directory) and a template database with migrations and reference data. Each test file then
// clones the template into a database of its own (tests/setup/file-db.ts) and drops it.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrations";

let embedded: EmbeddedServer | undefined;
let tempDir: string | undefined;
let adminUrl = "";
const template = `tmpl_${process.pid}_${Date.now().toString(36)}`;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function setup() {
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, "postgres");
  } else {
    tempDir = mkdtempSync(path.join(os.tmpdir(), "scs-test-pg-"));
    embedded = await startEmbeddedPostgres(tempDir, 55432);
    adminUrl = embedded.url("postgres");
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();

  const templateUrl = withDatabase(adminUrl, template);
  await applyMigrations(templateUrl);
  process.env.DATABASE_URL = templateUrl;
  process.env.AUTH_SECRET ??= "test-auth-secret-not-for-production";
  process.env.ENCRYPTION_KEY ??= "test-encryption-key-not-for-production";
  const { seedReferenceData } = await import("../../lib/reference/seed");
  const { disconnectRootDb } = await import("../../lib/db/client");
  await seedReferenceData();
  await disconnectRootDb();

  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.TEST_PG_TEMPLATE = template;
}

export async function teardown() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  await admin.end();
  await embedded?.stop();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
