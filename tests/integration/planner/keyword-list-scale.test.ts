// The keyword list at scale: exact counts while small, labelled estimates when large, and keyset
// pages (next_cursor) that neither repeat nor skip rows while keywords are being added.
import { describe, expect, it } from "vitest";
import * as keywords from "@/app/api/v1/planner/keywords/route";
import * as clusters from "@/app/api/v1/planner/clusters/route";
import { rootDb } from "@/lib/db/client";
import { EXACT_COUNT_LIMIT } from "@/lib/http/list-count";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { twoTenants } from "@/tests/fixtures/factories";
import { createKeywords, seedKeywords } from "@/tests/fixtures/planner";

type Row = { id: number; keyword: string; volume: number | null; difficulty: number | null; created_at: string };

describe("keyword list at scale", () => {
  it("counts exactly up to the limit, then estimates and says so; short pages are exact", async () => {
    const { a, b } = await twoTenants();
    const sector = { ...a.sector, siteId: a.site.id };
    await seedKeywords(sector, EXACT_COUNT_LIMIT + 2_000);
    await rootDb().$executeRawUnsafe("ANALYZE keywords");
    const token = await tokenFor(a.owner.id);
    const list = async (qs: string) => (await callApi(keywords.GET, { token, url: `/api/v1/planner/keywords/?site_id=${a.site.id}&${qs}` })).body.data;

    const all = await list("page_size=10");
    expect(all.count_is_estimate).toBe(true);
    expect(all.count).toBeGreaterThan(EXACT_COUNT_LIMIT * 0.8);
    expect(all.count).toBeLessThan((EXACT_COUNT_LIMIT + 2_000) * 1.25);
    // A list too large to count links onward by cursor (no OFFSET however far a client follows `next`).
    expect(all.next_cursor).toEqual(expect.any(String));
    expect(all.next).toContain(`cursor=${all.next_cursor}`);
    expect(all).toMatchObject({ previous: null, previous_cursor: null });

    const easy = Array.from({ length: EXACT_COUNT_LIMIT + 2_000 }, (_, i) => (i + 1) % 101).filter((d) => d <= 9).length; // 10 of every 101
    const some = await list("difficulty_max=9&page_size=10");
    expect(some).toMatchObject({ count: easy, count_is_estimate: false });
    const pages = Math.ceil(easy / 100);
    const lastPage = await list(`difficulty_max=9&page_size=100&page=${pages}`);
    expect(lastPage).toMatchObject({ count: easy, count_is_estimate: false, next: null, next_cursor: null });
    expect(lastPage.results).toHaveLength(easy - (pages - 1) * 100);

    const none = await list("search=nothing+like+this");
    expect(none).toMatchObject({ count: 0, count_is_estimate: false, results: [] });

    // Another account sees none of it, estimated or not.
    const other = await callApi(keywords.GET, { token: await tokenFor(b.owner.id), url: `/api/v1/planner/keywords/?site_id=${a.site.id}` });
    expect(other.body.data ?? { count: 0, results: [] }).toMatchObject({ count: 0, results: [] });
  });

  it.each(["keyword", "-keyword"])("has an index for the name ordering (%s): a page needs no sort of the site", async (ordering) => {
    const { a } = await twoTenants();
    await seedKeywords({ ...a.sector, siteId: a.site.id }, 3_000);
    await rootDb().$executeRawUnsafe("ANALYZE keywords");
    const dir = ordering.startsWith("-") ? "DESC" : "ASC";
    // With sorting priced out, the planner finds a sort-free plan only if an index matches (keyword, id).
    const plan = await rootDb().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
      const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT k.id FROM keywords k WHERE k."deletedAt" IS NULL AND k."accountId" = ${a.account.id} AND k."siteId" = ${a.site.id} ORDER BY k.keyword ${dir}, k.id ${dir} LIMIT 50 OFFSET 100`,
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("keywords_siteId_keyword_id_idx");
    expect(plan).not.toMatch(/\bSort\b/);
  });

  it.each(["-volume", "volume", "difficulty", "-createdAt", "keyword"])("pages by cursor (%s) without duplicates or gaps while rows are added", async (ordering) => {
    const { a } = await twoTenants();
    const sector = { ...a.sector, siteId: a.site.id };
    await seedKeywords(sector, 230);
    const token = await tokenFor(a.owner.id);
    const original = new Set((await rootDb().keyword.findMany({ where: { siteId: a.site.id }, select: { id: true } })).map((k) => k.id));
    const seen: Row[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const qs: string = `site_id=${a.site.id}&ordering=${ordering}&page_size=40${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await callApi(keywords.GET, { token, url: `/api/v1/planner/keywords/?${qs}` });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.results);
      if (cursor && res.body.data.next_cursor) expect(res.body.data.next).toContain(`cursor=${res.body.data.next_cursor}`);
      cursor = res.body.data.next_cursor;
      // Someone adds keywords between two pages: at both ends of every ordering.
      await createKeywords(sector, [
        { keyword: `aaa added ${pages}`, volume: 1_000_000, difficulty: 0 },
        { keyword: `zzz added ${pages}`, difficulty: 100 },
      ]);
      pages++;
    } while (cursor && pages < 50);
    const ids = seen.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length); // no duplicates
    for (const id of original) expect(ids).toContain(id); // no gaps
    // And in order.
    const key = (r: Row) => (ordering.endsWith("createdAt") ? r.created_at : ordering.endsWith("keyword") ? r.keyword : r[ordering.replace("-", "") as "volume" | "difficulty"]);
    const originals = seen.filter((r) => original.has(r.id));
    for (let i = 1; i < originals.length; i++) {
      const [p, c] = [key(originals[i - 1]), key(originals[i])];
      const cmp = p === c ? Math.sign((ordering.startsWith("-") ? -1 : 1) * (originals[i].id - originals[i - 1].id)) : p === null ? (ordering.startsWith("-") ? -1 : 1) : c === null ? (ordering.startsWith("-") ? 1 : -1) : (p < c ? 1 : -1) * (ordering.startsWith("-") ? -1 : 1);
      expect(cmp, `${JSON.stringify(originals[i - 1])} before ${JSON.stringify(originals[i])}`).toBe(1);
    }
  });

  it("refuses a forged cursor or one of another ordering with 400", async () => {
    const { a } = await twoTenants();
    await seedKeywords({ ...a.sector, siteId: a.site.id }, 30);
    const token = await tokenFor(a.owner.id);
    const url = (qs: string) => `/api/v1/planner/keywords/?site_id=${a.site.id}&page_size=10&${qs}`;
    const first = await callApi(keywords.GET, { token, url: url("ordering=-volume") });
    const cursor = first.body.data.next_cursor as string;
    expect((await callApi(keywords.GET, { token, url: url(`ordering=volume&cursor=${cursor}`) })).status).toBe(400);
    const forged = (o: string, v: unknown, id: unknown) => Buffer.from(JSON.stringify({ o, v, id })).toString("base64url");
    // Values PostgreSQL would refuse for the column are refused first (400, never a 500).
    for (const [ordering, bad] of [
      ["-volume", "xyz"],
      ["-volume", forged("-volume", "1; DROP", 1)],
      ["-volume", forged("-volume", 1, -4)],
      ["-volume", forged("-volume", 9_000_000_000_000, 1)],
      ["-volume", forged("-volume", 5, 3_000_000_000)],
      ["-createdAt", forged("-createdAt", "2026", 1)],
      ["-createdAt", forged("-createdAt", "-271821-04-20T00:00:00.000Z", 1)],
      ["keyword", forged("keyword", "a\u0000b", 1)],
      ["keyword", forged("keyword", "\ud800", 1)],
    ] as const) {
      const res = await callApi(keywords.GET, { token, url: url(`ordering=${ordering}&cursor=${bad}`) });
      expect(res.status, `${ordering} ${Buffer.from(bad, "base64url").toString()}`).toBe(400);
      expect(res.body.errors.cursor).toBeDefined();
    }
    // A keyword with an emoji is a fine cursor value.
    const emoji = await callApi(keywords.GET, { token, url: url(`ordering=keyword&cursor=${forged("keyword", "bulk ☕️ 🏃", 1)}`) });
    expect(emoji.status).toBe(200);
  });

  it("the clusters list counts exactly up to the limit, then says it is more (labelled estimate)", async () => {
    const { a } = await twoTenants();
    await rootDb().$executeRaw`
      INSERT INTO clusters ("accountId", "siteId", "sectorId", name, "createdAt", "updatedAt")
      SELECT ${a.account.id}, ${a.site.id}, ${a.sector.id}, 'cluster ' || g, now(), now() FROM generate_series(1, ${EXACT_COUNT_LIMIT + 30}) g`;
    const token = await tokenFor(a.owner.id);
    const list = async (qs: string) => (await callApi(clusters.GET, { token, url: `/api/v1/planner/clusters/?site_id=${a.site.id}&${qs}` })).body.data;
    expect(await list("page_size=10")).toMatchObject({ count: EXACT_COUNT_LIMIT + 1, count_is_estimate: true });
    expect(await list("page_size=10&search=cluster+99")).toMatchObject({ count: 11, count_is_estimate: false }); // 99, 990–999
    const last = await list(`page_size=9&page=${Math.ceil((EXACT_COUNT_LIMIT + 30) / 9)}`); // a short last page knows the total
    expect(last).toMatchObject({ count: EXACT_COUNT_LIMIT + 30, count_is_estimate: false, next: null });
  });
});
