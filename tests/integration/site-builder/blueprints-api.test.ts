import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as blueprints from "@/app/api/v1/site-builder/blueprints/route";
import * as blueprint from "@/app/api/v1/site-builder/blueprints/[id]/route";
import * as bulkDelete from "@/app/api/v1/site-builder/blueprints/bulk_delete/route";
import * as attach from "@/app/api/v1/site-builder/blueprints/[id]/clusters/attach/route";
import * as detach from "@/app/api/v1/site-builder/blueprints/[id]/clusters/detach/route";
import * as taxonomies from "@/app/api/v1/site-builder/blueprints/[id]/taxonomies/route";
import * as taxonomyImport from "@/app/api/v1/site-builder/blueprints/[id]/taxonomies/import/route";
import * as pages from "@/app/api/v1/site-builder/pages/route";
import * as page from "@/app/api/v1/site-builder/pages/[id]/route";
import * as metadata from "@/app/api/v1/site-builder/metadata/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createSector, createUser, twoTenants } from "@/tests/fixtures/factories";
import { createCluster } from "@/tests/fixtures/ai";

async function setup() {
  const t = await twoTenants();
  const token = await tokenFor(t.a.owner.id);
  const clusterA = await createCluster(t.a.site, t.a.sector.id, "Tomato care");
  const clusterB = await createCluster(t.b.site, t.b.sector.id, "Other account");
  return { ...t, token, clusterA, clusterB };
}

async function newBlueprint(token: string, siteId: number, sectorId: number, extra: Record<string, unknown> = {}) {
  const res = await callApi(blueprints.POST, { method: "POST", token, body: { site_id: siteId, sector_id: sectorId, name: "Garden site", business_type: "publisher", audience: "beginners", ...extra } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

describe("site builder blueprints REST", () => {
  it("serves the wizard's options", async () => {
    const { token } = await setup();
    const res = await callApi(metadata.GET, { token });
    expect(res.status).toBe(200);
    expect(res.body.data.business_types.map((o: { slug: string }) => o.slug)).toContain("saas");
    expect(res.body.data.hero_imagery_directions.length).toBeGreaterThan(0);
    expect(res.body.data.page_types).toContain("pillar");
  });

  it("creates with clusters, lists, updates, attaches and detaches clusters, deletes in bulk", async () => {
    const { a, token, clusterA } = await setup();
    const created = await newBlueprint(token, a.site.id, a.sector.id, { cluster_ids: [clusterA.id] });
    expect(created).toMatchObject({ name: "Garden site", status: "draft", business_type: "publisher", pages_count: 0 });
    expect(created.clusters.map((c: { id: number }) => c.id)).toEqual([clusterA.id]);
    const id = String(created.id);
    const list = await callApi(blueprints.GET, { token, url: `/api/v1/site-builder/blueprints/?site_id=${a.site.id}` });
    expect(list.body.data.count).toBe(1);
    const updated = await callApi(blueprint.PATCH, { method: "PATCH", token, params: { id }, body: { name: "Renamed", brand_personality: "friendly" } });
    expect(updated.body.data).toMatchObject({ name: "Renamed", brand_personality: "friendly", pages: [] });
    const second = await createCluster(a.site, a.sector.id, "Watering");
    expect((await callApi(attach.POST, { method: "POST", token, params: { id }, body: { cluster_ids: [second.id, clusterA.id] } })).body.data.clusters).toHaveLength(2);
    expect((await callApi(detach.POST, { method: "POST", token, params: { id }, body: { cluster_ids: [clusterA.id] } })).body.data.clusters.map((c: { id: number }) => c.id)).toEqual([second.id]);
    const other = await newBlueprint(token, a.site.id, a.sector.id);
    const del = await callApi(bulkDelete.POST, { method: "POST", token, body: { ids: [created.id, other.id] } });
    expect(del.body.data).toEqual({ deleted: 2 });
    expect(await rootDb().siteBlueprint.count({ where: { siteId: a.site.id } })).toBe(0);
    expect(await rootDb().cluster.count({ where: { id: clusterA.id } })).toBe(1);
  });

  it("refuses bad input with 400 and changes nothing", async () => {
    const { a, token, clusterA } = await setup();
    const bad = [
      { site_id: a.site.id, sector_id: a.sector.id, name: "" },
      { site_id: a.site.id, sector_id: a.sector.id, name: "X", business_type: "no-such-option" },
      { site_id: a.site.id, sector_id: a.sector.id, name: "X", audience: "saas" },
      { site_id: "abc", sector_id: a.sector.id, name: "X" },
      { site_id: a.site.id, sector_id: a.sector.id, name: "X", unknown: 1 },
    ];
    for (const body of bad) expect((await callApi(blueprints.POST, { method: "POST", token, body })).status, JSON.stringify(body)).toBe(400);
    const otherSector = await createSector(a.site);
    const bp = await newBlueprint(token, a.site.id, otherSector.id);
    // a cluster of another sector of the same site
    expect((await callApi(attach.POST, { method: "POST", token, params: { id: String(bp.id) }, body: { cluster_ids: [clusterA.id] } })).status).toBe(400);
    expect((await callApi(attach.POST, { method: "POST", token, params: { id: String(bp.id) }, body: { cluster_ids: [] } })).status).toBe(400);
    expect((await callApi(blueprint.GET, { token, params: { id: "abc" } })).status).toBe(400);
    expect(await rootDb().siteBlueprintCluster.count({ where: { blueprintId: bp.id } })).toBe(0);
    expect(await rootDb().siteBlueprint.count({ where: { siteId: a.site.id } })).toBe(1);
  });

  it("answers 404 for another account's blueprints, pages, clusters and sites, and changes nothing", async () => {
    const { a, b, token, clusterA, clusterB } = await setup();
    const tokenB = await tokenFor(b.owner.id);
    const theirs = await newBlueprint(tokenB, b.site.id, b.sector.id, { cluster_ids: [clusterB.id] });
    const theirPage = (await callApi(pages.POST, { method: "POST", token: tokenB, body: { blueprint_id: theirs.id, type: "home", title: "Home" } })).body.data;
    const id = String(theirs.id);
    const mine = await newBlueprint(token, a.site.id, a.sector.id);
    for (const res of [
      await callApi(blueprint.GET, { token, params: { id } }),
      await callApi(blueprint.PATCH, { method: "PATCH", token, params: { id }, body: { name: "hijack" } }),
      await callApi(blueprint.DELETE, { method: "DELETE", token, params: { id } }),
      await callApi(attach.POST, { method: "POST", token, params: { id }, body: { cluster_ids: [clusterA.id] } }),
      await callApi(detach.POST, { method: "POST", token, params: { id }, body: { cluster_ids: [clusterB.id] } }),
      await callApi(taxonomies.GET, { token, params: { id } }),
      await callApi(taxonomies.POST, { method: "POST", token, params: { id }, body: { kind: "tag", name: "x" } }),
      await callApi(taxonomyImport.POST, { method: "POST", token, params: { id }, body: { source: "csv", csv: "name\nx" } }),
      await callApi(attach.POST, { method: "POST", token, params: { id: String(mine.id) }, body: { cluster_ids: [clusterB.id] } }),
      await callApi(blueprints.POST, { method: "POST", token, body: { site_id: b.site.id, sector_id: b.sector.id, name: "X" } }),
      await callApi(page.GET, { token, params: { id: String(theirPage.id) } }),
      await callApi(page.PATCH, { method: "PATCH", token, params: { id: String(theirPage.id) }, body: { title: "hijack" } }),
      await callApi(page.DELETE, { method: "DELETE", token, params: { id: String(theirPage.id) } }),
      await callApi(pages.POST, { method: "POST", token, body: { blueprint_id: theirs.id, type: "about", title: "About" } }),
    ]) expect(res.status).toBe(404);
    expect((await callApi(bulkDelete.POST, { method: "POST", token, body: { ids: [theirs.id] } })).body.data).toEqual({ deleted: 0 });
    expect((await callApi(blueprints.GET, { token })).body.data.count).toBe(1);
    expect((await callApi(pages.GET, { token, url: `/api/v1/site-builder/pages/?blueprint_id=${theirs.id}` })).body.data.count).toBe(0);
    expect(await rootDb().siteBlueprint.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ name: "Garden site" });
    expect(await rootDb().pageBlueprint.findUniqueOrThrow({ where: { id: theirPage.id } })).toMatchObject({ title: "Home" });
    expect(await rootDb().siteBlueprintCluster.count({ where: { blueprintId: theirs.id } })).toBe(1);
    expect(await rootDb().siteBlueprintTaxonomy.count({ where: { blueprintId: theirs.id } })).toBe(0);
  });

  it("lets viewers read and nothing else (403, nothing changed)", async () => {
    const { a, token, clusterA } = await setup();
    const bp = await newBlueprint(token, a.site.id, a.sector.id);
    const home = (await callApi(pages.POST, { method: "POST", token, body: { blueprint_id: bp.id, type: "home", title: "Home" } })).body.data;
    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    const id = String(bp.id);
    expect((await callApi(blueprint.GET, { token: viewer, params: { id } })).status).toBe(200);
    expect((await callApi(blueprints.GET, { token: viewer })).body.data.count).toBe(1);
    for (const res of [
      await callApi(blueprints.POST, { method: "POST", token: viewer, body: { site_id: a.site.id, sector_id: a.sector.id, name: "X" } }),
      await callApi(blueprint.PATCH, { method: "PATCH", token: viewer, params: { id }, body: { name: "no" } }),
      await callApi(blueprint.DELETE, { method: "DELETE", token: viewer, params: { id } }),
      await callApi(bulkDelete.POST, { method: "POST", token: viewer, body: { ids: [bp.id] } }),
      await callApi(attach.POST, { method: "POST", token: viewer, params: { id }, body: { cluster_ids: [clusterA.id] } }),
      await callApi(taxonomies.POST, { method: "POST", token: viewer, params: { id }, body: { kind: "tag", name: "x" } }),
      await callApi(pages.POST, { method: "POST", token: viewer, body: { blueprint_id: bp.id, type: "about", title: "About" } }),
      await callApi(page.PATCH, { method: "PATCH", token: viewer, params: { id: String(home.id) }, body: { title: "no" } }),
      await callApi(page.DELETE, { method: "DELETE", token: viewer, params: { id: String(home.id) } }),
    ]) expect(res.status).toBe(403);
    expect(await rootDb().siteBlueprint.findUniqueOrThrow({ where: { id: bp.id } })).toMatchObject({ name: "Garden site" });
    expect(await rootDb().pageBlueprint.count({ where: { blueprintId: bp.id } })).toBe(1);
  });
});

describe("site builder pages and taxonomies REST", () => {
  it("builds and edits a tree: slugs, move, reorder, cycles refused, delete moves children up", async () => {
    const { a, token } = await setup();
    const bp = await newBlueprint(token, a.site.id, a.sector.id);
    const add = async (body: Record<string, unknown>) => callApi(pages.POST, { method: "POST", token, body: { blueprint_id: bp.id, ...body } });
    const home = (await add({ type: "home", title: "Welcome" })).body.data;
    expect(home.slug).toBe("home");
    const pillar = (await add({ type: "pillar", title: "Tomato Care", parent_id: home.id, sections: [{ type: "hero", heading: "Grow", brief: "b", content: "<p>x</p><script>alert(1)</script>" }] })).body.data;
    expect(pillar.slug).toBe("tomato-care");
    expect(pillar.sections[0].content).not.toContain("script");
    const child = (await add({ type: "supporting", title: "Watering", parent_id: pillar.id })).body.data;
    expect((await add({ type: "custom", title: "Dup", slug: "tomato-care" })).status).toBe(409);
    expect((await add({ type: "nope", title: "X" })).status).toBe(400);
    expect((await add({ type: "custom", title: "X", slug: "Bad Slug" })).status).toBe(400);
    // cycle: the pillar under its own child
    const cycle = await callApi(page.PATCH, { method: "PATCH", token, params: { id: String(pillar.id) }, body: { parent_id: child.id } });
    expect(cycle.status).toBe(400);
    expect((await callApi(page.PATCH, { method: "PATCH", token, params: { id: String(pillar.id) }, body: { parent_id: pillar.id } })).status).toBe(400);
    expect((await rootDb().pageBlueprint.findUniqueOrThrow({ where: { id: pillar.id } })).parentId).toBe(home.id);
    const renamed = await callApi(page.PATCH, { method: "PATCH", token, params: { id: String(child.id) }, body: { title: "Watering tomatoes", slug: "watering", sort_order: 3 } });
    expect(renamed.body.data).toMatchObject({ title: "Watering tomatoes", slug: "watering", sort_order: 3 });
    expect((await callApi(page.DELETE, { method: "DELETE", token, params: { id: String(pillar.id) } })).status).toBe(200);
    expect((await rootDb().pageBlueprint.findUniqueOrThrow({ where: { id: child.id } })).parentId).toBe(home.id);
    const detail = await callApi(blueprint.GET, { token, params: { id: String(bp.id) } });
    expect(detail.body.data.pages.map((p: { slug: string }) => p.slug)).toEqual(["home", "watering"]);
  });

  it("adds taxonomies by hand and from a CSV (duplicates skipped), refuses bad CSVs", async () => {
    const { a, token } = await setup();
    const bp = await newBlueprint(token, a.site.id, a.sector.id);
    const id = String(bp.id);
    expect((await callApi(taxonomies.POST, { method: "POST", token, params: { id }, body: { kind: "category", name: "Tomatoes" } })).status).toBe(201);
    expect((await callApi(taxonomies.POST, { method: "POST", token, params: { id }, body: { kind: "category", name: "Tomatoes" } })).status).toBe(409);
    expect((await callApi(taxonomies.POST, { method: "POST", token, params: { id }, body: { kind: "shelf", name: "X" } })).status).toBe(400);
    const csv = "name,kind,slug\nTomatoes,category,\nPeppers,category,\nOrganic,tag,\n";
    const imported = await callApi(taxonomyImport.POST, { method: "POST", token, params: { id }, body: { source: "csv", csv } });
    expect(imported.body.data).toMatchObject({ imported: 2, skipped: 1 });
    expect((await callApi(taxonomyImport.POST, { method: "POST", token, params: { id }, body: { source: "csv", csv: "name,kind\nX,shelf\n" } })).status).toBe(400);
    expect((await callApi(taxonomyImport.POST, { method: "POST", token, params: { id }, body: { source: "ftp" } })).status).toBe(400);
    expect((await callApi(taxonomyImport.POST, { method: "POST", token, params: { id }, body: { source: "wordpress", integration_id: 999999 } })).status).toBe(404);
    const list = await callApi(taxonomies.GET, { token, params: { id } });
    expect(list.body.data.results.map((t: { slug: string; kind: string }) => `${t.kind}:${t.slug}`)).toEqual(["category:peppers", "category:tomatoes", "tag:organic"]);
  });
});
