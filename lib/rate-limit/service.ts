// Fixed-window rate limits kept in PostgreSQL, so every app instance shares them.
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
  const rows = await rootDb().$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_buckets (key, count, "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit_buckets."windowStart" <= now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE rate_limit_buckets.count + 1 END,
      "windowStart" = CASE WHEN rate_limit_buckets."windowStart" <= now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE rate_limit_buckets."windowStart" END
    RETURNING count`;
  return rows[0].count;
}

export async function resetRateLimit(key: string): Promise<void> {
  await rootDb().rateLimitBucket.deleteMany({ where: { key } });
}
