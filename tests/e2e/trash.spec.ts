// Delete → trash → restore in the browser: keywords and a cluster from the planner, a published
// article (the dialog asks about its published copies; "keep" hides it from the hosted site until it
// is restored), and the site's content types tab. With E2E_SCREENSHOTS=<dir>, saves screenshots
// of the Trash page and the content types tab at 1440 and 390 px.
import { expect, test, type Page } from "@playwright/test";
import { api, createSiteWithSector, signUpOwner } from "./support/account";
import { open } from "./support/navigation";

const stamp = Date.now().toString(36);
const owner = { name: "Tess Trash", account: `Trash ${stamp}`, email: `trash-${stamp}@example.test`, password: "a strong password 1" };
const screenshots = process.env.E2E_SCREENSHOTS;

async function shoot(page: Page, name: string) {
  if (!screenshots) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${screenshots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("delete keywords, a cluster and a published article to the trash, then restore them", async ({ page, request }) => {
  test.setTimeout(180_000);
  const token = await signUpOwner(page, owner, { request });
  const { site, sectors } = await createSiteWithSector(request, token, { name: "Garden Notes" });
  const place = { site_id: site.id, sector_id: sectors[0].id };
  await api(request, token, "POST", "/api/v1/planner/keywords/bulk_add/", { ...place, text: "cedar raised beds, 900\nmetal raised beds, 500\nraised bed soil, 300" });
  const keywords = (await api(request, token, "GET", `/api/v1/planner/keywords/?site_id=${site.id}`)).results as { id: number; keyword: string }[];
  const beds = keywords.filter((k) => k.keyword.includes("beds")).map((k) => k.id);
  const cluster = await api(request, token, "POST", "/api/v1/planner/clusters/", { ...place, name: "Raised beds", keyword_ids: beds });

  // Keywords: bulk delete from the table.
  await open(page, "/planner/keywords");
  await page.getByRole("checkbox", { name: "Select raised bed soil" }).check();
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("Moved 1 keyword to the trash", { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Select raised bed soil" })).toHaveCount(0);

  // A cluster: its keywords stay, unassigned.
  await open(page, "/planner/clusters");
  await page.getByRole("button", { name: "Actions for Raised beds" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("Moved 1 cluster to the trash", { exact: false }).first()).toBeVisible();

  // A published article: the dialog asks what to do with its copies; keep them.
  const article = await api(request, token, "POST", "/api/v1/writer/content/", { ...place, title: `Raised bed soil guide ${stamp}`, html: "<h2>Why soil matters</h2><p>Good soil drains well.</p>" });
  await api(request, token, "POST", "/api/v1/writer/content/bulk_update/", { ids: [article.id], status: "review" });
  await api(request, token, "POST", "/api/v1/publisher/publish/", { content_id: article.id, destinations: ["hosted"] });
  const hostedUrl = `/sites/${site.slug}/${article.slug}`;
  await expect.poll(async () => (await request.get(hostedUrl)).status(), { timeout: 30_000 }).toBe(200);
  await open(page, "/writer/published");
  await page.getByRole("checkbox", { name: `Select ${article.title}` }).check();
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("1 article is published:")).toBeVisible();
  await dialog.getByRole("radio", { name: /Keep the copies/ }).check();
  await dialog.getByRole("button", { name: "Move to trash" }).click();
  await expect(page.getByText("Moved 1 article to the trash", { exact: false }).first()).toBeVisible();
  await expect.poll(async () => (await request.get(hostedUrl)).status(), { timeout: 15_000 }).toBe(404);

  // The Trash page lists them by type; restore the cluster and the article.
  await open(page, "/trash");
  await expect(page.getByRole("link", { name: /^All\s*3$/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /raised bed soil/ }).first()).toBeVisible();
  await shoot(page, "trash-page");
  await page.getByRole("link", { name: /^Clusters\s*1$/ }).click();
  await expect(page).toHaveURL(/type=cluster/);
  await page.getByRole("button", { name: "Actions for Raised beds" }).click();
  await page.getByRole("menuitem", { name: "Restore" }).click();
  await expect(page.getByText("Restored 1 item.").first()).toBeVisible();
  await open(page, "/trash?type=content");
  await page.getByRole("button", { name: `Actions for ${article.title}` }).click();
  await page.getByRole("menuitem", { name: "Restore" }).click();
  await expect(page.getByText("Restored 1 item.").first()).toBeVisible();
  await expect.poll(async () => (await request.get(hostedUrl)).status(), { timeout: 15_000 }).toBe(200);

  // Back where they were: the cluster with its two keywords.
  await open(page, "/planner/clusters");
  await expect(page.getByRole("row", { name: /Raised beds/ })).toContainText("2");
  const restored = await api(request, token, "GET", `/api/v1/planner/clusters/${cluster.id}/`);
  expect(restored).toMatchObject({ keywords_count: 2, volume: 1400 });

  // The site's content types tab.
  await open(page, `/manage/sites/${site.id}/settings?tab=content-types`);
  await expect(page.getByTestId("content-type-post")).toContainText("Default");
  await page.getByRole("switch", { name: "Publish products" }).click();
  await page.getByRole("button", { name: "Save content types" }).click();
  await expect(page.getByText("Content types saved.").first()).toBeVisible();
  const types = await api(request, token, "GET", `/api/v1/auth/sites/${site.id}/content_types/`);
  expect(types.find((t: { type: string }) => t.type === "product")).toMatchObject({ enabled: true });
  await shoot(page, "content-types-tab");
});
