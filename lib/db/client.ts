// The unscoped Prisma client. Import it only from the named places listed in
// lib/db/README.md (guarded by tests/integration/db/unscoped-client-guard.test.ts);
// everything else goes through `scoped(ctx)`.
import { env } from "@/lib/config/env";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import pg from "pg";
import { instrumentPgClient } from "./query-tracking";

const globalForDb = globalThis as unknown as { __rootDb?: PrismaClient; __rootDbUrl?: string };

function databaseUrl(): string {
  const url = env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the runtime bootstrap must run first (lib/runtime/bootstrap.ts).");
  return url;
}

/** Created on first use, so the bootstrap can set DATABASE_URL (embedded mode) beforehand. */
export function rootDb(): PrismaClient {
  const url = databaseUrl();
  if (!globalForDb.__rootDb || globalForDb.__rootDbUrl !== url) {
    // Our own pool, so each connection's queries can be counted for resource tracking.
    const pool = new pg.Pool({ connectionString: url, max: env.DATABASE_POOL_SIZE });
    pool.on("connect", instrumentPgClient);
    globalForDb.__rootDb = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    globalForDb.__rootDbUrl = url;
  }
  return globalForDb.__rootDb;
}

export async function disconnectRootDb(): Promise<void> {
  await globalForDb.__rootDb?.$disconnect();
  globalForDb.__rootDb = undefined;
}

export type RootDb = PrismaClient;
