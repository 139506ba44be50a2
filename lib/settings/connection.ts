// "Test connection" and "Generate a test image" on Settings → Integrations. Test calls are
// metered (usage log, operation "test") but cost no credits.
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/db/tenant-context";
import type { ScopedDb } from "@/lib/db/scoped";
import { recordUsage } from "@/lib/billing/credits";
import { requireOpenAI, requireRunware, resolveAIConfig, type AIConfig } from "@/lib/ai/config";
import { env } from "@/lib/config/env";
import { renderPrompt } from "@/lib/ai/prompts";
import { getPromptTemplate } from "@/lib/ai/prompt-store";
import { generateImageOpenAI, listModels } from "@/lib/ai/providers/openai";
import { generateImageRunware, testRunware } from "@/lib/ai/providers/runware";
import { imageSize } from "image-size";
import { assertFeatureEnabled } from "@/lib/system/settings";

/** Values typed in the form and not saved yet: the test uses them over the saved ones. */
export type ConnectionDraft = { apiKey?: string; baseUrl?: string; model?: string };

function withDraft(config: AIConfig, type: "openai" | "runware", draft: ConnectionDraft | undefined): AIConfig {
  if (!draft || !(draft.apiKey || draft.baseUrl || draft.model)) return config;
  if (type === "runware") {
    const saved = config.runware;
    const apiKey = draft.apiKey || saved?.apiKey;
    return { ...config, runware: apiKey ? { apiKey, baseURL: draft.baseUrl || saved?.baseURL, model: draft.model || saved?.model || "runware:100@1" } : null };
  }
  const saved = config.openai;
  const baseURL = draft.baseUrl || saved?.baseURL;
  // A typed server address without a key: a local server often needs none (as when saved).
  const apiKey = draft.apiKey || saved?.apiKey || (baseURL ? "not-needed" : undefined);
  if (!apiKey) return { ...config, openai: null };
  return { ...config, openai: { apiKey, baseURL, model: draft.model || saved?.model || env.OPENAI_MODEL, imageModel: saved?.imageModel || env.OPENAI_IMAGE_MODEL, source: "account" } };
}

export async function testConnection(db: ScopedDb, ctx: TenantContext, type: "openai" | "runware", draft?: ConnectionDraft) {
  assertCan(ctx.role, "manageAccount");
  const fromForm = Boolean(draft && (draft.apiKey || draft.baseUrl || draft.model));
  const config = withDraft(await resolveAIConfig(db), type, draft);
  const which = fromForm ? "Tested the values in the form (not saved yet)." : "Tested the saved settings.";
  const started = Date.now();
  if (type === "runware") {
    await testRunware(requireRunware(config));
    return { ok: true, fromForm, message: `${which} Runware accepted the key (${Date.now() - started} ms).` };
  }
  const openai = requireOpenAI(config);
  const models = await listModels(openai);
  const where = openai.baseURL ? openai.baseURL : "OpenAI";
  const known = models.includes(openai.model);
  return {
    ok: true,
    fromForm,
    message: `${which} Connected to ${where} in ${Date.now() - started} ms. ${known ? `Model ${openai.model} is available.` : `${models.length} models; "${openai.model}" was not listed — check the name.`}`,
    models: models.slice(0, 50),
  };
}

export async function generateTestImage(db: ScopedDb, ctx: TenantContext, prompt = "A tidy desk with a notebook and a cup of coffee, morning light") {
  assertCan(ctx.role, "manageAccount");
  await assertFeatureEnabled("imageGeneration");
  const config = await resolveAIConfig(db);
  const text = renderPrompt(await getPromptTemplate(db, "image_generation"), { prompt, style: config.images.style });
  const size = config.images.inArticleSize;
  const image =
    config.images.provider === "runware" ? await generateImageRunware(requireRunware(config), text, size) : await generateImageOpenAI(requireOpenAI(config), text, size);
  const dims = imageSize(image.bytes);
  await recordUsage(db, { accountId: ctx.accountId, operation: "test", model: image.model, images: 1, credits: 0, details: { kind: "test_image" } });
  return { provider: config.images.provider, model: image.model, width: dims.width, height: dims.height, dataUrl: `data:image/${dims.type === "jpg" ? "jpeg" : dims.type};base64,${image.bytes.toString("base64")}` };
}
