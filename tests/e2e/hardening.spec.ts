// Against the production server (server.mjs): the app works under its CSP, hosted pages carry the
// strict set (cache hits included), and a client cannot choose the address rate limits key on.
import { expect, test } from "@playwright/test";
import { signUpOwner } from "./support/account";
import { open } from "./support/navigation";

const stamp = Date.now().toString(36);

test("app pages hydrate under the nonce-based CSP, with no violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/sign-up");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["strict-transport-security"]).toBeUndefined(); // plain HTTP
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });

  await page.getByLabel("Your name").fill("Hana Header");
  await page.getByLabel("Team or company name").fill(`Headers ${stamp}`);
  await page.getByLabel("Work email").fill(`headers-${stamp}@example.test`);
  await page.getByLabel("Password").fill("a strong password 1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/sites/);
  await open(page, "/planner");
  expect(violations).toEqual([]);
});

test("hosted pages: nothing but their own assets, on a cache miss and a hit", async ({ request }) => {
  const register = await request.post("/api/v1/auth/register/", {
    data: { email: `hosted-${stamp}@example.test`, password: "a strong password 1", name: "Hosted", account_name: `Hosted ${stamp}` },
  });
  expect(register.status()).toBe(201);
  const token = (await (await request.post("/api/v1/auth/token/", { data: { email: `hosted-${stamp}@example.test`, password: "a strong password 1" } })).json()).data.access_token;
  const site = await request.post("/api/v1/auth/sites/", { headers: { authorization: `Bearer ${token}` }, data: { name: `Hosted ${stamp}` } });
  expect(site.status()).toBe(201);
  const slug = (await site.json()).data.slug;
  for (const attempt of ["miss", "hit"]) {
    const page = await request.get(`/sites/${slug}`);
    expect(page.status(), attempt).toBe(200);
    expect(page.headers()["content-security-policy"], attempt).toMatch(/^default-src 'none'/);
    expect(page.headers()["x-content-type-options"], attempt).toBe("nosniff");
  }
});

test("X-Forwarded-For and the socket header from a client do not change the rate-limit bucket", async ({ request }) => {
  const remaining = async (headers: Record<string, string> = {}) => {
    const response = await request.get("/api/v1/auth/sites/?slug=no-such-site", { headers });
    return Number(response.headers()["ratelimit-remaining"]);
  };
  const before = await remaining();
  const spoofed = await remaining({ "x-forwarded-for": "198.51.100.77", "x-socket-address": "198.51.100.78", "x-real-ip": "198.51.100.79" });
  expect(spoofed).toBe(before - 1);
});

test("a cookie-authenticated change from another origin is refused", async ({ page }) => {
  await signUpOwner(page, { name: "Carla Csrf", account: `Csrf ${stamp}`, email: `csrf-${stamp}@example.test`, password: "a strong password 1" });
  const post = (origin: string) =>
    page.request.post("/api/v1/auth/sites/", { headers: { origin, "content-type": "text/plain" }, data: JSON.stringify({ name: `From ${origin}` }) });
  expect((await post("http://evil.example")).status()).toBe(403);
  expect((await post(new URL(page.url()).origin)).status()).toBe(201);
});

test("the sign-in redirect goes to the address the browser used, not the server's bind address", async ({ request, baseURL }) => {
  // The server listens on 127.0.0.1; a browser that reached it as localhost must stay on localhost.
  const port = new URL(baseURL!).port;
  const response = await request.get("/planner", { headers: { host: `localhost:${port}` }, maxRedirects: 0 });
  expect(response.status()).toBe(307);
  // Next.js sends a same-host redirect as a relative Location; a wrong host would stay absolute.
  expect(new URL(response.headers()["location"], `http://localhost:${port}`).href).toBe(`http://localhost:${port}/sign-in?callbackUrl=%2Fplanner`);
});
