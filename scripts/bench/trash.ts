/**
 * Trash benchmark (npm run bench:trash): what the `deletedAt IS NULL` filter costs the keyword
 * list, and how long moving to the trash, restoring and purging take in bulk.
 *
 * Seeds one site with KEYWORDS keywords (two sectors), then measures the keyword list service
 * (count + first page, as the Keywords page asks) before and after trashing TRASHED of them, the
 * site-wide count with and without the filter in SQL (the filter makes PostgreSQL read the table
 * rows instead of an index-only scan), and the bulk trash / restore / purge of BULK keywords.
 */
import { benchDatabase, ms, percentile } from "./bench-db";

const KEYWORDS = Number(process.argv[2] ?? 200_000);
const TRASHED = Math.round(KEYWORDS / 10);
const BULK = 1_000;
const RUNS = 100;

async function main() {
  const db = await benchDatabase();
  const { rootDb } = await import("../../lib/db/client");
  const { scoped } = await import("../../lib/db/scoped");
  const { registerAccount, loadContext } = await import("../../lib/auth/service");
  const { listKeywords } = await import("../../lib/planner/keywords");
  const { keywordListQuerySchema } = await import("../../lib/planner/schemas");
  const { trashKeywords, restoreTrash, purgeTrash } = await import("../../lib/trash/service");

  const { user, account } = await registerAccount({ email: `bench-trash-${Date.now()}@example.test`, password: "bench password", name: "Bench", accountName: "Bench trash" });
  const plan = await rootDb().plan.findUniqueOrThrow({ where: { slug: "scale" } });
  await rootDb().account.update({ where: { id: account.id }, data: { planId: plan.id } });
  await rootDb().plan.update({ where: { id: plan.id }, data: { maxKeywords: KEYWORDS * 2 } });
  const site = await rootDb().site.create({ data: { accountId: account.id, name: "Bench", slug: `bench-trash-${Date.now()}` } });
  const sectors = await Promise.all([0, 1].map((s) => rootDb().sector.create({ data: { accountId: account.id, siteId: site.id, name: `Sector ${s}`, slug: `sector-${s}` } })));
  for (const sector of sectors) {
    await rootDb().$executeRaw`
      INSERT INTO keywords ("accountId", "siteId", "sectorId", keyword, normalized, volume, difficulty, status, source, "createdAt", "updatedAt")
      SELECT ${account.id}, ${site.id}, ${sector.id}, 'kw ' || g || ' s' || ${sector.id}, 'kw ' || g || ' s' || ${sector.id}, (g * 7919) % 100000, g % 101, 'pending', 'csv_import', now() - (g || ' seconds')::interval, now()
      FROM generate_series(1, ${KEYWORDS / 2}) g`;
  }
  await rootDb().$executeRawUnsafe("VACUUM ANALYZE keywords");
  const ctx = await loadContext(user.id);
  const sdb = scoped(ctx);
  const query = keywordListQuerySchema.parse({ siteId: site.id, page: 1, pageSize: 25 });

  async function listLatency() {
    await listKeywords(sdb, query);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await listKeywords(sdb, { ...query, ordering: i % 2 ? "-volume" : undefined });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { p50: ms(percentile(times, 50)), p99: ms(percentile(times, 99)) };
  }

  async function countMs(filter: string) {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await rootDb().$queryRawUnsafe(`SELECT count(*) FROM keywords WHERE "accountId" = ${account.id} AND "siteId" = ${site.id} ${filter}`);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return ms(percentile(times, 50));
  }

  const results: Record<string, unknown> = { keywords: KEYWORDS };
  results.listBeforeTrash = await listLatency();
  results.countMsWithoutFilter = await countMs("");
  results.countMsWithFilter = await countMs(`AND "deletedAt" IS NULL`);

  const ids = (await rootDb().keyword.findMany({ where: { siteId: site.id }, select: { id: true }, orderBy: { id: "asc" }, take: TRASHED })).map((k) => k.id);
  let started = performance.now();
  for (let i = 0; i < ids.length; i += 10_000) await trashKeywords(sdb, ctx, ids.slice(i, i + 10_000));
  results.trashSeconds = { keywords: TRASHED, seconds: ms((performance.now() - started) / 1000) };
  await rootDb().$executeRawUnsafe("VACUUM ANALYZE keywords");
  results.listAfterTrashingTenPercent = await listLatency();

  const entries = (await rootDb().trashEntry.findMany({ where: { siteId: site.id }, select: { id: true }, take: BULK * 2 })).map((e) => e.id);
  started = performance.now();
  await restoreTrash(sdb, ctx, entries.slice(0, BULK));
  results.restoreMs = { items: BULK, ms: ms(performance.now() - started) };
  started = performance.now();
  await purgeTrash(sdb, ctx, entries.slice(BULK, BULK * 2));
  results.purgeMs = { items: BULK, ms: ms(performance.now() - started) };

  console.log(JSON.stringify(results, null, 2));
  await db.drop();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
