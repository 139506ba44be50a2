// What a paid AI action will cost before it starts: the same units the engine charges
// (calculateCredits per call), the balance now and after. Shown in every paid action's confirmation.
import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { NotFoundError } from "@/lib/errors";
import { idSchema } from "@/lib/http/validation";
import { AUTO_CLUSTER_BATCH_SIZE } from "@/lib/planner/ai/auto-cluster";
import { getBalance } from "./credits";
import { CREDIT_COSTS, calculateCredits, type Operation } from "./prices";

export const ESTIMATED_OPERATIONS = ["auto_cluster", "generate_ideas", "generate_content", "generate_image_prompts", "generate_images", "optimize_content"] as const satisfies readonly Operation[];
export type EstimatedOperation = (typeof ESTIMATED_OPERATIONS)[number];

/** ids: keywords (auto_cluster), clusters (generate_ideas), tasks (content, image prompts, images), articles (optimize_content). */
export const estimateSchema = z.object({ operation: z.enum(ESTIMATED_OPERATIONS), ids: z.array(idSchema).min(1, "Choose at least one.").max(5000, "At most 5,000 at once.") }).strict();
export type EstimateInput = z.infer<typeof estimateSchema>;

export const estimateResponse = z.object({
  operation: z.enum(ESTIMATED_OPERATIONS),
  label: z.string(),
  /** How many units the engine will charge for (keywords, clusters, articles, images). */
  units: z.number().int(),
  unit: z.string(),
  /** A range when the cost depends on the output (e.g. only articles that need edits are charged). */
  credits: z.object({ min: z.number().int(), max: z.number().int() }),
  balance: z.number().int(),
  balanceAfter: z.object({ min: z.number().int(), max: z.number().int() }),
  /** The balance covers the most it can cost. */
  enough: z.boolean(),
  note: z.string().nullable(),
});
export type EstimateDto = z.infer<typeof estimateResponse>;

async function countOwned(db: ScopedDb, operation: EstimatedOperation, ids: number[]): Promise<number> {
  const where = { id: { in: ids } };
  switch (operation) {
    case "auto_cluster":
      return db.keyword.count({ where });
    case "generate_ideas":
      return db.cluster.count({ where });
    case "optimize_content":
      return db.content.count({ where });
    default:
      return db.task.count({ where });
  }
}

const NOT_FOUND: Record<EstimatedOperation, string> = {
  auto_cluster: "Keyword",
  generate_ideas: "Cluster",
  generate_content: "Task",
  generate_image_prompts: "Task",
  generate_images: "Task",
  optimize_content: "Content",
};

export async function estimateCost(db: ScopedDb, ctx: TenantContext, input: EstimateInput): Promise<EstimateDto> {
  assertCan(ctx.role, "write");
  const ids = [...new Set(input.ids)];
  const { operation } = input;
  if ((await countOwned(db, operation, ids)) !== ids.length) throw new NotFoundError(NOT_FOUND[operation]);
  let units = ids.length;
  let min: number;
  let max: number;
  let note: string | null = null;
  if (operation === "auto_cluster") {
    // One call per batch of keywords, each charged on its own.
    const full = Math.floor(units / AUTO_CLUSTER_BATCH_SIZE);
    min = max = full * calculateCredits(operation, AUTO_CLUSTER_BATCH_SIZE) + calculateCredits(operation, units % AUTO_CLUSTER_BATCH_SIZE);
  } else if (operation === "generate_images") {
    units = await db.image.count({ where: { taskId: { in: ids }, storageKey: null, prompt: { not: "" } } });
    min = max = calculateCredits(operation, units);
    if (!units) note = "No planned images wait to be drawn: use “Plan images” first.";
  } else if (operation === "optimize_content") {
    // Only articles whose score flags something the AI can fix are sent (and charged).
    min = 0;
    max = calculateCredits(operation, units);
    note = "Articles with nothing to fix are skipped and cost nothing.";
  } else {
    min = max = calculateCredits(operation, units);
  }
  const balance = await getBalance(db, ctx.accountId);
  const cost = CREDIT_COSTS[operation];
  return { operation, label: cost.label, units, unit: cost.unit, credits: { min, max }, balance, balanceAfter: { min: balance - max, max: balance - min }, enough: balance >= max, note };
}
