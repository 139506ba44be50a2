import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as batchRoute from "@/app/api/v1/optimizer/batch_optimize/route";
import { setupAIStub, waitForRun } from "@/tests/fixtures/ai";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser, twoTenants } from "@/tests/fixtures/factories";
import { createArticle, stored } from "@/tests/fixtures/linker";

const stub = setupAIStub();

const post = (token: string, body: unknown) => callApi(batchRoute.POST, { method: "POST", token, body });

describe("optimizer REST: batch_optimize", () => {
  it("proposes edits for articles that need them (nothing applied), charges per proposal, skips fine ones", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const weak = [];
    for (let i = 0; i < 3; i++) weak.push(await createArticle(a.site, a.sector, { title: `Notes ${i}`, primaryKeyword: "compost bins", html: "<p>Some notes.</p><h2>More</h2><p>Later.</p>" }));
    const fine = await createArticle(a.site, a.sector, {
      title: "Compost bins for small gardens",
      primaryKeyword: "compost bins",
      slug: "compost-bins",
      html: "<p>Compost bins turn scraps into soil.</p><h2>Choosing compost bins</h2><p>Pick a lid.</p>",
      metaTitle: "Compost bins for small gardens: how to choose the right one",
      metaDescription: "Compost bins for small gardens compared: sizes, lids, materials and prices, with tips to keep the heap healthy and smell-free all year round.",
    });
    const before = (await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits;
    const res = await post(token, { content_ids: [...weak.map((w) => w.id), fine.id] });
    expect(res.status).toBe(202);
    const run = await waitForRun(res.body.data.task_id);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(run).toMatchObject({ kind: "optimize_content", total: 4, done: 4, credits: 6 });
    expect(run.message).toMatch(/^3 optimization proposals ready \(\+\d+ points on average if accepted\)\. 1 article has nothing to fix\.$/);
    const proposals = await rootDb().contentOptimization.findMany({ where: { runId: run.id } });
    expect(proposals.map((p) => p.contentId).sort()).toEqual(weak.map((w) => w.id).sort());
    expect(proposals.every((p) => p.status === "proposed" && p.projectedScore > p.scoreBefore && p.createdById === a.owner.id)).toBe(true);
    for (const w of weak) expect((await stored(w.id)).version).toBe(1);
    expect((await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits).toBe(before - 6);
  });

  it("a model failure fails that article only; cross-tenant ids are a 404; viewers cannot start it", async () => {
    const { a, b } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const one = await createArticle(a.site, a.sector, { title: "One", primaryKeyword: "compost bins" });
    const foreign = await createArticle(b.site, b.sector, { title: "Foreign", primaryKeyword: "roses" });
    stub.stub.fail("wrong-shape", 10);
    const run = await waitForRun((await post(token, { content_ids: [one.id] })).body.data.task_id);
    expect(run.status).toBe("failed");
    expect(await rootDb().contentOptimization.count({ where: { contentId: one.id } })).toBe(0);
    expect((await post(token, { content_ids: [one.id, foreign.id] })).status).toBe(404);
    const viewer = await createUser(a.account.id, "viewer", [a.site.id]);
    expect((await post(await tokenFor(viewer.id), { content_ids: [one.id] })).status).toBe(403);
    expect((await post(token, { content_ids: [one.id], checks: ["bogus"] })).status).toBe(400);
  });
});
