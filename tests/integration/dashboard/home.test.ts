import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { getHomeDashboard } from "@/lib/dashboard/home";
import { chargeUsage } from "@/tests/fixtures/billing";
import { createSector, createSite, createUser, dbFor, twoTenants } from "@/tests/fixtures/factories";
import { createCluster, createKeywords } from "@/tests/fixtures/planner";
import { createIdea } from "@/tests/fixtures/writer";

type Place = { account: { id: number }; site: { id: number; accountId: number }; sector: { id: number } };

async function fill(t: Place, n: { keywords: number; drafts: number; published: number }) {
  const place = { id: t.sector.id, accountId: t.account.id, siteId: t.site.id };
  const kws = await createKeywords(place, Array.from({ length: n.keywords }, (_, i) => `keyword ${t.account.id} ${i}`));
  await createCluster(place, "Cluster", kws.slice(0, 1).map((k) => k.id));
  await createIdea(t.site, t.sector);
  const content = (status: "draft" | "published", i: number) => ({ accountId: t.account.id, siteId: t.site.id, sectorId: t.sector.id, title: `${status} ${i}`, wordCount: 800, status });
  await rootDb().content.createMany({ data: [...Array.from({ length: n.drafts }, (_, i) => content("draft", i)), ...Array.from({ length: n.published }, (_, i) => content("published", i))] });
}

describe("home dashboard", () => {
  it("counts the selected site's work across modules, its spend and runs, and nothing of other accounts or sites", async () => {
    const { a, b } = await twoTenants();
    await fill(a, { keywords: 4, drafts: 2, published: 1 });
    await fill(b, { keywords: 9, drafts: 5, published: 5 });
    const otherSite = await createSite(a.account.id);
    await fill({ account: a.account, site: otherSite, sector: await createSector(otherSite) }, { keywords: 7, drafts: 3, published: 0 });
    await rootDb().task.create({ data: { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, title: "Write it" } });
    const run = await rootDb().run.create({ data: { accountId: a.account.id, siteId: a.site.id, kind: "generate_ideas", functionId: "generate-ideas", eventName: "x", eventData: {}, status: "succeeded", credits: 2 } });
    await rootDb().run.create({ data: { accountId: a.account.id, siteId: otherSite.id, kind: "auto_cluster", functionId: "auto-cluster-keywords", eventName: "x", eventData: {}, status: "succeeded" } });
    await chargeUsage(a.account.id, { operation: "generate_ideas", credits: 2, siteId: a.site.id, runId: run.id });
    await chargeUsage(a.account.id, { operation: "generate_content", credits: 10, siteId: otherSite.id });
    await chargeUsage(b.account.id, { operation: "generate_content", credits: 10, siteId: b.site.id });

    const { ctx, db } = await dbFor(a.owner.id, { siteId: a.site.id });
    const d = await getHomeDashboard(db, ctx, { id: a.site.id });
    const balance = (await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits;
    expect(d.kpis).toMatchObject({ keywords: 4, clusters: 1, ideas: 1, tasks: 1, drafts: 2, published: 1, credits: balance });
    expect(d.steps.map((s) => s.done)).toEqual([true, true, true, true, true, true]);
    expect(d.nextStep).toBeNull();
    expect(d.runs.map((r) => r.id)).toEqual([run.id]);
    expect(d.spend).toHaveLength(30);
    expect(d.spend.at(-1)).toMatchObject({ credits: 2 });
    expect(d.output.reduce((s, x) => s + x.articles, 0)).toBe(3);
  });

  it("points a new site at its first step, and an editor sees only granted sites' runs", async () => {
    const { a } = await twoTenants();
    const { ctx, db } = await dbFor(a.owner.id, { siteId: a.site.id });
    const d = await getHomeDashboard(db, ctx, { id: a.site.id });
    expect(d.kpis).toMatchObject({ keywords: 0, clusters: 0, ideas: 0, tasks: 0, drafts: 0, published: 0 });
    expect(d.nextStep).toMatchObject({ key: "keywords", href: "/planner/keywords" });

    const hidden = await createSite(a.account.id);
    await rootDb().run.create({ data: { accountId: a.account.id, siteId: hidden.id, kind: "auto_cluster", functionId: "f", eventName: "x", eventData: {} } });
    await rootDb().run.create({ data: { accountId: a.account.id, siteId: null, kind: "generate_ideas", functionId: "f", eventName: "x", eventData: {} } });
    const editor = await createUser(a.account.id, "editor", [a.site.id]);
    const e = await dbFor(editor.id, { siteId: hidden.id });
    const seen = await getHomeDashboard(e.db, e.ctx, { id: hidden.id });
    expect(seen.runs.map((r) => r.siteId)).toEqual([null]);
  });
});
