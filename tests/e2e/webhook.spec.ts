// A custom webhook end to end: add it in the UI (the signing secret is shown once), send a test
// event from the integration's page (toast + new row), publish an article to it through a receiver
// that fails once (two attempts in the log), all verified by a real receiver checking signatures.
import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startWebhookReceiver, type WebhookReceiver } from "../fixtures/webhook-receiver";
import { api, createSiteWithSector, signUpOwner } from "./support/account";
import { open } from "./support/navigation";

const stamp = Date.now().toString(36);
const owner = { name: "Wes Webhook", account: `Webhook ${stamp}`, email: `webhook-${stamp}@example.test`, password: "a strong password 1" };
const shots = process.env.E2E_SCREENSHOTS_DIR;

let receiver: WebhookReceiver;
test.beforeAll(async () => void (receiver = await startWebhookReceiver()));
test.afterAll(async () => receiver.close());

test("add a webhook, send a test event, publish with a retry, read the delivery log", async ({ page, request }) => {
  test.setTimeout(120_000);
  const token = await signUpOwner(page, owner, { request });
  const { site, sectors } = await createSiteWithSector(request, token, { name: "Garden Journal" });
  const article = await api(request, token, "POST", "/api/v1/writer/content/", { site_id: site.id, sector_id: sectors[0].id, title: `Raised bed soil ${stamp}`, html: "<h2>Why soil matters</h2><p>Good soil drains well.</p>" });
  await api(request, token, "POST", "/api/v1/writer/content/bulk_update/", { ids: [article.id], status: "review" });

  // Add the webhook in the UI: the signing secret is shown once.
  await open(page, `/manage/sites/${site.id}/integrations`);
  await page.getByRole("button", { name: "Add integration" }).click();
  await page.getByRole("combobox", { name: "Platform" }).click();
  await page.getByRole("option", { name: "Custom webhook" }).click();
  await page.getByLabel("Endpoint").fill(receiver.url);
  await page.getByLabel("Receiver's API key (optional)").fill("receiver-key-1234");
  await page.getByLabel("Name (optional)").fill("Headless CMS");
  await page.getByRole("dialog").getByRole("button", { name: "Add integration" }).click();
  const secretField = page.getByRole("textbox", { name: "Signing secret" });
  await expect(secretField).toHaveValue(/^whsec_/);
  receiver.secret = await secretField.inputValue();
  await page.getByRole("button", { name: "I have copied it" }).click();
  await expect(page.getByText(`signing secret ••••${receiver.secret.slice(-4)}`)).toBeVisible();

  // The integration's page: empty log, then a test event (toast + row).
  await page.getByRole("link", { name: "Deliveries and test event" }).click();
  await expect(page.getByRole("heading", { name: "Headless CMS · Webhook" })).toBeVisible();
  await expect(page.getByText("No deliveries yet")).toBeVisible();
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByText(/Test event delivered: the endpoint answered 200/)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Test" })).toHaveCount(1);
  expect(receiver.received.at(-1)).toMatchObject({ signatureValid: true, body: { event: "test" } });

  // Publish through a receiver that fails once: two attempts, one delivery id, published.
  receiver.answerNext({ status: 503, body: "warming up" });
  const { results } = await api(request, token, "GET", `/api/v1/integration/integrations/?site_id=${site.id}`);
  await api(request, token, "POST", "/api/v1/publisher/publish/", { content_id: article.id, destinations: [`integration:${results[0].id}`] });
  await expect.poll(async () => (await api(request, token, "GET", `/api/v1/publisher/publishing-records/?content_id=${article.id}`)).results[0]?.status, { timeout: 60_000 }).toBe("published");
  const published = receiver.received.filter((d) => d.body.event === "content.published");
  expect(published.map((d) => [d.answeredStatus, d.signatureValid])).toEqual([[503, true], [200, true]]);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: `Published · #${article.id}` })).toHaveCount(2);
  await expect(page.getByRole("row").filter({ hasText: "503" })).toContainText("answered 503");

  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: `${shots}/webhook-1440.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/webhook-390.png`, fullPage: true });
  }
});
