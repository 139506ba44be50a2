// The journey without a reload or a doubt (issue 18): a new site leads on to keywords; the editor's
// Publish panel follows "Send to review" at once; a link added from the editor's own panel never
// conflicts with its autosave; AI actions show their cost; "Generate images" says what comes first;
// and at 390 px the menu opens and no page scrolls sideways.
import { expect, test, type Page } from "@playwright/test";
import { e2eDatabase } from "./support/db";
import { api, signUpOwner } from "./support/account";
import { open } from "./support/navigation";

const stamp = Date.now().toString(36);
const owner = { name: "Uma User", account: `Usable ${stamp}`, email: `usable-${stamp}@example.test`, password: "a strong password 1" };

test.describe.configure({ mode: "serial" });

async function signIn(page: Page) {
  await open(page, "/sign-in");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

let siteId = 0;
let sectorId = 0;
let token = "";

test("a new site opens its sectors at once, and saving sectors points to keywords", async ({ page, request }) => {
  token = await signUpOwner(page, owner, { request });
  await page.getByRole("button", { name: /create a site/i }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Site name").fill("Garden Journal");
  await dialog.getByRole("button", { name: "Create site" }).click();
  // Never the empty list again after creating: either the dialog names the new site or its sectors page is open.
  await expect(page.getByText(/“Garden Journal” is created|Choose an industry/).first()).toBeVisible({ timeout: 5_000 });
  await expect(page.getByRole("heading", { name: "Create your first site" })).toBeHidden();
  await expect(page).toHaveURL(/\/manage\/sites\/\d+\/settings\?tab=sectors/);
  siteId = Number(page.url().match(/sites\/(\d+)/)![1]);

  await page.getByRole("combobox", { name: "Industry" }).click();
  await page.getByRole("option", { name: "Home & Garden" }).click();
  await page.getByRole("checkbox").first().click();
  await page.getByRole("button", { name: "Save industry and sectors" }).click();
  await expect(page.getByText("Next: add keywords.")).toBeVisible();
  await page.getByRole("button", { name: "Add keywords" }).click();
  await expect(page).toHaveURL(/\/planner\/keywords/);
  await expect(page.getByRole("combobox", { name: "Site" })).toContainText("Garden Journal");

  const db = await e2eDatabase();
  try {
    sectorId = (await db.query(`SELECT id FROM sectors WHERE "siteId" = $1 AND "isActive" ORDER BY id LIMIT 1`, [siteId])).rows[0].id;
  } finally {
    await db.end();
  }
});

test("Send to review unlocks the Publish panel without a reload; the header leads to it instead of a 'Mark published' trap", async ({ page, request }) => {
  await signIn(page);
  const c = await api(request, token, "POST", "/api/v1/writer/content/", { site_id: siteId, sector_id: sectorId, title: "Cedar raised beds", html: "<p>Cedar lasts for years.</p>" });
  await open(page, `/writer/content/${c.id}`);
  const panel = page.getByTestId("publish-panel");
  await expect(panel).toContainText("Send the article to review first");
  await expect(panel.getByRole("button", { name: "Publish", exact: true })).toBeDisabled();
  await page.getByRole("button", { name: "Send to review" }).click();
  await expect(page.getByText("Sent to review.")).toBeVisible();
  await expect(panel).not.toContainText("Send the article to review first");
  await expect(panel.getByRole("button", { name: "Publish", exact: true })).toBeEnabled();
  await expect(page.getByRole("button", { name: "Mark published" })).toHaveCount(0);
  await page.getByRole("button", { name: "Publish…" }).click();
  await expect(panel.getByRole("button", { name: "Publish", exact: true })).toBeInViewport();

  // Publishing moves the article on (status and version) without a conflict for the open editor.
  await panel.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(panel.getByRole("link", { name: /\/sites\/.+\/cedar-raised-beds/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Back to draft" })).toBeVisible();
  await page.locator(".tiptap").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Oiled once a year.");
  await expect(page.getByRole("status").filter({ hasText: /Saved at \d\d:\d\d/ })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("This article was changed elsewhere")).toHaveCount(0);
});

test("a link added from the editor's panel updates the editor and never conflicts with its autosave", async ({ page, request }) => {
  await signIn(page);
  const target = await api(request, token, "POST", "/api/v1/writer/content/", { site_id: siteId, sector_id: sectorId, title: "Raised beds for small gardens", html: "<p>Raised beds drain well.</p>", primary_keyword: "raised beds" });
  for (const status of ["review", "published"]) await api(request, token, "POST", "/api/v1/writer/content/bulk_update/", { ids: [target.id], status });
  // <b> is stored as is; the editor writes <strong>: its own HTML differs from the stored one.
  const draft = await api(request, token, "POST", "/api/v1/writer/content/", { site_id: siteId, sector_id: sectorId, title: "Spring jobs", html: "<p>Spring is <b>busy</b>. Top up the raised beds with fresh soil.</p>" });
  await open(page, `/writer/content/${draft.id}`);
  const versionCell = page.locator("dt:has-text('Version') + dd");
  const before = Number(await versionCell.textContent());
  const side = page.getByRole("complementary", { name: "Article settings" });
  await side.getByRole("tab", { name: /Links/ }).click();
  await expect(side.getByText("0 of 5 linker links used")).toBeVisible();
  await side.getByRole("checkbox", { name: /raised beds/i }).first().check();
  // Slow server actions (as on a busy server): the editor's autosave must wait for the link, not race it.
  await page.route(`**/writer/content/${draft.id}`, async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) await new Promise((r) => setTimeout(r, 2_000));
    await route.continue().catch(() => undefined);
  });
  await side.getByRole("button", { name: "Add 1 link" }).click();
  await expect(page.getByText("1 link added.")).toBeVisible({ timeout: 20_000 });
  await page.unrouteAll({ behavior: "wait" });
  await expect(page.locator(".tiptap").getByRole("link", { name: "raised beds" })).toBeVisible();
  await expect(side.getByText("1 of 5 linker links used")).toBeVisible();
  await expect(versionCell).toHaveText(String(before + 1));
  await page.waitForTimeout(2_500); // past the autosave delay
  await expect(page.getByText("This article was changed elsewhere")).toHaveCount(0);
  await page.locator(".tiptap").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Then sow.");
  await expect(page.getByRole("status").filter({ hasText: /Saved at \d\d:\d\d/ })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("This article was changed elsewhere")).toHaveCount(0);
  const stored = await api(request, token, "GET", `/api/v1/writer/content/${draft.id}/`);
  expect(stored.html_content).toContain("Then sow.");
  expect(stored.html_content).toMatch(/data-link-id="lnk-/);
});

test("AI actions show their cost and the balance after; Generate images says to plan images first", async ({ page, request }) => {
  await signIn(page);
  await api(request, token, "POST", "/api/v1/writer/tasks/", { site_id: siteId, sector_id: sectorId, title: "Watering tomatoes" });
  await open(page, "/writer/tasks");
  await page.getByRole("checkbox", { name: "Select Watering tomatoes" }).check();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar.getByRole("button", { name: "Generate images" })).toBeDisabled();
  await expect(bar).toContainText("plan images for these tasks first");
  await bar.getByRole("button", { name: "Generate content" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm.getByTestId("cost-estimate")).toContainText(/Estimated cost: 10 credits \(1 article\)\. Balance after: [\d,]+ of [\d,]+\./);
  await confirm.getByRole("button", { name: "Cancel" }).click();
});

test("at 390 px: the menu opens, the header fits and no signed-in page scrolls sideways", async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  const c = await api(request, token, "POST", "/api/v1/writer/content/", { site_id: siteId, sector_id: sectorId, title: "A rather long article title that would run off the right edge of a phone screen", html: "<p>Text.</p>" });
  await open(page, "/");
  await page.getByRole("button", { name: "Open menu" }).click();
  const menu = page.getByRole("dialog");
  await expect(menu.getByRole("navigation", { name: "Main" })).toBeVisible();
  await menu.getByRole("link", { name: "Writer" }).click();
  await expect(page).toHaveURL(/\/writer$/);
  await expect(menu).toBeHidden();
  await expect(page.getByRole("button", { name: "Open user menu" })).toBeInViewport();
  await expect(page.getByRole("button", { name: /Background runs|runs in progress/ })).toBeInViewport();
  for (const path of ["/", "/sites", "/planner", "/planner/keywords", "/planner/clusters", "/planner/ideas", "/writer", "/writer/tasks", "/writer/drafts", "/writer/images", `/writer/content/${c.id}`, "/runs", "/billing", "/settings/integrations", "/settings/team", "/trash", `/manage/sites/${siteId}/settings`]) {
    await open(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
  }
});

test("a pasted list of 300 keywords keeps the dialog's Add button on screen, at 1440 and at 390 px", async ({ page }) => {
  await signIn(page);
  const lines = Array.from({ length: 300 }, (_, i) => `pasted keyword number ${i + 1}, ${(i + 1) * 10}`).join("\n");
  for (const [width, height] of [[1440, 900], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await open(page, "/planner/keywords");
    await page.getByRole("button", { name: "Add keywords" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Keywords").fill(lines);
    // The list scrolls inside its box: before, it grew past the screen and the button could not be reached.
    const add = dialog.getByRole("button", { name: "Add 300 keywords" });
    await add.scrollIntoViewIfNeeded();
    await expect(add).toBeInViewport();
    await page.keyboard.press("Escape");
  }
});
