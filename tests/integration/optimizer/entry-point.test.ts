// The optimizer's entry_point (editor, batch, automation) recorded on the optimization and its usage
// row and shown in the usage report; AIPrompt.function_name on saved prompts and in the prompt list.
import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as optimizeRoute from "@/app/api/v1/optimizer/optimize/route";
import * as batchRoute from "@/app/api/v1/optimizer/batch_optimize/route";
import * as usageRoute from "@/app/api/v1/billing/usage/route";
import * as promptsRoute from "@/app/api/v1/system/prompts/route";
import * as promptRoute from "@/app/api/v1/system/prompts/[type]/route";
import { PROMPT_FUNCTIONS, PROMPT_TYPES } from "@/lib/ai/prompts";
import { getAIFunction } from "@/lib/ai/registry";
import { AI_FUNCTION_NAMES } from "@/lib/ai/types";
import { setupAIStub, waitForRun } from "@/tests/fixtures/ai";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser, twoTenants } from "@/tests/fixtures/factories";
import { createArticle } from "@/tests/fixtures/linker";

setupAIStub();

const weak = (site: Parameters<typeof createArticle>[0], sector: Parameters<typeof createArticle>[1], i: number) =>
  createArticle(site, sector, { title: `Notes ${i}`, primaryKeyword: "compost bins", html: "<p>Some notes.</p><h2>More</h2><p>Later.</p>" });

describe("optimizer entry_point", () => {
  it("is recorded on the optimization and its usage row (editor by default, batch for batches) and reported by usage", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const [one, two, three] = [await weak(a.site, a.sector, 1), await weak(a.site, a.sector, 2), await weak(a.site, a.sector, 3)];
    const editor = await callApi(optimizeRoute.POST, { method: "POST", token, body: { content_id: one.id } });
    expect(editor.status).toBe(201);
    expect(editor.body.data.entry_point).toBe("editor");
    const automation = await callApi(optimizeRoute.POST, { method: "POST", token, body: { content_id: two.id, entry_point: "automation" } });
    expect(automation.body.data.entry_point).toBe("automation");
    const batch = await callApi(batchRoute.POST, { method: "POST", token, body: { content_ids: [three.id] } });
    const run = await waitForRun(batch.body.data.task_id);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect((await rootDb().contentOptimization.findFirstOrThrow({ where: { runId: run.id } })).entryPoint).toBe("batch");

    const logs = await rootDb().creditUsageLog.findMany({ where: { accountId: a.account.id, operation: "optimize_content" }, orderBy: { id: "asc" } });
    expect(logs.map((l) => l.entryPoint)).toEqual(["editor", "automation", "batch"]);
    const usage = await callApi(usageRoute.GET, { token, url: "/api/v1/billing/usage/?days=7" });
    expect(usage.status).toBe(200);
    const rows = usage.body.data.by_entry_point as { operation: string; entry_point: string; calls: number }[];
    expect(rows.map((r) => `${r.operation}:${r.entry_point}:${r.calls}`).sort()).toEqual(["optimize_content:automation:1", "optimize_content:batch:1", "optimize_content:editor:1"]);
  });

  it("bad entry_point → 400, nothing proposed or charged; viewers 403; another account's article 404", async () => {
    const { a, b } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const article = await weak(a.site, a.sector, 1);
    for (const entry_point of ["cron", 1, "", null]) {
      expect((await callApi(optimizeRoute.POST, { method: "POST", token, body: { content_id: article.id, entry_point } })).status, String(entry_point)).toBe(400);
      expect((await callApi(batchRoute.POST, { method: "POST", token, body: { content_ids: [article.id], entry_point } })).status, String(entry_point)).toBe(400);
    }
    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    expect((await callApi(optimizeRoute.POST, { method: "POST", token: viewer, body: { content_id: article.id, entry_point: "automation" } })).status).toBe(403);
    expect((await callApi(optimizeRoute.POST, { method: "POST", token: await tokenFor(b.owner.id), body: { content_id: article.id, entry_point: "automation" } })).status).toBe(404);
    expect(await rootDb().contentOptimization.count({ where: { contentId: article.id } })).toBe(0);
    expect(await rootDb().creditUsageLog.count({ where: { accountId: { in: [a.account.id, b.account.id] } } })).toBe(0);
    expect(await rootDb().run.count({ where: { accountId: a.account.id } })).toBe(0);
  });
});

describe("AIPrompt.function_name", () => {
  it("names the AI function each prompt serves, in the list and on the saved override", async () => {
    // The map agrees with the engine's registry: each function's prompt type maps back to it.
    for (const name of AI_FUNCTION_NAMES) expect(PROMPT_FUNCTIONS[(await getAIFunction(name)).promptType]).toBe(name);
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const list = await callApi(promptsRoute.GET, { token });
    expect(list.status).toBe(200);
    const listed = (Array.isArray(list.body.data) ? list.body.data : list.body.data.results) as { prompt_type: string; function_name: string }[];
    expect(Object.fromEntries(listed.map((p) => [p.prompt_type, p.function_name]))).toEqual(Object.fromEntries(PROMPT_TYPES.map((t) => [t, PROMPT_FUNCTIONS[t]])));
    const saved = await callApi(promptRoute.PUT, { method: "PUT", token, params: { type: "optimization" }, body: { value: "Fix {checks} for {keyword}." } });
    expect(saved.status).toBe(200);
    expect(saved.body.data.function_name).toBe("optimize_content");
    expect((await rootDb().aIPrompt.findFirstOrThrow({ where: { accountId: a.account.id, promptType: "optimization" } })).functionName).toBe("optimize_content");
    // Not writable by clients: the function follows the prompt type.
    expect((await callApi(promptRoute.PUT, { method: "PUT", token, params: { type: "optimization" }, body: { value: "x {checks}", function_name: "generate_images" } })).status).toBe(400);
  });
});
