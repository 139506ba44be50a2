// The one registry of AI functions. Manual actions and automation run the same entries.
import { autoCluster } from "./functions/auto-cluster";
import { generateContent } from "./functions/generate-content";
import { generateIdeas } from "./functions/generate-ideas";
import { generateImagePrompts } from "./functions/generate-image-prompts";
import { generateImages } from "./functions/generate-images";
import { optimizeContent } from "./functions/optimize-content";
import type { AIFunction, AIFunctionName } from "./types";

const registry: Record<AIFunctionName, AIFunction<never, never, never, unknown>> = {
  auto_cluster: autoCluster as never,
  generate_ideas: generateIdeas as never,
  generate_content: generateContent as never,
  generate_image_prompts: generateImagePrompts as never,
  generate_images: generateImages as never,
  optimize_content: optimizeContent as never,
};

export function getAIFunction(name: AIFunctionName): AIFunction {
  const fn = registry[name];
  if (!fn) throw new Error(`Unknown AI function: ${name}`);
  return fn as unknown as AIFunction;
}

export const AI_FUNCTIONS = Object.keys(registry) as AIFunctionName[];
