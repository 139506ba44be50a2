// A plain node-postgres pool for what Prisma cannot do (COPY). Raw SQL bypasses the tenant
// extension: only reviewed callers use it, and they pass account/site/sector ids explicitly.
import { env } from "@/lib/config/env";
import pg from "pg";

const state = globalThis as unknown as { __pgPool?: pg.Pool; __pgPoolUrl?: string };

export function pgPool(): pg.Pool {
  const url = env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the runtime bootstrap must run first.");
  if (!state.__pgPool || state.__pgPoolUrl !== url) {
    state.__pgPool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle client losing its server (restart, dropped test database) must not crash the process.
    state.__pgPool.on("error", () => undefined);
    state.__pgPoolUrl = url;
  }
  return state.__pgPool;
}

export async function closePgPool(): Promise<void> {
  await state.__pgPool?.end();
  state.__pgPool = undefined;
}
