// Password reset as a self-hoster without SMTP (the message lands in <APP_DATA_DIR>/mail/), the
// API reference pages, and the app's public files — all against the standalone production server.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { open } from "./support/navigation";

const stamp = Date.now().toString(36);
const user = { name: "Rita Reset", email: `reset-${stamp}@example.test`, password: "the first password", next: "the second password" };
const mailDir = path.resolve(".data", `e2e-${process.env.E2E_PORT ?? 3100}`, "mail");

function resetLinkFor(email: string): string | null {
  let files: string[] = [];
  try {
    files = readdirSync(mailDir).filter((f) => f.includes(email.replace(/[^a-z0-9@._-]/gi, "_"))).sort();
  } catch {
    return null;
  }
  const raw = files.length ? readFileSync(path.join(mailDir, files[files.length - 1]), "utf8").replace(/=\r?\n/g, "") : "";
  return raw.match(/https?:\/\/\S+?(\/reset-password\/[A-Za-z0-9_-]+)/)?.[1] ?? null;
}

test("forgot password: link from sign-in, mail written to the data folder, new password works, the link only once", async ({ page }) => {
  const registered = await page.request.post("/api/v1/auth/register/", { data: { email: user.email, password: user.password, name: user.name, account_name: `Reset ${stamp}` } });
  expect(registered.status()).toBe(201);

  await open(page, "/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.screenshot({ path: "test-results/forgot-password-1440.png", fullPage: true });
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Send the reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "a link to reset its password is on its way" })).toBeVisible();

  await expect.poll(() => resetLinkFor(user.email), { timeout: 15_000 }).not.toBeNull();
  const link = resetLinkFor(user.email)!;
  await open(page, link);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/reset-password-390.png", fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await page.getByLabel("New password").fill(user.next);
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1/);
  await expect(page.getByText("Your password was changed. Sign in with the new one.").first()).toBeVisible();

  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.next);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);

  await open(page, link);
  await expect(page.getByText("This reset link no longer works")).toBeVisible();
});

test("API reference: the OpenAPI document, Swagger UI and Redoc from our own origin", async ({ page }) => {
  test.setTimeout(240_000); // Redoc lays out ~170 operations in the browser: slow on a busy machine
  const document = await (await page.request.get("/api/v1/openapi.json")).json();
  expect(document.openapi).toBe("3.1.0");
  expect(document.paths["/api/v1/planner/keywords/"].get.summary).toBe("List keywords");

  const foreign: string[] = [];
  const origin = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
  page.on("request", (request) => {
    if (!/^(data|blob):/.test(request.url()) && new URL(request.url()).origin !== origin) foreign.push(request.url());
  });
  await page.goto("/api/docs");
  await expect(page.locator(".swagger-ui .info .title")).toContainText("Content Studio API", { timeout: 30_000 });
  await expect(page.getByText("List all accounts with usage (developers)")).toBeVisible();
  await page.screenshot({ path: "test-results/api-docs-1440.png" });
  await page.goto("/api/redoc");
  await expect(page.getByRole("heading", { name: /Content Studio API/ }).first()).toBeVisible({ timeout: 120_000 });
  await page.screenshot({ path: "test-results/api-redoc-1440.png" });
  expect(foreign.filter((url) => !url.includes("cdn.redoc.ly"))).toEqual([]);
});

test("public files: favicon, robots.txt keeping the app out of search engines, web manifest", async ({ request }) => {
  expect((await request.get("/favicon.ico")).status()).toBe(200);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/^Disallow: \/$/m);
  expect(robots).toMatch(/^Allow: \/sites\/$/m);
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ name: "Content Studio", start_url: "/" });
  expect((await request.get(manifest.icons[0].src)).status()).toBe(200);
});
