import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import { checkLimit } from "@/lib/plans/limits";
import { assertImagesAvailable, assertWordsAvailable, createTask, getWriterDashboard, recordGeneratedImages, saveGeneratedContent, writerUsage } from "@/lib/writer/service";
import { contextFor, createAccount, createSector, createSite, createUser } from "@/tests/fixtures/factories";
import { assertSafeHtml } from "@/tests/fixtures/xss";

async function freeTenant() {
  const { owner, account } = await createAccount({ planSlug: "free" });
  const site = await createSite(account.id);
  const sector = await createSector(site);
  const ctx = await contextFor(owner.id);
  return { owner, account, site, sector, ctx, db: scoped(ctx) };
}

describe("monthly plan limits on AI output", () => {
  it("counts AI-generated words this month only, with the standard clear message", async () => {
    const t = await freeTenant();
    const task = await createTask(t.db, t.ctx, { siteId: t.site.id, sectorId: t.sector.id, title: "Compost guide", keywords: "compost" });
    const generated = await saveGeneratedContent(t.db, t.ctx, task.id, { raw: "```markdown\n# Compost guide\n\nCompost **feeds** soil life.\n\n<script>alert(1)</script>\n```", metaDescription: "All about compost." });
    expect(generated).toMatchObject({ taskId: task.id, status: "draft", title: "Compost guide", wordCount: 4, metaDescription: "All about compost.", metaTitle: "Compost guide" });
    assertSafeHtml(generated.html);
    expect(generated.html).toBe("<p>Compost <strong>feeds</strong> soil life.</p>");
    expect((await rootDb().task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("completed");
    expect((await writerUsage(t.account.id)).words).toEqual({ used: 4, max: 20_000 });

    // Last month's usage and another account's do not count; manual edits never do.
    await rootDb().generationUsage.create({ data: { accountId: t.account.id, kind: "words", amount: 50_000, createdAt: new Date(Date.UTC(2000, 0, 15)) } });
    const other = await freeTenant();
    await rootDb().generationUsage.create({ data: { accountId: other.account.id, kind: "words", amount: 19_000 } });
    expect((await checkLimit(t.account.id, "monthlyWords", 0)).current).toBe(4);

    await rootDb().generationUsage.create({ data: { accountId: t.account.id, kind: "words", amount: 19_000 } });
    await expect(assertWordsAvailable(t.account.id, 1_500)).rejects.toMatchObject({
      status: 403,
      code: "plan_limit_exceeded",
      message: "Your Free plan allows 20,000 AI-generated words this month. You have 19,004 and asked for 1,500 more (504 over). Upgrade your plan to raise this limit.",
    });
    await expect(assertWordsAvailable(t.account.id, 996)).resolves.toMatchObject({ allowed: true });
    // Regenerating counts again; deleting does not give usage back.
    await saveGeneratedContent(t.db, t.ctx, task.id, { raw: "<p>Shorter now</p>" });
    expect((await writerUsage(t.account.id)).words.used).toBe(19_006);
    await rootDb().content.deleteMany({ where: { taskId: task.id } });
    expect((await writerUsage(t.account.id)).words.used).toBe(19_006);
  });

  it("counts AI-generated images; an editor's narrow view does not hide usage", async () => {
    const t = await freeTenant();
    await recordGeneratedImages(t.db, { count: 9 });
    await expect(assertImagesAvailable(t.account.id, 1)).resolves.toMatchObject({ current: 9, max: 10 });
    await expect(assertImagesAvailable(t.account.id, 2)).rejects.toThrow(/allows 10 AI-generated images this month\. You have 9 and asked for 2 more \(1 over\)/);
    const editor = await createUser(t.account.id, "editor", []);
    const ectx = await contextFor(editor.id);
    await recordGeneratedImages(scoped(ectx), { count: 1 });
    expect((await writerUsage(t.account.id)).images).toEqual({ used: 10, max: 10 });
  });
});

describe("writer dashboard", () => {
  it("counts per status, words per status, usage, recent tasks and output per day", async () => {
    const t = await freeTenant();
    const task = await createTask(t.db, t.ctx, { siteId: t.site.id, sectorId: t.sector.id, title: "One" });
    await createTask(t.db, t.ctx, { siteId: t.site.id, sectorId: t.sector.id, title: "Two", status: "failed" });
    await saveGeneratedContent(t.db, t.ctx, task.id, { raw: "one two three four" });
    const now = new Date();
    const dash = await getWriterDashboard(t.db, t.ctx, now);
    expect(dash.tasks).toEqual({ queued: 0, in_progress: 0, completed: 1, failed: 1 });
    expect(dash.content).toEqual({ draft: 1, review: 0, published: 0 });
    expect(dash.words.draft).toBe(4);
    expect(dash.usage.words.used).toBe(4);
    expect(dash.recentTasks.map((r) => r.title)).toEqual(["One", "Two"]);
    expect(dash.output).toHaveLength(30);
    expect(dash.output.at(-1)).toMatchObject({ date: now.toISOString().slice(0, 10), articles: 1, words: 4 });
    const other = await freeTenant();
    expect((await getWriterDashboard(other.db, other.ctx)).content.draft).toBe(0);
  });
});
