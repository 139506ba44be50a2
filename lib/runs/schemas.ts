import { z } from "zod";
import { listQuerySchema } from "@/lib/http/validation";

export const RUN_STATUSES = ["pending", "running", "succeeded", "failed", "cancelled"] as const;
export const RUN_KINDS = ["auto_cluster", "generate_ideas", "generate_content", "generate_image_prompts", "generate_images", "cluster_locally", "link_content", "optimize_content"] as const;

export const runIdSchema = z.uuid({ error: "Not a run id." });

export const listRunsQuerySchema = listQuerySchema.extend({
  status: z.union([z.enum(RUN_STATUSES), z.literal("active")]).optional(),
  kind: z.string().trim().max(60).regex(/^[a-z_]+$/).optional(),
});
export type ListRunsQuery = z.infer<typeof listRunsQuerySchema>;
