// The trash for tasks, articles and images: lists, dashboards, the linker, hosted pages and media
// forget trashed items; restore re-links tasks, ideas, articles and images; deleting a published
// article asks what to do with its published copies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as contentRoute from "@/app/api/v1/writer/content/[id]/route";
import * as contentBulkDelete from "@/app/api/v1/writer/content/bulk_delete/route";
import * as imageRoute from "@/app/api/v1/writer/images/[id]/route";
import * as tasksBulkDelete from "@/app/api/v1/writer/tasks/bulk_delete/route";
import * as publish from "@/app/api/v1/publisher/publish/route";
import * as integrations from "@/app/api/v1/integration/integrations/route";
import * as restoreRoute from "@/app/api/v1/trash/restore/route";
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import { linkTargetsForSite } from "@/lib/linker/targets";
import { analyzeStoredContent } from "@/lib/optimizer/service";
import { findHostedPost } from "@/lib/publishing/public";
import { publishDueRecords } from "@/lib/publishing/scheduler";
import { mediaAccess } from "@/lib/writer/media";
import { getWriterDashboard, listContent, listImageGallery, listTasks, queueIdeasToWriter } from "@/lib/writer/service";
import { listContentQuerySchema, listTasksQuerySchema } from "@/lib/writer/schemas";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { contextFor, twoTenants } from "@/tests/fixtures/factories";
import { createArticle, fastRuntime } from "@/tests/fixtures/publishing";
import { startShopifyStub, type ShopifyStub } from "@/tests/fixtures/shopify-stub";
import { createIdea } from "@/tests/fixtures/writer";

const entryId = async (itemType: "task" | "content" | "image", itemId: number) => (await rootDb().trashEntry.findFirstOrThrow({ where: { itemType, itemId } })).id;
const restore = (token: string, ids: number[]) => callApi(restoreRoute.POST, { method: "POST", token, body: { ids } });

describe("trash: tasks, articles, images", () => {
  let shop: ShopifyStub;
  beforeAll(async () => {
    shop = await startShopifyStub();
  });
  afterAll(async () => {
    await shop.close();
  });

  it("a trashed task frees its idea (queued again as a new task) and leaves its article in Drafts; restore re-links what is free", async () => {
    const { a } = await twoTenants();
    const ctx = await contextFor(a.owner.id);
    const db = scoped(ctx);
    const token = await tokenFor(a.owner.id);
    const [ideaA, ideaB] = [await createIdea(a.site, a.sector), await createIdea(a.site, a.sector)];
    const { taskIds: [taskA, taskB] } = await queueIdeasToWriter(db, ctx, [ideaA.id, ideaB.id]);
    const article = await rootDb().content.create({ data: { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, taskId: taskA, title: "Draft of A" } });

    const res = await callApi(tasksBulkDelete.POST, { method: "POST", token, body: { ids: [taskA, taskB] } });
    expect(res.body).toMatchObject({ data: { deleted_count: 2 }, message: "Moved 2 tasks to the trash." });
    expect((await listTasks(db, listTasksQuerySchema.parse({}))).count).toBe(0);
    expect((await getWriterDashboard(db, ctx)).tasks.queued).toBe(0);
    expect(await rootDb().content.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({ taskId: null, deletedAt: null });
    expect(await rootDb().contentIdea.findMany({ where: { id: { in: [ideaA.id, ideaB.id] } }, select: { status: true } })).toEqual([{ status: "new" }, { status: "new" }]);

    // Idea B is queued again: a new task, no clash with the trashed one.
    const again = await queueIdeasToWriter(db, ctx, [ideaB.id]);
    expect(again.created).toBe(1);

    const restored = await restore(token, [await entryId("task", taskA), await entryId("task", taskB)]);
    expect(restored.body.data).toMatchObject({ restored_count: 2, by_type: { task: 2 } });
    const [a1, b1] = await Promise.all([rootDb().task.findUniqueOrThrow({ where: { id: taskA } }), rootDb().task.findUniqueOrThrow({ where: { id: taskB } })]);
    expect(a1).toMatchObject({ ideaId: ideaA.id, deletedAt: null }); // its idea was free
    expect(b1).toMatchObject({ ideaId: null, deletedAt: null }); // idea B belongs to the new task now
    expect((await rootDb().contentIdea.findUniqueOrThrow({ where: { id: ideaA.id } })).status).toBe("queued");
    expect((await rootDb().content.findUniqueOrThrow({ where: { id: article.id } })).taskId).toBe(taskA);
  });

  it("a trashed article leaves lists, dashboards, the gallery and the linker with its images; its media stop; restore brings it back under a free slug", async () => {
    const { a } = await twoTenants();
    const ctx = await contextFor(a.owner.id);
    const db = scoped(ctx);
    const token = await tokenFor(a.owner.id);
    const article = await createArticle(a.site, a.sector, { status: "published" });
    const images = await rootDb().image.findMany({ where: { contentId: article.id } });
    expect((await linkTargetsForSite(db, a.site.id)).targets.map((t) => t.id)).toContain(article.id);
    expect(await mediaAccess(images[0].storageKey!, async () => null)).toBe("public");

    expect((await callApi(contentRoute.DELETE, { method: "DELETE", token, params: { id: String(article.id) } })).status).toBe(200); // no published copies: no question
    expect((await listContent(db, listContentQuerySchema.parse({}))).count).toBe(0);
    expect((await getWriterDashboard(db, ctx)).content.published).toBe(0);
    expect((await listImageGallery(db, { page: 1, pageSize: 10 })).count).toBe(0);
    expect((await linkTargetsForSite(db, a.site.id)).targets.map((t) => t.id)).not.toContain(article.id);
    await expect(analyzeStoredContent(db, article.id)).rejects.toMatchObject({ status: 404 });
    expect(await rootDb().image.count({ where: { contentId: article.id, deletedAt: { not: null } } })).toBe(images.length);
    expect(await mediaAccess(images[0].storageKey!, async () => null)).toBeNull();
    expect(await mediaAccess(images[0].storageKey!, async () => ctx)).toBeNull();

    // Another article takes the slug meanwhile.
    await rootDb().content.create({ data: { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, title: "Newer", slug: article.slug } });
    const restored = await restore(token, [await entryId("content", article.id)]);
    expect(restored.body.data.notes).toEqual([expect.stringContaining(`another article took “${article.slug}”`)]);
    const back = await rootDb().content.findUniqueOrThrow({ where: { id: article.id } });
    expect(back).toMatchObject({ deletedAt: null, slug: `${article.slug}-2` });
    expect(await rootDb().image.count({ where: { contentId: article.id, deletedAt: null } })).toBe(images.length);
    expect(await mediaAccess(images[0].storageKey!, async () => null)).toBe("public");
  });

  it("a trashed image leaves its article's HTML; restoring puts it back in its section (and a newer featured image keeps its place)", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const article = await createArticle(a.site, a.sector);
    const [featured, inArticle] = await Promise.all(["featured", "in_article"].map((type) => rootDb().image.findFirstOrThrow({ where: { contentId: article.id, type: type as "featured" | "in_article" } })));
    for (const image of [featured, inArticle]) expect((await callApi(imageRoute.DELETE, { method: "DELETE", token, params: { id: String(image.id) } })).status).toBe(200);
    const stripped = await rootDb().content.findUniqueOrThrow({ where: { id: article.id } });
    expect(stripped.html).not.toContain(`data-image-id="${inArticle.id}"`);
    expect(stripped.version).toBeGreaterThan(article.version);
    expect(await rootDb().image.findUniqueOrThrow({ where: { id: inArticle.id } })).toMatchObject({ contentId: null });
    const newer = await rootDb().image.create({ data: { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, contentId: article.id, type: "featured", prompt: "newer" } });

    await restore(token, [await entryId("image", featured.id), await entryId("image", inArticle.id)]);
    const html = (await rootDb().content.findUniqueOrThrow({ where: { id: article.id } })).html;
    expect(html).toMatch(new RegExp(`<h2>Why raised beds</h2>.*data-image-id="${inArticle.id}"`, "s"));
    expect(await rootDb().image.findUniqueOrThrow({ where: { id: inArticle.id } })).toMatchObject({ contentId: article.id, type: "in_article", deletedAt: null });
    expect(await rootDb().image.findUniqueOrThrow({ where: { id: featured.id } })).toMatchObject({ contentId: article.id, type: "in_article" });
    expect((await rootDb().image.findUniqueOrThrow({ where: { id: newer.id } })).type).toBe("featured");
  });

  it("deleting a published article asks about its copies: unpublish takes them down; keep leaves them live while the hosted site hides it until restored", async () => {
    const rt = fastRuntime();
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const shopify = await callApi(integrations.POST, { method: "POST", token, body: { platform: "shopify", site_id: a.site.id, shop_domain: shop.url, access_token: shop.token } });
    const key = `integration:${shopify.body.data.id}`;
    const [kept, unpublished, scheduled] = await Promise.all([createArticle(a.site, a.sector), createArticle(a.site, a.sector), createArticle(a.site, a.sector)]);
    for (const c of [kept, unpublished]) await callApi(publish.POST, { method: "POST", token, body: { content_id: c.id, destinations: [key, "hosted"] } });
    await callApi(publish.POST, { method: "POST", token, body: { content_id: scheduled.id, destinations: ["hosted"], scheduled_at: new Date(Date.now() + 3_600_000).toISOString() } });
    await rt.idle();
    const remoteOf = async (contentId: number) => shop.articles.get(Number((await rootDb().publishingRecord.findFirstOrThrow({ where: { contentId, destinationKey: key } })).remoteId))!;
    expect((await remoteOf(kept.id)).published_at).not.toBeNull();
    expect(await findHostedPost(a.site.id, kept.slug)).not.toBeNull();

    // No choice: 400 with the field to fill in; nothing changes.
    const refused = await callApi(contentBulkDelete.POST, { method: "POST", token, body: { ids: [kept.id, unpublished.id] } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.published_copies[0]).toContain("2 articles are published");
    expect(await rootDb().content.count({ where: { id: { in: [kept.id, unpublished.id] }, deletedAt: null } })).toBe(2);
    const badChoice = await callApi(contentRoute.DELETE, { method: "DELETE", token, params: { id: String(kept.id) }, url: "/api/v1/writer/content/1/?published_copies=maybe" });
    expect(badChoice.status).toBe(400);
    expect(badChoice.body.errors.published_copies).toBeDefined();

    const unpub = await callApi(contentBulkDelete.POST, { method: "POST", token, body: { ids: [unpublished.id], published_copies: "unpublish" } });
    expect(unpub.body.data).toMatchObject({ deleted_count: 1, unpublished_count: 2, unpublish_failures: [] });
    expect((await remoteOf(unpublished.id)).published_at).toBeNull();
    expect(await rootDb().hostedPost.count({ where: { contentId: unpublished.id } })).toBe(0);
    expect(await rootDb().publishingRecord.count({ where: { contentId: unpublished.id, status: "unpublished" } })).toBe(2);

    expect((await callApi(contentRoute.DELETE, { method: "DELETE", token, params: { id: String(kept.id) }, url: "/api/v1/writer/content/1/?published_copies=keep" })).status).toBe(200);
    expect((await remoteOf(kept.id)).published_at).not.toBeNull();
    expect(await rootDb().publishingRecord.count({ where: { contentId: kept.id, status: "published" } })).toBe(2);
    expect(await findHostedPost(a.site.id, kept.slug)).toBeNull();

    // A scheduled publish waits while its article is in the trash.
    expect((await callApi(contentRoute.DELETE, { method: "DELETE", token, params: { id: String(scheduled.id) }, url: "/api/v1/writer/content/1/?published_copies=keep" })).status).toBe(200);
    await rootDb().publishingRecord.updateMany({ where: { contentId: scheduled.id }, data: { scheduledAt: new Date(Date.now() - 1000) } });
    expect(await publishDueRecords()).toBe(0);

    await restore(token, [await entryId("content", kept.id), await entryId("content", scheduled.id)]);
    expect(await findHostedPost(a.site.id, kept.slug)).not.toBeNull();
    expect(await publishDueRecords()).toBe(1);
    await rt.idle();
  });
});
