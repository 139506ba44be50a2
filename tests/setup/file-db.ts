// Each test file gets its own database, cloned from the run's template, dropped afterwards.
process.env.LOG_LEVEL ??= "silent";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";

const adminUrl = process.env.TEST_PG_ADMIN_URL!;
const template = process.env.TEST_PG_TEMPLATE!;
const database = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  // CREATE DATABASE ... TEMPLATE fails while another session uses the template: retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`));
      break;
    } catch (error) {
      if (attempt > 50 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  process.env.DATABASE_URL = url.toString();
});

afterAll(async () => {
  const { disconnectRootDb } = await import("@/lib/db/client");
  const { closePgPool } = await import("@/lib/db/pg");
  await Promise.all([disconnectRootDb(), closePgPool()]);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
});
