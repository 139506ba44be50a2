// The pre-flight estimate of one execution: what each action would take in and what it would cost
// (a range: the low end from what the rule would pick now, the high end if every step fills the
// item limit), from the pricing table (CREDIT_COSTS). Also the cost of one item, which budgets are
// checked against before it starts.
import { calculateCredits } from "@/lib/billing/prices";
import type { AutomationAction } from "./schemas";

/** Images per article: the featured image plus up to three in-article ones. */
export const IMAGES_PER_ARTICLE = { low: 1, high: 4 } as const;
const IDEAS_PER_CLUSTER = 3;
const KEYWORDS_PER_BATCH = 50;

export type ActionEstimate = { action: AutomationAction; itemsLow: number; itemsHigh: number; creditsLow: number; creditsHigh: number };
export type Estimate = { actions: ActionEstimate[]; creditsLow: number; creditsHigh: number; publishesLow: number; publishesHigh: number };

function perItem(action: AutomationAction, n: number, bound: "low" | "high"): number {
  switch (action) {
    case "cluster":
      return calculateCredits("auto_cluster", n);
    case "generate_ideas":
      return calculateCredits("generate_ideas", n);
    case "generate_content":
      return calculateCredits("generate_content", n);
    case "generate_images":
      return calculateCredits("generate_image_prompts", n) + calculateCredits("generate_images", n * IMAGES_PER_ARTICLE[bound]);
    case "optimize":
      return bound === "low" ? 0 : calculateCredits("optimize_content", n);
    default:
      return 0;
  }
}

/** `picked`: what the first action takes now (keywords count individually; others are items). */
export function estimateChain(actions: AutomationAction[], picked: number, maxItems: number): Estimate {
  let low = picked;
  let high = actions[0] === "cluster" ? maxItems * KEYWORDS_PER_BATCH : maxItems;
  const out: ActionEstimate[] = [];
  for (const action of actions) {
    out.push({ action, itemsLow: low, itemsHigh: high, creditsLow: perItem(action, low, "low"), creditsHigh: perItem(action, high, "high") });
    // What the next action receives.
    if (action === "cluster") [low, high] = [Math.min(Math.ceil(low / KEYWORDS_PER_BATCH), maxItems), maxItems];
    else if (action === "generate_ideas") [low, high] = [Math.min(low * IDEAS_PER_CLUSTER, maxItems), maxItems];
  }
  const publish = out.find((a) => a.action === "publish");
  return {
    actions: out,
    creditsLow: out.reduce((n, a) => n + a.creditsLow, 0),
    creditsHigh: out.reduce((n, a) => n + a.creditsHigh, 0),
    publishesLow: publish?.itemsLow ?? 0,
    publishesHigh: publish?.itemsHigh ?? 0,
  };
}

/** The least one item of the chain's first paid action costs: below that, an execution cannot start. */
export function cheapestItem(actions: AutomationAction[]): number {
  for (const action of actions) {
    const credits = perItem(action, 1, "low");
    if (credits > 0) return credits;
  }
  return 0;
}
