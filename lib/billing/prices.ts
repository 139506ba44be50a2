// What model calls cost us (USD, for the usage log) and what they cost the customer (credits).
// One table, read by the credit service, the billing page and the engine. Developers may override
// credits per operation in System settings (lib/system/settings.ts), applied through the cache below.
import { creditPriceOverride } from "@/lib/system/settings-cache";

/** USD per 1M tokens (input, output). Unknown models fall back to DEFAULT_TEXT_PRICE. */
export const TEXT_PRICES_USD: Record<string, { input: number; output: number }> = {
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-4.1": { input: 2, output: 8 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "gpt-5": { input: 1.25, output: 10 },
  "gpt-5-mini": { input: 0.25, output: 2 },
};
export const DEFAULT_TEXT_PRICE = { input: 0.4, output: 1.6 };

/** USD per generated image. */
export const IMAGE_PRICES_USD: Record<string, number> = {
  "dall-e-3": 0.04,
  "dall-e-2": 0.02,
  "gpt-image-1": 0.042,
  "runware:100@1": 0.0013,
};
export const DEFAULT_IMAGE_PRICE = 0.04;

export const OPERATIONS = ["auto_cluster", "generate_ideas", "generate_content", "generate_image_prompts", "generate_images", "optimize_content", "generate_structure", "generate_page_content", "test"] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Credits per unit of work. The unit is what a customer understands, not tokens. */
export const CREDIT_COSTS: Record<Operation, { credits: number; per: number; unit: string; label: string }> = {
  auto_cluster: { credits: 1, per: 20, unit: "keywords", label: "AI clustering" },
  generate_ideas: { credits: 2, per: 1, unit: "cluster", label: "Content ideas" },
  generate_content: { credits: 10, per: 1, unit: "article", label: "Article writing" },
  generate_image_prompts: { credits: 1, per: 1, unit: "article", label: "Image prompts" },
  generate_images: { credits: 3, per: 1, unit: "image", label: "Image generation" },
  optimize_content: { credits: 2, per: 1, unit: "article", label: "Content optimization" },
  generate_structure: { credits: 5, per: 1, unit: "site structure", label: "Site structure" },
  generate_page_content: { credits: 4, per: 1, unit: "page", label: "Site page copy" },
  test: { credits: 0, per: 1, unit: "call", label: "Connection tests" },
};

/** Credits for `units` of an operation (rounded up per block, at least one block when units > 0). */
export function calculateCredits(operation: Operation, units = 1): number {
  const cost = CREDIT_COSTS[operation];
  if (units <= 0) return 0;
  return Math.ceil(units / cost.per) * creditsPerBlock(operation);
}

/** Credits per block of an operation: the System settings override, else the table. */
export function creditsPerBlock(operation: Operation): number {
  return creditPriceOverride(operation) ?? CREDIT_COSTS[operation].credits;
}

export type Usage = { model: string; tokensIn?: number; tokensOut?: number; images?: number };

export function costUsd({ model, tokensIn = 0, tokensOut = 0, images = 0 }: Usage): number {
  const text = TEXT_PRICES_USD[model] ?? DEFAULT_TEXT_PRICE;
  const image = IMAGE_PRICES_USD[model] ?? DEFAULT_IMAGE_PRICE;
  const usd = (tokensIn * text.input + tokensOut * text.output) / 1_000_000 + images * image;
  return Math.round(usd * 1_000_000) / 1_000_000;
}

/** Below this balance the app warns before AI work. */
export const LOW_BALANCE_CREDITS = 50;
