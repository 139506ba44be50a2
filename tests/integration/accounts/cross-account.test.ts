// Where the reference lets privileged users see across accounts: developers and users of the
// system account see every ACTIVE site and what is in it (003: "System account users / Developers:
// All active sites"; 004: "Admin/Developer users and System account users: bypass account
// filtering"); owners of ordinary accounts see only their own. And the system account is protected
// from deletion (002: "protecting system accounts from deletion").
import { describe, expect, it } from "vitest";
import * as sites from "@/app/api/v1/auth/sites/route";
import * as keywords from "@/app/api/v1/planner/keywords/route";
import * as keyword from "@/app/api/v1/planner/keywords/[id]/route";
import * as deleteAccount from "@/app/api/v1/auth/account/delete/route";
import { rootDb } from "@/lib/db/client";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createDeveloper, createSite, createUser, TEST_PASSWORD, twoTenants } from "@/tests/fixtures/factories";
import { createKeywords } from "@/tests/fixtures/ai";

async function world() {
  const { a, b } = await twoTenants();
  const inactive = await createSite(b.account.id, { isActive: false });
  const [kwA] = await createKeywords(a.site, a.sector.id, ["compost bins"]);
  const [kwB] = await createKeywords(b.site, b.sector.id, ["rose pruning"]);
  const system = await rootDb().account.findUniqueOrThrow({ where: { slug: "system" } });
  return { a, b, inactive, kwA, kwB, system };
}

const siteIds = async (token: string) => {
  const res = await callApi(sites.GET, { token, url: "/api/v1/auth/sites/?page_size=100" });
  expect(res.status).toBe(200);
  return (res.body.data.results as { id: number }[]).map((s) => s.id);
};

describe("cross-account visibility", () => {
  it("developers see every active site and its data across accounts, never inactive sites", async () => {
    const { a, b, inactive, kwA, kwB } = await world();
    const token = await tokenFor((await createDeveloper()).id);
    const visible = await siteIds(token);
    expect(visible).toEqual(expect.arrayContaining([a.site.id, b.site.id]));
    expect(visible).not.toContain(inactive.id);
    for (const [site, kw] of [[a.site, kwA], [b.site, kwB]] as const) {
      const list = await callApi(keywords.GET, { token, url: `/api/v1/planner/keywords/?site_id=${site.id}` });
      expect(list.body.data.results.map((k: { id: number }) => k.id)).toContain(kw.id);
      expect((await callApi(keyword.GET, { token, params: { id: String(kw.id) } })).status).toBe(200);
    }
  });

  it("users of the system account (not only developers) see across accounts too", async () => {
    const { a, b, inactive, kwB, system } = await world();
    for (const role of ["owner", "admin", "editor"] as const) {
      const token = await tokenFor((await createUser(system.id, role)).id);
      const visible = await siteIds(token);
      expect(visible, role).toEqual(expect.arrayContaining([a.site.id, b.site.id]));
      expect(visible, role).not.toContain(inactive.id);
      expect((await callApi(keyword.GET, { token, params: { id: String(kwB.id) } })).status, role).toBe(200);
    }
  });

  it("an ordinary account's owner sees only its own: another account's ids are 404", async () => {
    const { a, b, kwB } = await world();
    const token = await tokenFor(a.owner.id);
    const visible = await siteIds(token);
    expect(visible).toContain(a.site.id);
    expect(visible).not.toContain(b.site.id);
    expect((await callApi(keyword.GET, { token, params: { id: String(kwB.id) } })).status).toBe(404);
    const list = await callApi(keywords.GET, { token, url: `/api/v1/planner/keywords/?site_id=${b.site.id}` });
    expect(list.body.data).toMatchObject({ count: 0, results: [] });
  });
});

describe("the system account", () => {
  it("cannot be deleted, even by its owner with the right slug and password", async () => {
    const { system } = await world();
    const owner = await createUser(system.id, "owner");
    const res = await callApi(deleteAccount.POST, { method: "POST", token: await tokenFor(owner.id), body: { confirm: system.slug, password: TEST_PASSWORD } });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/system account cannot be deleted/);
    expect(await rootDb().account.findUnique({ where: { id: system.id } })).not.toBeNull();
    expect(await rootDb().user.findUnique({ where: { id: owner.id } })).not.toBeNull();
  });

  it("an ordinary owner can delete their own account (the guard is specific to the system account)", async () => {
    const { a } = await twoTenants();
    const res = await callApi(deleteAccount.POST, { method: "POST", token: await tokenFor(a.owner.id), body: { confirm: a.account.slug, password: TEST_PASSWORD } });
    expect(res.status).toBe(200);
    expect(await rootDb().account.findUnique({ where: { id: a.account.id } })).toBeNull();
  });
});
