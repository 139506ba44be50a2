import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { contextForSiteKey } from "@/lib/sites/api-keys";
import * as sites from "@/app/api/v1/auth/sites/route";
import * as site from "@/app/api/v1/auth/sites/[id]/route";
import * as setActive from "@/app/api/v1/auth/sites/[id]/set_active/route";
import * as selectSectors from "@/app/api/v1/auth/sites/[id]/select_sectors/route";
import * as sectors from "@/app/api/v1/auth/sites/[id]/sectors/route";
import * as apiKey from "@/app/api/v1/auth/sites/[id]/api_key/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createAccount, createSite, createUser, twoTenants } from "@/tests/fixtures/factories";

async function industryWithSectors(min = 6) {
  const industries = await rootDb().industry.findMany({ include: { sectors: true } });
  return industries.find((i) => i.sectors.length >= min)!;
}

describe("sites REST", () => {
  it("creates, lists, retrieves, updates and deletes the caller's sites", async () => {
    const { owner } = await createAccount();
    const token = await tokenFor(owner.id);
    const created = await callApi(sites.POST, { method: "POST", token, body: { name: "Garden Blog", domain: "https://garden.example", site_type: "blog", hosting_type: "wordpress", seo_metadata: { meta_title: "Garden tips" } } });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ name: "Garden Blog", slug: "garden-blog", is_active: true, hosting_type: "wordpress" });
    expect(created.body.data.seo_metadata).toEqual({ meta_title: "Garden tips" });
    const id = String(created.body.data.id);

    const list = await callApi(sites.GET, { token, url: "/api/v1/auth/sites/?page_size=10" });
    expect(list.body.data).toMatchObject({ count: 1, next: null, previous: null });
    expect(list.body.data.results[0].id).toBe(created.body.data.id);

    const updated = await callApi(site.PATCH, { method: "PATCH", token, params: { id }, body: { name: "Garden Journal", wp_app_password: "abcd efgh ijkl mnop" } });
    expect(updated.status).toBe(200);
    expect(updated.body.data.name).toBe("Garden Journal");
    expect(updated.body.data.wp_app_password_masked).toBe("••••mnop");
    expect(JSON.stringify(updated.body)).not.toContain("abcd efgh");
    const stored = await rootDb().site.findUniqueOrThrow({ where: { id: Number(id) } });
    expect(stored.wpAppPassword).not.toContain("abcd");

    expect((await callApi(site.DELETE, { method: "DELETE", token, params: { id } })).status).toBe(200);
    expect((await callApi(site.GET, { token, params: { id } })).status).toBe(404);
  });

  it("keeps slugs unique across accounts (the hosted address): a taken slug is a 409, a taken name gets a suffix", async () => {
    const { a, b } = await twoTenants();
    const tokenA = await tokenFor(a.owner.id);
    const dup = await callApi(sites.POST, { method: "POST", token: tokenA, body: { name: "Again", slug: a.site.slug } });
    expect(dup.status).toBe(409);
    expect(dup.body.errors.slug).toBeDefined();
    const tokenB = await tokenFor(b.owner.id);
    const other = await callApi(sites.POST, { method: "POST", token: tokenB, body: { name: "Same slug", slug: a.site.slug } });
    expect(other.status).toBe(409);
    const sameName = await callApi(sites.POST, { method: "POST", token: tokenB, body: { name: a.site.name } });
    expect(sameName.status).toBe(201);
    expect(sameName.body.data.slug).not.toBe(a.site.slug);
    expect(sameName.body.data.slug).toMatch(/-\d+$/);
  });

  it("answers another account's site ids with 404 on every route and changes nothing", async () => {
    const { a, b } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const params = { id: String(b.site.id) };
    const industry = await industryWithSectors();
    const calls = [
      callApi(site.GET, { token, params }),
      callApi(site.PUT, { method: "PUT", token, params, body: { name: "hijack" } }),
      callApi(site.DELETE, { method: "DELETE", token, params }),
      callApi(setActive.POST, { method: "POST", token, params, body: { is_active: false } }),
      callApi(selectSectors.POST, { method: "POST", token, params, body: { industry_slug: industry.slug } }),
      callApi(sectors.GET, { token, params }),
      callApi(apiKey.POST, { method: "POST", token, params }),
      callApi(apiKey.DELETE, { method: "DELETE", token, params }),
    ];
    for (const res of await Promise.all(calls)) expect(res.status).toBe(404);
    const after = await rootDb().site.findUniqueOrThrow({ where: { id: b.site.id } });
    expect(after).toMatchObject({ name: b.site.name, isActive: true, industryId: null, apiKeyHash: null });
    const list = await callApi(sites.GET, { token });
    expect(list.body.data.results.map((s: { id: number }) => s.id)).toEqual([a.site.id]);
  });

  it("lets only owners and admins change sites; editors see only granted sites; viewers never write", async () => {
    const { a } = await twoTenants();
    const hidden = await createSite(a.account.id);
    const admin = await createUser(a.account.id, "admin");
    const editor = await createUser(a.account.id, "editor", [a.site.id]);
    const viewer = await createUser(a.account.id, "viewer", [a.site.id]);

    expect((await callApi(sites.POST, { method: "POST", token: await tokenFor(admin.id), body: { name: "By admin" } })).status).toBe(201);
    for (const user of [editor, viewer]) {
      const token = await tokenFor(user.id);
      expect((await callApi(sites.POST, { method: "POST", token, body: { name: "Nope" } })).status).toBe(403);
      expect((await callApi(site.PATCH, { method: "PATCH", token, params: { id: String(a.site.id) }, body: { name: "Nope" } })).status).toBe(403);
      const list = await callApi(sites.GET, { token });
      expect(list.body.data.results.map((s: { id: number }) => s.id)).toEqual([a.site.id]);
      expect((await callApi(site.GET, { token, params: { id: String(hidden.id) } })).status).toBe(404);
    }
    expect((await rootDb().site.findUniqueOrThrow({ where: { id: a.site.id } })).name).toBe(a.site.name);
  });

  it("serves an active site by slug without authentication, and nothing else", async () => {
    const { a } = await twoTenants();
    const inactive = await createSite(a.account.id, { isActive: false });
    const pub = await callApi(sites.GET, { url: `/api/v1/auth/sites/?slug=${a.site.slug}` });
    expect(pub.status).toBe(200);
    expect(pub.body.data.count).toBe(1);
    expect(pub.body.data.results[0]).toMatchObject({ id: a.site.id, slug: a.site.slug });
    expect(pub.body.data.results[0].account_id).toBeUndefined();
    expect(pub.body.data.results[0].api_key_prefix).toBeUndefined();
    expect((await callApi(sites.GET, { url: `/api/v1/auth/sites/?slug=${inactive.slug}` })).body.data.count).toBe(0);
    expect((await callApi(sites.GET)).status).toBe(401);
  });

  it("set_active marks a site active without deactivating the others", async () => {
    const { a } = await twoTenants();
    const second = await createSite(a.account.id, { isActive: false });
    const token = await tokenFor(a.owner.id);
    const res = await callApi(setActive.POST, { method: "POST", token, params: { id: String(second.id) } });
    expect(res.body.data).toMatchObject({ is_active: true, status: "active" });
    expect((await rootDb().site.findUniqueOrThrow({ where: { id: a.site.id } })).isActive).toBe(true);
  });

  it("select_sectors: industry required, must exist and be active, plan limit enforced, unlisted deactivated", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const params = { id: String(a.site.id) };
    const industry = await industryWithSectors(6);
    const slugs = industry.sectors.map((s) => s.slug);

    expect((await callApi(selectSectors.POST, { method: "POST", token, params, body: {} })).status).toBe(400);
    expect((await callApi(selectSectors.POST, { method: "POST", token, params, body: { industry_slug: "no-such-industry" } })).status).toBe(404);

    const six = await callApi(selectSectors.POST, { method: "POST", token, params, body: { industry_slug: industry.slug, sector_slugs: slugs.slice(0, 6) } });
    expect(six.status).toBe(403);
    expect(six.body.code).toBe("plan_limit_exceeded");
    expect(six.body.message).toMatch(/allows 5 active sectors per site/);
    expect(await rootDb().sector.count({ where: { siteId: a.site.id, industrySectorId: { not: null } } })).toBe(0);

    const bad = await callApi(selectSectors.POST, { method: "POST", token, params, body: { industry_slug: industry.slug, sector_slugs: ["not-a-sector"] } });
    expect(bad.status).toBe(400);

    const five = await callApi(selectSectors.POST, { method: "POST", token, params, body: { industry_slug: industry.slug, sector_slugs: slugs.slice(0, 5) } });
    expect(five.status).toBe(200);
    expect(five.body.data.sectors).toHaveLength(5);
    expect(five.body.data.site.industry_id).toBe(industry.id);

    const two = await callApi(selectSectors.POST, { method: "POST", token, params, body: { industry_slug: industry.slug, sector_slugs: slugs.slice(1, 3) } });
    expect(two.body.data.sectors.map((s: { slug: string }) => s.slug).sort()).toEqual(slugs.slice(1, 3).sort());
    const active = await callApi(sectors.GET, { token, params });
    expect(active.body.data.results.map((s: { slug: string }) => s.slug).sort()).toEqual(slugs.slice(1, 3).sort());
    // Reactivating keeps the same sector rows (ids) instead of creating duplicates.
    await callApi(selectSectors.POST, { method: "POST", token, params, body: { industry_slug: industry.slug, sector_slugs: slugs.slice(0, 5) } });
    expect(await rootDb().sector.count({ where: { siteId: a.site.id, industrySectorId: { not: null } } })).toBe(5);

    await rootDb().industry.update({ where: { id: industry.id }, data: { isActive: false } });
    expect((await callApi(selectSectors.POST, { method: "POST", token, params, body: { industry_slug: industry.slug } })).status).toBe(404);
    await rootDb().industry.update({ where: { id: industry.id }, data: { isActive: true } });
  });

  it("respects a smaller plan's sector limit", async () => {
    const { owner, account } = await createAccount({ planSlug: "free" });
    const s = await createSite(account.id);
    const industry = await industryWithSectors(3);
    const res = await callApi(selectSectors.POST, { method: "POST", token: await tokenFor(owner.id), params: { id: String(s.id) }, body: { industry_slug: industry.slug, sector_slugs: industry.sectors.slice(0, 3).map((x) => x.slug) } });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/Free plan allows 2/);
  });

  it("enforces the plan's site limit", async () => {
    const { owner, account } = await createAccount({ planSlug: "free" });
    await createSite(account.id);
    const res = await callApi(sites.POST, { method: "POST", token: await tokenFor(owner.id), body: { name: "Second" } });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "plan_limit_exceeded", upgrade_url: "/billing/plans" });
    expect(res.body.message).toMatch(/allows 1 site.*1 over/);
  });

  it("API key: shown once, stored hashed, rotation invalidates the old key at once", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const params = { id: String(a.site.id) };
    const first = await callApi(apiKey.POST, { method: "POST", token, params });
    expect(first.status).toBe(201);
    const key1 = first.body.data.api_key as string;
    expect(key1).toMatch(/^sck_/);
    const stored = await rootDb().site.findUniqueOrThrow({ where: { id: a.site.id } });
    expect(stored.apiKeyHash).not.toContain(key1);
    expect(JSON.stringify((await callApi(site.GET, { token, params })).body)).not.toContain(key1);
    expect((await contextForSiteKey(key1)).siteAccess).toEqual([a.site.id]);

    const second = await callApi(apiKey.POST, { method: "POST", token, params });
    const key2 = second.body.data.api_key as string;
    await expect(contextForSiteKey(key1)).rejects.toMatchObject({ status: 401 });
    expect((await contextForSiteKey(key2)).accountId).toBe(a.account.id);
    await callApi(apiKey.DELETE, { method: "DELETE", token, params });
    await expect(contextForSiteKey(key2)).rejects.toMatchObject({ status: 401 });
  });

  it("answers bad input with 400 and nothing changes", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const before = await rootDb().site.count();
    for (const body of [{}, { name: "" }, { name: "x".repeat(500) }, { name: "ok", slug: "Bad Slug!" }, { name: "ok", domain: "javascript:alert(1)" }, { name: "ok", hosting_type: "ftp" }, { name: "ok", unknown_field: 1 }]) {
      const res = await callApi(sites.POST, { method: "POST", token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await callApi(site.GET, { token, params: { id: "abc" } })).status).toBe(400);
    expect((await callApi(site.GET, { token, params: { id: "99999999999" } })).status).toBe(400);
    expect((await callApi(sites.GET, { token, url: "/api/v1/auth/sites/?page=0" })).status).toBe(400);
    expect(await rootDb().site.count()).toBe(before);
  });
});
