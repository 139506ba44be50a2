// AI runs end to end in the browser, against the local OpenAI stub: the account points
// Settings → Integrations at the stub, starts AI clustering and idea generation, watches both runs
// progress to done, and the Credits page shows what each cost; a run with a failed item ends as a
// warning and "Retry failed items" redoes only that item.
// (Selecting keywords in the Planner is the planner's own flow; here the runs start through REST.)
import { expect, test } from "@playwright/test";
import { startOpenAIStub, type OpenAIStub } from "../fixtures/openai-stub";
import { api, createSiteWithSector, signUpOwner } from "./support/account";
import { e2eDatabase } from "./support/db";
import { open } from "./support/navigation";

const stamp = Date.now().toString(36);
const owner = { name: "Ada Owner", account: `Runs ${stamp}`, email: `runs-${stamp}@example.test`, password: "a strong password 1" };

let stub: OpenAIStub;
test.beforeAll(async () => {
  // Slow enough that the runs are still going when the page looks at them.
  stub = await startOpenAIStub({ latencyMs: 2500 });
});
test.afterAll(async () => stub?.close());

test("point the account at an AI server, cluster keywords, generate ideas, follow both runs, see their cost", async ({ page, request }) => {
  const token = await signUpOwner(page, owner, { request });
  const { site, sectors } = await createSiteWithSector(request, token, { name: "Garden Journal" });
  const db = await e2eDatabase();
  const words = ["tomato", "basil", "compost", "pruning", "mulch"];
  const keywordIds: number[] = [];
  for (let i = 0; i < 120; i++) {
    const kw = `${["how to grow", "best", "when to plant", "care for"][i % 4]} ${words[Math.floor(i / 4) % 5]} ${Math.floor(i / 20)}`;
    const row = await db.query(`INSERT INTO keywords ("accountId","siteId","sectorId",keyword,normalized,volume,"updatedAt") VALUES ($1,$2,$3,$4,$4,$5,now()) RETURNING id`, [site.account_id, site.id, sectors[0].id, kw, 1000 - i]);
    keywordIds.push(row.rows[0].id);
  }

  // Settings → Integrations: the stub as the account's OpenAI-compatible server.
  await open(page, "/settings/integrations");
  const openai = page.locator("form").filter({ has: page.getByRole("button", { name: "Save OpenAI" }) });
  await openai.getByLabel("Server address (optional)").fill(stub.url);
  await openai.getByRole("button", { name: "Save OpenAI" }).click();
  await expect(page.getByText("OpenAI settings saved.")).toBeVisible();
  await openai.getByRole("button", { name: "Test connection" }).click();
  await expect(openai.getByRole("status")).toContainText("Connected to");

  // AI clustering: found again from the header indicator, followed to the end.
  const cluster = await api(request, token, "POST", "/api/v1/planner/keywords/auto_cluster/", { ids: keywordIds });
  await open(page, "/runs");
  await page.getByRole("button", { name: /runs in progress|Background runs/ }).click();
  await page.locator("[data-slot=popover-content]").getByRole("button", { name: /AI clustering/ }).click();
  const card = page.getByRole("status", { name: /AI clustering/ });
  await expect(card).toBeVisible();
  await expect(page.getByText("AI clustering finished")).toBeVisible({ timeout: 60_000 });
  await open(page, `/runs/${cluster.task_id}`);
  await expect(page.getByText("Done", { exact: true })).toBeVisible();
  await expect(page.getByText(/keywords grouped into \d+ clusters/).first()).toBeVisible();
  await expect(page.getByText("request", { exact: true }).first()).toBeVisible();

  // Ideas for the new clusters, followed on the run page.
  const clusters = await db.query(`SELECT id FROM clusters WHERE "siteId" = $1 ORDER BY id`, [site.id]);
  await db.end();
  expect(clusters.rows.length).toBeGreaterThan(1);
  const ideas = await api(request, token, "POST", "/api/v1/planner/clusters/auto_generate_ideas/", { ids: clusters.rows.map((r) => r.id) });
  await open(page, `/runs/${ideas.task_id}`);
  await expect(page.getByText("Done", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/ideas? for \d+ clusters?/).first()).toBeVisible();

  // Credits: each run's cost, and the ledger.
  await open(page, "/billing");
  const perRun = page.locator("table").filter({ hasText: "Model calls" });
  // 120 keywords in batches of 50, 50, 20: 3 + 3 + 1 credits; ideas: 2 credits per cluster.
  await expect(perRun.getByRole("row", { name: /AI clustering/ }).getByRole("cell").last()).toHaveText("7");
  await expect(perRun.getByRole("row", { name: /Content ideas/ }).getByRole("cell").last()).toHaveText(String(2 * clusters.rows.length));
  await expect(page.getByText("Credits included with your plan")).toBeVisible();

  // A run whose items partly fail: a warning with each item's reason; "Retry failed items" redoes only those.
  stub.fail("401", 1);
  const partial = await api(request, token, "POST", "/api/v1/planner/clusters/auto_generate_ideas/", { ids: clusters.rows.slice(0, 2).map((r) => r.id) });
  await open(page, `/runs/${partial.task_id}`);
  await expect(page.getByText("Done with errors", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("1 of 2 done; 1 failed")).toBeVisible();
  await expect(page.getByText("Failed items", { exact: true })).toBeVisible();
  await expect(page.getByText(/rejected the API key \(401\)/).first()).toBeVisible();
  if (process.env.E2E_SCREENSHOTS) {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: width > 500 ? 1000 : 844 });
      await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/run-with-errors-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1440, height: 1000 });
  }
  await page.getByRole("main").getByRole("button", { name: "Retry failed items" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Retry failed items" }).click();
  await expect(page.getByText("Done", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Failed items", { exact: true })).toBeHidden();
});
