// Fixed-window rate limits kept in PostgreSQL, so every app instance shares them (sign-in and
// sign-up limits here, the REST API's throttle scopes in ./throttle.ts).
import { rootDb } from "@/lib/db/client";
import { RateLimitError } from "@/lib/errors";

export type RateLimit = { key: string; limit: number; windowSeconds: number; message?: string };

/** Counts one hit; throws RateLimitError once the window's limit is passed. */
export async function hitRateLimit({ key, limit, windowSeconds, message }: RateLimit): Promise<void> {
  const count = await incrementBucket(key, windowSeconds);
  if (count > limit) {
    throw new RateLimitError(message ?? "Too many requests. Try again later.", windowSeconds);
  }
}

/** Checks without counting (e.g. before a password check, so only failures count). */
export async function isRateLimited({ key, limit, windowSeconds }: RateLimit): Promise<boolean> {
  const rows = await rootDb().$queryRaw<{ count: number }[]>`
    SELECT count FROM rate_limit_buckets
    WHERE key = ${key} AND "windowStart" > now() - make_interval(secs => ${windowSeconds})`;
  return (rows[0]?.count ?? 0) >= limit;
}

export async function incrementBucket(key: string, windowSeconds: number): Promise<number> {
  return (await hitBucket(key, windowSeconds)).count;
}

/** Counts one hit in the key's current window (a new window once the old one is over): one statement. */
export async function hitBucket(key: string, windowSeconds: number): Promise<{ count: number; resetSeconds: number }> {
  const rows = await rootDb().$queryRaw<{ count: number; reset: number }[]>`
    INSERT INTO rate_limit_buckets (key, count, "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit_buckets."windowStart" <= now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE rate_limit_buckets.count + 1 END,
      "windowStart" = CASE WHEN rate_limit_buckets."windowStart" <= now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE rate_limit_buckets."windowStart" END
    RETURNING count, greatest(1, ceil(extract(epoch FROM "windowStart" + make_interval(secs => ${windowSeconds}) - now())))::int AS reset`;
  if (Math.random() < PRUNE_PROBABILITY) void pruneExpiredBuckets().catch(() => {});
  return { count: rows[0].count, resetSeconds: rows[0].reset };
}

const PRUNE_PROBABILITY = 0.001;

/** Rows whose window ended long ago (no limit uses windows over a day) are dropped now and then. */
export async function pruneExpiredBuckets(): Promise<number> {
  return rootDb().$executeRaw`DELETE FROM rate_limit_buckets WHERE "windowStart" < now() - interval '2 days'`;
}

export async function resetRateLimit(key: string): Promise<void> {
  await rootDb().rateLimitBucket.deleteMany({ where: { key } });
}
