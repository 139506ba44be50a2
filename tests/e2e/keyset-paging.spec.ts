// The keyword list pages by cursor: Next and Previous carry the server's cursors in the URL (so
// reload and Back show the same rows), a keyword added meanwhile neither repeats nor hides a row,
// and First goes back to a full first page. At 1440 px the keyword and intent cells show their whole
// text. With E2E_SCREENSHOTS=<dir>, saves the list (page 2, by cursor) and the Add keywords dialog
// under "All sectors" at 1440 and 390 px.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { open } from "./support/navigation";

const stamp = Date.now().toString(36);
const screenshots = process.env.E2E_SCREENSHOTS;

async function shoot(page: Page, name: string, widths = [1440, 390]) {
  if (!screenshots) return;
  for (const width of widths) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${screenshots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}
const owner = { email: `keyset-${stamp}@example.test`, password: "a strong password 1" };

/** The keyword texts of the rows on screen, once the table is not loading. */
async function keywordsOnScreen(page: Page): Promise<string[]> {
  const table = page.getByRole("table", { name: "Keywords" });
  await expect(table).not.toHaveAttribute("aria-busy", "true");
  return table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => (row.querySelector("input[type=text], input:not([type])") as HTMLInputElement | null)?.value ?? row.textContent ?? ""));
}

async function go(page: Page, button: "Next page" | "Previous page" | "First page", showing: string) {
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByText(`Showing ${showing}`)).toBeVisible();
  return keywordsOnScreen(page);
}

test("keyword list: next, previous, back, reload and first by cursor, while a keyword is added", async ({ page }) => {
  test.setTimeout(240_000);
  await open(page, "/sign-up");
  await page.getByLabel("Your name").fill("Kim Keyset");
  await page.getByLabel("Team or company name").fill(`Keyset ${stamp}`);
  await page.getByLabel("Work email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/sites/);

  const site = (await (await page.request.post("/api/v1/auth/sites/", { data: { name: "Keyset Garden" } })).json()).data;
  const industries = (await (await page.request.get("/api/v1/auth/industries/")).json()).data.results;
  const industry = industries.find((i: { sectors: unknown[] }) => i.sectors.length >= 2);
  const chosen = await page.request.post(`/api/v1/auth/sites/${site.id}/select_sectors/`, { data: { industry_slug: industry.slug, sector_slugs: industry.sectors.slice(0, 2).map((s: { slug: string }) => s.slug) } });
  const { sectors } = (await chosen.json()).data;
  const place = { site_id: site.id, sector_id: sectors[0].id };
  // 35 keywords with distinct volumes: by volume, pages of 10 are 10, 10, 10, 5.
  const LONG = "how to start a vegetable garden in a small backyard";
  const text = Array.from({ length: 35 }, (_, i) => `${i === 23 ? LONG : `garden keyword ${String(i + 1).padStart(2, "0")}`}, ${(i + 1) * 100}`).join("\n");
  expect((await page.request.post("/api/v1/planner/keywords/bulk_add/", { data: { ...place, text } })).status()).toBe(201);
  // Intents on page 2's rows, the longest name among them, to see that nothing is cut at 1440 px.
  const all = (await (await page.request.get(`/api/v1/planner/keywords/?site_id=${site.id}&page_size=100`)).json()).data.results as { id: number; volume: number }[];
  const intents = ["informational", "transactional", "commercial", "navigational", "informational"];
  for (const [i, volume] of [2500, 2400, 2300, 2200, 2100].entries()) {
    const id = all.find((k) => k.volume === volume)!.id;
    expect((await page.request.patch(`/api/v1/planner/keywords/${id}/`, { data: { intent: intents[i] } })).status()).toBe(200);
  }

  await open(page, "/planner/keywords?ordering=-volume&page_size=10");
  const page1 = await keywordsOnScreen(page);
  expect(page1[0]).toBe("garden keyword 35");
  await expect(page.getByRole("button", { name: "Previous page" })).toBeDisabled();

  const page2 = await go(page, "Next page", "11–20 of 35");
  await expect(page).toHaveURL(/cursor=[\w-]+/);
  expect(page2[0]).toBe("garden keyword 25");
  await expect(page.getByText("Page 2 of 4")).toBeVisible();

  // At 1440 px nothing in the keyword and intent columns is cut.
  await page.setViewportSize({ width: 1440, height: 900 });
  expect(page2[1]).toBe(LONG);
  await expect(page.getByRole("table", { name: "Keywords" }).getByText("Informational").first()).toBeVisible();
  const cut = await page.getByRole("table", { name: "Keywords" }).locator("tbody input, tbody button[role=combobox], tbody [data-slot=select-value]").evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => (el as HTMLInputElement).value ?? el.textContent));
  expect(cut).toEqual([]);
  // The search box and the five filters stay on one row (the page's buttons may take the next one).
  const filterRow = await page.getByRole("searchbox", { name: "Search keywords" }).locator("xpath=../..").boundingBox();
  expect(filterRow!.height).toBeLessThan(48);
  await shoot(page, "keywords-page2");
  // Under "All sectors" (two sectors), Add keywords makes the user choose the sector.
  await page.getByRole("button", { name: "Add keywords" }).first().click();
  await expect(page.getByRole("dialog").getByText("Choose a sector")).toBeVisible();
  await shoot(page, "add-keywords-all-sectors");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  const page3 = await go(page, "Next page", "21–30 of 35");
  expect(page3[0]).toBe("garden keyword 15");
  const page3Url = page.url();

  // Someone adds the biggest keyword of all while we read: it belongs before page 1.
  expect((await page.request.post("/api/v1/planner/keywords/bulk_add/", { data: { ...place, text: "garden keyword top, 999999" } })).status()).toBe(201);

  expect(await go(page, "Previous page", "11–20 of 36")).toEqual(page2);
  // Back in the browser: page 3 again, from its URL.
  await page.goBack();
  await expect(page).toHaveURL(page3Url);
  // (Back may show the router's cached copy of the page, from before the keyword was added: the same rows either way.)
  await expect(page.getByText(/Showing 21–30 of 3[56]/)).toBeVisible();
  expect(await keywordsOnScreen(page)).toEqual(page3);
  // Reload keeps it too.
  await page.reload();
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await expect(page.getByText("Showing 21–30 of 36")).toBeVisible();
  expect(await keywordsOnScreen(page)).toEqual(page3);

  // Forward to the end (short page, Next disabled), then back to the start.
  const page4 = await go(page, "Next page", "31–35 of 36");
  expect(page4).toEqual(["garden keyword 05", "garden keyword 04", "garden keyword 03", "garden keyword 02", "garden keyword 01"]);
  await expect(page.getByRole("button", { name: "Next page" })).toBeDisabled();
  expect(await go(page, "Previous page", "21–30 of 36")).toEqual(page3);
  expect(await go(page, "Previous page", "11–20 of 36")).toEqual(page2);
  expect(await go(page, "Previous page", "1–10 of 36")).toEqual(page1);
  // The added keyword is before the page first seen: Previous shows it (alone), then there is nothing before.
  expect(await go(page, "Previous page", "1–1 of 36")).toEqual(["garden keyword top"]);
  await expect(page.getByRole("button", { name: "Previous page" })).toBeDisabled();
  // First: a full first page, no cursor in the URL.
  expect(await go(page, "First page", "1–10 of 36")).toEqual(["garden keyword top", ...page1.slice(0, 9)]);
  await expect(page).not.toHaveURL(/cursor=/);

  // A cursor edited by hand lands on the first page, not on an error.
  await open(page, "/planner/keywords?ordering=-volume&page_size=10&page=3&cursor=bm90LWEtY3Vyc29y");
  await expect(page).not.toHaveURL(/cursor=/);
  expect(await keywordsOnScreen(page)).toEqual(["garden keyword top", ...page1.slice(0, 9)]);

  // Import CSV: under "All sectors" the user chooses the sector; a successful import closes the dialog and shows the result.
  await page.getByRole("button", { name: "Import CSV" }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("Choose a sector")).toBeVisible();
  await dialog.getByRole("combobox").click();
  await page.getByRole("option", { name: sectors[1].name }).click();
  await dialog.getByLabel("File").setInputFiles(path.join(process.cwd(), "tests/fixtures/csv/plain-list.txt"));
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("import-report")).toContainText(/\d+ imported from \d+ rows/);
  await shoot(page, "import-result", [1440]);

  // The clusters and tasks lists page by the same cursors.
  for (let i = 1; i <= 12; i++) {
    const n = String(i).padStart(2, "0");
    expect((await page.request.post("/api/v1/planner/clusters/", { data: { ...place, name: `garden cluster ${n}` } })).status()).toBe(201);
    expect((await page.request.post("/api/v1/writer/tasks/", { data: { ...place, title: `Garden article ${n}` } })).status()).toBe(201);
  }
  await open(page, "/planner/clusters?ordering=name&page_size=10");
  await expect(page.getByText("Showing 1–10 of 12")).toBeVisible();
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText("Showing 11–12 of 12")).toBeVisible();
  await expect(page).toHaveURL(/cursor=/);
  await expect(page.getByRole("button", { name: "Next page" })).toBeDisabled();
  await shoot(page, "clusters-page2");
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(page.getByText("Showing 1–10 of 12")).toBeVisible();
  await expect(page.getByRole("button", { name: "Previous page" })).toBeDisabled();

  await open(page, "/writer/tasks?page_size=10");
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText("Showing 11–12 of 12")).toBeVisible();
  await expect(page).toHaveURL(/cursor=/);
  await shoot(page, "tasks-page2");
});
