import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as importCsv from "@/app/api/v1/planner/keywords/import_csv/route";
import * as exportCsv from "@/app/api/v1/planner/keywords/export_csv/route";
import { NextRequest } from "next/server";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createAccount, createSector, createSite, createUser, twoTenants } from "@/tests/fixtures/factories";
import { createKeywords } from "@/tests/fixtures/planner";

const fixture = (name: string) => readFileSync(path.join(process.cwd(), "tests/fixtures/csv", name));

async function upload(token: string, site: number, sector: number, bytes: Buffer | string, accept?: string) {
  const request = new NextRequest(`http://localhost/api/v1/planner/keywords/import_csv/?site_id=${site}&sector_id=${sector}`, {
    method: "POST",
    body: typeof bytes === "string" ? bytes : new Uint8Array(bytes),
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv", ...(accept ? { accept } : {}) },
  });
  const response = await importCsv.POST(request, { params: Promise.resolve({}) });
  return { status: response.status, text: await response.text() };
}

describe("keyword CSV import", () => {
  it.each([
    ["google-keyword-planner-utf16le.csv", "google_keyword_planner"],
    ["ahrefs-keywords-explorer-utf8.csv", "ahrefs"],
    ["semrush-keyword-magic-eu.csv", "semrush"],
    ["search-console-queries.csv", "search_console"],
    ["plain-list.txt", "plain_list"],
  ])("imports %s and reports what it did", async (file, format) => {
    const { a } = await twoTenants();
    const res = await upload(await tokenFor(a.owner.id), a.site.id, a.sector.id, fixture(file));
    expect(res.status).toBe(200);
    const report = JSON.parse(res.text).data;
    expect(report.format.format).toBe(format);
    expect(report.imported).toBeGreaterThan(0);
    expect(report.rows).toBe(report.imported + report.duplicates_in_file + report.duplicates_in_sector + report.invalid);
    expect(await rootDb().keyword.count({ where: { sectorId: a.sector.id, source: "csv_import" } })).toBe(report.imported);
  });

  it("dedupes against the file and the sector, reports invalid rows with line numbers, and streams progress", async () => {
    const { a } = await twoTenants();
    await createKeywords({ ...a.sector, siteId: a.site.id }, ["already there"]);
    const rows = ["Keyword,Volume,KD", "Running Shoes,1000,40", "running  shoes,900,30", "Already There,10,1", '"",5,5', "trail shoes,abc,5", "hiking boots,500,150"];
    for (let i = 0; i < 3000; i++) rows.push(`long tail keyword ${i},${i},${i % 100}`);
    const res = await upload(await tokenFor(a.owner.id), a.site.id, a.sector.id, rows.join("\n"), "application/x-ndjson");
    expect(res.status).toBe(200);
    const events = res.text.trim().split("\n").map((l) => JSON.parse(l));
    expect(events.some((e) => e.type === "progress" && e.phase === "reading")).toBe(true);
    const done = events.at(-1);
    expect(done, JSON.stringify(done)).toMatchObject({ type: "done" });
    const report = done.report;
    expect(report).toMatchObject({ imported: 3001, duplicates_in_file: 1, duplicates_in_sector: 1 });
    expect(report.invalid).toBeGreaterThanOrEqual(2);
    const byLine = Object.fromEntries(report.details.map((d: { line: number; outcome: string }) => [d.line, d.outcome]));
    expect(byLine[3]).toBe("duplicate_in_file");
    expect(byLine[4]).toBe("duplicate_in_sector");
    expect(byLine[6]).toBe("invalid");
    const shoes = await rootDb().keyword.findFirstOrThrow({ where: { sectorId: a.sector.id, normalized: "running shoes" } });
    expect(shoes).toMatchObject({ keyword: "Running Shoes", volume: 1000, difficulty: 40 });
  });

  it("imports nothing past the plan's keyword limit", async () => {
    const { owner, account } = await createAccount({ planSlug: "free" });
    const site = await createSite(account.id);
    const sector = await createSector(site);
    const csv = ["keyword", ...Array.from({ length: 600 }, (_, i) => `kw ${i}`)].join("\n");
    const res = await upload(await tokenFor(owner.id), site.id, sector.id, csv);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.text).message).toMatch(/allows 500 keywords.*100 over/);
    expect(await rootDb().keyword.count({ where: { accountId: account.id } })).toBe(0);
  });

  it("refuses other accounts' sectors (404), viewers (403), unsupported files and missing placement (400)", async () => {
    const { a, b } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    expect((await upload(token, b.site.id, b.sector.id, "keyword\nx")).status).toBe(404);
    expect((await upload(token, a.site.id, b.sector.id, "keyword\nx")).status).toBe(404);
    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    expect((await upload(viewer, a.site.id, a.sector.id, "keyword\nx")).status).toBe(403);
    expect((await upload(token, a.site.id, a.sector.id, fixture("unsupported-contacts.csv"))).status).toBe(400);
    const noPlacement = await callApi(importCsv.POST, { method: "POST", token, rawBody: "keyword\nx" });
    expect(noPlacement.status).toBe(400);
    expect(await rootDb().keyword.count({ where: { siteId: { in: [a.site.id, b.site.id] } } })).toBe(0);
  });
});

describe("keyword CSV export", () => {
  it("streams the current filter as CSV, only the caller's keywords", async () => {
    const { a, b } = await twoTenants();
    await createKeywords({ ...a.sector, siteId: a.site.id }, [{ keyword: "=cmd formula", volume: 10 }, { keyword: "big one", volume: 9000, intent: "commercial" }, { keyword: "small one", volume: 5 }]);
    await createKeywords({ ...b.sector, siteId: b.site.id }, [{ keyword: "secret of b", volume: 9999 }]);
    const token = await tokenFor(a.owner.id);
    const all = await callApi(exportCsv.GET, { token });
    expect(all.status).toBe(200);
    const text = all.body as string;
    expect(text.split("\r\n")[0]).toBe("keyword,volume,difficulty,cpc,intent,status,clusters,created_at");
    const raw = await exportCsv.GET(new NextRequest("http://localhost/api/v1/planner/keywords/export_csv/", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM for Excel
    expect(text).toContain("'=cmd formula");
    expect(text).not.toContain("secret of b");
    const filtered = await callApi(exportCsv.GET, { token, url: "/api/v1/planner/keywords/export_csv/?volume_min=100" });
    expect((filtered.body as string).trim().split("\r\n")).toHaveLength(2);
  });
});
