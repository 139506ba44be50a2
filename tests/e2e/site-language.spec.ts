// Sites → Settings → SEO: the Language field checks a tag in the browser as the server does (a message
// under the field, no round trip), names the language, shows the stored canonical tag after saving, and
// the hosted site's pages then carry the language, dates included. At 390 px nothing scrolls sideways.
import { expect, test, type Page } from "@playwright/test";
import { open } from "./support/navigation";

const stamp = Date.now().toString(36);
const owner = { email: `language-${stamp}@example.test`, password: "a strong password 1" };

async function api(page: Page, method: "GET" | "POST", path: string, data?: unknown, token?: string) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const res = method === "GET" ? await page.request.get(path, { headers }) : await page.request.post(path, { headers, data });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()).data;
}

test("the Language field: checked as typed, named, saved canonical, and shown on the hosted site", async ({ page }) => {
  await api(page, "POST", "/api/v1/auth/register/", { email: owner.email, password: owner.password, name: "Lea Language", account_name: `Language ${stamp}` });
  const token = (await api(page, "POST", "/api/v1/auth/token/", { email: owner.email, password: owner.password })).access_token as string;
  const site = await api(page, "POST", "/api/v1/auth/sites/", { name: "Garten Journal", description: "Hochbeete." }, token);

  await open(page, "/sign-in");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);

  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, `/manage/sites/${site.id}/settings?tab=seo`);
  const language = page.getByLabel("Language");
  await expect(language).toHaveValue("en");
  await expect(page.getByTestId("language-name")).toHaveText("English");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // A malformed tag: the message under the field, and no request to the server (so no toast either).
  let posted = 0;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/manage/sites/")) posted++;
  });
  await language.fill("not a language!");
  await page.getByRole("button", { name: "Save SEO settings" }).click();
  await expect(page.getByText("Enter a language tag such as en, de-AT or pt-BR (BCP 47).")).toBeVisible();
  await expect(page.getByTestId("language-name")).toHaveCount(0);
  expect(posted).toBe(0);

  // Typed in any case: named at once, stored and shown canonical.
  await language.fill("de-at");
  await expect(page.getByTestId("language-name")).toHaveText("Austrian German");
  await page.getByRole("button", { name: "Save SEO settings" }).click();
  await expect(page.getByText("Site saved.")).toBeVisible();
  // On a phone the toast shows at the top, clear of the form's button.
  const toastBox = await page.locator("[data-sonner-toast]").first().boundingBox();
  const buttonBox = await page.getByRole("button", { name: "Save SEO settings" }).boundingBox();
  expect(toastBox!.y + toastBox!.height <= buttonBox!.y || buttonBox!.y + buttonBox!.height <= toastBox!.y, "the toast does not cover the save button").toBe(true);
  expect(toastBox!.y).toBeLessThan(844 / 2);
  await expect(language).toHaveValue("de-AT");
  await open(page, `/manage/sites/${site.id}/settings?tab=seo`);
  await expect(page.getByLabel("Language")).toHaveValue("de-AT");

  const home = await page.request.get(`/sites/${site.slug}`);
  expect(await home.text()).toContain('<html lang="de-AT">');
});
