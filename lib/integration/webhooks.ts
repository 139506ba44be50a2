// `custom` integrations are signed webhooks (lib/publishing/adapters/webhook): their signing
// secret (generated on create, shown once, rotatable; stored encrypted with the other secrets),
// the adapter wired to the article JSON and the delivery log, the log itself and the test event.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { assertCan } from "@/lib/auth/permissions";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { ValidationError } from "@/lib/errors";
import type { SiteIntegration, WebhookDelivery } from "@/lib/generated/prisma/client";
import type { Paginated } from "@/lib/http/validation";
import { createWebhookAdapter, WebhookError, type WebhookAdapter, type WebhookAttempt } from "@/lib/publishing/adapters";
import { env } from "@/lib/config/env";
import { loadArticleJson } from "./bridge";
import type { ListDeliveriesQuery } from "./schemas";
import { findIntegration, readSecrets, toIntegrationDto, type IntegrationDto } from "./service";

export type DeliveryDto = Omit<WebhookDelivery, "accountId">;

export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** The delivery id of one record's publish in one run: the same on every retry of that run. */
export function deliveryIdFor(runId: string, recordId: number): string {
  const hex = createHash("sha256").update(`${runId}:${recordId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function assertWebhook(integration: SiteIntegration) {
  if (integration.platform !== "custom") throw new ValidationError("Only custom (webhook) integrations receive events.");
}

/** The webhook adapter of a `custom` integration; each attempt is written to the delivery log. */
export async function webhookAdapterFor(db: ScopedDb, integration: SiteIntegration, options: { deliveryId?: string; attempt?: number; contentId?: number } = {}): Promise<WebhookAdapter> {
  assertWebhook(integration);
  const config = (integration.config ?? {}) as { endpoint?: string };
  const secrets = readSecrets(integration);
  if (!config.endpoint) throw new ValidationError("This webhook has no endpoint.");
  if (!secrets.signingSecret) throw new ValidationError("This webhook has no signing secret yet: generate one on the integration's page.");
  const site = await db.site.findFirst({ where: { id: integration.siteId }, select: { id: true, slug: true } });
  return createWebhookAdapter({
    endpoint: config.endpoint,
    signingSecret: secrets.signingSecret,
    apiKey: secrets.apiKey,
    deliveryId: options.deliveryId ?? randomUUID(),
    attempt: options.attempt,
    contentId: options.contentId,
    source: { integrationId: integration.id, siteId: integration.siteId, siteSlug: site?.slug ?? "" },
    loadArticle: (contentId) => loadArticleJson(db, contentId),
    onAttempt: (attempt) => recordDelivery(db, integration, attempt).then(() => undefined),
    timeoutMs: env.INTEGRATION_TIMEOUT_MS,
  });
}

async function recordDelivery(db: ScopedDb, integration: SiteIntegration, attempt: WebhookAttempt): Promise<WebhookDelivery> {
  return db.webhookDelivery.create({ data: { accountId: integration.accountId, siteId: integration.siteId, integrationId: integration.id, ...attempt } });
}

function toDeliveryDto(row: WebhookDelivery): DeliveryDto {
  const { accountId: _a, ...rest } = row;
  return rest;
}

/** The delivery log of an integration, newest first (every attempt is a row). */
export async function listDeliveries(db: ScopedDb, integrationId: number, query: ListDeliveriesQuery): Promise<Paginated<DeliveryDto>> {
  await findIntegration(db, integrationId);
  const where = { integrationId, ...(query.event ? { event: query.event } : {}), ...(query.contentId ? { contentId: query.contentId } : {}) };
  const [count, rows] = await Promise.all([
    db.webhookDelivery.count({ where }),
    db.webhookDelivery.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  return { count, results: rows.map(toDeliveryDto) };
}

/** Sends one `test` event now (no retries: the answer is shown as it is) and logs it. */
export async function sendTestEvent(db: ScopedDb, ctx: TenantContext, integrationId: number): Promise<{ ok: boolean; delivery: DeliveryDto }> {
  assertCan(ctx.role, "manageAccount");
  const integration = await findIntegration(db, integrationId);
  const deliveryId = randomUUID();
  const adapter = await webhookAdapterFor(db, integration, { deliveryId });
  try {
    await adapter.sendTest();
  } catch (error) {
    if (!(error instanceof WebhookError)) throw error;
  }
  const delivery = await db.webhookDelivery.findFirst({ where: { integrationId, deliveryId } });
  return { ok: delivery!.ok, delivery: toDeliveryDto(delivery!) };
}

/** A new signing secret, returned once; the old one stops at once. */
export async function rotateSigningSecret(db: ScopedDb, ctx: TenantContext, integrationId: number): Promise<{ signingSecret: string; integration: IntegrationDto }> {
  assertCan(ctx.role, "manageAccount");
  const integration = await findIntegration(db, integrationId);
  assertWebhook(integration);
  const signingSecret = newSigningSecret();
  const row = await db.siteIntegration.update({ where: { id: integrationId }, data: { credentials: encryptSecret(JSON.stringify({ ...readSecrets(integration), signingSecret })) } });
  return { signingSecret, integration: toIntegrationDto(row) };
}
