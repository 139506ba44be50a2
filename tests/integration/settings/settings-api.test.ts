// Settings → Integrations, Prompts, Author profiles, Strategies: REST, encryption and masking,
// the engine using the account's settings, roles, cross-tenant ids and bad input.
import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as integrations from "@/app/api/v1/system/settings/integrations/route";
import * as integration from "@/app/api/v1/system/settings/integrations/[pk]/route";
import * as testConn from "@/app/api/v1/system/settings/integrations/[pk]/test_connection/route";
import * as testImage from "@/app/api/v1/system/settings/integrations/[pk]/generate_image/route";
import * as prompts from "@/app/api/v1/system/prompts/route";
import * as prompt from "@/app/api/v1/system/prompts/[type]/route";
import * as resetPrompt from "@/app/api/v1/system/prompts/reset_to_default/route";
import * as authors from "@/app/api/v1/system/author-profiles/route";
import * as author from "@/app/api/v1/system/author-profiles/[id]/route";
import * as strategies from "@/app/api/v1/system/strategies/route";
import * as strategy from "@/app/api/v1/system/strategies/[id]/route";
import { startGenerateContent } from "@/lib/ai/service";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { testConnection } from "@/lib/settings/connection";
import { connectionDraftSchema } from "@/lib/settings/schemas";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { contextFor, createUser, twoTenants } from "@/tests/fixtures/factories";
import { createTasks, setupAIStub, waitForRun } from "@/tests/fixtures/ai";

const holder = setupAIStub();

describe("settings REST", () => {
  it("stores the OpenAI key encrypted, shows it masked, keeps it on a blank save, and the engine uses the account's server", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const saved = await callApi(integration.PUT, { method: "PUT", token, params: { pk: "openai" }, body: { api_key: "sk-live-abcdef123456", base_url: holder.stub.url, model: "gpt-4o-mini" } });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({ integration_type: "openai", has_api_key: true, api_key_masked: "••••3456" });
    expect(JSON.stringify(saved.body)).not.toContain("sk-live");
    const row = await rootDb().integrationSettings.findFirstOrThrow({ where: { accountId: a.account.id, integrationType: "openai" } });
    expect(JSON.stringify(row.config)).not.toContain("sk-live");
    const again = await callApi(integration.PUT, { method: "PUT", token, params: { pk: "openai" }, body: { api_key: "", base_url: holder.stub.url, model: "gpt-4o" } });
    expect(again.body.data).toMatchObject({ has_api_key: true, api_key_masked: "••••3456", config: { model: "gpt-4o" } });
    const list = await callApi(integrations.GET, { token });
    expect(list.body.data.results.map((i: { integration_type: string }) => i.integration_type)).toEqual(["openai", "runware", "image_generation"]);

    // No environment fallback: the run must use the account's own base URL and model.
    const env = { key: process.env.OPENAI_API_KEY, base: process.env.OPENAI_BASE_URL };
    delete process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_BASE_URL;
    try {
      const test = await callApi(testConn.POST, { method: "POST", token, params: { pk: "openai" } });
      expect(test.status).toBe(200);
      expect(test.body.data.message).toMatch(/Connected to/);
      const image = await callApi(testImage.POST, { method: "POST", token, params: { pk: "openai" }, body: {} });
      expect(image.status).toBe(200);
      expect(image.body.data.data_url).toMatch(/^data:image\/png;base64,/);
      const tasks = await createTasks(a.site, a.sector.id, 1);
      const run = await waitForRun((await startGenerateContent(await contextFor(a.owner.id), [tasks[0].id])).id);
      expect(run.status, run.error ?? "").toBe("succeeded");
      const last = holder.stub.requests.filter((r) => r.path.endsWith("/chat/completions")).at(-1)!;
      expect(last.body.model).toBe("gpt-4o");
      const usage = await rootDb().creditUsageLog.findMany({ where: { accountId: a.account.id, operation: "test" } });
      expect(usage).toHaveLength(1);
    } finally {
      process.env.OPENAI_API_KEY = env.key;
      process.env.OPENAI_BASE_URL = env.base;
    }
    const cleared = await callApi(integration.PUT, { method: "PUT", token, params: { pk: "openai" }, body: { clear_api_key: true, model: "gpt-4o" } });
    expect(cleared.body.data).toMatchObject({ has_api_key: false, api_key_masked: null });
  });

  it("Test connection tests what is typed in the form (not saved) and says which values it tested", async () => {
    const { a } = await twoTenants();
    const ctx = await contextFor(a.owner.id);
    const db = scoped(ownAccount(ctx));
    const env = { key: process.env.OPENAI_API_KEY, base: process.env.OPENAI_BASE_URL };
    delete process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_BASE_URL;
    try {
      // Nothing saved and no environment: the saved settings fail, the typed server address works.
      await expect(testConnection(db, ctx, "openai")).rejects.toThrow(/No AI provider is set up/);
      const before = holder.stub.requests.length;
      const typed = await testConnection(db, ctx, "openai", { apiKey: "sk-typed-123", baseUrl: holder.stub.url });
      expect(typed).toMatchObject({ ok: true, fromForm: true });
      expect(typed.message).toMatch(/^Tested the values in the form \(not saved yet\)\. Connected to/);
      expect(holder.stub.requests.length).toBeGreaterThan(before);
      expect(await rootDb().integrationSettings.count({ where: { accountId: a.account.id, integrationType: "openai" } })).toBe(0);
      // Bad typed input is refused before any call.
      expect(connectionDraftSchema.safeParse({ baseUrl: "ftp://x" }).success).toBe(false);
    } finally {
      process.env.OPENAI_API_KEY = env.key;
      process.env.OPENAI_BASE_URL = env.base;
    }
    const saved = await testConnection(db, ctx, "openai");
    expect(saved.message).toMatch(/^Tested the saved settings\./);
  });

  it("lists every prompt type with its default, saves an override the engine uses, and resets it", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const list = await callApi(prompts.GET, { token });
    expect(list.body.data.results.map((p: { prompt_type: string }) => p.prompt_type)).toEqual(["clustering", "ideas", "content_generation", "image_prompts", "image_generation", "optimization", "site_structure", "page_content"]);
    expect(list.body.data.results[2]).toMatchObject({ is_custom: false });
    expect(Object.keys(list.body.data.results[2].variables)).toContain("tone");
    const custom = "Write in {language} about {title}. Tone: {tone}. Sections: {sections}. CUSTOM-MARKER";
    const saved = await callApi(prompt.PUT, { method: "PUT", token, params: { type: "content_generation" }, body: { value: custom } });
    expect(saved.body.data).toMatchObject({ is_custom: true, value: custom });

    await rootDb().authorProfile.create({ data: { accountId: a.account.id, name: "Garden Gus", tone: "playful", language: "de" } });
    await rootDb().strategy.create({ data: { accountId: a.account.id, sectorId: a.sector.id, name: "Guides", sectionLogic: { sections: ["Tools you need", "Step by step"], faq: true } } });
    const tasks = await createTasks(a.site, a.sector.id, 1);
    const run = await waitForRun((await startGenerateContent(await contextFor(a.owner.id), [tasks[0].id])).id);
    expect(run.status, run.error ?? "").toBe("succeeded");
    const request = await rootDb().runLogEntry.findFirstOrThrow({ where: { runId: run.id, kind: "request" } });
    const sent = (request.payload as { prompt: string }).prompt;
    expect(sent).toContain("CUSTOM-MARKER");
    expect(sent).toContain("Write in de about How to water tomatoes 1. Tone: playful. Sections: Tools you need, Step by step, FAQ.");
    expect(await rootDb().content.count({ where: { taskId: tasks[0].id } })).toBe(1);

    const reset = await callApi(resetPrompt.POST, { method: "POST", token, body: { prompt_type: "content_generation" } });
    expect(reset.body.data.is_custom).toBe(false);
    expect(await rootDb().aIPrompt.count({ where: { accountId: a.account.id } })).toBe(0);
  });

  it("author profiles and strategies: CRUD, another account's ids and sectors answer 404", async () => {
    const { a, b } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const created = await callApi(authors.POST, { method: "POST", token, body: { name: "Ana", tone: "friendly", language: "pt-BR", description: "Garden writer" } });
    expect(created.status).toBe(201);
    const id = String(created.body.data.id);
    expect((await callApi(author.PATCH, { method: "PATCH", token, params: { id }, body: { tone: "expert" } })).body.data.tone).toBe("expert");
    expect((await callApi(authors.GET, { token })).body.data.count).toBe(1);
    const s = await callApi(strategies.POST, { method: "POST", token, body: { name: "How-tos", sector_id: a.sector.id, section_logic: { sections: ["Intro", "Steps"], faq: true }, prompt_types: { content: "content_generation" } } });
    expect(s.status).toBe(201);
    expect(s.body.data.section_logic).toEqual({ sections: ["Intro", "Steps"], faq: true });
    const list = await callApi(strategies.GET, { token });
    expect(list.body.data.results[0].sector_name).toContain(a.sector.name);

    const tokenB = await tokenFor(b.owner.id);
    const sid = String(s.body.data.id);
    for (const res of await Promise.all([
      callApi(author.GET, { token: tokenB, params: { id } }),
      callApi(author.PATCH, { method: "PATCH", token: tokenB, params: { id }, body: { name: "x" } }),
      callApi(author.DELETE, { method: "DELETE", token: tokenB, params: { id } }),
      callApi(strategy.GET, { token: tokenB, params: { id: sid } }),
      callApi(strategy.PATCH, { method: "PATCH", token: tokenB, params: { id: sid }, body: { name: "x" } }),
      callApi(strategy.DELETE, { method: "DELETE", token: tokenB, params: { id: sid } }),
      callApi(strategies.POST, { method: "POST", token: tokenB, body: { name: "Steal", sector_id: a.sector.id } }),
    ])) expect(res.status).toBe(404);
    expect((await rootDb().authorProfile.findUniqueOrThrow({ where: { id: Number(id) } })).name).toBe("Ana");
    expect((await callApi(authors.GET, { token: tokenB })).body.data.count).toBe(0);
    expect((await callApi(author.DELETE, { method: "DELETE", token, params: { id } })).status).toBe(200);
    expect((await callApi(strategy.DELETE, { method: "DELETE", token, params: { id: sid } })).status).toBe(200);
  });

  it("only owners and admins manage integrations and prompts; viewers change nothing", async () => {
    const { a } = await twoTenants();
    const editor = await tokenFor((await createUser(a.account.id, "editor", [a.site.id])).id);
    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    const admin = await tokenFor((await createUser(a.account.id, "admin")).id);
    for (const token of [editor, viewer]) {
      expect((await callApi(integration.PUT, { method: "PUT", token, params: { pk: "openai" }, body: { api_key: "sk-x" } })).status).toBe(403);
      expect((await callApi(integration.GET, { token, params: { pk: "openai" } })).status).toBe(403);
      expect((await callApi(testConn.POST, { method: "POST", token, params: { pk: "openai" } })).status).toBe(403);
      expect((await callApi(prompt.PUT, { method: "PUT", token, params: { type: "ideas" }, body: { value: "a long enough prompt" } })).status).toBe(403);
    }
    expect((await callApi(authors.POST, { method: "POST", token: viewer, body: { name: "V" } })).status).toBe(403);
    expect((await callApi(strategies.POST, { method: "POST", token: viewer, body: { name: "V" } })).status).toBe(403);
    expect((await callApi(authors.POST, { method: "POST", token: editor, body: { name: "E" } })).status).toBe(201);
    expect((await callApi(integration.PUT, { method: "PUT", token: admin, params: { pk: "image_generation" }, body: { provider: "runware", style: "flat illustration" } })).status).toBe(200);
    expect(await rootDb().integrationSettings.count({ where: { accountId: a.account.id, integrationType: "openai" } })).toBe(0);
  });

  it("answers bad input with 400", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    expect((await callApi(integration.GET, { token, params: { pk: "slack" } })).status).toBe(400);
    for (const body of [{ model: "" }, { base_url: "ftp://x" }, { model: "bad model name!" }, { unknown: 1 }]) {
      expect((await callApi(integration.PUT, { method: "PUT", token, params: { pk: "openai" }, body })).status, JSON.stringify(body)).toBe(400);
    }
    expect((await callApi(integration.PUT, { method: "PUT", token, params: { pk: "image_generation" }, body: { in_article_images: 99 } })).status).toBe(400);
    expect((await callApi(prompt.PUT, { method: "PUT", token, params: { type: "nope" }, body: { value: "long enough value" } })).status).toBe(400);
    expect((await callApi(prompt.PUT, { method: "PUT", token, params: { type: "ideas" }, body: { value: "short" } })).status).toBe(400);
    expect((await callApi(authors.POST, { method: "POST", token, body: { name: "" } })).status).toBe(400);
    expect((await callApi(authors.POST, { method: "POST", token, body: { name: "X", language: "english please" } })).status).toBe(400);
    expect((await callApi(strategies.POST, { method: "POST", token, body: { name: "X", section_logic: { sections: "intro" } } })).status).toBe(400);
    expect((await callApi(author.GET, { token, params: { id: "abc" } })).status).toBe(400);
    expect(await rootDb().authorProfile.count({ where: { accountId: a.account.id } })).toBe(0);
  });
});
