// Every module asks lib/plans/limits.ts before it adds work, and refuses with the same message:
// which limit, how far over, and where to upgrade (REST: code plan_limit_exceeded, upgrade_url).
import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { startAutoCluster, startGenerateIdeas } from "@/lib/ai/service";
import { clusterSectorLocally } from "@/lib/planner/local-clustering";
import { scoped } from "@/lib/db/scoped";
import * as sites from "@/app/api/v1/auth/sites/route";
import * as invitations from "@/app/api/v1/auth/invitations/route";
import * as keywords from "@/app/api/v1/planner/keywords/route";
import * as bulkAdd from "@/app/api/v1/planner/keywords/bulk_add/route";
import * as seeds from "@/app/api/v1/planner/keywords/add_seed_keywords/route";
import * as importCsv from "@/app/api/v1/planner/keywords/import_csv/route";
import * as clusters from "@/app/api/v1/planner/clusters/route";
import * as ideas from "@/app/api/v1/planner/ideas/route";
import * as autoCluster from "@/app/api/v1/planner/keywords/auto_cluster/route";
import * as autoIdeas from "@/app/api/v1/planner/clusters/auto_generate_ideas/route";
import * as generateImages from "@/app/api/v1/writer/images/generate_images/route";
import { callApi, tokenFor, type ApiResponse } from "@/tests/fixtures/api";
import { setupAIStub, waitForRun } from "@/tests/fixtures/ai";
import { chargeUsage } from "@/tests/fixtures/billing";
import { createAccount, createSite, contextFor } from "@/tests/fixtures/factories";
import { createCluster, createKeywords } from "@/tests/fixtures/planner";

setupAIStub();

const TINY = { maxUsers: 1, maxSites: 1, maxSectorsPerSite: 1, maxKeywords: 3, maxClusters: 2, maxContentIdeas: 2, monthlyAiRequests: 50, monthlyWords: 1000, monthlyImages: 1, includedCredits: 0 };

/** An owner on a tiny plan with one site and sector; `overrides` tighten or loosen single limits. */
async function tinyAccount(overrides: Partial<typeof TINY> = {}) {
  const { account, owner } = await createAccount();
  const plan = await rootDb().plan.create({ data: { name: "Tiny", slug: `tiny-${account.id}`, ...TINY, ...overrides } });
  await rootDb().account.update({ where: { id: account.id }, data: { planId: plan.id, credits: 500 } });
  const site = await createSite(account.id);
  const industrySector = await rootDb().industrySector.findFirstOrThrow({ where: { seedKeywords: { some: {} } } });
  const sector = await rootDb().sector.create({ data: { accountId: account.id, siteId: site.id, name: "Sector", slug: "sector", industrySectorId: industrySector.id } });
  return { account, owner, site, sector, token: await tokenFor(owner.id), placement: { site_id: site.id, sector_id: sector.id } };
}

function expectLimit(res: ApiResponse, pattern: RegExp) {
  expect(res.status, JSON.stringify(res.body)).toBe(403);
  expect(res.body).toMatchObject({ success: false, code: "plan_limit_exceeded", upgrade_url: "/billing/plans" });
  expect(res.body.message).toMatch(/^Your Tiny plan allows /);
  expect(res.body.message).toMatch(pattern);
  expect(res.body.message).toMatch(/Upgrade your plan to raise this limit\.$/);
}

describe("plan limits in every module", () => {
  it("sites and users (invitations)", async () => {
    const t = await tinyAccount();
    expectLimit(await callApi(sites.POST, { method: "POST", token: t.token, body: { name: "Second site" } }), /allows 1 site\. You have 1 and asked for 1 more \(1 over\)/);
    expectLimit(await callApi(invitations.POST, { method: "POST", token: t.token, body: { email: `new-${t.account.id}@example.test`, role: "editor" } }), /allows 1 user/);
    expect(await rootDb().site.count({ where: { accountId: t.account.id } })).toBe(1);
    expect(await rootDb().invitation.count({ where: { accountId: t.account.id } })).toBe(0);
  });

  it("keywords: one, pasted, seed keywords and CSV import", async () => {
    const t = await tinyAccount();
    expect((await callApi(bulkAdd.POST, { method: "POST", token: t.token, body: { ...t.placement, text: "tomato care\npepper care" } })).status).toBe(201);
    expect((await callApi(keywords.POST, { method: "POST", token: t.token, body: { ...t.placement, keyword: "cucumber care" } })).status).toBe(201);
    expectLimit(await callApi(keywords.POST, { method: "POST", token: t.token, body: { ...t.placement, keyword: "basil care" } }), /allows 3 keywords\. You have 3 and asked for 1 more/);
    expectLimit(await callApi(bulkAdd.POST, { method: "POST", token: t.token, body: { ...t.placement, text: "basil\nmint" } }), /asked for 2 more \(2 over\)/);
    expectLimit(await callApi(seeds.POST, { method: "POST", token: t.token, body: t.placement }), /allows 3 keywords/);
    expectLimit(await callApi(importCsv.POST, { method: "POST", token: t.token, url: `/api/v1/planner/keywords/import_csv/?site_id=${t.site.id}&sector_id=${t.sector.id}`, rawBody: "keyword\nbasil\nmint\n" }), /allows 3 keywords/);
    expect(await rootDb().keyword.count({ where: { accountId: t.account.id } })).toBe(3);
  });

  it("clusters: by hand, locally and with AI (at the start, and per batch before anything is saved or charged)", async () => {
    const t = await tinyAccount();
    const kws = await createKeywords({ id: t.sector.id, accountId: t.account.id, siteId: t.site.id }, ["tomato care", "pepper care", "cucumber care"]);
    expect((await callApi(clusters.POST, { method: "POST", token: t.token, body: { ...t.placement, name: "Tomatoes" } })).status).toBe(201);
    expect((await callApi(clusters.POST, { method: "POST", token: t.token, body: { ...t.placement, name: "Peppers" } })).status).toBe(201);
    expectLimit(await callApi(clusters.POST, { method: "POST", token: t.token, body: { ...t.placement, name: "Cucumbers" } }), /allows 2 clusters/);
    expectLimit(await callApi(autoCluster.POST, { method: "POST", token: t.token, body: { ids: kws.map((k) => k.id) } }), /allows 2 clusters/);
    await expect(clusterSectorLocally(scoped(await contextFor(t.owner.id)), await contextFor(t.owner.id), { siteId: t.site.id, sectorId: t.sector.id, threshold: 0.3, mode: "unclustered", minClusterSize: 1 })).rejects.toMatchObject({ code: "plan_limit_exceeded" });

    // Room for one more, but the model proposes three new clusters: the batch is refused as a whole.
    await rootDb().cluster.deleteMany({ where: { accountId: t.account.id, name: "Peppers" } });
    const before = (await rootDb().account.findUniqueOrThrow({ where: { id: t.account.id } })).credits;
    const run = await waitForRun((await startAutoCluster(await contextFor(t.owner.id), kws.map((k) => k.id))).id);
    expect(run.status).toBe("failed");
    expect(run.message).toMatch(/^Your Tiny plan allows 2 clusters\. You have 1 and asked for 3 more \(2 over\)\. Upgrade your plan/);
    expect(await rootDb().cluster.count({ where: { accountId: t.account.id } })).toBe(1);
    expect((await rootDb().account.findUniqueOrThrow({ where: { id: t.account.id } })).credits).toBe(before);
  });

  it("ideas: by hand and with AI (at the start, and per cluster before anything is saved or charged)", async () => {
    const t = await tinyAccount();
    const place = { id: t.sector.id, accountId: t.account.id, siteId: t.site.id };
    const kws = await createKeywords(place, ["tomato care"]);
    const cluster = await createCluster(place, "Tomatoes", kws.map((k) => k.id));
    const before = (await rootDb().account.findUniqueOrThrow({ where: { id: t.account.id } })).credits;
    const run = await waitForRun((await startGenerateIdeas(await contextFor(t.owner.id), [cluster.id])).id);
    expect(run.status).toBe("failed");
    expect(run.message).toMatch(/^Your Tiny plan allows 2 content ideas\. You have 0 and asked for 3 more/);
    expect((await rootDb().account.findUniqueOrThrow({ where: { id: t.account.id } })).credits).toBe(before);

    for (const title of ["Idea one", "Idea two"]) expect((await callApi(ideas.POST, { method: "POST", token: t.token, body: { ...t.placement, title } })).status).toBe(201);
    expectLimit(await callApi(ideas.POST, { method: "POST", token: t.token, body: { ...t.placement, title: "Idea three" } }), /allows 2 content ideas/);
    expectLimit(await callApi(autoIdeas.POST, { method: "POST", token: t.token, body: { ids: [cluster.id] } }), /allows 2 content ideas/);
    expect(await rootDb().contentIdea.count({ where: { accountId: t.account.id } })).toBe(2);
  });

  it("monthly AI requests and images", async () => {
    const t = await tinyAccount({ monthlyAiRequests: 2 });
    const place = { id: t.sector.id, accountId: t.account.id, siteId: t.site.id };
    const cluster = await createCluster(place, "Tomatoes");
    await chargeUsage(t.account.id, { operation: "generate_ideas", credits: 2 });
    await chargeUsage(t.account.id, { operation: "generate_ideas", credits: 2 });
    expectLimit(await callApi(autoIdeas.POST, { method: "POST", token: t.token, body: { ids: [cluster.id] } }), /allows 2 AI requests this month\. You have 2/);

    const u = await tinyAccount();
    const images = await rootDb().image.createManyAndReturn({ data: [1, 2].map(() => ({ accountId: u.account.id, siteId: u.site.id, sectorId: u.sector.id, prompt: "A tomato plant" })) });
    expectLimit(await callApi(generateImages.POST, { method: "POST", token: u.token, body: { ids: images.map((i) => i.id) } }), /allows 1 AI-generated image this month\. You have 0 and asked for 2 more/);
    expect(await rootDb().run.count({ where: { accountId: { in: [t.account.id, u.account.id] } } })).toBe(0);
  });
});
