// Integration settings (OpenAI, Runware, image generation) per account. Keys are encrypted at
// rest and never leave the server in full: reads return them masked.
import { env } from "@/lib/config/env";
import { assertCan } from "@/lib/auth/permissions";
import type { AppContext } from "@/lib/auth/service";
import { decryptSecret, encryptSecret, maskEncrypted } from "@/lib/crypto/secret-box";
import type { ScopedDb } from "@/lib/db/scoped";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/http/validation";
import { imageSettingsSchema, integrationSchemas, type IntegrationTypeName } from "./schemas";

type StoredConfig = Record<string, unknown> & { apiKey?: string };

export type IntegrationDto = {
  integrationType: IntegrationTypeName;
  config: Record<string, unknown>;
  hasApiKey: boolean;
  apiKeyMasked: string | null;
  /** What the account falls back to when it has no key of its own. */
  environmentFallback: boolean;
  updatedAt: Date | null;
};

const ENV_KEYS: Partial<Record<IntegrationTypeName, "OPENAI_API_KEY" | "RUNWARE_API_KEY">> = { openai: "OPENAI_API_KEY", runware: "RUNWARE_API_KEY" };

async function stored(db: ScopedDb, type: IntegrationTypeName) {
  return db.integrationSettings.findFirst({ where: { integrationType: type } });
}

export async function getIntegration(db: ScopedDb, type: IntegrationTypeName): Promise<IntegrationDto> {
  const row = await stored(db, type);
  const config = (row?.config ?? {}) as StoredConfig;
  const { apiKey, ...rest } = config;
  const defaults = integrationSchemas[type].parse({}) as Record<string, unknown>;
  const envKey = ENV_KEYS[type];
  return {
    integrationType: type,
    config: { ...defaults, ...rest },
    hasApiKey: Boolean(apiKey),
    apiKeyMasked: maskEncrypted(apiKey),
    environmentFallback: Boolean(envKey && env[envKey]) || (type === "openai" && Boolean(env.OPENAI_BASE_URL)),
    updatedAt: row?.updatedAt ?? null,
  };
}

export async function listIntegrations(db: ScopedDb): Promise<IntegrationDto[]> {
  return Promise.all((["openai", "runware", "image_generation"] as const).map((t) => getIntegration(db, t)));
}

/** Only owners and admins change keys; a blank key keeps the stored one. */
export async function saveIntegration(db: ScopedDb, ctx: AppContext, type: IntegrationTypeName, raw: unknown): Promise<IntegrationDto> {
  assertCan(ctx.role, "manageAccount");
  const input = parseInput(integrationSchemas[type], raw) as Record<string, unknown>;
  const previous = ((await stored(db, type))?.config ?? {}) as StoredConfig;
  const { apiKey, clearApiKey, ...rest } = input as { apiKey?: string; clearApiKey?: boolean };
  const config: StoredConfig = { ...rest };
  if (type !== "image_generation") {
    const keepKey = clearApiKey ? undefined : previous.apiKey;
    const key = apiKey ? encryptSecret(apiKey) : keepKey;
    if (key) config.apiKey = key;
  }
  await db.integrationSettings.upsert({
    where: { accountId_integrationType: { accountId: ctx.accountId, integrationType: type } },
    create: { accountId: ctx.accountId, integrationType: type, config: config as Prisma.InputJsonValue },
    update: { config: config as Prisma.InputJsonValue },
  });
  return getIntegration(db, type);
}

type SettingsRow = { integrationType: string; config: unknown; isActive: boolean };

/** The decrypted config for the engine (never sent to a client), from the account's settings rows. */
export function readIntegrationSecrets(rows: SettingsRow[], type: IntegrationTypeName): (StoredConfig & { apiKeyPlain?: string }) | null {
  const row = rows.find((r) => r.integrationType === type);
  if (!row || !row.isActive) return null;
  const config = row.config as StoredConfig;
  return { ...config, apiKeyPlain: config.apiKey ? decryptSecret(config.apiKey) : undefined };
}

export function readImageSettings(rows: SettingsRow[]) {
  const row = rows.find((r) => r.integrationType === "image_generation");
  return imageSettingsSchema.parse({ ...((row?.config ?? {}) as object) });
}
