"use server";

import { defineAction, withToast } from "@/lib/http/action";
import { autoClusterSchema, generateContentSchema, generateIdeasSchema, generateImagesByIdSchema, generateImagesSchema } from "./schemas";
import { startAutoCluster, startGenerateContent, startGenerateIdeas, startGenerateImagePrompts, startGenerateImages } from "./service";

const started = (label: string) => `${label} started. Follow its progress in the corner, or on the Runs page.`;

export const autoClusterKeywordsAction = defineAction({ schema: autoClusterSchema, permission: "write" }, async (ctx, { ids }) =>
  withToast(await startAutoCluster(ctx, ids), started("AI clustering")),
);

export const generateIdeasAction = defineAction({ schema: generateIdeasSchema, permission: "write" }, async (ctx, { clusterIds }) =>
  withToast(await startGenerateIdeas(ctx, clusterIds), started("Idea generation")),
);

export const generateContentAction = defineAction({ schema: generateContentSchema, permission: "write" }, async (ctx, { taskIds }) =>
  withToast(await startGenerateContent(ctx, taskIds), started("Article writing")),
);

export const generateImagePromptsAction = defineAction({ schema: generateImagesSchema, permission: "write" }, async (ctx, { taskIds }) =>
  withToast(await startGenerateImagePrompts(ctx, taskIds), started("Image planning")),
);

export const generateImagesAction = defineAction({ schema: generateImagesSchema, permission: "write" }, async (ctx, { taskIds }) =>
  withToast(await startGenerateImages(ctx, { taskIds }), started("Image generation")),
);

/** Regenerate chosen images (their prompts stay; a new file replaces the old one). */
export const regenerateImagesAction = defineAction({ schema: generateImagesByIdSchema, permission: "write" }, async (ctx, { ids }) =>
  withToast(await startGenerateImages(ctx, { imageIds: ids }), started("Image generation")),
);
