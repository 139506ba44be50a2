// Billing end to end: an owner sees what the account spent, on what, and what is left, and views
// the plans (no Stripe keys here: an administrator assigns plans); a developer assigns a plan with
// its credits and adjusts credits with a reason, and the owner sees both.
// (AI runs have their own flow in ai-runs.spec.ts; here metered usage is arranged in the database.)
import { expect, test } from "@playwright/test";
import { e2eDatabase } from "./support/db";
import { signUpOwner } from "./support/account";
import { open } from "./support/navigation";

const stamp = Date.now().toString(36);
const owner = { name: "Bea Owner", account: `Billing ${stamp}`, email: `billing-${stamp}@example.test`, password: "a strong password 1" };
const developer = { name: "Dev Ops", account: `Ops ${stamp}`, email: `dev-${stamp}@example.test`, password: "a strong password 2" };

/** Metered usage as the AI engine records it: a usage log row and a ledger deduction per call. */
async function arrangeSpend(email: string, siteId: number) {
  const db = await e2eDatabase();
  try {
    const { rows: [account] } = await db.query(`SELECT a.id, a.credits FROM accounts a JOIN users u ON u."accountId" = a.id WHERE u.email = $1`, [email]);
    let balance: number = account.credits;
    const calls = [["generate_content", "gpt-4o", 10, 0.0142], ["generate_content", "gpt-4o", 10, 0.0151], ["auto_cluster", "gpt-4o-mini", 3, 0.0006], ["generate_images", "dall-e-3", 3, 0.04]] as const;
    for (const [i, [operation, model, credits, cost]] of calls.entries()) {
      balance -= credits;
      const at = new Date(Date.now() - i * 3_600_000);
      await db.query(`INSERT INTO credit_usage_logs ("accountId","siteId",operation,model,"tokensIn","tokensOut",images,"costUsd",credits,"createdAt") VALUES ($1,$2,$3,$4,1500,900,$5,$6,$7,$8)`, [account.id, siteId, operation, model, operation === "generate_images" ? 1 : 0, cost, credits, at]);
      await db.query(`INSERT INTO credit_transactions ("accountId",type,amount,"balanceAfter",description,metadata,"createdAt") VALUES ($1,'usage',$2,$3,$4,$5,$6)`, [account.id, -credits, balance, operation === "generate_content" ? "Article writing" : operation === "auto_cluster" ? "AI clustering of 50 keywords" : "Image generation", JSON.stringify({ operation }), at]);
    }
    await db.query(`UPDATE accounts SET credits = $2 WHERE id = $1`, [account.id, balance]);
    return { spent: 26, balance };
  } finally {
    await db.end();
  }
}

test("owner sees spend and what is left and views plans; a developer assigns a plan and adjusts credits", async ({ page, browser }) => {
  await signUpOwner(page, owner);
  await expect(page.getByRole("heading", { name: "Create your first site" })).toBeVisible();
  await open(page, "/");
  await expect(page.getByRole("heading", { name: "Create your first site" })).toBeVisible();
  const site = (await (await page.request.post("/api/v1/auth/sites/", { data: { name: "Garden Journal" } })).json()).data;
  const { spent, balance } = await arrangeSpend(owner.email, site.id);

  // Home: the KPIs and the next step.
  await open(page, "/");
  await expect(page.getByRole("heading", { name: "Welcome, Bea" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Next: Keywords" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Credits/ }).filter({ hasText: balance.toLocaleString("en-US") })).toBeVisible();

  // Credits: what is left and what was used this month.
  await open(page, "/billing");
  await expect(page.getByText(balance.toLocaleString("en-US"), { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Used this month").locator("..")).toContainText(String(spent));

  // Usage: on what, in credits and USD, and this month against the plan.
  await open(page, "/billing/usage");
  await expect(page.getByText("Credits used", { exact: true }).locator("../..")).toContainText(String(spent));
  await expect(page.getByRole("row", { name: /Article writing/ })).toContainText("20");
  await expect(page.getByRole("row", { name: /gpt-4o-mini/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Garden Journal/ })).toContainText("26");
  await expect(page.getByLabel(/AI requests: \d+% used/)).toBeVisible();
  await page.getByRole("button", { name: "7 days" }).click();
  await expect(page).toHaveURL(/days=7/);

  // Transactions: filter by type, export what is shown.
  await open(page, "/billing/transactions");
  await page.getByRole("button", { name: "Type", exact: true }).click();
  await page.getByRole("menuitemcheckbox", { name: "Usage" }).click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/type=usage/);
  await expect(page.getByText("Showing 1–4 of 4")).toBeVisible();
  const exportHref = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(exportHref).toContain("type=usage");
  const csv = await (await page.request.get(exportHref!)).text();
  expect(csv.trim().split("\r\n")).toHaveLength(5);

  // Plans: compare them; without Stripe an administrator assigns them.
  await open(page, "/billing/plans");
  await expect(page.getByText("Plans are assigned by an administrator")).toBeVisible();
  await expect(page.getByLabel("Starter plan")).toContainText("Current");

  // A developer (promoted in the database: there is no UI to become one) assigns Growth with its credits and adjusts credits.
  const devContext = await browser.newContext();
  const dev = await devContext.newPage();
  await signUpOwner(dev, developer);
  const db = await e2eDatabase();
  await db.query(`UPDATE users SET role = 'developer', "accountId" = (SELECT id FROM accounts WHERE slug = 'system') WHERE email = $1`, [developer.email]);
  await db.end();
  await open(dev, `/admin/accounts?search=${encodeURIComponent(owner.email)}`);
  const row = dev.getByRole("row", { name: new RegExp(owner.account) });
  await expect(row).toContainText(`${spent} credits`);
  await row.getByRole("button", { name: /Actions for/ }).click();
  await dev.getByRole("menuitem", { name: "Assign plan…" }).click();
  await dev.getByRole("combobox", { name: "Plan" }).click();
  await dev.getByRole("option", { name: "Growth" }).click();
  await dev.getByLabel(/Also grant the plan’s 5,000 included credits/).click();
  await dev.getByRole("button", { name: "Assign plan" }).click();
  await expect(dev.getByText("Plan assigned and its credits granted.")).toBeVisible();
  await expect(row).toContainText("Growth");

  await row.getByRole("button", { name: /Actions for/ }).click();
  await dev.getByRole("menuitem", { name: "Adjust credits…" }).click();
  const dialog = dev.getByRole("dialog");
  await dialog.getByRole("radio", { name: "Remove credits" }).click();
  await dialog.getByRole("spinbutton", { name: "Credits" }).fill("100");
  await dialog.getByLabel("Reason").fill("Duplicate grant in May");
  await expect(dialog.getByText(`New balance: ${(balance + 5000 - 100).toLocaleString("en-US")} credits`)).toBeVisible();
  await dialog.getByRole("button", { name: "Remove credits" }).click();
  await expect(dev.getByText(`Removed 100 credits. New balance: ${(balance + 4900).toLocaleString("en-US")}.`)).toBeVisible();
  await devContext.close();

  // The owner sees the new plan and both changes in the ledger, with the reason.
  await open(page, "/billing/plans");
  await expect(page.getByLabel("Growth plan")).toContainText("Current");
  await open(page, "/billing/transactions");
  await expect(page.getByRole("row", { name: /Duplicate grant in May/ })).toContainText("-100");
  await expect(page.getByRole("row", { name: /Credits included with the Growth plan/ })).toContainText("+5,000");
});
