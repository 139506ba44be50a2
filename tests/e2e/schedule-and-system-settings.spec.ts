// Changing a scheduled publish and the system settings in the app: an owner (browser in New York)
// reschedules a scheduled publish from the article's editor and cancels it from the site's
// publishing records; a developer turns the maintenance banner on from Admin → System settings,
// everyone sees it, and the change is in the audit list. Non-developers get a 404 there.
import { expect, test } from "@playwright/test";
import { e2eDatabase } from "./support/db";
import { api, createSiteWithSector, signUpOwner } from "./support/account";
import { open } from "./support/navigation";

test.use({ timezoneId: "America/New_York" });

const stamp = Date.now().toString(36);
const owner = { name: "Sam Scheduler", account: `Schedule ${stamp}`, email: `schedule-${stamp}@example.test`, password: "a strong password 1" };
const developer = { name: "Dev Settings", account: `Ops ${stamp}`, email: `dev-settings-${stamp}@example.test`, password: "a strong password 2" };

test("reschedule and cancel a scheduled publish; a developer sets the maintenance banner", async ({ page, request, browser }) => {
  test.setTimeout(180_000);
  const token = await signUpOwner(page, owner, { request });
  const { site, sectors } = await createSiteWithSector(request, token, { name: "Garden Journal" });
  const title = `Autumn planting ${stamp}`;
  const article = await api(request, token, "POST", "/api/v1/writer/content/", { site_id: site.id, sector_id: sectors[0].id, title, html: "<p>Bulbs go in before the frost.</p>" });
  await api(request, token, "POST", "/api/v1/writer/content/bulk_update/", { ids: [article.id], status: "review" });
  await api(request, token, "POST", "/api/v1/publisher/publish/", { content_id: article.id, destinations: ["hosted"], scheduled_at: new Date(Date.now() + 24 * 3_600_000).toISOString() });
  const recordOf = async () => (await api(request, token, "GET", `/api/v1/publisher/publishing-records/?content_id=${article.id}`)).results[0];

  // Reschedule from the editor's publish panel, in the browser's own time zone (New York).
  await open(page, `/writer/content/${article.id}`);
  const destinations = page.getByRole("list", { name: "Destinations of this article" });
  await expect(destinations).toContainText("(America/New_York)");
  await destinations.getByRole("button", { name: /^Reschedule/ }).click();
  const dialog = page.getByRole("dialog", { name: "Reschedule" });
  await expect(dialog).toContainText("In your time zone: America/New_York (UTC-05:00)");
  const day = new Date(Date.now() + 3 * 24 * 3_600_000).toISOString().slice(0, 10);
  await dialog.getByLabel("New date and time").fill(`${day}T09:15`);
  await expect(dialog).toContainText("14:15 UTC"); // 09:15 in New York in winter
  await dialog.getByRole("button", { name: "Reschedule" }).click();
  await expect(page.getByText(/^Rescheduled for .* 09:15 \(America\/New_York\)\.$/)).toBeVisible();
  await expect(dialog).toBeHidden();
  const expected = new Date(`${day}T14:15:00.000Z`).toISOString();
  expect((await recordOf()).scheduled_at).toBe(expected);
  await expect(destinations).toContainText("09:15");

  // A time in the past is refused on the form; nothing changes. The toast sits over the row's buttons at
  // the bottom right: close it first, as a user would (a click while it slides away can land on it).
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Rescheduled for" });
  await toast.getByRole("button", { name: "Close toast" }).click();
  await expect(toast).toHaveCount(0);
  await destinations.getByRole("button", { name: /^Reschedule/ }).click();
  await dialog.getByLabel("New date and time").fill("2020-01-01T10:00");
  await dialog.getByRole("button", { name: "Reschedule" }).click();
  await expect(dialog.getByText("Choose a time in the future.")).toBeVisible();
  await dialog.getByRole("button", { name: "Keep current time" }).click();
  expect((await recordOf()).scheduled_at).toBe(expected);

  // Cancel from the site's publishing records, after confirming.
  await open(page, `/manage/sites/${site.id}/publishing`);
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText("scheduled");
  await row.getByRole("button", { name: /^Cancel/ }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("will not go live");
  await confirm.getByRole("button", { name: "Keep it" }).click();
  expect((await recordOf()).status).toBe("scheduled");
  await row.getByRole("button", { name: /^Cancel/ }).click();
  await confirm.getByRole("button", { name: "Cancel publish" }).click();
  await expect(page.getByText("Scheduled publish cancelled.")).toBeVisible();
  await expect(row).toContainText("cancelled");
  await expect(row.getByRole("button", { name: /^Reschedule/ })).toHaveCount(0);
  expect(await recordOf()).toMatchObject({ status: "cancelled", scheduled_at: null });

  // System settings are for developers only.
  expect((await page.goto("/admin/settings"))?.status()).toBe(404);

  // A developer (promoted in the database: there is no UI to become one) turns the banner on.
  const devContext = await browser.newContext({ timezoneId: "Europe/Berlin" });
  const dev = await devContext.newPage();
  await signUpOwner(dev, developer);
  const db = await e2eDatabase();
  await db.query(`UPDATE users SET role = 'developer', "accountId" = (SELECT id FROM accounts WHERE slug = 'system') WHERE email = $1`, [developer.email]);
  await db.end();
  await open(dev, "/admin");
  await dev.getByRole("link", { name: "System settings" }).first().click();
  await expect(dev.getByRole("heading", { name: "System settings" })).toBeVisible();
  await dev.locator("html[data-hydrated]").waitFor({ state: "attached" });
  const message = `Maintenance tonight 22:00–23:00 UTC (${stamp}).`;
  const form = dev.getByRole("form", { name: "System settings" });
  await form.getByRole("switch", { name: "Show the banner" }).click();
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText("Write the message the banner shows.")).toBeVisible();
  await form.getByLabel("Banner message").fill(message);
  await expect(form.getByLabel("Banner preview")).toHaveText(message);
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(dev.getByText("System settings saved.")).toBeVisible();
  await expect(dev.getByTestId("maintenance-banner")).toHaveText(message);
  const changes = dev.getByRole("list", { name: "Recent changes" });
  await expect(changes).toContainText(developer.email);
  await expect(changes).toContainText(`Maintenance banner message: — → “${message}”`);

  // Everyone sees it; turning it off removes it.
  await open(page, "/");
  await expect(page.getByTestId("maintenance-banner")).toHaveText(message);
  await form.getByRole("switch", { name: "Show the banner" }).click();
  await form.getByRole("button", { name: "Save settings" }).click();
  // The first save's toast may still be on screen: the newest one is this save's.
  await expect(dev.getByText("System settings saved.").last()).toBeVisible();
  await expect(dev.getByTestId("maintenance-banner")).toHaveCount(0);
  await devContext.close();
  await open(page, "/");
  await expect(page.getByTestId("maintenance-banner")).toHaveCount(0);
});
