// Deploying a blueprint to the hosted site: pages, navigation, re-deploys in place, the public definition.
import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as blueprints from "@/app/api/v1/site-builder/blueprints/route";
import * as pages from "@/app/api/v1/site-builder/pages/route";
import * as page from "@/app/api/v1/site-builder/pages/[id]/route";
import * as deploy from "@/app/api/v1/publisher/deploy/route";
import * as definition from "@/app/api/v1/publisher/sites/[id]/definition/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser, twoTenants } from "@/tests/fixtures/factories";

const copy = (text: string) => [
  { type: "hero", heading: `${text} hero`, brief: "", content: `<p>${text} lead</p>` },
  { type: "faq", heading: "Questions", brief: "", content: `<h3>Why ${text}?</h3><p>Because.</p>` },
];

async function setup() {
  const t = await twoTenants();
  const token = await tokenFor(t.a.owner.id);
  const bp = (await callApi(blueprints.POST, { method: "POST", token, body: { site_id: t.a.site.id, sector_id: t.a.sector.id, name: "Garden" } })).body.data;
  const add = async (body: Record<string, unknown>) => (await callApi(pages.POST, { method: "POST", token, body: { blueprint_id: bp.id, ...body } })).body.data;
  const home = await add({ type: "home", title: "Home", sections: copy("Home") });
  const pillar = await add({ type: "pillar", title: "Tomatoes", parent_id: home.id, sections: copy("Tomatoes") });
  const support = await add({ type: "supporting", title: "Watering", parent_id: pillar.id, sections: copy("Watering") });
  const about = await add({ type: "about", title: "About", parent_id: home.id, sections: copy("About") });
  const post = await add({ type: "post", title: "A post", parent_id: pillar.id });
  const empty = await add({ type: "contact", title: "Contact", parent_id: home.id });
  return { ...t, token, bp, home, pillar, support, about, post, empty };
}

describe("deploying a blueprint", () => {
  it("writes its pages to the hosted site, serves navigation in the definition, and re-deploys in place with the difference", async () => {
    const { a, token, bp, pillar, support, about } = await setup();
    const first = await callApi(deploy.POST, { method: "POST", token, body: { blueprint_id: bp.id } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.data.deployment).toMatchObject({ version: 1, status: "deployed", pages: 4 });
    expect(first.body.data.changes).toEqual({ added: ["home", "tomatoes", "watering", "about"], updated: [], removed: [], unchanged: 0 });
    const rows = await rootDb().sitePage.findMany({ where: { siteId: a.site.id }, orderBy: { sortOrder: "asc" } });
    expect(rows.map((r) => r.slug)).toEqual(["home", "tomatoes", "watering", "about"]);
    expect(rows.find((r) => r.slug === "tomatoes")!.html).toContain("Tomatoes lead");
    expect(rows.find((r) => r.slug === "home")!.template).toBe("landing");
    const ids = rows.map((r) => r.id);

    const def = await callApi(definition.GET, { params: { id: String(a.site.id) } });
    expect(def.status).toBe(200);
    const nav = def.body.data.blueprint.navigation;
    expect(nav.map((n: { slug: string }) => n.slug)).toEqual(["tomatoes", "about"]);
    expect(def.body.data.blueprint.pages.map((p: { slug: string }) => p.slug)).toContain("watering");
    expect(def.body.data.pages.map((p: { slug: string }) => p.slug)).toContain("tomatoes");

    // the same blueprint again: nothing changes, same rows
    const again = await callApi(deploy.POST, { method: "POST", token, body: { blueprint_id: bp.id } });
    expect(again.body.data.changes).toEqual({ added: [], updated: [], removed: [], unchanged: 4 });
    expect(again.body.data.deployment.version).toBe(2);
    expect((await rootDb().sitePage.findMany({ where: { siteId: a.site.id }, orderBy: { sortOrder: "asc" } })).map((r) => r.id)).toEqual(ids);

    // edit one page, delete another: updated in place, removed from the site
    await callApi(page.PATCH, { method: "PATCH", token, params: { id: String(pillar.id) }, body: { title: "Tomato growing" } });
    await callApi(page.DELETE, { method: "DELETE", token, params: { id: String(about.id) } });
    const third = await callApi(deploy.POST, { method: "POST", token, body: { blueprint_id: bp.id } });
    expect(third.body.data.changes).toMatchObject({ added: [], updated: ["tomatoes"], removed: ["about"] });
    const after = await rootDb().sitePage.findMany({ where: { siteId: a.site.id } });
    expect(after.map((r) => r.slug).sort()).toEqual(["home", "tomatoes", "watering"]);
    expect(after.find((r) => r.slug === "tomatoes")!).toMatchObject({ id: ids[1], title: "Tomato growing" });
    expect(support.id).toBeGreaterThan(0);
    expect(await rootDb().deploymentRecord.count({ where: { siteId: a.site.id } })).toBe(3);
  });

  it("records a failed deploy (nothing written) when no page has copy", async () => {
    const t = await twoTenants();
    const token = await tokenFor(t.a.owner.id);
    const bp = (await callApi(blueprints.POST, { method: "POST", token, body: { site_id: t.a.site.id, sector_id: t.a.sector.id, name: "Empty" } })).body.data;
    await callApi(pages.POST, { method: "POST", token, body: { blueprint_id: bp.id, type: "home", title: "Home" } });
    const res = await callApi(deploy.POST, { method: "POST", token, body: { blueprint_id: bp.id } });
    expect(res.status).toBe(201);
    expect(res.body.data.deployment).toMatchObject({ status: "failed" });
    expect(res.body.data.deployment.error).toMatch(/No page has copy/);
    expect(await rootDb().sitePage.count({ where: { siteId: t.a.site.id } })).toBe(0);
  });

  it("refuses bad input (400), another account's blueprint (404) and viewers (403), writing nothing", async () => {
    const { a, b, bp } = await setup();
    const tokenB = await tokenFor(b.owner.id);
    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    const token = await tokenFor(a.owner.id);
    expect((await callApi(deploy.POST, { method: "POST", token, body: { blueprint_id: "x" } })).status).toBe(400);
    expect((await callApi(deploy.POST, { method: "POST", token, body: { blueprint_id: bp.id, site_id: a.site.id } })).status).toBe(400);
    expect((await callApi(deploy.POST, { method: "POST", token, body: {} })).status).toBe(400);
    expect((await callApi(deploy.POST, { method: "POST", token: tokenB, body: { blueprint_id: bp.id } })).status).toBe(404);
    expect((await callApi(deploy.POST, { method: "POST", token: viewer, body: { blueprint_id: bp.id } })).status).toBe(403);
    expect(await rootDb().sitePage.count({ where: { siteId: a.site.id } })).toBe(0);
    expect(await rootDb().deploymentRecord.count({ where: { siteId: a.site.id } })).toBe(0);
    // the site-level deploy still works as before
    expect((await callApi(deploy.POST, { method: "POST", token, body: { site_id: a.site.id } })).status).toBe(201);
  });
});
