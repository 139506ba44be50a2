// Sites → Settings → Content types over REST, and the defaults it gives the writer (new tasks)
// and publishing (destinations when none are chosen).
import { describe, expect, it } from "vitest";
import * as contentTypes from "@/app/api/v1/auth/sites/[id]/content_types/route";
import * as tasks from "@/app/api/v1/writer/tasks/route";
import * as publish from "@/app/api/v1/publisher/publish/route";
import { rootDb } from "@/lib/db/client";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser, twoTenants } from "@/tests/fixtures/factories";
import { createArticle, fastRuntime } from "@/tests/fixtures/publishing";

const types = (overrides: Record<string, Record<string, unknown>> = {}) =>
  ["post", "page", "product", "service", "category"].map((type) => ({
    type,
    enabled: type === "post" || type === "product",
    is_default: type === "post",
    default_structure: "article",
    default_word_count: 1500,
    destinations: [],
    ...overrides[type],
  }));

describe("site content types REST", () => {
  it("lists the defaults, saves the tab, and new tasks take the default type's structure and length", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const id = String(a.site.id);
    const defaults = await callApi(contentTypes.GET, { token, params: { id } });
    expect(defaults.body.data.map((t: { type: string }) => t.type)).toEqual(["post", "page", "product", "service", "category"]);
    expect(defaults.body.data[0]).toMatchObject({ type: "post", enabled: true, is_default: true, default_structure: "article", default_word_count: 1500, destinations: [] });

    const saved = await callApi(contentTypes.PUT, { method: "PUT", token, params: { id }, body: { types: types({ post: { is_default: false }, product: { is_default: true, default_structure: "review", default_word_count: 600, destinations: ["hosted"] } }) } });
    expect(saved.status).toBe(200);
    expect(saved.body.data.find((t: { type: string }) => t.type === "product")).toMatchObject({ enabled: true, is_default: true, default_structure: "review", default_word_count: 600, destinations: ["hosted"] });

    const task = await callApi(tasks.POST, { method: "POST", token, body: { site_id: a.site.id, sector_id: a.sector.id, title: "Cedar bed kit" } });
    expect(task.body.data).toMatchObject({ content_type: "product", content_structure: "review", target_word_count: 600 });
    const page = await callApi(tasks.POST, { method: "POST", token, body: { site_id: a.site.id, sector_id: a.sector.id, title: "About us", content_type: "post", target_word_count: 900 } });
    expect(page.body.data).toMatchObject({ content_type: "post", content_structure: "article", target_word_count: 900 });
  });

  it("publishing without chosen destinations uses the article's content type's destinations", async () => {
    const rt = fastRuntime();
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    await rootDb().publishingSettings.create({ data: { accountId: a.account.id, siteId: a.site.id, defaultDestinations: [] } });
    await callApi(contentTypes.PUT, { method: "PUT", token, params: { id: String(a.site.id) }, body: { types: types({ post: { destinations: ["hosted"] } }) } });
    const task = await callApi(tasks.POST, { method: "POST", token, body: { site_id: a.site.id, sector_id: a.sector.id, title: "Typed post", content_type: "post" } });
    const article = await createArticle(a.site, a.sector);
    await rootDb().content.update({ where: { id: article.id }, data: { taskId: task.body.data.id } });
    const res = await callApi(publish.POST, { method: "POST", token, body: { content_id: article.id } });
    expect(res.status).toBe(202);
    expect(res.body.data.records).toEqual([expect.objectContaining({ destination_key: "hosted" })]);
    await rt.idle();
  });

  it("answers another account's site with 404, refuses editors and viewers, and bad input with 400; nothing changes", async () => {
    const { a, b } = await twoTenants();
    const id = String(a.site.id);
    const tokenB = await tokenFor(b.owner.id);
    expect((await callApi(contentTypes.GET, { token: tokenB, params: { id } })).status).toBe(404);
    expect((await callApi(contentTypes.PUT, { method: "PUT", token: tokenB, params: { id }, body: { types: types() } })).status).toBe(404);
    const editor = await tokenFor((await createUser(a.account.id, "editor", [a.site.id])).id);
    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    expect((await callApi(contentTypes.GET, { token: viewer, params: { id } })).status).toBe(200);
    for (const token of [editor, viewer]) expect((await callApi(contentTypes.PUT, { method: "PUT", token, params: { id }, body: { types: types() } })).status).toBe(403);

    const token = await tokenFor(a.owner.id);
    const bad: [unknown, string][] = [
      [{ types: types({ page: { is_default: true } }) }, "types"], // two defaults
      [{ types: types({ post: { enabled: false } }) }, "types"], // default disabled
      [{ types: types({ post: { default_structure: "sonnet" } }) }, "types.0.default_structure"],
      [{ types: types({ post: { default_word_count: 5 } }) }, "types.0.default_word_count"],
      [{ types: [...types(), { ...types()[0] }] }, "types"], // too many / duplicate
      [{ types: types({ post: { type: "poem" } }) }, "types.0.type"],
      [{ types: types({ post: { destinations: ["ftp://x"] } }) }, "types.0.destinations.0"],
      [{ types: [] }, "types"],
      [{}, "types"],
    ];
    for (const [body, field] of bad) {
      const res = await callApi(contentTypes.PUT, { method: "PUT", token, params: { id }, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.errors ?? {}), JSON.stringify(res.body)).toContain(field);
    }
    // A destination of another account's integration is not this site's.
    const foreign = await rootDb().siteIntegration.create({ data: { accountId: b.account.id, siteId: b.site.id, platform: "shopify", config: {} } });
    const notOurs = await callApi(contentTypes.PUT, { method: "PUT", token, params: { id }, body: { types: types({ post: { destinations: [`integration:${foreign.id}`] } }) } });
    expect(notOurs.status).toBe(400);
    expect(notOurs.body.errors).toHaveProperty("destinations");
    expect((await callApi(contentTypes.PUT, { method: "PUT", token, params: { id: "x" }, body: { types: types() } })).status).toBe(400);
    expect(await rootDb().siteContentType.count({ where: { siteId: a.site.id } })).toBe(0);
  });
});
