// Walks the whole journey as a new user would — sign-up → site → keywords → clusters → ideas →
// tasks → article → images → optimise → links → publish → live page — at 1440×900, then every
// main page (and the menu, the editor, a confirmation) at 390×844, saving a PNG of each step.
//
//   npx tsx scripts/openai-stub.ts --port 4106 --latency 100 &          # the AI
//   E2E_SKIP_BUILD=1 node scripts/e2e-server.mjs 3106 &                  # or: PORT=3106 npm run dev
//   npx tsx scripts/screenshots/journey.ts --base http://127.0.0.1:3106 --ai http://127.0.0.1:4106/v1 --out .data/screenshots
//
// Console errors and sideways scrolling are printed for each page. Needs /usr/bin/chromium (or
// CHROMIUM=path) and playwright-core.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const base = arg("--base", "http://127.0.0.1:3106");
const ai = arg("--ai", "http://127.0.0.1:4106/v1");
const out = path.resolve(arg("--out", ".data/screenshots"));
const stamp = Date.now().toString(36);
const user = { name: "Jo Journey", account: `Journey ${stamp}`, email: `journey-${stamp}@example.test`, password: "a strong password 1" };
mkdirSync(out, { recursive: true });

let step = 0;
const problems: string[] = [];

async function shot(page: Page, name: string, width: number) {
  const file = path.join(out, `${width}-${String(++step).padStart(2, "0")}-${name}.png`);
  await page.waitForTimeout(400);
  // Against the width asked for: a phone browser zooms out to fit a page that is too wide.
  const overflow = await page.evaluate((w) => document.documentElement.scrollWidth - w, width);
  if (overflow > 0) problems.push(`${name} @${width}: scrolls sideways by ${overflow} px`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}

async function go(page: Page, url: string) {
  await page.goto(new URL(url, base).toString());
  await page.locator("html[data-hydrated]").waitFor({ state: "attached", timeout: 120_000 });
}

let current: Page | null = null;

function watch(page: Page, width: number) {
  current = page;
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console @${width} ${page.url()}: ${m.text().slice(0, 300)}`);
  });
  page.on("pageerror", (e) => problems.push(`page error @${width} ${page.url()}: ${e.message.slice(0, 300)}`));
}

/** Waits for the run started last to finish (the corner card says "… finished"). */
async function runFinishes(page: Page, label: RegExp) {
  await page.getByText(label).first().waitFor({ timeout: 180_000 });
}

async function confirmStart(page: Page, name: string, width: number) {
  const dialog = page.getByRole("alertdialog");
  await dialog.getByTestId("cost-estimate").getByText(/Estimated cost|Not enough|Could not/).waitFor();
  await shot(page, name, width);
  await dialog.getByRole("button", { name: "Start" }).click();
}

async function desktop(browser: Browser) {
  const width = 1440;
  const context = await browser.newContext({ viewport: { width, height: 900 }, baseURL: base });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  watch(page, width);

  await go(page, "/sign-up");
  await shot(page, "sign-up", width);
  await page.getByLabel("Your name").fill(user.name);
  await page.getByLabel("Team or company name").fill(user.account);
  await page.getByLabel("Work email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/sites/);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await shot(page, "sites-empty", width);

  await page.getByRole("button", { name: /create a site/i }).first().click();
  await page.getByRole("dialog").getByLabel("Site name").fill("Garden Journal");
  await shot(page, "create-site", width);
  await page.getByRole("dialog").getByRole("button", { name: "Create site" }).click();
  await page.waitForTimeout(300);
  await shot(page, "create-site-after", width);
  await page.waitForURL(/tab=sectors/);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.getByRole("combobox", { name: "Industry" }).click();
  await page.getByRole("option", { name: "Home & Garden" }).click();
  await page.getByRole("checkbox").first().click();
  await page.getByRole("button", { name: "Save industry and sectors" }).click();
  await page.getByText("Next: add keywords.").waitFor();
  await shot(page, "sectors-saved", width);
  const siteId = Number(page.url().match(/sites\/(\d+)/)![1]);

  // The AI: the stub as the account's OpenAI-compatible server (tested before saving).
  await go(page, "/settings/integrations");
  const openai = page.locator("form").filter({ has: page.getByRole("button", { name: "Save OpenAI" }) });
  await openai.getByLabel("Server address (optional)").fill(ai);
  await openai.getByRole("button", { name: "Test connection" }).click();
  await openai.getByRole("status").filter({ hasText: /Tested/ }).waitFor({ timeout: 15_000 }).catch(() => problems.push("Test connection showed no result"));
  await shot(page, "integrations-tested", width);
  await openai.getByRole("button", { name: "Save OpenAI" }).click();
  await page.getByText("OpenAI settings saved.").first().waitFor();

  await page.getByRole("button", { name: "Add keywords" }).first().waitFor({ state: "detached" }).catch(() => undefined);
  await go(page, "/planner/keywords");
  await shot(page, "keywords-empty", width);
  await page.getByRole("button", { name: "Add keywords" }).first().click();
  const keywords = [
    "raised garden bed, 9900", "how to build a raised garden bed, 4400", "raised bed soil, 2900", "best soil for raised beds, 1900",
    "cedar raised beds, 1300", "compost bin, 8100", "how to compost at home, 3600", "compost tumbler, 2400", "tomato companion plants, 1600",
    "companion planting chart, 2900", "when to plant tomatoes, 6600", "watering tomatoes, 1000",
  ];
  await page.getByRole("dialog").getByLabel("Keywords").fill(keywords.join("\n"));
  await page.getByRole("dialog").getByRole("button", { name: /^Add \d+ keywords$/ }).click();
  await page.getByText(/Added \d+ keywords?/).first().waitFor();
  await page.keyboard.press("Escape");
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await shot(page, "keywords-selected", width);
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Auto-cluster (AI)" }).click();
  await confirmStart(page, "auto-cluster-confirm", width);
  await runFinishes(page, /AI clustering finished/);
  await shot(page, "keywords-clustered", width);

  await go(page, "/planner/clusters");
  await shot(page, "clusters", width);
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Generate ideas (AI)" }).click();
  await confirmStart(page, "ideas-confirm", width);
  await runFinishes(page, /finished|failed/);

  await go(page, "/planner/ideas");
  await shot(page, "ideas", width);
  await page.getByRole("checkbox", { name: /^Select (?!all)/ }).first().check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Queue to writer" }).click();
  await page.waitForTimeout(1000);

  await go(page, "/writer/tasks");
  await page.getByRole("checkbox", { name: /^Select (?!all)/ }).first().check();
  await shot(page, "tasks-selected", width);
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Generate content" }).click();
  await confirmStart(page, "generate-content-confirm", width);
  await runFinishes(page, /Article writing finished/);
  await shot(page, "tasks-written", width);
  await page.getByRole("checkbox", { name: /^Select (?!all)/ }).first().check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Plan images" }).click();
  await confirmStart(page, "plan-images-confirm", width);
  await runFinishes(page, /Image planning finished/);
  await page.getByRole("checkbox", { name: /^Select (?!all)/ }).first().check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Generate images" }).click();
  await confirmStart(page, "generate-images-confirm", width);
  await runFinishes(page, /Image generation finished/);

  await go(page, "/writer/drafts");
  await shot(page, "drafts", width);
  await page.getByRole("link").filter({ hasText: /./ }).and(page.locator("a[href^='/writer/content/']")).first().click();
  await page.waitForURL(/\/writer\/content\/\d+/);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  const articleUrl = page.url();
  await shot(page, "editor", width);

  // Optimise: propose, review, apply.
  const side = page.getByRole("complementary", { name: "Article settings" });
  if (await side.getByRole("button", { name: "Optimize with AI" }).isVisible()) {
    await side.getByRole("button", { name: "Optimize with AI" }).click();
    const review = page.getByRole("dialog");
    await review.waitFor();
    await shot(page, "optimize-review", width);
    const apply = review.getByRole("button", { name: /^Apply/ }).first();
    if (await apply.isEnabled().catch(() => false)) await apply.click();
    else await page.keyboard.press("Escape");
    await page.waitForTimeout(1500);
  }
  // Links.
  await side.getByRole("tab", { name: /Links/ }).click();
  await page.waitForTimeout(1500);
  await shot(page, "editor-links", width);
  const suggestion = side.getByRole("region", { name: "Link suggestions" }).getByRole("checkbox").first();
  if (await suggestion.isVisible().catch(() => false)) {
    await suggestion.check();
    await side.getByRole("button", { name: /^Add 1 link/ }).click();
    await page.getByText(/link added/).first().waitFor();
    await page.waitForTimeout(2500);
    await shot(page, "editor-link-added", width);
  }
  // Review → publish → live page.
  await page.getByRole("button", { name: "Send to review" }).click();
  await page.getByText("Sent to review.").first().waitFor();
  await page.getByRole("button", { name: "Publish…" }).click();
  await shot(page, "editor-in-review", width);
  const panel = page.getByTestId("publish-panel");
  await panel.getByRole("button", { name: "Publish", exact: true }).click();
  const live = panel.getByRole("link", { name: /\/sites\// }).first();
  await live.waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1500);
  await shot(page, "editor-published", width);
  const href = await live.getAttribute("href");
  await go(page, "/writer/published");
  await shot(page, "published", width);
  if (href) {
    await page.goto(new URL(href, base).toString());
    await shot(page, "live-page", width);
  }

  for (const [url, name] of [["/", "dashboard"], ["/planner", "planner"], ["/writer", "writer"], ["/writer/images", "images"], ["/runs", "runs"], ["/billing", "billing"], ["/sites", "sites"], [`/manage/sites/${siteId}/settings`, "site-settings"], ["/settings/team", "team"], ["/trash", "trash"]] as const) {
    await go(page, url);
    await shot(page, name, width);
  }
  await context.storageState({ path: path.join(out, "state.json") });
  await context.close();
  return { articleUrl, siteId };
}

async function phone(browser: Browser, articleUrl: string, siteId: number) {
  const width = 390;
  const context = await browser.newContext({ viewport: { width, height: 844 }, baseURL: base, storageState: path.join(out, "state.json"), isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  watch(page, width);
  await go(page, "/");
  await shot(page, "dashboard", width);
  await page.getByRole("button", { name: "Open menu" }).click();
  await page.getByRole("dialog").getByRole("navigation", { name: "Main" }).waitFor();
  await shot(page, "menu", width);
  await page.keyboard.press("Escape");
  for (const [url, name] of [
    ["/sites", "sites"], [`/manage/sites/${siteId}/settings?tab=sectors`, "sectors"], ["/planner/keywords", "keywords"], ["/planner/clusters", "clusters"], ["/planner/ideas", "ideas"],
    ["/writer/tasks", "tasks"], ["/writer/drafts", "drafts"], ["/writer/published", "published"], ["/writer/images", "images"], [articleUrl, "editor"], ["/runs", "runs"], ["/billing", "billing"],
    ["/settings/integrations", "integrations"], ["/settings/team", "team"], ["/trash", "trash"],
  ] as const) {
    await go(page, url);
    await shot(page, name, width);
  }
  await go(page, "/writer/tasks");
  await page.getByRole("checkbox", { name: /^Select (?!all)/ }).first().check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Generate content" }).click();
  await page.getByRole("alertdialog").getByTestId("cost-estimate").getByText(/Estimated cost|Not enough/).waitFor();
  await shot(page, "confirm-cost", width);
  await context.close();
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const { articleUrl, siteId } = await desktop(browser);
    await phone(browser, articleUrl, siteId);
  } catch (error) {
    await current?.screenshot({ path: path.join(out, "failed.png"), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
    console.log(problems.length ? `\n${problems.length} problem(s):\n${problems.join("\n")}` : "\nNo console errors, nothing scrolls sideways.");
  }
}

void main().catch(async (error) => {
  console.error(error);
  await current?.screenshot({ path: path.join(out, "failed.png"), fullPage: true }).catch(() => undefined);
  process.exitCode = 1;
});
