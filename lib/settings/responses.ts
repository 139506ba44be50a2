// REST response schemas of account settings: prompts, AI integrations, author profiles and
// strategies (the API description and contract tests read them).
import { z } from "zod";
import { AuthorProfileModel, IntegrationTypeSchema, StrategyModel } from "@/lib/generated/model-schemas";

export const promptResponse = z.object({
  promptType: z.string().describe("clustering, ideas, content_generation, image_prompts, image_generation or optimization"),
  functionName: z.string().describe("The AI function the prompt serves: auto_cluster, generate_ideas, generate_content, generate_image_prompts, generate_images or optimize_content"),
  label: z.string(),
  description: z.string(),
  variables: z.record(z.string(), z.string()),
  value: z.string(),
  defaultValue: z.string(),
  isCustom: z.boolean(),
  updatedAt: z.date().nullable(),
});

export const aiIntegrationResponse = z.object({
  integrationType: IntegrationTypeSchema,
  config: z.record(z.string(), z.unknown()),
  hasApiKey: z.boolean(),
  apiKeyMasked: z.string().nullable(),
  environmentFallback: z.boolean().describe("The server's own key is used when the account has none"),
  updatedAt: z.date().nullable(),
});

export const providerTestResponse = z.object({ ok: z.boolean(), message: z.string(), models: z.array(z.string()).optional() });

export const testImageResponse = z.object({ provider: z.enum(["openai", "runware"]), model: z.string(), width: z.number().int(), height: z.number().int(), dataUrl: z.string() });

export const authorProfileResponse = AuthorProfileModel;
export const strategyResponse = StrategyModel;
export const strategyListItemResponse = StrategyModel.extend({ sectorName: z.string().nullable() });
