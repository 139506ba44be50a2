import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as register from "@/app/api/v1/auth/register/route";
import * as token from "@/app/api/v1/auth/token/route";
import * as me from "@/app/api/v1/auth/me/route";
import * as industries from "@/app/api/v1/auth/industries/route";
import { callApi, sessionCookieFor, tokenFor } from "@/tests/fixtures/api";
import { createAccount, TEST_PASSWORD } from "@/tests/fixtures/factories";

const signUp = { email: "new.user@example.test", password: "long enough password", name: "New User", account_name: "Acme Content" };

describe("POST /api/v1/auth/register/", () => {
  it("creates an owner, an account on the default plan in trial with its credits", async () => {
    const res = await callApi(register.POST, { method: "POST", body: signUp });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(res.body.success).toBe(true);
    expect(res.body.data.user).toMatchObject({ email: "new.user@example.test", role: "owner" });
    const account = await rootDb().account.findUniqueOrThrow({ where: { id: res.body.data.account.id }, include: { plan: true } });
    expect(account).toMatchObject({ status: "trial", ownerId: res.body.data.user.id });
    expect(account.plan.isDefault).toBe(true);
    expect(account.credits).toBe(account.plan.includedCredits);
    expect(JSON.stringify(res.body)).not.toContain("passwordHash");
    expect(JSON.stringify(res.body)).not.toContain("password_hash");
  });

  it("refuses a registered email (case-insensitively) with 409 and changes nothing", async () => {
    await callApi(register.POST, { method: "POST", body: { ...signUp, email: "dup@example.test" } });
    const before = await rootDb().account.count();
    const res = await callApi(register.POST, { method: "POST", body: { ...signUp, email: "DUP@example.test" } });
    expect(res.status).toBe(409);
    expect(res.body.success).toBe(false);
    expect(await rootDb().account.count()).toBe(before);
  });

  it("answers bad input with 400 and snake_case field errors", async () => {
    const res = await callApi(register.POST, { method: "POST", body: { email: "nope", password: "short", name: "", account_name: "" } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(expect.arrayContaining(["email", "password", "name", "account_name"]));
    const malformed = await callApi(register.POST, { method: "POST", rawBody: "{not json" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/JSON/);
  });
});

describe("POST /api/v1/auth/token/ and GET /api/v1/auth/me/", () => {
  it("exchanges email and password for a bearer token that /me accepts", async () => {
    const { owner, account } = await createAccount();
    const res = await callApi(token.POST, { method: "POST", body: { email: owner.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ token_type: "Bearer", expires_in: 86400 });
    const profile = await callApi(me.GET, { token: res.body.data.access_token });
    expect(profile.status).toBe(200);
    expect(profile.body.data.user.id).toBe(owner.id);
    expect(profile.body.data.account.id).toBe(account.id);
    const viaCookie = await callApi(me.GET, { headers: { cookie: await sessionCookieFor(owner.id) } });
    expect(viaCookie.body.data.user.id).toBe(owner.id);
  });

  it("refuses wrong passwords, unknown emails, missing and tampered tokens", async () => {
    const { owner } = await createAccount();
    expect((await callApi(token.POST, { method: "POST", body: { email: owner.email, password: "wrong password" } })).status).toBe(401);
    expect((await callApi(token.POST, { method: "POST", body: { email: "nobody@example.test", password: "whatever1" } })).status).toBe(401);
    expect((await callApi(me.GET)).status).toBe(401);
    const good = await tokenFor(owner.id);
    expect((await callApi(me.GET, { token: `${good.slice(0, -3)}abc` })).status).toBe(401);
  });

  it("rate-limits repeated failed sign-ins, even with the right password afterwards", async () => {
    const { owner } = await createAccount();
    for (let i = 0; i < 10; i++) {
      expect((await callApi(token.POST, { method: "POST", body: { email: owner.email, password: `wrong-${i}-password` } })).status).toBe(401);
    }
    const limited = await callApi(token.POST, { method: "POST", body: { email: owner.email, password: TEST_PASSWORD } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeTruthy();
  });

  it("refuses suspended and cancelled accounts, and accounts without an active plan, at once", async () => {
    const { owner, account } = await createAccount();
    const existing = await tokenFor(owner.id);
    await rootDb().account.update({ where: { id: account.id }, data: { status: "suspended" } });
    const refused = await callApi(token.POST, { method: "POST", body: { email: owner.email, password: TEST_PASSWORD } });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/suspended/);
    expect((await callApi(me.GET, { token: existing })).status).toBe(403);

    await rootDb().account.update({ where: { id: account.id }, data: { status: "cancelled" } });
    expect((await callApi(me.GET, { token: existing })).body.message).toMatch(/cancelled/);

    const plan = await rootDb().plan.create({ data: { name: "Retired", slug: `retired-${account.id}`, isActive: false, maxUsers: 1, maxSites: 1, maxSectorsPerSite: 1, maxKeywords: 1, maxClusters: 1, maxContentIdeas: 1, monthlyAiRequests: 1, monthlyWords: 1, monthlyImages: 1, includedCredits: 0 } });
    await rootDb().account.update({ where: { id: account.id }, data: { status: "active", planId: plan.id } });
    expect((await callApi(me.GET, { token: existing })).body.message).toMatch(/no active plan/);
  });
});

describe("GET /api/v1/auth/industries/", () => {
  it("lists active industries with their sectors, for signed-in callers only", async () => {
    const { owner } = await createAccount();
    expect((await callApi(industries.GET)).status).toBe(401);
    const res = await callApi(industries.GET, { token: await tokenFor(owner.id) });
    expect(res.status).toBe(200);
    expect(res.body.data.count).toBeGreaterThanOrEqual(8);
    for (const industry of res.body.data.results) expect(industry.sectors.length).toBeGreaterThanOrEqual(5);
  });
});
