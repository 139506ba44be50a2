/**
 * The cluster, idea, task and content lists over HTTP for ONE site holding many rows of each
 * (part `lists` of npm run bench:planner): the default order, a sort by name/title, a search, page
 * 200 and a keyset page deep in the list (and the clusters to check, loosest first), p50/p99 of
 * LIST_REQUESTS requests each, against the keyword list's targets (p50 < 15 ms, p99 < 50 ms).
 */
import os from "node:os";
import { ms, timeRequests } from "./bench-db";
import { serveRoutes } from "./http-server";

const ROWS = { clusters: 100_000, ideas: 200_000, tasks: 200_000, content: 200_000 };
const LIST_REQUESTS = 200;

type Place = { accountId: number; siteId: number; sectorIds: [number, number] };

export async function benchOtherLists(place: Place, token: string) {
  const { rootDb } = await import("../../lib/db/client");
  const { encodeCursor } = await import("../../lib/http/keyset");
  const routes = {
    "/api/v1/planner/clusters/": await import("../../app/api/v1/planner/clusters/route"),
    "/api/v1/planner/ideas/": await import("../../app/api/v1/planner/ideas/route"),
    "/api/v1/writer/tasks/": await import("../../app/api/v1/writer/tasks/route"),
    "/api/v1/writer/content/": await import("../../app/api/v1/writer/content/route"),
  };
  const { accountId, siteId, sectorIds } = place;
  const [s0, s1] = sectorIds;
  const seedStarted = performance.now();
  // Rows alternate between the site's two sectors; dates spread over a year; names repeat a few topics.
  const sector = (g: string) => `CASE WHEN ${g} % 2 = 0 THEN ${s0} ELSE ${s1} END`;
  const topic = (g: string) => `(ARRAY['espresso machine','trail running shoes','monstera care','budget app','sourdough starter'])[1 + ${g} % 5]`;
  const run = (sql: string) => rootDb().$executeRawUnsafe(sql);
  // Four in five clusters are local, with a confidence spread over 0.30–0.99 (about half under the "check" bar); one in ten of those is checked.
  await run(`INSERT INTO clusters ("accountId", "siteId", "sectorId", name, volume, "keywordsCount", source, confidence, "checkedAt", "createdAt", "updatedAt")
    SELECT ${accountId}, ${siteId}, ${sector("g")}, ${topic("g")} || ' ' || g, (g * 7919) % 100000, g % 40,
           CASE WHEN g % 5 = 0 THEN 'manual'::"ClusterSource" ELSE 'local'::"ClusterSource" END, CASE WHEN g % 5 = 0 THEN NULL ELSE 0.3 + ((g * 37) % 70) / 100.0 END,
           CASE WHEN g % 10 = 1 THEN now() END, now() - (g || ' minutes')::interval, now()
    FROM generate_series(1, ${ROWS.clusters}) g`);
  await run(`INSERT INTO content_ideas ("accountId", "siteId", "sectorId", title, "targetKeywords", "estimatedWordCount", "createdAt", "updatedAt")
    SELECT ${accountId}, ${siteId}, ${sector("g")}, 'How to pick a ' || ${topic("g")} || ' ' || g, ${topic("g")}, 800 + g % 2000, now() - (g || ' minutes')::interval, now()
    FROM generate_series(1, ${ROWS.ideas}) g`);
  await run(`INSERT INTO tasks ("accountId", "siteId", "sectorId", title, keywords, "createdAt", "updatedAt")
    SELECT ${accountId}, ${siteId}, ${sector("g")}, 'Guide to ' || ${topic("g")} || ' ' || g, ${topic("g")}, now() - (g || ' minutes')::interval, now()
    FROM generate_series(1, ${ROWS.tasks}) g`);
  await run(`INSERT INTO content ("accountId", "siteId", "sectorId", title, "primaryKeyword", slug, "wordCount", status, "publishedAt", "createdAt", "updatedAt")
    SELECT ${accountId}, ${siteId}, ${sector("g")}, 'The ' || ${topic("g")} || ' handbook ' || g, ${topic("g")}, 'handbook-' || g, g % 3000,
           CASE WHEN g % 3 = 0 THEN 'published'::"ContentStatus" ELSE 'draft'::"ContentStatus" END, CASE WHEN g % 3 = 0 THEN now() - (g || ' minutes')::interval END,
           now() - (g || ' minutes')::interval, now() - (g || ' seconds')::interval
    FROM generate_series(1, ${ROWS.content}) g`);
  for (const table of ["clusters", "content_ideas", "tasks", "content"]) await run(`VACUUM ANALYZE ${table}`);
  const seedSeconds = ms((performance.now() - seedStarted) / 1000);

  /** A cursor at row 50,000 of `table` by name/title ascending, with the list's tie-break. */
  async function deepCursor(table: string, column: string, tie: "ASC" | "DESC") {
    const [row] = await rootDb().$queryRawUnsafe<{ id: number; v: string }[]>(
      `SELECT id, "${column}" AS v FROM ${table} WHERE "siteId" = ${siteId} AND "deletedAt" IS NULL ORDER BY "${column}", id ${tie} OFFSET 50000 LIMIT 1`,
    );
    return encodeURIComponent(encodeCursor(column, row.v, row.id));
  }
  const searches = ["espresso", "running shoes", "monstera", "budget", "sourdough starter 4"];
  /** The shapes every list is measured with; `column` is its name or title. */
  const shapes = (column: string, cursor: string): Record<string, (i: number) => string> => ({
    default: (i) => `page=${1 + (i % 5)}`,
    [`by ${column}`]: (i) => `ordering=${i % 2 ? "-" : ""}${column}&page=${1 + (i % 5)}`,
    search: (i) => `search=${encodeURIComponent(searches[i % 5])}`,
    page200: (i) => `page=${198 + (i % 5)}`,
    keysetDeep: () => `ordering=${column}&cursor=${cursor}`,
  });
  const lists: Record<string, { path: string; shapes: Record<string, (i: number) => string> }> = {
    clusters: {
      path: "/api/v1/planner/clusters/",
      shapes: { ...shapes("name", await deepCursor("clusters", "name", "ASC")), toCheck: (i) => `review=needs_check&ordering=confidence&page=${1 + (i % 5)}` },
    },
    ideas: { path: "/api/v1/planner/ideas/", shapes: shapes("title", await deepCursor("content_ideas", "title", "DESC")) },
    tasks: { path: "/api/v1/writer/tasks/", shapes: shapes("title", await deepCursor("tasks", "title", "DESC")) },
    content: {
      path: "/api/v1/writer/content/",
      shapes: { ...shapes("title", await deepCursor("content", "title", "DESC")), byPublished: (i) => `ordering=-published_at&page=${1 + (i % 5)}` },
    },
  };

  const server = await serveRoutes(routes as never);
  const get = async (path: string, qs: string) => {
    const res = await fetch(`${server.baseUrl}${path}?site_id=${siteId}&${qs}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { data: { count: number; count_is_estimate?: boolean; results: unknown[] } };
    if (res.status !== 200) throw new Error(`${path}?${qs}: ${res.status} ${JSON.stringify(body)}`);
    return body.data;
  };
  const latency: Record<string, Record<string, unknown>> = {};
  for (const [list, { path, shapes }] of Object.entries(lists)) {
    latency[list] = {};
    for (const [name, qs] of Object.entries(shapes)) {
      const { p50, p99, cpuMs } = await timeRequests(path, LIST_REQUESTS, (i) => get(path, qs(i)));
      const sample = await get(path, qs(0));
      latency[list][name] = { p50, p99, p50VsTarget: ms(p50 / 15), p99VsTarget: ms(p99 / 50), serverCpuMsP50: cpuMs, rows: sample.results.length, count: sample.count, countIsEstimate: sample.count_is_estimate };
      console.log(`${list} (${ROWS[list as keyof typeof ROWS]} rows), ${name}: p50 ${p50} ms (ratio ${ms(p50 / 15)}), p99 ${p99} ms (ratio ${ms(p99 / 50)}); server CPU ${cpuMs} ms/request; count ${sample.count}${sample.count_is_estimate ? " (estimate)" : ""}; load ${os.loadavg()[0].toFixed(1)}`);
    }
  }
  await server.close();
  return { rows: ROWS, seedSeconds, requestsPerShape: LIST_REQUESTS, over: "HTTP, bearer token", latencyMs: latency, target: "p50 < 15 ms, p99 < 50 ms (ratio < 1 meets it)" };
}
