/**
 * Writer list and dashboard benchmark: seeds 10,000 articles (with tasks, clusters and featured
 * images, ~6 KB of HTML each) into a fresh database and times the service calls the Drafts page and
 * the Writer dashboard make, through the scoped client, as a signed-in owner would.
 *
 * Run: npm run bench:writer   (DATABASE_URL's server gets a temporary database; without it, an
 * embedded PostgreSQL in a temporary directory). Prints p50/p99 per call and a JSON summary.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrations";

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const WARMUP = 5;

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function paragraph(i: number) {
  return `<p>Raised beds warm up faster in spring, drain better after heavy rain and keep paths dry. Article ${i} explains the trade-offs of cedar, pine and galvanised steel, how deep the soil should be for roots, and which vegetables do best in the first season.</p>`;
}

function articleHtml(i: number) {
  const sections = Array.from({ length: 8 }, (_, s) => `<h2>Section ${s + 1}</h2>${paragraph(i)}${paragraph(i + s)}`);
  return sections.join("");
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function time(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { label, runs: RUNS, p50: Math.round(percentile(samples, 50) * 10) / 10, p99: Math.round(percentile(samples, 99) * 10) / 10, max: Math.round(samples.at(-1)! * 10) / 10 };
}

async function main() {
  let embedded: EmbeddedServer | undefined;
  let tempDir: string | undefined;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, "postgres");
  } else {
    tempDir = mkdtempSync(path.join(os.tmpdir(), "scs-bench-writer-"));
    embedded = await startEmbeddedPostgres(tempDir, 56432);
    adminUrl = embedded.url("postgres");
  }
  const database = `bench_writer_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  process.env.DATABASE_URL = withDatabase(adminUrl, database);
  process.env.LOG_LEVEL = "silent";
  process.env.AUTH_SECRET ??= "bench-secret";
  process.env.ENCRYPTION_KEY ??= "bench-encryption-key";

  try {
    await applyMigrations(process.env.DATABASE_URL);
    const { seedReferenceData } = await import("../../lib/reference/seed");
    const { rootDb, disconnectRootDb } = await import("../../lib/db/client");
    const { registerAccount, loadContext } = await import("../../lib/auth/service");
    const { scoped } = await import("../../lib/db/scoped");
    const { withSelection } = await import("../../lib/db/tenant-context");
    const { listContent, listTasks, getWriterDashboard, listImageGallery } = await import("../../lib/writer/service");
    await seedReferenceData();
    const db = rootDb();

    const seedStart = performance.now();
    const { user, account } = await registerAccount({ email: `bench-${Date.now()}@example.test`, password: "bench password 123", name: "Bench", accountName: "Bench Co" });
    const site = await db.site.create({ data: { accountId: account.id, name: "Bench site", slug: "bench-site" } });
    const sectors = await Promise.all(["vegetables", "flowers"].map((slug) => db.sector.create({ data: { accountId: account.id, siteId: site.id, name: slug, slug } })));
    // Another tenant's rows in the same tables, so scoping has something to filter out.
    const other = await registerAccount({ email: `other-${Date.now()}@example.test`, password: "bench password 123", name: "Other", accountName: "Other Co" });
    const otherSite = await db.site.create({ data: { accountId: other.account.id, name: "Other", slug: "other-site" } });
    const otherSector = await db.sector.create({ data: { accountId: other.account.id, siteId: otherSite.id, name: "x", slug: "x" } });
    const clusters = await Promise.all(Array.from({ length: 40 }, (_, i) => db.cluster.create({ data: { accountId: account.id, siteId: site.id, sectorId: sectors[i % 2].id, name: `Cluster ${i}` } })));

    const now = Date.now();
    const statuses = ["draft", "draft", "draft", "review", "published"] as const;
    const CHUNK = 1000;
    for (const [tenant, count] of [["main", ARTICLES], ["other", 2000]] as const) {
      for (let start = 0; start < count; start += CHUNK) {
        const n = Math.min(CHUNK, count - start);
        const rows = Array.from({ length: n }, (_, k) => {
          const i = start + k;
          const createdAt = new Date(now - (i % 90) * 86_400_000 - (i % 1000) * 1000);
          const sectorId = tenant === "main" ? sectors[i % 2].id : otherSector.id;
          return { i, createdAt, sectorId, clusterId: tenant === "main" ? clusters[i % clusters.length].id : null };
        });
        const accountId = tenant === "main" ? account.id : other.account.id;
        const siteId = tenant === "main" ? site.id : otherSite.id;
        const tasks = await db.task.createManyAndReturn({
          data: rows.map((r) => ({ accountId, siteId, sectorId: r.sectorId, title: `Raised bed guide ${tenant} ${r.i}`, keywords: `raised beds ${r.i}, garden`, clusterId: r.clusterId, status: "completed" as const, createdAt: r.createdAt })),
          select: { id: true },
        });
        const contents = await db.content.createManyAndReturn({
          data: rows.map((r, k) => {
            const status = statuses[r.i % statuses.length];
            return {
              accountId,
              siteId,
              sectorId: r.sectorId,
              taskId: tasks[k].id,
              title: `Raised bed guide ${tenant} ${r.i}`,
              html: articleHtml(r.i),
              wordCount: 900 + (r.i % 1200),
              status,
              slug: `raised-bed-guide-${tenant}-${r.i}`,
              primaryKeyword: `raised beds ${r.i}`,
              createdAt: r.createdAt,
              updatedAt: new Date(r.createdAt.getTime() + 3_600_000),
              publishedAt: status === "published" ? new Date(r.createdAt.getTime() + 7_200_000) : null,
            };
          }),
          select: { id: true },
        });
        if (tenant === "main") {
          await db.contentClusterMap.createMany({ data: rows.filter((r) => r.clusterId).map((r, k) => ({ accountId, siteId, sectorId: r.sectorId, contentId: contents[k].id, clusterId: r.clusterId!, role: "primary" })) });
          await db.image.createMany({
            data: rows.filter((r) => r.i % 3 === 0).map((r) => ({ accountId, siteId, sectorId: r.sectorId, contentId: contents[rows.indexOf(r)].id, type: "featured" as const, status: "generated" as const, storageKey: `a${accountId}/202611/${String(r.i).padStart(22, "0")}-bench.png`, altText: "A raised bed", width: 1200, height: 800 })),
          });
        }
      }
    }
    await db.$executeRawUnsafe("ANALYZE");
    const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;

    const ctx = await loadContext(user.id);
    const siteDb = scoped(withSelection(ctx, site.id));
    const sectorDb = scoped(withSelection(ctx, site.id, sectors[0].id));
    const drafts = { page: 1, pageSize: 25, status: ["draft", "review"] as ("draft" | "review")[], ordering: "-updatedAt" };
    const results = [
      await time("drafts list (site, page 1 of 25)", () => listContent(siteDb, drafts)),
      await time("drafts list (site + sector)", () => listContent(sectorDb, drafts)),
      await time("drafts list (page 200)", () => listContent(siteDb, { ...drafts, page: 200 })),
      await time("drafts list (search 'guide main 77')", () => listContent(siteDb, { ...drafts, search: "guide main 77" })),
      await time("drafts list (cluster filter, by words)", () => listContent(siteDb, { ...drafts, clusterId: clusters[3].id, ordering: "-wordCount" })),
      await time("published list", () => listContent(siteDb, { ...drafts, status: ["published"], ordering: "-publishedAt" })),
      await time("tasks list", () => listTasks(siteDb, { page: 1, pageSize: 25, ordering: "-createdAt" })),
      await time("images gallery", () => listImageGallery(siteDb, { page: 1, pageSize: 10 })),
      await time("writer dashboard", () => getWriterDashboard(siteDb, ctx)),
    ];
    const count = await db.content.count({ where: { accountId: account.id } });
    console.log(`\nWriter benchmark: ${count.toLocaleString("en-US")} articles in the account (+2,000 in another), seeded in ${seedSeconds}s; ${RUNS} runs each after ${WARMUP} warm-up runs.\n`);
    console.log("call".padEnd(42), "p50 ms".padStart(8), "p99 ms".padStart(8), "max ms".padStart(8));
    for (const r of results) console.log(r.label.padEnd(42), String(r.p50).padStart(8), String(r.p99).padStart(8), String(r.max).padStart(8));
    console.log(`\n${JSON.stringify({ articles: count, runs: RUNS, results })}`);
    await disconnectRootDb();
  } finally {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await cleanup.end();
    await embedded?.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
