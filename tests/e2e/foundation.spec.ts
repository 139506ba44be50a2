import { expect, test, type Page } from "@playwright/test";
import { signUpOwner } from "./support/account";
import { open } from "./support/navigation";

const stamp = Date.now().toString(36);
const owner = { name: "Olivia Owner", account: `Acme ${stamp}`, email: `owner-${stamp}@example.test`, password: "a strong password 1" };
const editor = { name: "Eddie Editor", email: `editor-${stamp}@example.test`, password: "another strong password" };

async function createSite(page: Page, name: string) {
  await open(page, "/sites");
  await page.getByRole("button", { name: /create a site|new site/i }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Site name").fill(name);
  await dialog.getByRole("button", { name: "Create site" }).click();
  await expect(page).toHaveURL(/\/manage\/sites\/\d+\/settings\?tab=sectors/);
  return Number(page.url().match(/sites\/(\d+)/)![1]);
}

test("sign up, two sites, sectors with the plan limit, switch site, invite an editor who sees one site", async ({ page, browser }) => {
  await signUpOwner(page, owner);
  await expect(page.getByRole("heading", { name: "Create your first site" })).toBeVisible();

  const firstId = await createSite(page, "Garden Journal");
  // Pick an industry and sectors: the sixth is refused by the plan.
  await page.getByRole("combobox", { name: "Industry" }).click();
  await page.getByRole("option", { name: "Home & Garden" }).click();
  const sectorBoxes = page.getByRole("checkbox");
  await expect(sectorBoxes.nth(5)).toBeVisible();
  for (let i = 0; i < 6; i++) await sectorBoxes.nth(i).click();
  await expect(page.getByText("6 of 5 selected")).toBeVisible();
  await page.getByRole("button", { name: "Save industry and sectors" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /allows 5 active sectors per site/ })).toBeVisible();
  await sectorBoxes.nth(5).click();
  await page.getByRole("button", { name: "Save industry and sectors" }).click();
  await expect(page.getByText("5 sectors active.").first()).toBeVisible();

  const secondId = await createSite(page, "Kitchen Notes");
  expect(secondId).not.toBe(firstId);

  // Switch the working site in the header.
  await open(page, "/sites");
  await page.getByRole("combobox", { name: "Site" }).click();
  await page.getByRole("option", { name: "Kitchen Notes" }).click();
  await expect(page.getByRole("combobox", { name: "Site" })).toContainText("Kitchen Notes");
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Site" })).toContainText("Kitchen Notes");

  // Invite an editor with access to the first site only.
  await open(page, "/settings/team");
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(editor.email);
  await dialog.getByRole("combobox", { name: "Role" }).click();
  await page.getByRole("option", { name: /Editor/ }).click();
  await dialog.getByRole("checkbox", { name: "Garden Journal" }).click();
  await dialog.getByRole("button", { name: "Create invitation" }).click();
  const link = await dialog.getByRole("textbox", { name: "Invitation link" }).inputValue();
  expect(link).toMatch(/\/invite\//);

  const invitee = await browser.newContext();
  const editorPage = await invitee.newPage();
  await open(editorPage, link);
  await editorPage.getByLabel("Your name").fill(editor.name);
  await editorPage.getByLabel("Choose a password").fill(editor.password);
  await editorPage.getByRole("button", { name: "Join the team" }).click();
  await expect(editorPage).toHaveURL(/\/$/);
  await open(editorPage, "/sites");
  await expect(editorPage.getByRole("link", { name: "Garden Journal" })).toBeVisible();
  await expect(editorPage.getByRole("link", { name: "Kitchen Notes" })).toHaveCount(0);
  expect((await editorPage.request.get(`/api/v1/auth/sites/${secondId}/`)).status()).toBe(404);
  // An editor reads the site's settings but cannot change them: every form there is read-only.
  await open(editorPage, `/manage/sites/${firstId}/settings`);
  await expect(editorPage.getByText("Only owners and admins can change site settings.")).toBeVisible();
  await expect(editorPage.getByLabel("Site name")).toBeDisabled();
  await expect(editorPage.getByRole("button", { name: "Save changes" })).toBeDisabled();
  await invitee.close();
});
