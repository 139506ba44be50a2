// Webhook publishing at volume: 3 accounts publish 100 articles each at the same time to their
// custom integrations, driven by two job processes sharing the database, against one slow receiver
// that answers some first attempts 500 or 429 and sits on others past the timeout (it processed the
// delivery, the answer is lost). Every article must reach the receiver once: one delivery id per
// record across its attempts (the receiver deduplicates on it, as the README tells receivers to),
// no record lost or left publishing, nothing charged. Then the delivery log's retention prunes it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as integrations from "@/app/api/v1/integration/integrations/route";
import * as publish from "@/app/api/v1/publisher/publish/route";
import { rootDb } from "@/lib/db/client";
import { pruneWebhookDeliveries } from "@/lib/integration/delivery-retention";
import { deliveryIdFor } from "@/lib/integration/webhooks";
import { LocalJobProvider } from "@/lib/jobs/local/provider";
import { onContentPublished } from "@/lib/publishing/hooks";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createAccount, createSector, createSite } from "@/tests/fixtures/factories";
import { createArticle, fastRuntime } from "@/tests/fixtures/publishing";
import { verifySignature } from "@/tests/fixtures/webhook-receiver";

const ACCOUNTS = 3;
const ARTICLES_PER_ACCOUNT = 100;
const TIMEOUT_MS = 1_000; // well above a loaded machine's answer time, so only the scripted attempts time out

/** What the receiver does with each attempt of an article's delivery (attempts past the list: 200). */
type Answer = 200 | 500 | 429 | "timeout";
const PLANS: Answer[][] = [[], [500], [429], ["timeout"], [500, "timeout"], ["timeout", 429], [], [], [500, 500], []];
const planFor = (index: number) => PLANS[index % PLANS.length];

type Request = { deliveryId: string; contentId: number; attempt: number; answer: Answer; signatureValid: boolean };

/** A slow receiver: 20-60 ms per answer; "timeout" processes the delivery, then answers after the app gave up. */
async function startSlowReceiver(secrets: Map<number, string>, plans: Map<number, Answer[]>) {
  const requests: Request[] = [];
  const processed = new Map<string, number>(); // delivery id → content id (deduplication, as receivers should)
  const posts = new Map<number, number>(); // content id → times stored
  let duplicatesDropped = 0;
  const store = (deliveryId: string, contentId: number) => {
    if (processed.has(deliveryId)) return void duplicatesDropped++;
    processed.set(deliveryId, contentId);
    posts.set(contentId, (posts.get(contentId) ?? 0) + 1);
  };
  const server = http.createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw) as { id: string; integration_id: number; data: { content_id: number } };
    const attempt = Number(req.headers["x-content-studio-attempt"]);
    const answer = plans.get(body.data.content_id)?.[attempt - 1] ?? 200;
    const signatureValid = verifySignature(secrets.get(body.integration_id) ?? "", req.headers, raw);
    requests.push({ deliveryId: String(req.headers["x-content-studio-delivery"]), contentId: body.data.content_id, attempt, answer, signatureValid });
    if (answer === 200 || answer === "timeout") store(body.id, body.data.content_id);
    await new Promise((r) => setTimeout(r, answer === "timeout" ? TIMEOUT_MS + 1_000 : 20 + Math.random() * 40));
    if (res.destroyed) return;
    res.writeHead(answer === "timeout" ? 200 : answer, { "content-type": "application/json" });
    res.end(answer === 200 || answer === "timeout" ? JSON.stringify({ id: `post-${body.data.content_id}`, url: `https://receiver.example/${body.data.content_id}` }) : '{"error":"busy"}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    requests,
    processed,
    posts,
    duplicatesDropped: () => duplicatesDropped,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

describe("webhook publishing at volume", () => {
  const secrets = new Map<number, string>();
  const plans = new Map<number, Answer[]>();
  let receiver: Awaited<ReturnType<typeof startSlowReceiver>>;
  const previousTimeout = process.env.INTEGRATION_TIMEOUT_MS;
  beforeAll(async () => {
    process.env.INTEGRATION_TIMEOUT_MS = String(TIMEOUT_MS);
    receiver = await startSlowReceiver(secrets, plans);
  });
  afterAll(async () => {
    if (previousTimeout === undefined) delete process.env.INTEGRATION_TIMEOUT_MS;
    else process.env.INTEGRATION_TIMEOUT_MS = previousTimeout;
    await receiver.close();
  });

  it(`${ACCOUNTS} accounts × ${ARTICLES_PER_ACCOUNT} articles at once, 500/429/timeouts on the way: each published exactly once, nothing lost or stuck, nothing charged; retention prunes the log`, { timeout: 120_000 }, async () => {
    const rt = fastRuntime();
    const second = new LocalJobProvider({ leaseMs: 3_000, pollMs: 50, schedules: false }); // another app process on the same database
    second.start();
    const published = new Map<number, number>();
    const off = onContentPublished((event) => void published.set(event.contentId, (published.get(event.contentId) ?? 0) + 1));
    try {
      const tenants = await Promise.all(
        Array.from({ length: ACCOUNTS }, async () => {
          const { owner, account } = await createAccount();
          const site = await createSite(account.id);
          const sector = await createSector(site);
          const token = await tokenFor(owner.id);
          const created = await callApi(integrations.POST, { method: "POST", token, body: { platform: "custom", site_id: site.id, endpoint: receiver.url, name: "Volume CMS" } });
          expect(created.status).toBe(201);
          secrets.set(created.body.data.id, created.body.data.signing_secret);
          const articles = [];
          for (let i = 0; i < ARTICLES_PER_ACCOUNT; i++) {
            const article = await createArticle(site, sector, { images: false });
            plans.set(article.id, planFor(i));
            articles.push(article);
          }
          return { account, token, integrationId: created.body.data.id as number, articles };
        }),
      );
      const credits = await rootDb().account.findMany({ where: { id: { in: tenants.map((t) => t.account.id) } }, select: { id: true, credits: true }, orderBy: { id: "asc" } });
      const transactions = await rootDb().creditTransaction.count();

      const started = Date.now();
      // All accounts at once, each publishing its articles one request after another (as a bulk action would).
      await Promise.all(
        tenants.map(async (t) => {
          for (const article of t.articles) {
            const res = await callApi(publish.POST, { method: "POST", token: t.token, body: { content_id: article.id, destinations: [`integration:${t.integrationId}`] } });
            expect(res.status).toBe(202);
          }
        }),
      );
      await rt.provider.idle(90_000);
      await second.idle(10_000);
      const elapsed = Date.now() - started;

      const total = ACCOUNTS * ARTICLES_PER_ACCOUNT;
      const allArticles = tenants.flatMap((t) => t.articles);
      const records = await rootDb().publishingRecord.findMany({ where: { contentId: { in: allArticles.map((a) => a.id) } }, orderBy: { id: "asc" } });
      // No record lost or left publishing; attempts as the receiver scripted them.
      expect(records).toHaveLength(total);
      expect(records.filter((r) => r.status !== "published").map((r) => [r.contentId, r.status, r.error])).toEqual([]);
      for (const record of records) {
        expect(record.attempts, `record ${record.id}`).toBe(plans.get(record.contentId)!.length + 1);
        expect(record).toMatchObject({ error: null, remoteId: `post-${record.contentId}` });
      }
      expect(await rootDb().content.count({ where: { id: { in: allArticles.map((a) => a.id) }, status: "published" } })).toBe(total);
      expect(await rootDb().run.count({ where: { accountId: { in: tenants.map((t) => t.account.id) }, status: { not: "succeeded" } } })).toBe(0);

      // One delivery id per record across its attempts; the receiver stored each article once.
      expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);
      const idsByContent = new Map<number, Set<string>>();
      for (const r of receiver.requests) idsByContent.set(r.contentId, (idsByContent.get(r.contentId) ?? new Set()).add(r.deliveryId));
      expect(idsByContent.size).toBe(total);
      expect([...idsByContent.values()].filter((ids) => ids.size !== 1)).toEqual([]);
      for (const record of records) expect([...idsByContent.get(record.contentId)!][0]).toBe(deliveryIdFor(record.runId!, record.id));
      // Each delivery was answered 2xx in time exactly once (no attempt after a success)…
      const inTime = new Map<string, number>();
      for (const r of receiver.requests) if (r.answer === 200) inTime.set(r.deliveryId, (inTime.get(r.deliveryId) ?? 0) + 1);
      expect(inTime.size).toBe(total);
      expect([...inTime.values()].every((n) => n === 1)).toBe(true);
      // …and stored once: a timed-out attempt the receiver had processed came back with the same id and was dropped.
      expect(receiver.posts.size).toBe(total);
      expect([...receiver.posts.values()].every((n) => n === 1)).toBe(true);
      const timedOut = allArticles.filter((a) => plans.get(a.id)!.includes("timeout")).length;
      expect(receiver.duplicatesDropped()).toBe(timedOut);
      expect(receiver.requests).toHaveLength(records.reduce((n, r) => n + r.attempts, 0));
      expect([...published.values()].filter((n) => n !== 1)).toEqual([]);
      expect(published.size).toBe(total);

      // The delivery log: one row per attempt, the same id, only the last one ok.
      const rows = await rootDb().webhookDelivery.findMany({ where: { integrationId: { in: tenants.map((t) => t.integrationId) } }, orderBy: { id: "asc" } });
      expect(rows).toHaveLength(receiver.requests.length);
      const rowsByContent = new Map<number, typeof rows>();
      for (const row of rows) rowsByContent.set(row.contentId!, [...(rowsByContent.get(row.contentId!) ?? []), row]);
      for (const record of records) {
        const mine = rowsByContent.get(record.contentId)!;
        expect(mine.map((r) => r.attempt)).toEqual(Array.from({ length: record.attempts }, (_, i) => i + 1));
        expect(new Set(mine.map((r) => r.deliveryId))).toEqual(new Set([deliveryIdFor(record.runId!, record.id)]));
        expect(mine.map((r) => r.ok)).toEqual(mine.map((_, i) => i === mine.length - 1));
      }

      // Publishing charges nothing: balances and the ledger unchanged.
      expect(await rootDb().account.findMany({ where: { id: { in: tenants.map((t) => t.account.id) } }, select: { id: true, credits: true }, orderBy: { id: "asc" } })).toEqual(credits);
      expect(await rootDb().creditTransaction.count()).toBe(transactions);
      console.info(`webhook volume: ${total} articles, ${receiver.requests.length} attempts, ${timedOut} timeouts deduplicated, ${elapsed} ms`);

      // Retention: at most N per integration (the newest), then nothing older than the days.
      const perIntegration = (id: number) => rootDb().webhookDelivery.findMany({ where: { integrationId: id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
      const before = await Promise.all(tenants.map((t) => perIntegration(t.integrationId)));
      const pruned = await pruneWebhookDeliveries(new Date(), { days: 30, maxPerIntegration: 50 });
      expect(pruned).toBe(rows.length - 50 * ACCOUNTS);
      const after = await Promise.all(tenants.map((t) => perIntegration(t.integrationId)));
      after.forEach((kept, i) => expect(kept).toEqual(before[i].slice(0, 50)));
      expect(await pruneWebhookDeliveries(new Date(), { days: 30, maxPerIntegration: 50 })).toBe(0);
      expect(await pruneWebhookDeliveries(new Date(Date.now() + 29 * 86_400_000), { days: 30, maxPerIntegration: 50 })).toBe(0);
      expect(await pruneWebhookDeliveries(new Date(Date.now() + 31 * 86_400_000), { days: 30, maxPerIntegration: 50 })).toBe(50 * ACCOUNTS);
      expect(await rootDb().publishingRecord.count({ where: { id: { in: records.map((r) => r.id) }, status: "published" } })).toBe(total); // the log only
    } finally {
      off();
      await second.stop();
    }
  });
});
