// Keyset paging of the keyword list in both directions: previous_cursor reads the page before a page
// (reverse order, turned round) without OFFSET, and forward-then-backward traversals neither repeat
// nor skip rows, even while keywords are added between page loads. Cursors are positions only: one
// from another account (or forged) shows nothing of that account.
import { describe, expect, it } from "vitest";
import * as keywords from "@/app/api/v1/planner/keywords/route";
import { listKeywords } from "@/lib/planner/keywords";
import { encodeCursor } from "@/lib/http/keyset";
import { keywordListQuerySchema } from "@/lib/planner/schemas";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { dbFor, twoTenants } from "@/tests/fixtures/factories";
import { createKeywords, seedKeywords } from "@/tests/fixtures/planner";

type Row = { id: number; keyword: string; volume: number | null; difficulty: number | null; created_at: string };
type Page = { results: Row[]; next: string | null; previous: string | null; next_cursor: string | null; previous_cursor: string | null };

async function tenant() {
  const { a, b } = await twoTenants();
  const sector = { ...a.sector, siteId: a.site.id };
  return { a, b, sector, token: await tokenFor(a.owner.id) };
}

function lister(token: string, siteId: number, ordering: string, pageSize: number) {
  return async (cursor: string | null): Promise<Page> => {
    const url = `/api/v1/planner/keywords/?site_id=${siteId}&ordering=${ordering}&page_size=${pageSize}${cursor ? `&cursor=${cursor}` : ""}`;
    const res = await callApi(keywords.GET, { token, url });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.data;
  };
}

const ids = (page: Page) => page.results.map((r) => r.id);

describe("keyword list: keyset paging backwards", () => {
  it.each(["-volume", "volume", "difficulty", "-createdAt", "keyword"])("walks forward to the end and back to the start by cursor (%s): the same pages, reversed", async (ordering) => {
    const { a, sector, token } = await tenant();
    await seedKeywords(sector, 95);
    const list = lister(token, a.site.id, ordering, 20);
    const forward: Page[] = [await list(null)];
    expect(forward[0]).toMatchObject({ previous: null, previous_cursor: null });
    while (forward.at(-1)!.next_cursor) forward.push(await list(forward.at(-1)!.next_cursor));
    expect(forward.map((p) => p.results.length)).toEqual([20, 20, 20, 20, 15]); // the look-ahead row: no empty page at the end
    expect(forward.at(-1)!.next).toBeNull();

    const backward: Page[] = [forward.at(-1)!];
    while (backward.at(-1)!.previous_cursor) {
      const current = backward.at(-1)!;
      expect(current.previous).toContain(`cursor=${current.previous_cursor}`);
      backward.push(await list(current.previous_cursor));
    }
    expect(backward.map(ids)).toEqual([...forward].reverse().map(ids));
    expect(backward.at(-1)).toMatchObject({ previous: null, previous_cursor: null });
    // And forward again from a page reached backwards.
    expect(ids(await list(backward[2].next_cursor))).toEqual(ids(backward[1]));
  });

  it.each(["-volume", "volume", "-difficulty", "-createdAt", "-keyword"])("neither repeats nor skips rows forward then backward while keywords are added (%s)", async (ordering) => {
    const { a, sector, token } = await tenant();
    await seedKeywords(sector, 130);
    const list = lister(token, a.site.id, ordering, 25);
    let added = 0;
    const addSome = () => createKeywords(sector, [
      { keyword: `aaa added ${added}`, volume: 1_000_000, difficulty: 0 },
      { keyword: `zzz added ${added++}`, difficulty: 100 },
      { keyword: `mmm added ${added}`, volume: 3, difficulty: 50 }, // lands among the rows already paged
    ]);
    const original = new Set((await seedIds(a.site.id, token, ordering)).map((r) => r.id));

    const forward: Page[] = [await list(null)];
    while (forward.at(-1)!.next_cursor) {
      await addSome();
      forward.push(await list(forward.at(-1)!.next_cursor));
    }
    const backward: Page[] = [forward.at(-1)!];
    while (backward.at(-1)!.previous_cursor && backward.length < 40) {
      await addSome();
      backward.push(await list(backward.at(-1)!.previous_cursor));
    }
    for (const walk of [forward, [...backward].reverse()]) {
      const seen = walk.flatMap(ids);
      expect(new Set(seen).size, "no row twice").toBe(seen.length);
      for (const id of original) expect(seen, "no row of the list skipped").toContain(id);
    }
    // Backwards, each page ends right where the page after it begins: the list order, unbroken.
    const rows = [...backward].reverse().flatMap((p) => p.results);
    const order = (await seedIds(a.site.id, token, ordering)).map((r) => r.id);
    const positions = rows.map((r) => order.indexOf(r.id));
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1])).toBe(true);
  });

  it("refuses a malformed or forged backward cursor with 400, never 500", async () => {
    const { a, sector, token } = await tenant();
    await seedKeywords(sector, 30);
    const url = (qs: string) => `/api/v1/planner/keywords/?site_id=${a.site.id}&page_size=10&${qs}`;
    const forged = (body: object) => Buffer.from(JSON.stringify(body)).toString("base64url");
    for (const bad of [
      forged({ o: "-volume", v: 3, id: 5, d: "x" }),
      forged({ o: "-volume", v: 3, id: 5, d: 1 }),
      forged({ o: "-volume", v: "3", id: 5, d: "b" }),
      forged({ o: "-volume", v: 3, id: "5", d: "b" }),
      forged([1, 2, 3]),
      "bm90IGpzb24", // "not json"
      "!!!",
      "x".repeat(501),
    ]) {
      const res = await callApi(keywords.GET, { token, url: url(`ordering=-volume&cursor=${bad}`) });
      expect(res.status, bad).toBe(400);
      expect(res.body.success).toBe(false);
      expect(res.body.errors.cursor, bad).toBeDefined();
    }
    // A backward cursor of another ordering is refused as well.
    const last = await callApi(keywords.GET, { token, url: url("ordering=-volume&page=3") });
    const res = await callApi(keywords.GET, { token, url: url(`ordering=volume&cursor=${last.body.data.previous_cursor}`) });
    expect(res.status).toBe(400);
    expect(res.body.errors.cursor[0]).toMatch(/first page/);
  });

  it("a cursor from another account reveals none of its rows, forward or backward", async () => {
    const { a, b, sector, token } = await tenant();
    await seedKeywords(sector, 60, "alpha");
    await seedKeywords({ ...b.sector, siteId: b.site.id }, 60, "bravo");
    const theirs = lister(token, a.site.id, "-volume", 10);
    const page = await theirs(null);
    const cursors = [page.next_cursor!, (await theirs(page.next_cursor)).previous_cursor!];

    const tokenB = await tokenFor(b.owner.id);
    for (const cursor of cursors) {
      // B's own list, positioned by A's cursor: only B's rows.
      const mine = await callApi(keywords.GET, { token: tokenB, url: `/api/v1/planner/keywords/?ordering=-volume&page_size=10&cursor=${cursor}` });
      expect(mine.status).toBe(200);
      expect(mine.body.data.results.length).toBeGreaterThan(0);
      for (const row of mine.body.data.results as Row[]) expect(row.keyword).toMatch(/^bravo /);
      // B asking for A's site with A's cursor: nothing.
      const aSite = await callApi(keywords.GET, { token: tokenB, url: `/api/v1/planner/keywords/?site_id=${a.site.id}&ordering=-volume&page_size=10&cursor=${cursor}` });
      expect(aSite.body.data?.results ?? []).toEqual([]);
    }
    // The service itself, with a forged cursor naming A's row ids: still B's rows only.
    const { db } = await dbFor(b.owner.id);
    const aRow = page.results[0];
    for (const d of [false, true]) {
      const forged = encodeCursor("-volume", aRow.volume, aRow.id, d);
      const result = await listKeywords(db, keywordListQuerySchema.parse({ ordering: "-volume", pageSize: 50, cursor: forged }));
      expect(result.results.every((r) => r.keyword.startsWith("bravo "))).toBe(true);
    }
  });
});

/** The whole list in order, one page (the traversal tests compare against it). */
async function seedIds(siteId: number, token: string, ordering: string): Promise<Row[]> {
  const res = await callApi(keywords.GET, { token, url: `/api/v1/planner/keywords/?site_id=${siteId}&ordering=${ordering}&page_size=500` });
  return res.body.data.results;
}
