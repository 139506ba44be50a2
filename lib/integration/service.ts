// Site integrations (WordPress, Shopify, custom webhooks: webhooks.ts): CRUD with encrypted
// credentials (masked on the way out), connection tests, and the adapter for each. Only owners and admins manage them;
// everyone who sees the site can read them (editors pick them as publishing destinations).
import { env } from "@/lib/config/env";
import { assertCan } from "@/lib/auth/permissions";
import { decryptSecret, encryptSecret, maskSecret } from "@/lib/crypto/secret-box";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma, SiteIntegration } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import { createShopifyAdapter, createWordPressAdapter, type ConnectionCheck, type PublishingAdapter, type WordPressAdapter } from "@/lib/publishing/adapters";
import type { CreateIntegrationInput, ListIntegrationsQuery, UpdateIntegrationInput } from "./schemas";
import { newSigningSecret, webhookAdapterFor } from "./webhooks";

type Config = { baseUrl?: string; username?: string; shopDomain?: string; blogId?: string; endpoint?: string; mode?: "bridge"; wpVersion?: string; pluginVersion?: string };
type Secrets = { appPassword?: string; accessToken?: string; apiKey?: string; signingSecret?: string };

const PLATFORM_TYPES = { wordpress: "cms", shopify: "ecommerce", custom: "custom_api" } as const;

export type IntegrationDto = Omit<SiteIntegration, "accountId" | "credentials" | "config"> & {
  config: Config;
  credentialsMasked: Record<string, string | null>;
  hasCredentials: boolean;
};

export function readSecrets(integration: Pick<SiteIntegration, "credentials">): Secrets {
  if (!integration.credentials) return {};
  try {
    return JSON.parse(decryptSecret(integration.credentials)) as Secrets;
  } catch {
    return {};
  }
}

export function toIntegrationDto(integration: SiteIntegration): IntegrationDto {
  const { accountId: _a, credentials: _c, config, ...rest } = integration;
  const secrets = readSecrets(integration);
  return {
    ...rest,
    config: (config ?? {}) as Config,
    credentialsMasked: Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, maskSecret(v)])),
    hasCredentials: Object.values(secrets).some(Boolean),
  };
}

export function integrationLabel(integration: Pick<SiteIntegration, "platform" | "name" | "config">): string {
  if (integration.name) return integration.name;
  const config = (integration.config ?? {}) as Config;
  const where = config.baseUrl ?? config.shopDomain ?? config.endpoint ?? "";
  const host = where.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  const platform = { wordpress: "WordPress", shopify: "Shopify", custom: "Custom" }[integration.platform];
  return host ? `${platform} · ${host}` : platform;
}

export async function listIntegrations(db: ScopedDb, query: ListIntegrationsQuery): Promise<Paginated<IntegrationDto>> {
  const where: Prisma.SiteIntegrationWhereInput = {
    ...(query.siteId ? { siteId: query.siteId } : {}),
    ...(query.platform ? { platform: query.platform } : {}),
    ...(query.search ? { name: { contains: query.search, mode: "insensitive" } } : {}),
  };
  const { field, direction } = parseOrdering(query.ordering, ["createdAt", "name", "platform", "lastSyncAt"] as const, "createdAt");
  const [count, rows] = await Promise.all([
    db.siteIntegration.count({ where }),
    db.siteIntegration.findMany({ where, orderBy: [{ [field]: direction }, { id: "asc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  return { count, results: rows.map(toIntegrationDto) };
}

export async function findIntegration(db: ScopedDb, id: number): Promise<SiteIntegration> {
  const row = await db.siteIntegration.findFirst({ where: { id } });
  if (!row) throw new NotFoundError("Integration");
  return row;
}

export async function getIntegration(db: ScopedDb, id: number): Promise<IntegrationDto> {
  return toIntegrationDto(await findIntegration(db, id));
}

function normaliseAppPassword(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

function splitInput(input: CreateIntegrationInput): { config: Config; secrets: Secrets } {
  switch (input.platform) {
    case "wordpress":
      return { config: { baseUrl: input.baseUrl.replace(/\/+$/, ""), username: input.username }, secrets: { appPassword: normaliseAppPassword(input.appPassword) } };
    case "shopify":
      return { config: { shopDomain: input.shopDomain.replace(/\/+$/, ""), ...(input.blogId ? { blogId: input.blogId } : {}) }, secrets: { accessToken: input.accessToken } };
    case "custom":
      return { config: { endpoint: input.endpoint }, secrets: { ...(input.apiKey ? { apiKey: input.apiKey } : {}), signingSecret: newSigningSecret() } };
  }
}

async function assertSiteVisible(db: ScopedDb, siteId: number) {
  if (!(await db.site.count({ where: { id: siteId } }))) throw new NotFoundError("Site");
}

/** A webhook's (custom) answer carries its signing secret: the only time it is shown. */
export async function createIntegration(db: ScopedDb, ctx: TenantContext, input: CreateIntegrationInput): Promise<IntegrationDto & { signingSecret?: string }> {
  assertCan(ctx.role, "manageAccount");
  await assertSiteVisible(db, input.siteId);
  const { config, secrets } = splitInput(input);
  const row = await db.siteIntegration.create({
    data: {
      accountId: ctx.accountId,
      siteId: input.siteId,
      platform: input.platform,
      platformType: PLATFORM_TYPES[input.platform],
      name: input.name ?? "",
      config: config as Prisma.InputJsonValue,
      credentials: encryptSecret(JSON.stringify(secrets)),
      isActive: input.isActive ?? true,
      syncEnabled: input.syncEnabled ?? input.platform === "wordpress",
    },
  });
  return { ...toIntegrationDto(row), ...(secrets.signingSecret ? { signingSecret: secrets.signingSecret } : {}) };
}

export async function updateIntegration(db: ScopedDb, ctx: TenantContext, id: number, input: UpdateIntegrationInput): Promise<IntegrationDto> {
  assertCan(ctx.role, "manageAccount");
  const current = await findIntegration(db, id);
  const config: Config = { ...((current.config ?? {}) as Config) };
  const secrets = readSecrets(current);
  const wrong = (field: string) => {
    throw new ValidationError(`${field} does not apply to a ${current.platform} integration.`, { [field]: [`Not a ${current.platform} setting.`] });
  };
  const allowed: Record<string, SiteIntegration["platform"]> = { baseUrl: "wordpress", username: "wordpress", appPassword: "wordpress", shopDomain: "shopify", accessToken: "shopify", blogId: "shopify", endpoint: "custom", apiKey: "custom" };
  for (const [field, platform] of Object.entries(allowed)) if (input[field as keyof UpdateIntegrationInput] !== undefined && platform !== current.platform) wrong(field);
  if (input.baseUrl !== undefined) config.baseUrl = input.baseUrl.replace(/\/+$/, "");
  if (input.username !== undefined) config.username = input.username;
  if (input.appPassword) secrets.appPassword = normaliseAppPassword(input.appPassword);
  if (input.shopDomain !== undefined) config.shopDomain = input.shopDomain;
  if (input.accessToken) secrets.accessToken = input.accessToken;
  if (input.blogId !== undefined) config.blogId = input.blogId || undefined;
  if (input.endpoint !== undefined) config.endpoint = input.endpoint;
  if (input.apiKey) secrets.apiKey = input.apiKey;
  const row = await db.siteIntegration.update({
    where: { id },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
      ...(input.syncEnabled !== undefined ? { syncEnabled: input.syncEnabled } : {}),
      config: config as Prisma.InputJsonValue,
      credentials: encryptSecret(JSON.stringify(secrets)),
      // New credentials invalidate the last test.
      ...(input.appPassword || input.accessToken || input.baseUrl || input.username || input.shopDomain ? { lastTestOk: null, lastTest: undefined } : {}),
    },
  });
  return toIntegrationDto(row);
}

export async function deleteIntegration(db: ScopedDb, ctx: TenantContext, id: number): Promise<void> {
  assertCan(ctx.role, "manageAccount");
  await findIntegration(db, id);
  await db.siteIntegration.delete({ where: { id } });
}

/** The adapter that talks to this integration's platform. */
export function adapterFor(integration: SiteIntegration, options: { publicBaseUrl?: string | null } = {}): PublishingAdapter {
  const config = (integration.config ?? {}) as Config;
  const secrets = readSecrets(integration);
  if (integration.platform === "wordpress") {
    if (!config.baseUrl || !config.username || !secrets.appPassword) throw new ValidationError("This WordPress integration has no address, username or application password.");
    return createWordPressAdapter({ baseUrl: config.baseUrl, username: config.username, appPassword: secrets.appPassword, timeoutMs: integrationTimeoutMs() });
  }
  if (integration.platform === "shopify") {
    if (!config.shopDomain || !secrets.accessToken) throw new ValidationError("This Shopify integration has no shop domain or access token.");
    return createShopifyAdapter({ shopDomain: config.shopDomain, accessToken: secrets.accessToken, blogId: config.blogId, publicBaseUrl: options.publicBaseUrl, timeoutMs: integrationTimeoutMs() });
  }
  throw new ValidationError("Custom integrations publish through their webhook.");
}

export function wordpressAdapterFor(integration: SiteIntegration): WordPressAdapter {
  if (integration.platform !== "wordpress") throw new ValidationError("Only WordPress integrations can be synced.");
  return adapterFor(integration) as WordPressAdapter;
}

function integrationTimeoutMs(): number | undefined {
  return env.INTEGRATION_TIMEOUT_MS;
}

/** Reports reachability, authentication and rights (posts, media); stored as the last test. */
export async function testIntegration(db: ScopedDb, ctx: TenantContext, id: number): Promise<ConnectionCheck & { integration: IntegrationDto }> {
  assertCan(ctx.role, "manageAccount");
  const integration = await findIntegration(db, id);
  let result: ConnectionCheck;
  try {
    // A webhook's test sends a `test` event (logged with its deliveries).
    result = await (integration.platform === "custom" ? webhookAdapterFor(db, integration) : Promise.resolve(adapterFor(integration))).then((adapter) => adapter.testConnection());
  } catch (error) {
    result = { ok: false, checks: [{ name: "reachable", ok: false, detail: (error as Error).message }] };
  }
  const row = await db.siteIntegration.update({ where: { id }, data: { lastTestAt: new Date(), lastTestOk: result.ok, lastTest: result.checks as unknown as Prisma.InputJsonValue } });
  return { ...result, integration: toIntegrationDto(row) };
}

/**
 * The foundation stored one WordPress connection on the Site (wpUrl/wpUsername/wpAppPassword).
 * Integrations are the source of truth now: this turns those fields into an integration (once).
 */
export async function importSiteWordPress(db: ScopedDb, ctx: TenantContext, siteId: number): Promise<IntegrationDto> {
  assertCan(ctx.role, "manageAccount");
  const site = await db.site.findFirst({ where: { id: siteId }, select: { id: true, wpUrl: true, wpUsername: true, wpAppPassword: true } });
  if (!site) throw new NotFoundError("Site");
  if (!site.wpUrl || !site.wpUsername || !site.wpAppPassword) throw new ValidationError("This site has no WordPress address, username and application password to import.");
  const existing = await db.siteIntegration.findMany({ where: { siteId, platform: "wordpress" } });
  const same = existing.find((i) => ((i.config ?? {}) as Config).baseUrl === site.wpUrl!.replace(/\/+$/, ""));
  if (same) return toIntegrationDto(same);
  return createIntegration(db, ctx, { platform: "wordpress", siteId, baseUrl: site.wpUrl, username: site.wpUsername, appPassword: decryptSecret(site.wpAppPassword) });
}
