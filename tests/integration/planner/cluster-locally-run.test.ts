import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as clusterLocally from "@/app/api/v1/planner/keywords/cluster_locally/route";
import * as progress from "@/app/api/v1/system/settings/task_progress/[id]/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { setupAIStub, waitForRun } from "@/tests/fixtures/ai";
import { createUser, twoTenants } from "@/tests/fixtures/factories";
import { createKeywords } from "@/tests/fixtures/planner";

setupAIStub();

const shoes = ["trail running shoes", "best trail running shoes", "trail running shoe", "how to clean running shoes", "cleaning running shoes", "how to wash running shoes"];

describe("POST /api/v1/planner/keywords/cluster_locally/", () => {
  it("runs in the background with progress and saves local clusters", async () => {
    const { a } = await twoTenants();
    await createKeywords({ ...a.sector, siteId: a.site.id }, shoes.map((keyword, i) => ({ keyword, volume: 1000 - i })));
    const token = await tokenFor(a.owner.id);
    const res = await callApi(clusterLocally.POST, { method: "POST", token, body: { site_id: a.site.id, sector_id: a.sector.id, threshold: 0.3 } });
    expect(res.status).toBe(202);
    const run = await waitForRun(res.body.data.task_id);
    expect(run).toMatchObject({ status: "succeeded", kind: "cluster_locally", done: 100, total: 100 });
    const state = await callApi(progress.GET, { token, params: { id: run.id } });
    expect(state.body.data.state).toBe("success");
    expect(await rootDb().cluster.count({ where: { sectorId: a.sector.id, source: "local" } })).toBeGreaterThanOrEqual(2);
    const again = await callApi(clusterLocally.POST, { method: "POST", token, body: { site_id: a.site.id, sector_id: a.sector.id, threshold: 0.3 } });
    expect(again.status).toBe(400);
    expect(again.body.message).toMatch(/already in a cluster/);
  });

  it("refuses another account's sector (404), viewers (403) and bad thresholds (400)", async () => {
    const { a, b } = await twoTenants();
    await createKeywords({ ...b.sector, siteId: b.site.id }, shoes);
    const token = await tokenFor(a.owner.id);
    expect((await callApi(clusterLocally.POST, { method: "POST", token, body: { site_id: b.site.id, sector_id: b.sector.id } })).status).toBe(404);
    const viewer = await tokenFor((await createUser(b.account.id, "viewer", [b.site.id])).id);
    expect((await callApi(clusterLocally.POST, { method: "POST", token: viewer, body: { site_id: b.site.id, sector_id: b.sector.id } })).status).toBe(403);
    const owner = await tokenFor(b.owner.id);
    expect((await callApi(clusterLocally.POST, { method: "POST", token: owner, body: { site_id: b.site.id, sector_id: b.sector.id, threshold: 2 } })).status).toBe(400);
    expect(await rootDb().run.count({ where: { accountId: b.account.id } })).toBe(0);
    expect(await rootDb().cluster.count({ where: { accountId: b.account.id } })).toBe(0);
  });
});
