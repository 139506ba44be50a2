"use server";

import { z } from "zod";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { defineAction, withToast } from "@/lib/http/action";
import { idSchema } from "@/lib/http/validation";
import { createAuthorProfile, deleteAuthorProfile, updateAuthorProfile } from "./authors";
import { generateTestImage, testConnection } from "./connection";
import { saveIntegration } from "./integrations";
import { resetPrompt, savePrompt } from "./prompts";
import { authorProfileSchema, connectionDraftSchema, integrationTypeSchema, resetPromptSchema, savePromptSchema, strategySchema, updateAuthorProfileSchema, updateStrategySchema } from "./schemas";
import { createStrategy, deleteStrategy, updateStrategy } from "./strategies";

const LABELS = { openai: "OpenAI", runware: "Runware", image_generation: "Image generation" } as const;

export const saveIntegrationAction = defineAction(
  { schema: z.object({ integrationType: integrationTypeSchema, config: z.record(z.string(), z.unknown()) }), permission: "manageAccount", revalidate: "/settings/integrations" },
  async (ctx, { integrationType, config }) => withToast(await saveIntegration(scoped(ownAccount(ctx)), ctx, integrationType, config), `${LABELS[integrationType]} settings saved.`),
);

export const testConnectionAction = defineAction({ schema: z.object({ integrationType: z.enum(["openai", "runware"]), draft: connectionDraftSchema.optional() }), permission: "manageAccount" }, async (ctx, { integrationType, draft }) => {
  const result = await testConnection(scoped(ownAccount(ctx)), ctx, integrationType, draft);
  return withToast(result, result.message);
});

export const generateTestImageAction = defineAction({ schema: z.object({ prompt: z.string().trim().min(3).max(500).optional() }), permission: "manageAccount" }, async (ctx, { prompt }) =>
  withToast(await generateTestImage(scoped(ownAccount(ctx)), ctx, prompt), "Test image generated."),
);

export const savePromptAction = defineAction({ schema: savePromptSchema, permission: "manageAccount", revalidate: "/settings/prompts" }, async (ctx, { promptType, value }) =>
  withToast(await savePrompt(scoped(ownAccount(ctx)), ctx, promptType, value), "Prompt saved."),
);

export const resetPromptAction = defineAction({ schema: resetPromptSchema, permission: "manageAccount", revalidate: "/settings/prompts" }, async (ctx, { promptType }) =>
  withToast(await resetPrompt(scoped(ownAccount(ctx)), ctx, promptType), "Prompt reset to the default."),
);

export const createAuthorProfileAction = defineAction({ schema: authorProfileSchema, permission: "write", revalidate: "/settings/authors" }, async (ctx, input) =>
  withToast(await createAuthorProfile(scoped(ownAccount(ctx)), ctx, input), `Author profile “${input.name}” created.`),
);

export const updateAuthorProfileAction = defineAction({ schema: updateAuthorProfileSchema.extend({ id: idSchema }), permission: "write", revalidate: "/settings/authors" }, async (ctx, { id, ...input }) =>
  withToast(await updateAuthorProfile(scoped(ownAccount(ctx)), ctx, id, input), "Author profile saved."),
);

export const deleteAuthorProfilesAction = defineAction({ schema: z.object({ ids: z.array(idSchema).min(1).max(100) }), permission: "write", revalidate: "/settings/authors" }, async (ctx, { ids }) => {
  const db = scoped(ownAccount(ctx));
  for (const id of ids) await deleteAuthorProfile(db, ctx, id);
  return withToast(null, `${ids.length} author profile${ids.length === 1 ? "" : "s"} deleted.`);
});

export const createStrategyAction = defineAction({ schema: strategySchema, permission: "write", revalidate: "/settings/strategies" }, async (ctx, input) =>
  withToast(await createStrategy(scoped(ownAccount(ctx)), ctx, input), `Strategy “${input.name}” created.`),
);

export const updateStrategyAction = defineAction({ schema: updateStrategySchema.extend({ id: idSchema }), permission: "write", revalidate: "/settings/strategies" }, async (ctx, { id, ...input }) =>
  withToast(await updateStrategy(scoped(ownAccount(ctx)), ctx, id, input), "Strategy saved."),
);

export const deleteStrategiesAction = defineAction({ schema: z.object({ ids: z.array(idSchema).min(1).max(100) }), permission: "write", revalidate: "/settings/strategies" }, async (ctx, { ids }) => {
  const db = scoped(ownAccount(ctx));
  for (const id of ids) await deleteStrategy(db, ctx, id);
  return withToast(null, `${ids.length} strateg${ids.length === 1 ? "y" : "ies"} deleted.`);
});
