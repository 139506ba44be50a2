import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as estimate from "@/app/api/v1/billing/estimate/route";
import { calculateCredits } from "@/lib/billing/prices";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createCluster, createKeywords, createTasks, setCredits } from "@/tests/fixtures/ai";
import { createUser, twoTenants } from "@/tests/fixtures/factories";

const post = (token: string, body: unknown) => callApi(estimate.POST, { method: "POST", token, body });

describe("POST /api/v1/billing/estimate", () => {
  it("estimates what the engine will charge (per call), with the balance after; a range when it depends on the output", async () => {
    const { a } = await twoTenants();
    await setCredits(a.account.id, 100);
    const token = await tokenFor(a.owner.id);

    const keywords = await createKeywords(a.site, a.sector.id, Array.from({ length: 70 }, (_, i) => `raised bed idea ${i}`));
    const clustering = await post(token, { operation: "auto_cluster", ids: keywords.map((k) => k.id) });
    expect(clustering.status).toBe(200);
    // Two calls (50 + 20 keywords), each charged on its own.
    const clusterCredits = calculateCredits("auto_cluster", 50) + calculateCredits("auto_cluster", 20);
    expect(clustering.body.data).toMatchObject({ operation: "auto_cluster", units: 70, unit: "keywords", credits: { min: clusterCredits, max: clusterCredits }, balance: 100, balance_after: { min: 100 - clusterCredits, max: 100 - clusterCredits }, enough: true });

    const tasks = await createTasks(a.site, a.sector.id, 3);
    const writing = await post(token, { operation: "generate_content", ids: tasks.map((t) => t.id) });
    expect(writing.body.data).toMatchObject({ units: 3, credits: { min: 30, max: 30 }, balance_after: { min: 70, max: 70 }, enough: true });

    // Images: only planned images without a file count; none planned says which button plans them.
    const none = await post(token, { operation: "generate_images", ids: [tasks[0].id] });
    expect(none.body.data).toMatchObject({ units: 0, credits: { min: 0, max: 0 } });
    expect(none.body.data.note).toMatch(/Plan images/);
    await rootDb().image.createMany({
      data: [
        { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, taskId: tasks[0].id, type: "featured", prompt: "a cedar bed" },
        { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, taskId: tasks[0].id, type: "in_article", prompt: "soil" },
        { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, taskId: tasks[1].id, type: "in_article", prompt: "" },
      ],
    });
    const images = await post(token, { operation: "generate_images", ids: [tasks[0].id, tasks[1].id] });
    expect(images.body.data).toMatchObject({ units: 2, unit: "image", credits: { min: 6, max: 6 }, note: null });

    const cluster = await createCluster(a.site, a.sector.id, "Raised beds");
    expect((await post(token, { operation: "generate_ideas", ids: [cluster.id] })).body.data).toMatchObject({ credits: { min: 2, max: 2 } });

    const content = await rootDb().content.create({ data: { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, title: "Raised beds", slug: "raised-beds", html: "<p>Hi</p>" } });
    const optimize = await post(token, { operation: "optimize_content", ids: [content.id] });
    expect(optimize.body.data).toMatchObject({ credits: { min: 0, max: 2 }, balance_after: { min: 98, max: 100 } });

    await setCredits(a.account.id, 20);
    expect((await post(token, { operation: "generate_content", ids: tasks.map((t) => t.id) })).body.data).toMatchObject({ balance: 20, balance_after: { min: -10, max: -10 }, enough: false });
    // An estimate charges nothing.
    expect((await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits).toBe(20);
  });

  it("another account's ids answer 404; viewers may not (they cannot start paid work); bad input answers 400", async () => {
    const { a, b } = await twoTenants();
    const tasksB = await createTasks(b.site, b.sector.id, 1);
    const tasksA = await createTasks(a.site, a.sector.id, 1);
    const token = await tokenFor(a.owner.id);
    expect((await post(token, { operation: "generate_content", ids: [tasksB[0].id] })).status).toBe(404);
    expect((await post(token, { operation: "generate_content", ids: [tasksA[0].id, tasksB[0].id] })).status).toBe(404);

    const viewer = await createUser(a.account.id, "viewer");
    expect((await post(await tokenFor(viewer.id), { operation: "generate_content", ids: [tasksA[0].id] })).status).toBe(403);

    for (const body of [{}, { operation: "mine_bitcoin", ids: [1] }, { operation: "generate_content", ids: [] }, { operation: "generate_content", ids: ["x"] }, { operation: "generate_content", ids: [1], extra: true }]) {
      expect((await post(token, body)).status).toBe(400);
    }
  });
});
