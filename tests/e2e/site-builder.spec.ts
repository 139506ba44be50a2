// Site Builder end to end against the local OpenAI stub: clusters → a blueprint from the wizard →
// the AI's page tree → page copy → deploy → the hosted site shows the pages and the menu.
// Screenshots at 1440 and 390 px go to test-results/site-builder/.
import { expect, test, type Page } from "@playwright/test";
import { startOpenAIStub, type OpenAIStub } from "../fixtures/openai-stub";
import { api, createSiteWithSector, signUpOwner } from "./support/account";
import { e2eDatabase } from "./support/db";
import { open } from "./support/navigation";

const stamp = Date.now().toString(36);
const owner = { name: "Sam Builder", account: `Builder ${stamp}`, email: `builder-${stamp}@example.test`, password: "a strong password 1" };

let stub: OpenAIStub;
test.beforeAll(async () => {
  stub = await startOpenAIStub({ latencyMs: 300 });
});
test.afterAll(async () => stub?.close());

// Generous for a first visit of a page on a development server (E2E_REUSE=1); instant on the production build.
const SLOW = { timeout: 120_000 };

async function shoot(page: Page, name: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `test-results/site-builder/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("from clusters to a deployed, browsable hosted site", async ({ page, request }) => {
  test.setTimeout(300_000);
  const token = await signUpOwner(page, owner, { request, timeout: SLOW.timeout });
  const { site, sectors } = await createSiteWithSector(request, token, { name: "Garden Journal" });
  const sectorId = sectors[0].id;
  for (const [name, keywords] of [["Tomato care", ["watering tomatoes", "tomato fertilizer"]], ["Composting", ["home compost bin", "compost ratio"]]] as const) {
    const cluster = await api(request, token, "POST", "/api/v1/planner/clusters/", { site_id: site.id, sector_id: sectorId, name });
    const db = await e2eDatabase();
    for (const [i, keyword] of keywords.entries()) {
      const row = await db.query(`INSERT INTO keywords ("accountId","siteId","sectorId",keyword,normalized,volume,"updatedAt") VALUES ($1,$2,$3,$4,$4,$5,now()) RETURNING id`, [site.account_id, site.id, sectorId, keyword, 900 - i * 100]);
      await db.query(`INSERT INTO keyword_clusters ("accountId","keywordId","clusterId") VALUES ($1,$2,$3)`, [site.account_id, row.rows[0].id, cluster.id]);
    }
    await db.end();
  }

  await open(page, "/settings/integrations");
  const openai = page.locator("form").filter({ has: page.getByRole("button", { name: "Save OpenAI" }) });
  await openai.getByLabel("Server address (optional)").fill(stub.url);
  await openai.getByRole("button", { name: "Save OpenAI" }).click();
  await expect(page.getByText("OpenAI settings saved.")).toBeVisible(SLOW);

  // The wizard
  await open(page, "/site-builder");
  await expect(page.getByText("No blueprints yet")).toBeVisible(SLOW);
  await shoot(page, "01-empty");
  await page.getByRole("button", { name: "New blueprint" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Business type").click();
  await page.getByRole("option", { name: "Publisher / blog" }).click();
  await dialog.getByLabel("Audience").click();
  await page.getByRole("option", { name: "Beginners" }).click();
  await dialog.getByLabel("Brand personality").click();
  await page.getByRole("option", { name: "Friendly" }).click();
  await dialog.getByLabel("Tomato care").check();
  await dialog.getByLabel("Composting").check();
  await shoot(page, "02-wizard");
  await dialog.getByRole("button", { name: "Create blueprint" }).click();
  await expect(page).toHaveURL(/\/site-builder\/\d+/, SLOW);
  await expect(page.getByText("No pages yet")).toBeVisible(SLOW);

  // Structure (AI), then copy (AI), each after a confirmation that names its cost
  await page.getByRole("button", { name: "Generate structure" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("5 credits");
  await page.getByRole("button", { name: "Generate", exact: true }).click();
  const tree = page.getByRole("list", { name: "Page tree" });
  await expect(tree).toContainText("Tomato care basics", SLOW);
  await page.getByRole("button", { name: "Write all pages" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Write pages" }).click();
  await expect(page.getByText("Every page has copy.")).toBeVisible(SLOW);

  // Edit the tree: rename a page
  await tree.getByRole("button", { name: "Tomato care basics (supporting)" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Tomato care: the basics");
  await page.getByRole("button", { name: "Save page" }).click();
  await expect(tree).toContainText("Tomato care: the basics");
  await tree.getByRole("button", { name: "Tomato care (pillar)" }).click();
  await shoot(page, "03-blueprint");

  // Deploy: the confirmation lists the pages it adds
  await page.getByRole("button", { name: "Deploy" }).first().click();
  await expect(page.getByRole("alertdialog")).toContainText("/tomato-care");
  await page.getByRole("alertdialog").getByRole("button", { name: "Deploy" }).click();
  await expect(page.getByText(/Deployed version 1/)).toBeVisible(SLOW);

  // The hosted site
  // Hosted pages carry no client JavaScript: a plain navigation.
  await page.goto(`/sites/${site.slug}/tomato-care`);
  await expect(page.getByRole("heading", { name: /Tomato care at a glance/ })).toBeVisible(SLOW);
  await shoot(page, "04-hosted-page");
  const def = await (await request.get(`/api/v1/publisher/sites/${site.id}/definition/`)).json();
  expect(def.data.blueprint.navigation.map((n: { slug: string }) => n.slug)).toEqual(expect.arrayContaining(["tomato-care", "composting", "about-us"]));
});
