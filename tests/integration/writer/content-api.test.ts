import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as contentList from "@/app/api/v1/writer/content/route";
import * as content from "@/app/api/v1/writer/content/[id]/route";
import * as bulkDelete from "@/app/api/v1/writer/content/bulk_delete/route";
import * as bulkUpdate from "@/app/api/v1/writer/content/bulk_update/route";
import * as tasks from "@/app/api/v1/writer/tasks/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser } from "@/tests/fixtures/factories";
import { writerTenants } from "@/tests/fixtures/writer";
import { assertSafeHtml, VECTORS } from "@/tests/fixtures/xss";

async function taskWithContent(token: string, site: { id: number }, sector: { id: number }, clusterId?: number) {
  const task = await callApi(tasks.POST, { method: "POST", token, body: { site_id: site.id, sector_id: sector.id, title: "Raised bed soil: the complete guide", keywords: "raised bed soil, soil mix, compost", ...(clusterId ? { cluster_id: clusterId } : {}) } });
  const created = await callApi(contentList.POST, { method: "POST", token, body: { task_id: task.body.data.id } });
  return { taskId: task.body.data.id as number, content: created.body.data };
}

describe("writer content REST", () => {
  it("creates an article for a task with its keywords, cluster and a unique slug; one per task", async () => {
    const { a } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const { taskId, content: c } = await taskWithContent(token, a.site, a.sector, a.cluster.id);
    expect(c).toMatchObject({ task_id: taskId, title: "Raised bed soil: the complete guide", status: "draft", version: 1, slug: "raised-bed-soil-the-complete-guide", primary_keyword: "raised bed soil", secondary_keywords: ["soil mix", "compost"], cluster: { id: a.cluster.id }, html_content: "", word_count: 0 });
    expect((await rootDb().task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("in_progress");
    const again = await callApi(contentList.POST, { method: "POST", token, body: { task_id: taskId } });
    expect(again.status).toBe(409);
    // A second article with the same title on the same site gets the next free slug.
    const second = await taskWithContent(token, a.site, a.sector);
    expect(second.content.slug).toBe("raised-bed-soil-the-complete-guide-2");
    const elsewhere = await taskWithContent(token, a.otherSite, a.otherSector);
    expect(elsewhere.content.slug).toBe("raised-bed-soil-the-complete-guide");
  });

  it("normalises Markdown and plain text on create, sanitises HTML on save, and counts words", async () => {
    const { a } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const md = await callApi(contentList.POST, { method: "POST", token, body: { site_id: a.site.id, sector_id: a.sector.id, title: "From Markdown", html: "## Why soil matters\n\nGood soil **drains** well.\n\n- compost\n- topsoil" } });
    expect(md.status).toBe(201);
    expect(md.body.data.html_content).toBe("<h2>Why soil matters</h2>\n<p>Good soil <strong>drains</strong> well.</p>\n<ul>\n<li>compost</li>\n<li>topsoil</li>\n</ul>");
    expect(md.body.data.word_count).toBe(9);
    const doc = await callApi(contentList.POST, { method: "POST", token, body: { site_id: a.site.id, sector_id: a.sector.id, title: "Doc", html: "<!doctype html><html><head><title>x</title><script>alert(1)</script></head><body><p onclick='x()'>Body only</p></body></html>" } });
    expect(doc.body.data.html_content).toBe("<p>Body only</p>");

    const saved = await callApi(content.PATCH, { method: "PATCH", token, params: { id: String(md.body.data.id) }, body: { version: 1, html: `<h2>Title</h2><p>Two <a href="javascript:alert(1)">words</a></p><img src=x onerror=alert(1)>` } });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({ html_content: `<h2>Title</h2><p>Two <a>words</a></p><img src="x">`, word_count: 3, version: 2 });
  });

  it("stores no script, event handler or javascript: URL from any known XSS payload", async () => {
    const { a } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    // A NUL character is refused before any schema (400, nothing stored): see the last assertion.
    const storable = VECTORS.filter((v) => !v.includes("\0"));
    const created = await callApi(contentList.POST, { method: "POST", token, body: { site_id: a.site.id, sector_id: a.sector.id, title: "XSS", html: storable.join("\n") } });
    expect(created.status).toBe(201);
    assertSafeHtml(created.body.data.html_content);
    let version = created.body.data.version;
    const id = String(created.body.data.id);
    for (const vector of storable) {
      const res = await callApi(content.PUT, { method: "PUT", token, params: { id }, body: { version, html: `<p>before</p>${vector}<p>after</p>` } });
      expect(res.status, vector).toBe(200);
      version = res.body.data.version;
      const stored = (await rootDb().content.findUniqueOrThrow({ where: { id: Number(id) } })).html;
      assertSafeHtml(stored, vector);
      expect(res.body.data.html_content).toBe(stored);
    }
    const before = (await rootDb().content.findUniqueOrThrow({ where: { id: Number(id) } })).html;
    for (const vector of VECTORS.filter((v) => v.includes("\0"))) {
      const res = await callApi(content.PUT, { method: "PUT", token, params: { id }, body: { version, html: vector } });
      expect(res.status, vector).toBe(400);
      expect(Object.keys(res.body.errors)).toEqual(["html"]);
    }
    expect((await rootDb().content.findUniqueOrThrow({ where: { id: Number(id) } })).html).toBe(before);
  });

  it("detects a stale version (another tab saved first): 409 with the current article, nothing overwritten", async () => {
    const { a } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const { content: c } = await taskWithContent(token, a.site, a.sector);
    const id = String(c.id);
    const tab1 = await callApi(content.PATCH, { method: "PATCH", token, params: { id }, body: { version: 1, html: "<p>Tab one wins</p>" } });
    expect(tab1.body.data.version).toBe(2);
    const tab2 = await callApi(content.PATCH, { method: "PATCH", token, params: { id }, body: { version: 1, html: "<p>Tab two is stale</p>" } });
    expect(tab2.status).toBe(409);
    expect(tab2.body).toMatchObject({ success: false, code: "version_conflict", current: { version: 2, html_content: "<p>Tab one wins</p>" } });
    expect((await rootDb().content.findUniqueOrThrow({ where: { id: c.id } })).html).toBe("<p>Tab one wins</p>");
    // "Keep mine" = an explicit overwrite naming the version the user has now seen.
    const keepMine = await callApi(content.PATCH, { method: "PATCH", token, params: { id }, body: { version: 2, html: "<p>Tab two, on purpose</p>" } });
    expect(keepMine.body.data).toMatchObject({ version: 3, html_content: "<p>Tab two, on purpose</p>" });
    // Concurrent saves of the same version: exactly one wins.
    const racing = await Promise.all([4, 5, 6].map((n) => callApi(content.PATCH, { method: "PATCH", token, params: { id }, body: { version: 3, html: `<p>${n}</p>` } })));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    // A client that does not track versions still saves (last write wins); a malformed If-Match is a 400.
    const blind = await callApi(content.PATCH, { method: "PATCH", token, params: { id }, body: { html_content: "<p>no version</p>" } });
    expect(blind.body.data).toMatchObject({ version: 5, html_content: "<p>no version</p>" });
    expect((await callApi(content.PATCH, { method: "PATCH", token, params: { id }, body: { html: "<p>x</p>" }, headers: { "if-match": "nonsense" } })).status).toBe(400);
    expect((await callApi(content.PATCH, { method: "PATCH", token, params: { id }, body: { html: "<p>x</p>", html_content: "<p>y</p>" } })).status).toBe(400);
  });

  it("moves draft → review → published (publish only after review), unique slugs, bulk status", async () => {
    const { a } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const first = await taskWithContent(token, a.site, a.sector);
    const second = await taskWithContent(token, a.site, a.sector);
    const id = String(first.content.id);
    const direct = await callApi(content.PATCH, { method: "PATCH", token, params: { id }, body: { version: 1, status: "published" } });
    expect(direct.status).toBe(400);
    expect(direct.body.message).toMatch(/review before publishing/);
    const review = await callApi(content.PATCH, { method: "PATCH", token, params: { id }, body: { version: 1, status: "review" } });
    expect(review.body.data.status).toBe("review");
    expect((await rootDb().task.findUniqueOrThrow({ where: { id: first.taskId } })).status).toBe("completed");
    const published = await callApi(content.PATCH, { method: "PATCH", token, params: { id }, body: { version: 2, status: "published" } });
    expect(published.body.data.status).toBe("published");
    expect(published.body.data.published_at).toBeTruthy();

    const taken = await callApi(content.PATCH, { method: "PATCH", token, params: { id: String(second.content.id) }, body: { version: 1, slug: first.content.slug } });
    expect(taken.status).toBe(409);
    expect(taken.body.errors.slug).toBeDefined();
    expect((await callApi(content.PATCH, { method: "PATCH", token, params: { id: String(second.content.id) }, body: { version: 1, slug: "Not A Slug" } })).status).toBe(400);
    const cleared = await callApi(content.PATCH, { method: "PATCH", token, params: { id: String(second.content.id) }, body: { version: 1, slug: "", title: "Compost basics" } });
    expect(cleared.body.data.slug).toBe("compost-basics");

    const bulk = await callApi(bulkUpdate.POST, { method: "POST", token, body: { ids: [first.content.id, second.content.id], status: "published" } });
    expect(bulk.body).toMatchObject({ data: { updated_count: 0, skipped_count: 1 } });
    const toReview = await callApi(bulkUpdate.POST, { method: "POST", token, body: { ids: [first.content.id, second.content.id], status: "review" } });
    expect(toReview.body.data.updated_count).toBe(2);

    const list = await callApi(contentList.GET, { token, url: `/api/v1/writer/content/?status=review&site_id=${a.site.id}&ordering=title` });
    expect(list.body.data.results.map((r: { title: string }) => r.title)).toEqual(["Compost basics", "Raised bed soil: the complete guide"]);
    expect(list.body.data.results[0].html).toBeUndefined();
    expect((await callApi(contentList.GET, { token, url: "/api/v1/writer/content/?search=compost" })).body.data.count).toBe(1);
  });

  it("answers another account's content with 404 on every route and changes nothing", async () => {
    const { a, b } = await writerTenants();
    const tokenB = await tokenFor(b.owner.id);
    const { content: theirs, taskId: theirTask } = await taskWithContent(tokenB, b.site, b.sector);
    const token = await tokenFor(a.owner.id);
    const params = { id: String(theirs.id) };
    const calls = [
      callApi(content.GET, { token, params }),
      callApi(content.PATCH, { method: "PATCH", token, params, body: { version: 1, title: "hijack" } }),
      callApi(content.DELETE, { method: "DELETE", token, params }),
      callApi(bulkDelete.POST, { method: "POST", token, body: { ids: [theirs.id] } }),
      callApi(bulkUpdate.POST, { method: "POST", token, body: { ids: [theirs.id], status: "review" } }),
      callApi(contentList.POST, { method: "POST", token, body: { task_id: theirTask } }),
      callApi(contentList.POST, { method: "POST", token, body: { site_id: b.site.id, sector_id: b.sector.id, title: "x" } }),
    ];
    for (const res of await Promise.all(calls)) expect(res.status).toBe(404);
    expect(await rootDb().content.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ title: theirs.title, version: 1, status: "draft" });
    expect((await callApi(contentList.GET, { token })).body.data.count).toBe(0);
  });

  it("viewers read only; editors edit only granted sites; bad input is a 400", async () => {
    const { a } = await writerTenants();
    const ownerToken = await tokenFor(a.owner.id);
    const granted = await taskWithContent(ownerToken, a.site, a.sector);
    const hidden = await taskWithContent(ownerToken, a.otherSite, a.otherSector);
    const viewer = await createUser(a.account.id, "viewer", [a.site.id]);
    const editor = await createUser(a.account.id, "editor", [a.site.id]);
    const vt = await tokenFor(viewer.id);
    expect((await callApi(content.GET, { token: vt, params: { id: String(granted.content.id) } })).status).toBe(200);
    expect((await callApi(content.PATCH, { method: "PATCH", token: vt, params: { id: String(granted.content.id) }, body: { version: 1, status: "review" } })).status).toBe(403);
    expect((await callApi(content.DELETE, { method: "DELETE", token: vt, params: { id: String(granted.content.id) } })).status).toBe(403);
    const et = await tokenFor(editor.id);
    expect((await callApi(content.PATCH, { method: "PATCH", token: et, params: { id: String(granted.content.id) }, body: { version: 1, status: "review" } })).status).toBe(200);
    expect((await callApi(content.PATCH, { method: "PATCH", token: et, params: { id: String(granted.content.id) }, body: { version: 2, status: "published" } })).status).toBe(200);
    expect((await callApi(content.PATCH, { method: "PATCH", token: et, params: { id: String(hidden.content.id) }, body: { version: 1, title: "x" } })).status).toBe(404);

    const id = String(granted.content.id);
    for (const body of [{ version: 3, title: "" }, { version: 3, status: "archived" }, { version: 3, secondary_keywords: "not a list" }, { version: 3, meta_title: "x".repeat(301) }, { version: 3, html: 42 }, { version: 3, word_count: 5 }, { version: "x" }]) {
      expect((await callApi(content.PATCH, { method: "PATCH", token: ownerToken, params: { id }, body })).status, JSON.stringify(body)).toBe(400);
    }
    for (const body of [{}, { title: "No place" }, { site_id: a.site.id, sector_id: a.sector.id }, { site_id: a.site.id, sector_id: a.sector.id, title: "x", status: "published" }]) {
      expect((await callApi(contentList.POST, { method: "POST", token: ownerToken, body })).status, JSON.stringify(body)).toBe(400);
    }
    expect((await callApi(contentList.POST, { method: "POST", token: ownerToken, body: { task_id: granted.taskId, site_id: a.otherSite.id } })).status).toBe(400);
  });

  it("bulk deletes articles to the trash with their images", async () => {
    const { a } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const { content: c } = await taskWithContent(token, a.site, a.sector);
    await rootDb().image.create({ data: { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, contentId: c.id, prompt: "p" } });
    const res = await callApi(bulkDelete.POST, { method: "POST", token, body: { ids: [c.id] } });
    expect(res.body).toMatchObject({ data: { deleted_count: 1 }, message: "Moved 1 article to the trash. Restore from Trash within 30 days." });
    expect(await rootDb().image.count({ where: { contentId: c.id, deletedAt: null } })).toBe(0);
    expect(await rootDb().image.count({ where: { contentId: c.id, deletedAt: { not: null } } })).toBe(1);
    expect((await callApi(content.GET, { token, params: { id: String(c.id) } })).status).toBe(404);
  });
});
