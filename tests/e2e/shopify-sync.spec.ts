// Two-way sync with Shopify end to end, against the stateful Shopify stub: a shop with more than
// one page of articles, one published from the app and then edited in Shopify; "Sync now" on the
// integration card, the sync health on the card, the inventory with the edit flagged. Screenshots
// at 1440 and 390 px go to test-results/shopify-sync-*.png.
import { expect, test } from "@playwright/test";
import { startShopifyStub, type ShopifyStub } from "../fixtures/shopify-stub";
import { api, createSiteWithSector, signUpOwner } from "./support/account";
import { open } from "./support/navigation";

const stamp = Date.now().toString(36);
const owner = { name: "Sam Shop", account: `Shop ${stamp}`, email: `shop-${stamp}@example.test`, password: "a strong password 1" };

let shop: ShopifyStub;
test.beforeAll(async () => void (shop = await startShopifyStub()));
test.afterAll(async () => shop.close());

test("sync a Shopify blog: articles pulled, health on the card, a Shopify edit flagged", async ({ page, request }) => {
  test.setTimeout(180_000);
  const token = await signUpOwner(page, owner, { request });
  const { site, sectors } = await createSiteWithSector(request, token, { name: "Seed Shop", description: "Seeds and tools." });

  for (let n = 1; n <= 260; n++) shop.addArticle({ title: `Shop article ${n}` });
  const integration = await api(request, token, "POST", "/api/v1/integration/integrations/", { platform: "shopify", site_id: site.id, shop_domain: shop.url, access_token: shop.token });
  const article = await api(request, token, "POST", "/api/v1/writer/content/", { site_id: site.id, sector_id: sectors[0].id, title: `Sowing guide ${stamp}`, html: "<p>Sow thinly.</p>" });
  await api(request, token, "POST", "/api/v1/writer/content/bulk_update/", { ids: [article.id], status: "review" });
  await api(request, token, "POST", "/api/v1/publisher/publish/", { content_id: article.id, destinations: [`integration:${integration.id}`] });
  await expect.poll(async () => (await api(request, token, "GET", `/api/v1/publisher/publishing-records/?content_id=${article.id}`)).results[0]?.status, { timeout: 60_000 }).toBe("published");
  const record = (await api(request, token, "GET", `/api/v1/publisher/publishing-records/?content_id=${article.id}`)).results[0];
  shop.advanceClock(60_000);
  shop.editArticle(Number(record.remote_id), { title: `Sowing guide ${stamp} (shop owner's fix)` });

  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page, `/manage/sites/${site.id}/integrations`);
  const card = page.getByTestId(`integration-${integration.id}`);
  await expect(card.getByTestId("sync-health")).toContainText("never synced");
  await card.getByRole("button", { name: "Sync now" }).click();
  await expect.poll(async () => (await api(request, token, "GET", `/api/v1/integration/integrations/${integration.id}/sync_health/`)).sync_status, { timeout: 60_000 }).toBe("success");
  const health = await api(request, token, "GET", `/api/v1/integration/integrations/${integration.id}/sync_health/`);
  expect(health).toMatchObject({ platform: "shopify", counts: { articles: 261 }, changed_remotely: 1, healthy: true });
  await page.reload();
  await expect(card.getByTestId("sync-health")).toContainText("261 articles");
  await expect(card.getByTestId("sync-health")).toContainText("1 edited in Shopify");
  await page.screenshot({ path: "test-results/shopify-sync-card-1440.png", fullPage: true });

  await card.getByRole("link", { name: "Inventory" }).click();
  const table = page.getByRole("table", { name: "Inventory" });
  await expect(page.getByRole("link", { name: "Articles (261)" })).toBeVisible();
  await expect(table).toContainText("(shop owner's fix)");
  await expect(table.getByRole("row").filter({ hasText: "(shop owner's fix)" })).toContainText("Edited in Shopify");
  await expect(table.getByRole("row").filter({ hasText: "(shop owner's fix)" })).toContainText(`Article #${article.id}`);
  await expect(table).toContainText("Existed before");
  await page.screenshot({ path: "test-results/shopify-sync-inventory-1440.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/shopify-sync-inventory-390.png" });
  await page.goBack();
  await expect(card.getByTestId("sync-health")).toBeVisible();
  await page.screenshot({ path: "test-results/shopify-sync-card-390.png", fullPage: true });
});
