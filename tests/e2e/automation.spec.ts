// Automation end to end in the browser, against the local OpenAI stub: an empty Automation page
// offers the preset; the editor shows a live estimate; the rule is saved, run now after its cost is
// shown, and its article is published on the hosted site; the history says what it did and spent.
// With E2E_SCREENSHOTS=<dir>, saves screenshots of the page, the editor and the history at 1440 and 390 px.
import { expect, test, type Page } from "@playwright/test";
import { startOpenAIStub, type OpenAIStub } from "../fixtures/openai-stub";
import { api, createSiteWithSector, signUpOwner } from "./support/account";
import { open } from "./support/navigation";

const stamp = Date.now().toString(36);
const owner = { name: "Ada Auto", account: `Autopilot ${stamp}`, email: `auto-${stamp}@example.test`, password: "a strong password 1" };
const screenshots = process.env.E2E_SCREENSHOTS;
let stub: OpenAIStub;

test.beforeAll(async () => {
  stub = await startOpenAIStub({ latencyMs: 300 });
});
test.afterAll(async () => stub?.close());

async function shoot(page: Page, name: string) {
  if (!screenshots) return;
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${screenshots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("create a rule from the preset, see its cost, run it against the stub, find the article on the hosted site", async ({ page, request }) => {
  test.setTimeout(180_000);
  const token = await signUpOwner(page, owner, { request });
  const { site, sectors } = await createSiteWithSector(request, token, { name: "Garden Autopilot" });
  const idea = await api(request, token, "POST", "/api/v1/planner/ideas/", { site_id: site.id, sector_id: sectors[0].id, title: `Watering tomatoes ${stamp}`, target_keywords: "watering tomatoes" });

  await open(page, "/settings/integrations");
  const openai = page.locator("form").filter({ has: page.getByRole("button", { name: "Save OpenAI" }) });
  await openai.getByLabel("Server address (optional)").fill(stub.url);
  await openai.getByRole("button", { name: "Save OpenAI" }).click();
  await expect(page.getByText("OpenAI settings saved.")).toBeVisible();

  // Empty state → the preset, with its estimate before saving.
  await open(page, "/automation");
  await expect(page.getByText("No automation yet")).toBeVisible();
  await shoot(page, "automation-empty");
  await page.getByRole("button", { name: "Start from the preset" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Name")).toHaveValue("Weekday articles from the best ideas");
  await expect(dialog.getByTestId("forecast-credits")).toHaveText("~10–20 credits");
  await expect(dialog.getByText(/Picks 1 idea now, publishes up to 2/)).toBeVisible();
  // The stub writes short articles without meta: relax the gate for this site.
  await dialog.getByLabel("Minimum optimizer score").fill("0");
  await dialog.getByLabel("Minimum words").fill("0");
  await dialog.getByRole("checkbox", { name: "Meta title and description required" }).uncheck();
  await dialog.getByLabel("Schedule (cron)").fill("*/5 * * * *");
  await expect(dialog.getByText(/The minute must be one number/)).toBeVisible();
  await dialog.getByLabel("Schedule (cron)").fill("0 9 * * 1-5");
  await expect(dialog.getByText("Next runs")).toBeVisible();
  await shoot(page, "automation-editor");
  await dialog.getByRole("button", { name: "Create rule" }).click();
  await expect(page.getByText('Rule "Weekday articles from the best ideas" created.')).toBeVisible();

  // Run now: the cost first, then the run.
  const card = page.getByTestId("rule-card");
  await expect(card.getByText("Active")).toBeVisible();
  await shoot(page, "automation-rules");
  await card.getByRole("button", { name: "Run now" }).click();
  const confirm = page.getByRole("dialog");
  await expect(confirm.getByTestId("forecast-credits")).toHaveText("~10–20 credits");
  await confirm.getByRole("button", { name: "Run (up to 20 credits)" }).click();
  await expect(page.getByText("Started: up to 20 credits.")).toBeVisible();

  const rules = (await api(request, token, "GET", `/api/v1/automation/rules/?site_id=${site.id}`)).results as { id: number }[];
  await expect.poll(async () => (await api(request, token, "GET", `/api/v1/automation/rules/${rules[0].id}/executions/`)).results[0]?.status, { timeout: 60_000 }).toBe("succeeded");
  const content = (await api(request, token, "GET", `/api/v1/writer/content/?site_id=${site.id}`)).results as { id: number; title: string }[];
  expect(content).toHaveLength(1);
  await expect.poll(async () => (await api(request, token, "GET", `/api/v1/publisher/publishing-records/?content_id=${content[0].id}`)).results.map((r: { status: string }) => r.status).join(","), { timeout: 60_000 }).toBe("published");
  const [record] = (await api(request, token, "GET", `/api/v1/publisher/publishing-records/?content_id=${content[0].id}`)).results as { remote_url: string }[];
  await page.goto(record.remote_url);
  await expect(page.getByRole("heading", { level: 1, name: content[0].title })).toBeVisible();
  expect(idea.id).toBeGreaterThan(0);

  // The history: what it did and spent.
  await open(page, `/automation/${rules[0].id}`);
  const execution = page.getByTestId("execution").first();
  await expect(execution.locator("[data-slot=badge]", { hasText: "Done" })).toBeVisible();
  await expect(execution.getByText(/10 credits spent/)).toBeVisible();
  await expect(execution.getByRole("cell", { name: "Write articles" })).toBeVisible();
  await shoot(page, "automation-history");

  // The dashboard says what autopilot does next and what it spent.
  await open(page, "/");
  await expect(page.getByTestId("autopilot-summary")).toContainText(/1 active rule; next: .*“Weekday articles from the best ideas”, up to 2 items; 10 credits spent this month/);
  await shoot(page, "automation-dashboard");
});
