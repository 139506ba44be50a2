// The planner in the browser: import real exports and see the report, paste keywords, cluster
// locally with progress, fix and check a cluster by hand, write an idea and queue it to the writer.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signUpOwner } from "./support/account";
import { open } from "./support/navigation";

const stamp = Date.now().toString(36);
const owner = { name: "Pat Planner", account: `Planner ${stamp}`, email: `planner-${stamp}@example.test`, password: "a strong password 1" };
const fixture = (name: string) => path.join(process.cwd(), "tests/fixtures/csv", name);

async function importFile(page: Page, file: string) {
  // Close the last import's report first, so the text read below is this import's.
  const previous = page.locator("[data-sonner-toast]").filter({ has: page.getByTestId("import-report") });
  if (await previous.count()) {
    await previous.getByRole("button", { name: "Close toast" }).click();
    await expect(page.getByTestId("import-report")).toHaveCount(0);
  }
  await page.getByRole("button", { name: "Import CSV" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("File").setInputFiles(fixture(file));
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  // A successful import closes the dialog and shows its report in a toast (one at a time).
  await expect(dialog).toBeHidden();
  const report = page.getByTestId("import-report");
  await expect(report).toBeVisible();
  return report.innerText();
}

test("import all five export formats, paste, cluster locally, fix and check clusters, write and queue an idea", async ({ page }) => {
  await signUpOwner(page, owner);

  const site = (await (await page.request.post("/api/v1/auth/sites/", { data: { name: "Trail Runner" } })).json()).data;
  const industries = (await (await page.request.get("/api/v1/auth/industries/")).json()).data.results;
  const industry = industries.find((i: { sectors: unknown[] }) => i.sectors.length >= 2);
  await page.request.post(`/api/v1/auth/sites/${site.id}/select_sectors/`, { data: { industry_slug: industry.slug, sector_slugs: [industry.sectors[0].slug] } });

  await open(page, "/planner/keywords");
  await expect(page.getByRole("heading", { name: "No keywords yet" })).toBeVisible();
  const reports = [];
  for (const [file, name] of [
    ["google-keyword-planner-utf16le.csv", "Google Keyword Planner"],
    ["ahrefs-keywords-explorer-utf8.csv", "Ahrefs"],
    ["semrush-keyword-magic-eu.csv", "Semrush"],
    ["search-console-queries.csv", "Search Console"],
    ["plain-list.txt", "Plain list"],
  ]) {
    const report = await importFile(page, file);
    expect(report).toContain(name);
    expect(report).toMatch(/\d+ imported from \d+ rows/);
    reports.push(report);
  }
  // A second import of the same file reports everything as already in the sector.
  expect(await importFile(page, "plain-list.txt")).toMatch(/^0 imported/);

  // Paste a few keywords with volumes.
  await page.getByRole("button", { name: "Add keywords" }).first().click();
  await page.getByRole("dialog").getByLabel("Keywords").fill("trail running shoes, 9900, 45\nbest trail running shoes, 4400, 50\ntrail running shoe, 720, 40");
  await page.getByRole("dialog").getByRole("button", { name: /^Add 3 keywords$/ }).click();
  await expect(page.getByText(/Added \d+ keywords?/).first()).toBeVisible();

  // Sort by volume, then filter.
  await open(page, "/planner/keywords?ordering=-volume&search=trail");
  await expect(page.getByRole("row").nth(1).getByRole("textbox").first()).toHaveValue(/trail/i);

  // Cluster locally, with progress, as a background run.
  await page.getByRole("button", { name: "Cluster locally" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Start clustering" }).click();
  await expect(page.getByText("Local clustering started", { exact: false }).first()).toBeVisible();
  await expect(page.getByText(/clusters from \d+ keywords/).first()).toBeVisible({ timeout: 60_000 });

  // Each local cluster shows its confidence; a loose one (under 70 %) says to check it.
  await open(page, "/planner/clusters?ordering=-volume");
  const confidenceColumn = (await page.getByRole("columnheader").allInnerTexts()).findIndex((h) => /Confidence/.test(h));
  const clusterRows = await page.getByRole("row").count();
  expect(clusterRows).toBeGreaterThan(1);
  const percents: number[] = [];
  for (let i = 1; i < clusterRows; i++) {
    const text = await page.getByRole("row").nth(i).getByRole("cell").nth(confidenceColumn).innerText();
    const percent = Number(text.match(/(\d+)%/)?.[1]);
    expect(Number.isFinite(percent), text).toBe(true);
    expect(text.includes("check"), text).toBe(percent < 70);
    percents.push(percent);
  }
  // The header counts the clusters to check (these exports make some) and links to them.
  expect(percents.some((p) => p < 70), JSON.stringify(percents)).toBe(true);
  const toCheck = Number((await page.getByRole("link", { name: /\d+ clusters? needs? a check/ }).innerText()).match(/\d+/)![0]);
  await page.getByRole("link", { name: /clusters? needs? a check/ }).click();
  await expect(page).toHaveURL(/review=needs_check/);
  await expect(page.getByText(new RegExp(`of ${toCheck}\\b`)).first()).toBeVisible();
  const confidences = await page.getByRole("cell").filter({ hasText: /^\D*\d+%$/ }).allInnerTexts();
  expect(confidences.length).toBe(Math.min(toCheck, 25));
  for (const text of confidences) expect(text).toMatch(/^check\s+\d+%$/);
  await open(page, "/planner/clusters?ordering=-volume");
  // Sorted by confidence, the ones to check come first.
  await page.getByRole("columnheader", { name: /Confidence/ }).getByRole("button").click();
  await expect(page).toHaveURL(/ordering=confidence/);
  const firstPercent = async () => Number((await page.getByRole("row").nth(1).getByRole("cell").nth(confidenceColumn).innerText()).match(/(\d+)%/)?.[1]);
  await expect.poll(firstPercent).toBe(Math.min(...percents));

  // Fix a cluster by hand: rename it inline.
  const firstName = page.getByRole("row").nth(1).getByRole("textbox").first();
  await firstName.fill("Trail running shoes (hub)");
  await firstName.press("Enter");
  await expect(page.getByText("Cluster saved.").first()).toBeVisible();

  // Check it: open its keywords, remove one that belongs elsewhere, mark the cluster checked.
  const keywordsLink = page.getByRole("row").nth(1).getByRole("link").first();
  const keywordCount = Number(await keywordsLink.innerText());
  expect(keywordCount).toBeGreaterThanOrEqual(2);
  await keywordsLink.click();
  await expect(page).toHaveURL(/cluster_id=\d+/);
  await expect(page.getByText("The keywords of “Trail running shoes (hub)”", { exact: false })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(keywordCount + 1);
  await page.getByRole("row").nth(1).getByRole("checkbox").click();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Remove from cluster" }).click();
  await expect(page.getByText("Removed 1 keyword from the cluster.").first()).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(keywordCount);
  await page.getByRole("button", { name: "Mark checked" }).click();
  await expect(page.getByText(/Marked 1 cluster checked/).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Check again" })).toBeVisible();

  // The list shows it checked, with one keyword fewer; the clusters to check no longer include it.
  await open(page, "/planner/clusters?ordering=confidence");
  const hub = page.getByRole("row").filter({ has: page.locator('input[value="Trail running shoes (hub)"]') });
  await expect(hub.getByText("checked", { exact: true })).toBeVisible();
  await expect(hub.getByRole("link").first()).toHaveText(String(keywordCount - 1));
  await open(page, "/planner/clusters?review=needs_check");
  await expect(page.locator('input[value="Trail running shoes (hub)"]')).toHaveCount(0);
  await expect(page.getByRole("row").nth(1).getByText("check", { exact: true }).or(page.getByText("No clusters match these filters"))).toBeVisible();

  // Write an idea for it and queue it to the writer.
  await open(page, "/planner/ideas");
  await page.getByRole("button", { name: "New idea" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Title").fill("The best trail running shoes of the year");
  await dialog.getByRole("button", { name: "Add idea" }).click();
  await expect(page.getByText("Idea added.").first()).toBeVisible();
  await page.getByRole("row").nth(1).getByRole("checkbox").click();
  await page.getByRole("button", { name: "Queue to writer" }).click();
  await expect(page.getByText(/queued|task/i).first()).toBeVisible();
  await open(page, "/writer/tasks");
  await expect(page.getByText("The best trail running shoes of the year")).toBeVisible();
});
