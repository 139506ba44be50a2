// System settings under /api/v1/system/settings/system/: developers only, every change audited
// (who, before → after); default models, credit prices and feature switches take effect; the
// maintenance banner is what the app layout shows.
import { afterEach, describe, expect, it } from "vitest";
import * as settings from "@/app/api/v1/system/settings/system/route";
import * as generateImages from "@/app/api/v1/writer/images/generate_images/route";
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import { resolveAIConfig } from "@/lib/ai/config";
import { startGenerateIdeas } from "@/lib/ai/service";
import { calculateCredits } from "@/lib/billing/prices";
import { registerAccount } from "@/lib/auth/service";
import { maintenanceBanner } from "@/lib/system/settings";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { contextFor, createDeveloper, createUser, twoTenants } from "@/tests/fixtures/factories";
import { createCluster, createKeywords, setupAIStub, waitForRun } from "@/tests/fixtures/ai";

const stub = setupAIStub();
const patch = (token: string | undefined, body: unknown) => callApi(settings.PATCH, { method: "PATCH", token, body });
const RESET = { defaultModels: { text: null, image: null, runware: null }, creditPrices: { generate_ideas: null }, features: { signups: true, imageGeneration: true }, maintenance: { enabled: false, message: "" } };

afterEach(async () => {
  const dev = await createDeveloper();
  await patch(await tokenFor(dev.id), { default_models: RESET.defaultModels, credit_prices: RESET.creditPrices, features: RESET.features, maintenance: RESET.maintenance });
});

describe("system settings", () => {
  it("a developer reads and changes them; each change is recorded with who and before → after; the banner shows", async () => {
    const dev = await createDeveloper();
    const token = await tokenFor(dev.id);
    const first = await callApi(settings.GET, { token });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ features: { signups: true, image_generation: true }, maintenance: { enabled: false }, defaults: { credit_prices: { generate_content: 10 } } });
    expect(await maintenanceBanner()).toBeNull();

    const res = await patch(token, { maintenance: { enabled: true, message: "Maintenance tonight 22:00–23:00 UTC." }, credit_prices: { generate_ideas: 5 }, default_models: { text: "gpt-4.1-mini" } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ maintenance: { enabled: true, message: "Maintenance tonight 22:00–23:00 UTC." }, credit_prices: { generate_ideas: 5 }, default_models: { text: "gpt-4.1-mini", image: null }, updated_by_id: dev.id });
    const change = await rootDb().systemSettingsChange.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(change).toMatchObject({ userId: dev.id, userEmail: dev.email, requestId: expect.any(String) });
    expect(change.changes).toEqual({
      "maintenance.enabled": { before: false, after: true },
      "maintenance.message": { before: "", after: "Maintenance tonight 22:00–23:00 UTC." },
      "creditPrices.generate_ideas": { before: null, after: 5 },
      "defaultModels.text": { before: null, after: "gpt-4.1-mini" },
    });
    expect((await callApi(settings.GET, { token })).body.data.changes[0]).toMatchObject({ id: change.id, user_email: dev.email });
    expect(await maintenanceBanner()).toBe("Maintenance tonight 22:00–23:00 UTC.");

    // The same values again change nothing and record nothing.
    const count = await rootDb().systemSettingsChange.count();
    await patch(token, { credit_prices: { generate_ideas: 5 } });
    expect(await rootDb().systemSettingsChange.count()).toBe(count);
  });

  it("prices, default models and switches take effect", async () => {
    const dev = await tokenFor((await createDeveloper()).id);
    const { a } = await twoTenants();
    const ctx = await contextFor(a.owner.id);
    expect(calculateCredits("generate_ideas", 1)).toBe(2);
    await patch(dev, { credit_prices: { generate_ideas: 7 }, default_models: { text: "gpt-4.1-mini" } });
    expect(calculateCredits("generate_ideas", 2)).toBe(14);
    expect((await resolveAIConfig(scoped(ctx))).openai?.model).toBe("gpt-4.1-mini");
    const kws = await createKeywords(a.site, a.sector.id, ["tomato care"]);
    const cluster = await createCluster(a.site, a.sector.id, "Tomato care", [kws[0].id]);
    const run = await waitForRun((await startGenerateIdeas(ctx, [cluster.id])).id);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(run.credits).toBe(7);
    expect(stub.stub.requests.at(-1)!.body.model).toBe("gpt-4.1-mini");

    await patch(dev, { features: { image_generation: false, signups: false } });
    const token = await tokenFor(a.owner.id);
    const image = await rootDb().image.create({ data: { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, prompt: "A tomato" } });
    const off = await callApi(generateImages.POST, { method: "POST", token, body: { ids: [image.id] } });
    expect(off.status).toBe(503);
    expect(off.body).toMatchObject({ code: "feature_disabled", message: expect.stringMatching(/Image generation is turned off/) });
    await expect(registerAccount({ accountName: "Closed", name: "N", email: `closed-${Date.now()}@example.test`, password: "correct horse battery" })).rejects.toMatchObject({ status: 503, message: expect.stringMatching(/Sign-ups are closed/) });
    await patch(dev, { features: { image_generation: true, signups: true } });
    expect((await callApi(generateImages.POST, { method: "POST", token, body: { ids: [image.id] } })).status).toBe(202);
  });

  it("only developers: owners and admins of any account (the system account too) get 403; no session 401; nothing changed", async () => {
    const { a } = await twoTenants();
    const system = await rootDb().account.findUniqueOrThrow({ where: { slug: "system" } });
    const tokens = [await tokenFor(a.owner.id), await tokenFor((await createUser(a.account.id, "admin")).id), await tokenFor((await createUser(system.id, "admin")).id)];
    for (const token of tokens) {
      expect((await callApi(settings.GET, { token })).status).toBe(403);
      expect((await patch(token, { maintenance: { enabled: true, message: "Hacked" } })).status).toBe(403);
    }
    expect((await callApi(settings.GET, {})).status).toBe(401);
    expect((await patch(undefined, { maintenance: { enabled: true, message: "Hacked" } })).status).toBe(401);
    expect(await maintenanceBanner()).toBeNull();
    expect(await rootDb().systemSettingsChange.count({ where: { changes: { path: ["maintenance.message", "after"], equals: "Hacked" } } })).toBe(0);
  });

  it("bad input → 400 with the field, nothing changed or recorded", async () => {
    const token = await tokenFor((await createDeveloper()).id);
    const count = await rootDb().systemSettingsChange.count();
    const cases: [unknown, RegExp][] = [
      [{}, /at least one/],
      [{ credit_prices: {} }, /at least one/],
      [{ credit_prices: { generate_ideas: -1 } }, /credit_prices/],
      [{ credit_prices: { generate_ideas: 1.5 } }, /credit_prices/],
      [{ credit_prices: { test: 3 } }, /credit_prices|Unrecognized/i],
      [{ default_models: { text: "bad model!" } }, /default_models/],
      [{ features: { signups: "no" } }, /features/],
      [{ features: { everything: false } }, /features|Unrecognized/i],
      [{ maintenance: { enabled: true } }, /maintenance/],
      [{ maintenance: { enabled: true, message: "" } }, /maintenance/],
      [{ maintenance: { message: "x".repeat(501) } }, /maintenance/],
      [{ plans: { free: 0 } }, /plans|Unrecognized/i],
    ];
    for (const [body, field] of cases) {
      const res = await patch(token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body.errors ?? res.body.message), JSON.stringify(body)).toMatch(field);
    }
    expect((await callApi(settings.PATCH, { method: "PATCH", token, rawBody: "{nope" })).status).toBe(400);
    expect(await rootDb().systemSettingsChange.count()).toBe(count);
    expect(await maintenanceBanner()).toBeNull();
  });
});
