// The one registry of AI functions. Each module owns its functions (the article writer lives with
// the writer); the engine loads them on first use, so lib/ai depends on no module statically.
import type { AIFunction, AIFunctionName } from "./types";

type Loader = () => Promise<AIFunction>;
const loaders: Record<AIFunctionName, Loader> = {
  auto_cluster: () => import("@/lib/planner/ai/auto-cluster").then((m) => m.autoCluster as unknown as AIFunction),
  generate_ideas: () => import("@/lib/planner/ai/generate-ideas").then((m) => m.generateIdeas as unknown as AIFunction),
  generate_content: () => import("@/lib/writer/ai/generate-content").then((m) => m.generateContent as unknown as AIFunction),
  generate_image_prompts: () => import("@/lib/writer/ai/generate-image-prompts").then((m) => m.generateImagePrompts as unknown as AIFunction),
  generate_images: () => import("@/lib/writer/ai/generate-images").then((m) => m.generateImages as unknown as AIFunction),
  optimize_content: () => import("@/lib/optimizer/ai/optimize-content").then((m) => m.optimizeContent as unknown as AIFunction),
  generate_structure: () => import("@/lib/site-builder/ai/generate-structure").then((m) => m.generateStructure as unknown as AIFunction),
  generate_page_content: () => import("@/lib/site-builder/ai/generate-page-content").then((m) => m.generatePageContent as unknown as AIFunction),
};

const loaded = new Map<AIFunctionName, Promise<AIFunction>>();

export function getAIFunction(name: AIFunctionName): Promise<AIFunction> {
  const load = loaders[name];
  if (!load) throw new Error(`Unknown AI function: ${name}`);
  let fn = loaded.get(name);
  if (!fn) loaded.set(name, (fn = load()));
  return fn;
}

export const AI_FUNCTIONS = Object.keys(loaders) as AIFunctionName[];
