import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { pngBytes } from "../fixtures/images";
import { e2eDatabase } from "./support/db";
import { signUpOwner } from "./support/account";
import { open } from "./support/navigation";

const stamp = Date.now().toString(36);
const owner = { name: "Wendy Writer", account: `Garden Co ${stamp}`, email: `writer-${stamp}@example.test`, password: "a strong password 1" };
const IDEAS = ["How to build a raised garden bed", "Best soil for raised beds", "Cedar vs pine raised beds"];

async function signUpWithSite(page: Page) {
  await signUpOwner(page, owner);
  await page.getByRole("button", { name: /create a site|new site/i }).first().click();
  await page.getByRole("dialog").getByLabel("Site name").fill("Garden Journal");
  await page.getByRole("dialog").getByRole("button", { name: "Create site" }).click();
  await expect(page).toHaveURL(/\/manage\/sites\/\d+\/settings\?tab=sectors/);
  await page.getByRole("combobox", { name: "Industry" }).click();
  await page.getByRole("option", { name: "Home & Garden" }).click();
  await page.getByRole("checkbox").first().click();
  await page.getByRole("button", { name: "Save industry and sectors" }).click();
  await expect(page.getByText("1 sector active.").first()).toBeVisible();
  return Number(page.url().match(/sites\/(\d+)/)![1]);
}

/** Planner ideas, inserted directly: the planner's own pages are built separately. */
async function createIdeas(siteId: number): Promise<number[]> {
  const db = await e2eDatabase();
  try {
    const { rows: [site] } = await db.query(`SELECT "accountId" FROM sites WHERE id = $1`, [siteId]);
    const { rows: [sector] } = await db.query(`SELECT id FROM sectors WHERE "siteId" = $1 AND "isActive" ORDER BY id LIMIT 1`, [siteId]);
    const ids: number[] = [];
    for (const title of IDEAS) {
      const { rows: [idea] } = await db.query(
        `INSERT INTO content_ideas ("accountId", "siteId", "sectorId", title, "targetKeywords", "estimatedWordCount", "updatedAt") VALUES ($1, $2, $3, $4, $5, 1200, now()) RETURNING id`,
        [site.accountId, siteId, sector.id, title, `${title.toLowerCase()}, raised beds`],
      );
      ids.push(idea.id);
    }
    return ids;
  } finally {
    await db.end();
  }
}

const saved = (page: Page) => expect(page.getByRole("status").filter({ hasText: /Saved at \d\d:\d\d/ })).toBeVisible({ timeout: 15_000 });

test("ideas → tasks → write in the editor (formatting, meta, image, alt text) → autosave → conflict from another tab → review → images", async ({ page, context }) => {
  const siteId = await signUpWithSite(page);
  const ideaIds = await createIdeas(siteId);

  // Queue to Writer (the Ideas page button calls the same service): one task per idea, never twice.
  const queued = await page.request.post("/api/v1/writer/tasks/from_ideas/", { data: { ids: ideaIds } });
  expect(await queued.json()).toMatchObject({ success: true, data: { created: 3, skipped: 0 } });
  const again = await page.request.post("/api/v1/writer/tasks/from_ideas/", { data: { ids: ideaIds } });
  expect(await again.json()).toMatchObject({ data: { created: 0, skipped: 3 } });

  await open(page, "/writer/tasks");
  for (const title of IDEAS) await expect(page.getByRole("row", { name: new RegExp(title) })).toBeVisible();
  await page.getByRole("button", { name: `Actions for ${IDEAS[0]}` }).click();
  await page.getByRole("menuitem", { name: "Write manually" }).click();
  await expect(page).toHaveURL(/\/writer\/content\/\d+$/);
  const contentId = Number(page.url().match(/content\/(\d+)/)![1]);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await expect(page.locator("#content-title")).toHaveValue(IDEAS[0]);

  // Formatting.
  const editor = page.locator(".tiptap");
  await editor.click();
  await page.getByRole("button", { name: "Heading 2" }).click();
  await page.keyboard.type("Why raised beds");
  await page.keyboard.press("Enter");
  await page.keyboard.type("They warm up faster in spring. ");
  await page.getByRole("button", { name: "Bold", exact: true }).click();
  await page.keyboard.type("Start small.");
  await page.getByRole("button", { name: "Bold", exact: true }).click();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Bulleted list" }).click();
  await page.keyboard.type("Cedar boards");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Galvanised screws");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Read the ");
  await page.getByRole("button", { name: "Link" }).click();
  await page.getByLabel("Link address").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText(/Enter a web address/)).toBeVisible();
  await page.getByLabel("Link address").fill("https://extension.example.edu/raised-beds");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(editor.locator("h2", { hasText: "Why raised beds" })).toBeVisible();
  await expect(editor.locator("strong", { hasText: "Start small." })).toBeVisible();
  await expect(editor.locator("li")).toHaveCount(2);
  await expect(editor.locator('a[href="https://extension.example.edu/raised-beds"]')).toBeVisible();
  await expect(page.getByTestId("word-count")).toHaveText(/^20 \/ 1,200 target$/);

  // Meta, with length guidance.
  await page.getByLabel("Meta title").fill("How to Build a Raised Garden Bed: A Weekend Project");
  await expect(page.getByText("Good length.")).toBeVisible();
  await page.getByLabel("Meta description").fill("Build a raised garden bed in a weekend: pick the wood, size it right and fill it with good soil.");
  await expect(page.getByText("A little short.")).toBeVisible();
  await saved(page);

  // Upload an image into the text with alt text, then change the alt text in the editor.
  const file = path.join(os.tmpdir(), `bed-${stamp}.png`);
  writeFileSync(file, pngBytes(64, 40, [120, 85, 60]));
  await editor.locator("p").last().click();
  await page.keyboard.press("End");
  await page.getByRole("button", { name: "Insert image" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("tab", { name: "Upload" }).click();
  await dialog.getByLabel("Image file").setInputFiles(file);
  await dialog.getByLabel("Alt text").fill("A cedar raised bed");
  await dialog.getByRole("button", { name: "Upload" }).click();
  await expect(dialog).toBeHidden();
  const image = editor.locator("img[data-image-id]");
  await expect(image).toHaveAttribute("alt", "A cedar raised bed");
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await image.click();
  await page.getByRole("button", { name: "Alt text", exact: true }).click();
  await page.getByLabel("Image alt text").fill("A cedar raised bed full of dark soil");
  await page.getByRole("button", { name: "Save alt text" }).click();
  await expect(image).toHaveAttribute("alt", "A cedar raised bed full of dark soil");
  await saved(page);

  // What was stored: sanitised HTML with the formatting, the image and its alt text, and the meta.
  const stored = await (await page.request.get(`/api/v1/writer/content/${contentId}/`)).json();
  expect(stored.data.html_content).toContain("<h2>Why raised beds</h2>");
  expect(stored.data.html_content).toContain("<strong>Start small.</strong>");
  expect(stored.data.html_content).toMatch(/<img [^>]*alt="A cedar raised bed full of dark soil"[^>]*data-image-id="\d+"/);
  expect(stored.data.meta_title).toBe("How to Build a Raised Garden Bed: A Weekend Project");
  expect(stored.data.images[0].alt_text).toBe("A cedar raised bed full of dark soil");

  // Preview as it will be published.
  await page.getByRole("tab", { name: "Preview" }).click();
  const preview = page.getByRole("article", { name: "Preview" });
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText(IDEAS[0]);
  await expect(preview.getByText("Build a raised garden bed in a weekend")).toBeVisible();
  await expect(preview.getByRole("img", { name: "A cedar raised bed full of dark soil" })).toBeVisible();
  await page.getByRole("tab", { name: "Write" }).click();

  // A second tab saves first: this tab's next save is refused and the conflict is shown, not overwritten.
  const other = await context.newPage();
  await open(other, `/writer/content/${contentId}`);
  await other.locator(".tiptap h2").click();
  await other.keyboard.press("End");
  await other.keyboard.type(" (tab two)");
  await saved(other);
  await other.close();

  await editor.locator("li").last().click();
  await page.keyboard.press("End");
  await page.keyboard.type(" and washers");
  const conflict = page.getByRole("dialog", { name: "This article was changed elsewhere" });
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("status")).toContainText("Conflict");
  await expect(conflict.getByRole("region", { name: "Their version" })).toContainText("Why raised beds (tab two)");
  await expect(conflict.getByRole("region", { name: "Your version" })).toContainText("Galvanised screws and washers");
  const beforeChoice = await (await page.request.get(`/api/v1/writer/content/${contentId}/`)).json();
  expect(beforeChoice.data.html_content).toContain("(tab two)");
  expect(beforeChoice.data.html_content).not.toContain("and washers");
  await conflict.getByRole("button", { name: "Keep mine (overwrite theirs)" }).click();
  await saved(page);
  const afterChoice = await (await page.request.get(`/api/v1/writer/content/${contentId}/`)).json();
  expect(afterChoice.data.html_content).toContain("Galvanised screws and washers");
  expect(afterChoice.data.html_content).not.toContain("(tab two)");

  // Move to review.
  await page.getByRole("button", { name: "Send to review" }).click();
  await expect(page.getByText("Sent to review.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish…" })).toBeVisible();

  await open(page, "/writer/drafts");
  const row = page.getByRole("row", { name: new RegExp(IDEAS[0]) });
  await expect(row).toContainText("In review");

  // Images page: alt text from the editor, edit it there, then delete the image (it leaves the article too).
  await open(page, "/writer/images");
  const card = page.getByRole("figure", { name: "A cedar raised bed full of dark soil" });
  await expect(card).toBeVisible();
  await card.getByLabel("Alt text").fill("Cedar bed, filled");
  await card.getByLabel("Alt text").press("Enter");
  await expect(page.getByText("Alt text saved.")).toBeVisible();
  await page.getByRole("button", { name: "Actions for image Cedar bed, filled" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText(/Moved 1 image to the trash/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "No images yet" })).toBeVisible();
  const final = await (await page.request.get(`/api/v1/writer/content/${contentId}/`)).json();
  expect(final.data.status).toBe("review");
  expect(final.data.html_content).not.toContain("<img");
  expect(final.data.images).toEqual([]);
});
