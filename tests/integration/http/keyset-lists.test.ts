// Keyset paging of the clusters, ideas, tasks and content lists (lib/http/keyset.ts through Prisma):
// forward to the end and back to the start by next_cursor / previous_cursor, with rows added between
// page loads, neither repeats nor skips a row; mixed tie-breaks (clusters: id ascending under any
// sort) and a nullable sort (content by published date, NULLs last both ways) included. Orderings
// that page by number refuse a cursor with 400, forged cursors are 400s, and a cursor from another
// account shows none of its rows.
import { describe, expect, it } from "vitest";
import * as clustersRoute from "@/app/api/v1/planner/clusters/route";
import * as ideasRoute from "@/app/api/v1/planner/ideas/route";
import * as tasksRoute from "@/app/api/v1/writer/tasks/route";
import * as contentRoute from "@/app/api/v1/writer/content/route";
import { rootDb } from "@/lib/db/client";
import { encodeCursor } from "@/lib/http/keyset";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { twoTenants } from "@/tests/fixtures/factories";

type Place = { accountId: number; siteId: number; sectorId: number };
type Row = { id: number } & Record<string, unknown>;
type Page = { results: Row[]; next: string | null; previous: string | null; next_cursor: string | null; previous_cursor: string | null; count: number };
type Handler = Parameters<typeof callApi>[0];

const day = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i % 13)); // 13 distinct times: ties broken by id

/** Each list: its route, orderings to walk, and how to add `n` rows (`extreme` ones sort first or last). */
const LISTS: { name: string; route: Handler; path: string; orderings: string[]; byNumber?: string; add: (p: Place, n: number, tag: string, extreme?: boolean) => Promise<unknown> }[] = [
  {
    name: "clusters",
    route: clustersRoute.GET,
    path: "/api/v1/planner/clusters/",
    orderings: ["-volume", "volume", "name", "-createdAt", "keywords_count", "confidence", "-confidence"],
    add: (p, n, tag, extreme) =>
      rootDb().cluster.createMany({
        data: Array.from({ length: n }, (_, i) => ({
          ...p,
          name: `${extreme ? (i % 2 ? "zzz" : "aaa") : "c"} ${tag} ${i}`,
          volume: extreme ? (i % 2 ? 0 : 1_000_000) : i % 7,
          keywordsCount: i % 5,
          confidence: i % 4 === 0 ? null : extreme ? (i % 2 ? 0.01 : 0.99) : 0.3 + (i % 5) / 10, // by hand (NULL) or local
          createdAt: extreme ? new Date() : day(i),
        })),
      }),
  },
  {
    name: "ideas",
    route: ideasRoute.GET,
    path: "/api/v1/planner/ideas/",
    orderings: ["-createdAt", "title", "-estimatedWordCount"],
    byNumber: "status",
    add: (p, n, tag, extreme) =>
      rootDb().contentIdea.createMany({ data: Array.from({ length: n }, (_, i) => ({ ...p, title: `${extreme ? (i % 2 ? "zzz" : "aaa") : "idea"} ${tag} ${i}`, estimatedWordCount: extreme ? (i % 2 ? 100 : 20_000) : 1000 + (i % 4) * 500, createdAt: extreme ? new Date() : day(i) })) }),
  },
  {
    name: "tasks",
    route: tasksRoute.GET,
    path: "/api/v1/writer/tasks/",
    orderings: ["-created_at", "title"],
    byNumber: "word_count",
    add: (p, n, tag, extreme) => rootDb().task.createMany({ data: Array.from({ length: n }, (_, i) => ({ ...p, title: `${extreme ? (i % 2 ? "zzz" : "aaa") : "task"} ${tag} ${i}`, createdAt: extreme ? new Date() : day(i) })) }),
  },
  {
    name: "content",
    route: contentRoute.GET,
    path: "/api/v1/writer/content/",
    orderings: ["-published_at", "published_at", "title", "-word_count", "-updated_at"],
    byNumber: "-status",
    add: (p, n, tag, extreme) =>
      rootDb().content.createMany({
        data: Array.from({ length: n }, (_, i) => ({ ...p, title: `${extreme ? (i % 2 ? "zzz" : "aaa") : "article"} ${tag} ${i}`, wordCount: extreme ? (i % 2 ? 0 : 99_999) : (i % 6) * 100, publishedAt: i % 3 === 0 ? null : extreme ? new Date() : day(i) })),
      }),
  },
];

async function tenant() {
  const { a, b } = await twoTenants();
  return { a, b, place: { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id }, token: await tokenFor(a.owner.id) };
}

const ids = (page: Page) => page.results.map((r) => r.id);

describe.each(LISTS)("$name list: keyset paging both ways", ({ route, path, orderings, byNumber, add }) => {
  it.each(orderings)("forward to the end, then back to the start while rows are added (%s): no row twice, none skipped, in order", async (ordering) => {
    const { a, place, token } = await tenant();
    await add(place, 43, "seed");
    const list = async (cursor: string | null): Promise<Page> => {
      const res = await callApi(route, { token, url: `${path}?site_id=${a.site.id}&ordering=${ordering}&page_size=10${cursor ? `&cursor=${cursor}` : ""}` });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.data;
    };
    const all = async () => ids(await (async () => (await callApi(route, { token, url: `${path}?site_id=${a.site.id}&ordering=${ordering}&page_size=500` })).body.data)());
    const original = new Set(await all());
    expect(original.size).toBe(43);

    const forward: Page[] = [await list(null)];
    expect(forward[0].previous_cursor).toBeNull();
    let round = 0;
    while (forward.at(-1)!.next_cursor && forward.length < 20) {
      await add(place, 2, `f${round++}`, true);
      forward.push(await list(forward.at(-1)!.next_cursor));
    }
    expect(forward.at(-1)!.next).toBeNull();
    const backward: Page[] = [forward.at(-1)!];
    while (backward.at(-1)!.previous_cursor && backward.length < 20) {
      await add(place, 2, `b${round++}`, true);
      const current = backward.at(-1)!;
      expect(current.previous).toContain(`cursor=${current.previous_cursor}`);
      backward.push(await list(current.previous_cursor));
    }
    for (const walk of [forward, [...backward].reverse()]) {
      const seen = walk.flatMap(ids);
      expect(new Set(seen).size, "no row twice").toBe(seen.length);
      for (const id of original) expect(seen, "no row skipped").toContain(id);
    }
    const order = await all();
    const positions = [...backward].reverse().flatMap(ids).map((id) => order.indexOf(id));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1])), "backward pages join up in list order").toBe(true);
  });

  it("refuses malformed and forged cursors with 400 and shows another account nothing of its rows", async () => {
    const { a, b, place, token } = await tenant();
    await add(place, 15, "alpha");
    await add({ accountId: b.account.id, siteId: b.site.id, sectorId: b.sector.id }, 15, "bravo");
    const ordering = orderings[0];
    const url = (qs: string) => `${path}?ordering=${ordering}&page_size=5&${qs}`;
    const first = (await callApi(route, { token, url: url(`site_id=${a.site.id}`) })).body.data as Page;
    const second = (await callApi(route, { token, url: url(`site_id=${a.site.id}&cursor=${first.next_cursor}`) })).body.data as Page;
    expect(second.previous_cursor).toEqual(expect.any(String));

    const camel = ordering.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const forged = (body: object) => Buffer.from(JSON.stringify(body)).toString("base64url");
    for (const bad of ["!!!", "bm90IGpzb24", forged({ o: camel, v: 1, id: 0 }), forged({ o: camel, v: {}, id: 3 }), forged({ o: camel, v: 1, id: 3, d: "x" }), forged({ o: "-status", v: "draft", id: 3 })]) {
      const res = await callApi(route, { token, url: url(`site_id=${a.site.id}&cursor=${bad}`) });
      expect(res.status, bad).toBe(400);
      expect(res.body.errors.cursor, bad).toBeDefined();
    }
    if (byNumber) {
      // An ordering that pages by number (an enum, a related row's column): a cursor there is a clear 400, not a 500.
      const numbered = await callApi(route, { token, url: `${path}?site_id=${a.site.id}&ordering=${byNumber}&cursor=${first.next_cursor}` });
      expect(numbered.status).toBe(400);
      expect(numbered.body.errors.cursor[0]).toMatch(/page/);
      expect((await callApi(route, { token, url: `${path}?site_id=${a.site.id}&ordering=${byNumber}&page=2&page_size=5` })).body.data).toMatchObject({ previous: expect.stringContaining("page=1") });
    }

    const tokenB = await tokenFor(b.owner.id);
    let bravoRows = 0;
    for (const cursor of [first.next_cursor!, second.previous_cursor!, encodeCursor(camel, null, first.results[0].id, true)]) {
      const mine = await callApi(route, { token: tokenB, url: url(`cursor=${cursor}`) });
      expect([200, 400]).toContain(mine.status); // a null value for a column that has none is refused
      for (const row of (mine.body.data?.results ?? []) as Row[]) expect(JSON.stringify(row)).toMatch(/bravo/);
      bravoRows += mine.body.data?.results?.length ?? 0;
      const theirs = await callApi(route, { token: tokenB, url: url(`site_id=${a.site.id}&cursor=${cursor}`) });
      expect(theirs.body.data?.results ?? []).toEqual([]);
    }
    expect(bravoRows, "the other account's cursors position its own list").toBeGreaterThan(0);
  });
});

describe.each(LISTS)("$name list: counts", ({ route, path, add }) => {
  it("is exact up to 2,000 rows; above, the planner's estimate of the caller's own rows, said to be one; the same for a search", async () => {
    const { a, b, place, token } = await tenant();
    await add(place, 30, "small");
    const small = (await callApi(route, { token, url: `${path}?site_id=${a.site.id}&page_size=10` })).body.data;
    expect(small).toMatchObject({ count: 30, count_is_estimate: false });

    await add(place, 2_500, "large");
    await add({ accountId: b.account.id, siteId: b.site.id, sectorId: b.sector.id }, 4_000, "other large");
    await rootDb().$executeRawUnsafe(`ANALYZE clusters, content_ideas, tasks, content`);
    const large = (await callApi(route, { token, url: `${path}?site_id=${a.site.id}&page_size=10` })).body.data;
    expect(large.count_is_estimate).toBe(true);
    // 2,530 rows in the site (a capped count would say 2,001); the other account's 4,000 must not show in the estimate.
    expect(large.count).toBeGreaterThan(2_200);
    expect(large.count).toBeLessThan(3_500);

    const searched = (await callApi(route, { token, url: `${path}?site_id=${a.site.id}&page_size=10&search=small` })).body.data;
    expect(searched).toMatchObject({ count: 30, count_is_estimate: false });
    // A search matching thousands is estimated too (the planner's estimate of the pattern), never another account's rows.
    const broad = (await callApi(route, { token, url: `${path}?site_id=${a.site.id}&page_size=10&search=LARGE` })).body.data;
    expect(broad.count_is_estimate).toBe(true);
    // 2,500 match here and 4,000 in the other account: a capped count would say 2,001.
    expect(broad.count).toBeGreaterThan(2_100);
    expect(broad.count).toBeLessThan(3_500);
  });
});

describe("clusters by confidence", () => {
  it("lists the loosest clusters first (or last), clusters without a confidence after every other either way", async () => {
    const { a, place, token } = await tenant();
    await LISTS[0].add(place, 23, "conf");
    for (const [ordering, sorted] of [["confidence", (x: number, y: number) => x - y], ["-confidence", (x: number, y: number) => y - x]] as const) {
      const seen: (number | null)[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { data: Page } } = await callApi(clustersRoute.GET, { token, url: `/api/v1/planner/clusters/?site_id=${a.site.id}&ordering=${ordering}&page_size=5${cursor ? `&cursor=${cursor}` : ""}` });
        expect(res.status).toBe(200);
        seen.push(...res.body.data.results.map((r) => r.confidence as number | null));
        cursor = res.body.data.next_cursor;
      } while (cursor);
      const rated = seen.filter((c): c is number => c !== null);
      expect(seen.length).toBe(23);
      expect(seen.slice(rated.length).every((c) => c === null), ordering).toBe(true);
      expect(rated, ordering).toEqual([...rated].sort(sorted));
    }
    // A forged confidence cursor that is not a finite number is a 400, not a 500.
    const forged = Buffer.from(JSON.stringify({ o: "confidence", v: "0.5; drop", id: 3 })).toString("base64url");
    expect((await callApi(clustersRoute.GET, { token, url: `/api/v1/planner/clusters/?site_id=${a.site.id}&ordering=confidence&cursor=${forged}` })).status).toBe(400);
  });
});
