/**
 * Planner benchmark (npm run bench:planner): CSV import against PostgreSQL COPY, local clustering
 * at 10k/100k keywords, and the keyword list service over 1,000,000 keywords in 50 accounts.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { benchDatabase, ms, percentile } from "./bench-db";
import { runClusteringBenchmark } from "./clustering";

const IMPORT_ROWS = 100_000;
const LIST_ACCOUNTS = 50;
const LIST_KEYWORDS = 1_000_000;

async function main() {
  const db = await benchDatabase();
  const { rootDb } = await import("../../lib/db/client");
  const { pgPool } = await import("../../lib/db/pg");
  const { scoped } = await import("../../lib/db/scoped");
  const { registerAccount, loadContext } = await import("../../lib/auth/service");
  const { importKeywordsCsv } = await import("../../lib/planner/import");
  const { listKeywords } = await import("../../lib/planner/keywords");
  const { normalizeKeyword } = await import("../../lib/planner/keyword-text");
  const { keywordListQuerySchema } = await import("../../lib/planner/schemas");
  const results: Record<string, unknown> = {};
  let importTenant: Awaited<ReturnType<typeof tenant>> | undefined;

  async function tenant(i: number, planSlug = "scale") {
    const { user, account } = await registerAccount({ email: `bench${i}-${Date.now()}@example.test`, password: "bench password", name: `Bench ${i}`, accountName: `Bench ${i}` });
    const plan = await rootDb().plan.findUniqueOrThrow({ where: { slug: planSlug } });
    await rootDb().account.update({ where: { id: account.id }, data: { planId: plan.id } });
    const site = await rootDb().site.create({ data: { accountId: account.id, name: `Site ${i}`, slug: `site-${i}` } });
    const sectors = await Promise.all([0, 1].map((s) => rootDb().sector.create({ data: { accountId: account.id, siteId: site.id, name: `Sector ${s}`, slug: `sector-${s}` } })));
    return { user, account, site, sectors };
  }

  // 1. Import a 100,000-row Semrush-style CSV, then COPY the same rows into the same table.
  {
    const dir = mkdtempSync(path.join(os.tmpdir(), "scs-bench-csv-"));
    const file = path.join(dir, "keywords.csv");
    const lines = ["Keyword,Intent,Volume,Keyword Difficulty,CPC (USD),SERP Features"];
    for (let i = 0; i < IMPORT_ROWS; i++) lines.push(`keyword number ${i} for topic ${i % 997},Commercial,${(i * 37) % 50000},${i % 101},${((i % 500) / 100).toFixed(2)},"Reviews, Video"`);
    writeFileSync(file, lines.join("\n"));
    const t = await tenant(0);
    importTenant = t;
    const ctx = await loadContext(t.user.id);
    const started = performance.now();
    const report = await importKeywordsCsv(scoped(ctx), ctx, { siteId: t.site.id, sectorId: t.sectors[0].id, body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array> });
    const importMs = performance.now() - started;

    const now = new Date().toISOString();
    const copyRows = lines.slice(1).map((line, i) => {
      const keyword = line.split(",")[0];
      return [t.account.id, t.site.id, t.sectors[1].id, keyword, normalizeKeyword(keyword), (i * 37) % 50000, i % 101, ((i % 500) / 100).toFixed(2), "commercial", "pending", "csv_import", now, now].join("\t");
    });
    const client = await pgPool().connect();
    const copyStarted = performance.now();
    await pipeline(
      Readable.from(function* () {
        for (let i = 0; i < copyRows.length; i += 5000) yield copyRows.slice(i, i + 5000).join("\n") + "\n";
      }()),
      client.query(copyFrom(`COPY keywords ("accountId", "siteId", "sectorId", keyword, normalized, volume, difficulty, cpc, intent, status, source, "createdAt", "updatedAt") FROM STDIN`)),
    );
    const copyMs = performance.now() - copyStarted;
    client.release();
    rmSync(dir, { recursive: true, force: true });
    results.import = {
      rows: IMPORT_ROWS,
      imported: report.imported,
      importSeconds: ms(importMs / 1000),
      rowsPerSecond: Math.round(IMPORT_ROWS / (importMs / 1000)),
      copySeconds: ms(copyMs / 1000),
      copyRowsPerSecond: Math.round(IMPORT_ROWS / (copyMs / 1000)),
      ratioToCopy: ms(importMs / copyMs),
      target: "within 3× of COPY",
    };
    console.log("import", results.import);
  }

  // 1b. One big account: 200,000 keywords in one site (100,000 per sector), as a user browsing them.
  {
    const t = importTenant!;
    // Steady state: autovacuum runs after bulk loads (sets the visibility map for index-only counts).
    await rootDb().$executeRawUnsafe("VACUUM ANALYZE keywords");
    const ctx = await loadContext(t.user.id);
    const db = scoped(ctx);
    const shapes: Record<string, Record<string, unknown>> = {
      siteNewest: { siteId: t.site.id },
      siteByVolume: { siteId: t.site.id, ordering: "-volume" },
      sectorByDifficulty: { siteId: t.site.id, sectorId: t.sectors[0].id, ordering: "difficulty" },
      sectorFiltered: { siteId: t.site.id, sectorId: t.sectors[0].id, difficultyMin: 30, difficultyMax: 60, volumeMin: 1000, ordering: "-volume" },
      sectorSearch: { siteId: t.site.id, sectorId: t.sectors[0].id, search: "topic 42" },
    };
    const latency: Record<string, unknown> = {};
    for (const [name, extra] of Object.entries(shapes)) {
      const times: number[] = [];
      for (let i = 0; i < 50; i++) {
        const started = performance.now();
        await listKeywords(db, keywordListQuerySchema.parse({ page: 1 + (i % 5), pageSize: 50, ...extra }));
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      latency[name] = { p50: ms(percentile(times, 50)), p99: ms(percentile(times, 99)) };
    }
    results.bigAccount = { keywords: 2 * IMPORT_ROWS, latencyMs: latency };
    console.log("big account", JSON.stringify(results.bigAccount));
  }

  // 2. Local clustering (clustering time only) and quality on the labelled fixtures.
  results.clustering = await runClusteringBenchmark();

  // 3. The keyword list service over 1,000,000 keywords spread over 50 accounts.
  {
    const tenants = [];
    for (let i = 1; i <= LIST_ACCOUNTS; i++) tenants.push(await tenant(i));
    const perSector = LIST_KEYWORDS / LIST_ACCOUNTS / 2;
    const seeded = performance.now();
    for (const t of tenants) {
      for (const sector of t.sectors) {
        await rootDb().$executeRaw`
          INSERT INTO keywords ("accountId", "siteId", "sectorId", keyword, normalized, volume, difficulty, intent, status, source, "createdAt", "updatedAt")
          SELECT ${t.account.id}, ${t.site.id}, ${sector.id}, 'kw ' || g || ' topic ' || (g % 500), 'kw ' || g || ' topic ' || (g % 500), (g * 7919) % 100000, g % 101,
                 (ARRAY['informational','navigational','commercial','transactional'])[1 + g % 4]::"KeywordIntent", 'pending', 'csv_import', now() - (g || ' seconds')::interval, now()
          FROM generate_series(1, ${perSector}) g`;
      }
    }
    // Steady state: autovacuum runs after bulk loads (sets the visibility map for index-only counts).
    await rootDb().$executeRawUnsafe("VACUUM ANALYZE keywords");
    const seedSeconds = ms((performance.now() - seeded) / 1000);
    const queries: Record<string, Record<string, unknown>> = {
      default: {},
      volumeDesc: { ordering: "-volume" },
      filtered: { intent: "commercial", difficultyMin: 20, difficultyMax: 60, ordering: "-volume" },
      sectorAndSearch: { search: "topic 42", ordering: "difficulty" },
      deepPage: { page: 40, pageSize: 100, ordering: "-volume" },
    };
    // One query per account first: the measured calls are of a running app, not its first request.
    for (const t of tenants) await listKeywords(scoped(await loadContext(t.user.id)), keywordListQuerySchema.parse({ siteId: t.site.id }));
    const latency: Record<string, unknown> = {};
    const all: number[] = [];
    for (const [name, extra] of Object.entries(queries)) {
      const times: number[] = [];
      for (let i = 0; i < 200; i++) {
        const t = tenants[i % tenants.length];
        const ctx = await loadContext(t.user.id);
        const db = scoped(ctx);
        const query = keywordListQuerySchema.parse({ page: 1, pageSize: 25, siteId: t.site.id, ...(name === "sectorAndSearch" ? { sectorId: t.sectors[0].id } : {}), ...extra });
        const started = performance.now();
        await listKeywords(db, query);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      latency[name] = { p50: ms(percentile(times, 50)), p99: ms(percentile(times, 99)) };
    }
    all.sort((a, b) => a - b);
    results.list = { keywords: LIST_KEYWORDS, accounts: LIST_ACCOUNTS, seedSeconds, latencyMs: latency, overall: { p50: ms(percentile(all, 50)), p99: ms(percentile(all, 99)) }, target: "p99 under 50 ms" };
    console.log("list", JSON.stringify(results.list, null, 2));
  }

  console.log("\n== Planner benchmark summary ==\n" + JSON.stringify(results, null, 2));
  await db.drop();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
