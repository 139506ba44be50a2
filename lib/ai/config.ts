// Which provider, key and models an account's AI work uses: the account's own settings first
// (Settings → Integrations), then the environment (OPENAI_API_KEY, OPENAI_BASE_URL, ...).
import { env } from "@/lib/config/env";
import { getSystemSettings } from "@/lib/system/settings";
import type { SystemSettingsValues } from "@/lib/system/settings-cache";
import type { ScopedDb } from "@/lib/db/scoped";
import { ConfigurationError } from "@/lib/errors";
import { readImageSettings, readIntegrationSecrets } from "@/lib/settings/integrations";
import type { ImageSettings } from "@/lib/settings/schemas";

export type OpenAIConfig = { apiKey: string; baseURL?: string; model: string; imageModel: string; source: "account" | "environment" };
export type RunwareConfig = { apiKey: string; baseURL?: string; model: string };
export type AIConfig = { openai: OpenAIConfig | null; runware: RunwareConfig | null; images: ImageSettings };

export const NO_KEY_MESSAGE = "No AI provider is set up: add an OpenAI key (or an OpenAI-compatible server address) in Settings → Integrations.";

export async function resolveAIConfig(db: ScopedDb): Promise<AIConfig> {
  // System settings first: their default models apply below, their credit prices to the charge.
  const [rows, system] = await Promise.all([db.integrationSettings.findMany({ where: { isActive: true } }), getSystemSettings()]);
  const [openai, runware, images] = [readIntegrationSecrets(rows, "openai"), readIntegrationSecrets(rows, "runware"), readImageSettings(rows)];
  return { openai: openaiConfig(openai, system.defaultModels), runware: runwareConfig(runware, system.defaultModels), images };
}

type Defaults = SystemSettingsValues["defaultModels"];

function openaiConfig(account: Awaited<ReturnType<typeof readIntegrationSecrets>>, defaults: Defaults): OpenAIConfig | null {
  const model = (account?.model as string | undefined) || defaults.text || env.OPENAI_MODEL;
  const imageModel = (account?.imageModel as string | undefined) || defaults.image || env.OPENAI_IMAGE_MODEL;
  const accountBase = account?.baseUrl as string | undefined;
  if (account?.apiKeyPlain || accountBase) {
    // A local OpenAI-compatible server often needs no key; the SDK still wants one.
    return { apiKey: account?.apiKeyPlain ?? "not-needed", baseURL: accountBase || env.OPENAI_BASE_URL, model, imageModel, source: "account" };
  }
  const envKey = env.OPENAI_API_KEY;
  const envBase = env.OPENAI_BASE_URL;
  if (envKey || envBase) return { apiKey: envKey || "not-needed", baseURL: envBase || undefined, model, imageModel, source: "environment" };
  return null;
}

function runwareConfig(account: Awaited<ReturnType<typeof readIntegrationSecrets>>, defaults: Defaults): RunwareConfig | null {
  const apiKey = account?.apiKeyPlain || env.RUNWARE_API_KEY;
  if (!apiKey) return null;
  return { apiKey, baseURL: (account?.baseUrl as string | undefined) || env.RUNWARE_BASE_URL, model: (account?.model as string | undefined) || defaults.runware || "runware:100@1" };
}

export function requireOpenAI(config: AIConfig): OpenAIConfig {
  if (!config.openai) throw new ConfigurationError(NO_KEY_MESSAGE);
  return config.openai;
}

export function requireRunware(config: AIConfig): RunwareConfig {
  if (!config.runware) throw new ConfigurationError("Image provider Runware has no key: add a Runware API key in Settings → Integrations, or choose OpenAI for images.");
  return config.runware;
}
