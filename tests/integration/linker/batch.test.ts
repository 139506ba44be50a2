import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as batchRoute from "@/app/api/v1/linker/batch_process/route";
import * as undoRoute from "@/app/api/v1/linker/undo/route";
import * as progressRoute from "@/app/api/v1/system/settings/task_progress/[id]/route";
import { setupAIStub, waitForRun } from "@/tests/fixtures/ai";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser, twoTenants } from "@/tests/fixtures/factories";
import { createArticle, stored } from "@/tests/fixtures/linker";

setupAIStub();

async function site() {
  const { a, b } = await twoTenants();
  await createArticle(a.site, a.sector, { title: "Compost bins compared", primaryKeyword: "compost bins" });
  await createArticle(a.site, a.sector, { title: "Raised beds for small gardens", primaryKeyword: "raised beds" });
  const sources = [];
  for (let i = 0; i < 3; i++) sources.push(await createArticle(a.site, a.sector, { title: `Diary ${i}`, html: `<p>Week ${i}: we moved the compost bins next to the raised beds.</p>`, status: "draft" }));
  const quiet = await createArticle(a.site, a.sector, { title: "Quiet", html: "<p>Nothing to link here.</p>", status: "draft" });
  const foreign = await createArticle(b.site, b.sector, { title: "Foreign", html: "<p>Their compost bins.</p>" });
  return { a, b, sources, quiet, foreign };
}

const post = (handler: typeof batchRoute.POST, token: string, body: unknown) => callApi(handler, { method: "POST", token, body });

describe("linker REST: batch_process", () => {
  it("links many articles in a background run with progress, and the whole run can be undone", async () => {
    const s = await site();
    const token = await tokenFor(s.a.owner.id);
    const ids = [...s.sources.map((x) => x.id), s.quiet.id];
    const res = await post(batchRoute.POST, token, { content_ids: ids });
    expect(res.status).toBe(202);
    const runId = res.body.data.task_id;
    const run = await waitForRun(runId);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(run).toMatchObject({ kind: "link_content", total: 4, done: 4, message: "6 internal links added to 3 articles." });
    expect(run.result).toMatchObject({ mode: "apply", applied: 6, failed: 0 });
    const progress = await callApi(progressRoute.GET, { token, params: { id: runId } });
    expect(progress.body.data).toMatchObject({ state: "success", meta: { current: 4, total: 4 } });
    for (const source of s.sources) {
      const row = await stored(source.id);
      expect(row.version).toBe(2);
      expect((row.html.match(/data-link-id/g) ?? []).length).toBe(2);
    }
    expect(await rootDb().contentLink.count({ where: { runId, origin: "batch" } })).toBe(6);
    expect((await stored(s.quiet.id)).version).toBe(1);

    // Running it again adds nothing: the targets are linked already.
    const again = await waitForRun((await post(batchRoute.POST, token, { content_ids: ids })).body.data.task_id);
    expect(again.result).toMatchObject({ applied: 0 });

    const undo = await post(undoRoute.POST, token, { run_id: runId });
    expect(undo.body.data).toMatchObject({ removed: 6 });
    for (const source of s.sources) expect((await stored(source.id)).html).toBe(source.html);
  });

  it("suggest mode only counts; another account's ids are a 404 and start nothing; viewers cannot start runs", async () => {
    const s = await site();
    const token = await tokenFor(s.a.owner.id);
    const suggest = await waitForRun((await post(batchRoute.POST, token, { content_ids: s.sources.map((x) => x.id), mode: "suggest" })).body.data.task_id);
    expect(suggest).toMatchObject({ status: "succeeded", message: "6 link suggestions for 3 articles." });
    for (const source of s.sources) expect((await stored(source.id)).version).toBe(1);

    const runs = await rootDb().run.count({ where: { accountId: s.a.account.id } });
    expect((await post(batchRoute.POST, token, { content_ids: [s.sources[0].id, s.foreign.id] })).status).toBe(404);
    expect(await rootDb().run.count({ where: { accountId: s.a.account.id } })).toBe(runs);
    const viewer = await createUser(s.a.account.id, "viewer", [s.a.site.id]);
    expect((await post(batchRoute.POST, await tokenFor(viewer.id), { content_ids: [s.sources[0].id] })).status).toBe(403);
    expect((await post(batchRoute.POST, token, { content_ids: [] })).status).toBe(400);
    expect((await post(batchRoute.POST, token, { content_ids: [s.sources[0].id], mode: "everything" })).status).toBe(400);
    expect((await stored(s.foreign.id)).version).toBe(1);
  });
});
