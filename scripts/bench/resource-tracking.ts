/**
 * Resource tracking benchmark (npm run bench:tracking): what counting queries costs when tracking
 * is off (every request but a developer's tracked ones) and on. Runs QUERIES `SELECT 1` round
 * trips on one connection each: a plain pg client, an instrumented one outside a tracked request,
 * and an instrumented one inside; reports the best mean of three interleaved rounds. Needs DATABASE_URL.
 */
import pg from "pg";
import { instrumentPgClient, queryTracking } from "../../lib/db/query-tracking";

const QUERIES = Number(process.argv[2] ?? 5_000);

async function run(client: pg.PoolClient): Promise<{ mean: number }> {
  const times: number[] = [];
  for (let i = 0; i < 200; i++) await client.query("SELECT 1"); // warm up
  for (let i = 0; i < QUERIES; i++) {
    const started = performance.now();
    await client.query("SELECT 1");
    times.push(performance.now() - started);
  }
  return { mean: times.reduce((s, t) => s + t, 0) / times.length };
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL.");
  const plain = new pg.Pool({ connectionString: url, max: 1 });
  const instrumented = new pg.Pool({ connectionString: url, max: 1 });
  instrumented.on("connect", instrumentPgClient);
  const [a, b] = [await plain.connect(), await instrumented.connect()];
  const rows: [string, number][] = [];
  // Interleaved rounds, so drift on a shared machine hits every variant alike.
  const sums = { plain: [] as number[], off: [] as number[], on: [] as number[] };
  for (let round = 0; round < 3; round++) {
    sums.plain.push((await run(a)).mean);
    sums.off.push((await run(b)).mean);
    const tracker = { queries: 0, queryMs: 0 };
    sums.on.push((await queryTracking.run(tracker, () => run(b))).mean);
  }
  const best = (xs: number[]) => Math.min(...xs);
  rows.push(["plain pg client", best(sums.plain)], ["instrumented, tracking off", best(sums.off)], ["instrumented, tracking on", best(sums.on)]);
  console.log(`${QUERIES} × SELECT 1 per variant, best mean of 3 interleaved rounds (ms per query):`);
  for (const [name, mean] of rows) console.log(`  ${name.padEnd(28)} ${mean.toFixed(4)}`);
  console.log(`  off vs plain: ${(((best(sums.off) - best(sums.plain)) / best(sums.plain)) * 100).toFixed(1)} %   on vs plain: ${(((best(sums.on) - best(sums.plain)) / best(sums.plain)) * 100).toFixed(1)} %`);
  a.release();
  b.release();
  await Promise.all([plain.end(), instrumented.end()]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
