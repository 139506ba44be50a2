import type { Page } from "@playwright/test";

/** Navigate and wait until React has hydrated, so typing is never lost to a page that is not interactive yet. */
export async function open(page: Page, path: string) {
  await page.goto(path);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}
