import { z } from "zod";
import { idSchema, listQuerySchema } from "@/lib/http/validation";
import { PROMPT_TYPES } from "@/lib/ai/prompts";

export const INTEGRATION_TYPES = ["openai", "runware", "image_generation"] as const;
export type IntegrationTypeName = (typeof INTEGRATION_TYPES)[number];
export const IMAGE_PROVIDERS = ["openai", "runware"] as const;
export const IMAGE_SIZES = ["1024x1024", "1536x1024", "1024x1536", "1792x1024", "1024x1792", "512x512"] as const;

const optionalUrl = z
  .union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter a full http(s):// address." }).max(300)])
  .optional()
  .transform((v) => v || undefined);
/** Blank keeps the stored key; `clearApiKey` removes it. */
const apiKey = z.string().trim().max(300).optional().transform((v) => v || undefined);
const modelName = z.string().trim().min(1, "Choose a model.").max(100).regex(/^[\w.:@/-]+$/, "Letters, digits and . : @ / - only.");

export const openaiSettingsSchema = z
  .object({ apiKey, clearApiKey: z.boolean().optional(), baseUrl: optionalUrl, model: modelName.default("gpt-4o-mini"), imageModel: modelName.default("dall-e-3") })
  .strict();
export const runwareSettingsSchema = z
  .object({ apiKey, clearApiKey: z.boolean().optional(), baseUrl: optionalUrl, model: modelName.default("runware:100@1") })
  .strict();
/** "Test connection" with what is typed in the form (any field may be blank: the saved value is used). */
export const connectionDraftSchema = z
  .object({ apiKey, baseUrl: optionalUrl, model: z.union([z.literal(""), modelName]).optional().transform((v) => v || undefined) })
  .strict();
export const imageSettingsSchema = z
  .object({
    provider: z.enum(IMAGE_PROVIDERS).default("openai"),
    featuredSize: z.enum(IMAGE_SIZES).default("1792x1024"),
    inArticleSize: z.enum(IMAGE_SIZES).default("1024x1024"),
    style: z.string().trim().max(200).default("realistic editorial photography"),
    inArticleImages: z.coerce.number().int().min(0, "At least 0.").max(6, "At most 6.").default(2),
  })
  .strict();

export const integrationSchemas = { openai: openaiSettingsSchema, runware: runwareSettingsSchema, image_generation: imageSettingsSchema } as const;
export type OpenAISettingsInput = z.infer<typeof openaiSettingsSchema>;
export type RunwareSettingsInput = z.infer<typeof runwareSettingsSchema>;
export type ImageSettings = z.infer<typeof imageSettingsSchema>;

export const integrationTypeSchema = z.enum(INTEGRATION_TYPES, { error: "Unknown integration: use openai, runware or image_generation." });

export const savePromptSchema = z.object({
  promptType: z.enum(PROMPT_TYPES, { error: "Unknown prompt type." }),
  value: z.string().trim().min(10, "A prompt needs at least 10 characters.").max(20_000, "Keep prompts under 20,000 characters."),
});
export const resetPromptSchema = z.object({ promptType: z.enum(PROMPT_TYPES, { error: "Unknown prompt type." }) });

export const authorProfileSchema = z
  .object({
    name: z.string().trim().min(1, "Name is required.").max(120),
    description: z.string().trim().max(2000).default(""),
    tone: z.string().trim().min(1, "Tone is required.").max(60).default("professional"),
    language: z.string().trim().min(2, "Use a language code such as en or de.").max(10).regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$/, "Use a language code such as en, de or pt-BR.").default("en"),
    isActive: z.boolean().default(true),
  })
  .strict();
export const updateAuthorProfileSchema = authorProfileSchema.partial().strict();
export type AuthorProfileInput = z.infer<typeof authorProfileSchema>;

const sectionName = z.string().trim().min(1).max(80);
export const strategySchema = z
  .object({
    name: z.string().trim().min(1, "Name is required.").max(120),
    description: z.string().trim().max(2000).default(""),
    sectorId: idSchema.nullable().optional(),
    promptTypes: z.object({ content: z.enum(PROMPT_TYPES).optional(), imagePrompts: z.enum(PROMPT_TYPES).optional() }).strict().default({}),
    sectionLogic: z.object({ sections: z.array(sectionName).max(20, "At most 20 sections.").default([]), faq: z.boolean().default(false) }).strict().default({ sections: [], faq: false }),
    isActive: z.boolean().default(true),
  })
  .strict();
export const updateStrategySchema = strategySchema.partial().strict();
export type StrategyInput = z.infer<typeof strategySchema>;

export const listSettingsQuerySchema = listQuerySchema.extend({ isActive: z.enum(["true", "false"]).transform((v) => v === "true").optional() });
export type ListSettingsQuery = z.infer<typeof listSettingsQuerySchema>;
