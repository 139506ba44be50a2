import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { open } from "./navigation";

/** Who signs up: the sign-up form's four fields. */
export type Owner = { name: string; account: string; email: string; password: string };

/**
 * Signs a new owner up through the sign-up form; the page is then signed in (on /sites). With
 * `request`, also returns an API bearer token for them (`POST /api/v1/auth/token/`), for arranging
 * data through the REST API with `api()`.
 */
export async function signUpOwner(page: Page, who: Owner, options?: { timeout?: number }): Promise<void>;
export async function signUpOwner(page: Page, who: Owner, options: { request: APIRequestContext; timeout?: number }): Promise<string>;
export async function signUpOwner(page: Page, who: Owner, options: { request?: APIRequestContext; timeout?: number } = {}): Promise<string | void> {
  await open(page, "/sign-up");
  await page.getByLabel("Your name").fill(who.name);
  await page.getByLabel("Team or company name").fill(who.account);
  await page.getByLabel("Work email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/sites/, { timeout: options.timeout });
  if (!options.request) return;
  const res = await options.request.post("/api/v1/auth/token/", { data: { email: who.email, password: who.password } });
  expect(res.ok(), `POST /api/v1/auth/token/: ${res.status()}`).toBe(true);
  return (await res.json()).data.access_token as string;
}

/** A REST call as the token's user; fails the test unless 2xx; answers the envelope's `data`. */
export async function api(request: APIRequestContext, token: string, method: "GET" | "POST" | "PATCH" | "DELETE", path: string, data?: unknown) {
  const headers = { authorization: `Bearer ${token}` };
  const res = await request.fetch(path, { method, headers, ...(data === undefined ? {} : { data }) });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()).data;
}

/** A site with the first sector of the first industry, made through the REST API. */
export async function createSiteWithSector(request: APIRequestContext, token: string, site: { name: string; description?: string }) {
  const created = await api(request, token, "POST", "/api/v1/auth/sites/", site);
  const industries = await api(request, token, "GET", "/api/v1/auth/industries/");
  const industry = (industries.results ?? industries)[0];
  const selected = await api(request, token, "POST", `/api/v1/auth/sites/${created.id}/select_sectors/`, { industry_slug: industry.slug, sector_slugs: [industry.sectors[0].slug] });
  return { site: created, sectors: selected.sectors as { id: number; name: string; slug: string }[] };
}
