import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { generateIdeasSchema } from "@/lib/ai/schemas";
import { startGenerateIdeas } from "@/lib/ai/service";

// The reference takes `{ ids }` for bulk actions; `cluster_ids` is accepted too.
const body = z.union([generateIdeasSchema.strict(), z.object({ ids: generateIdeasSchema.shape.clusterIds }).strict().transform(({ ids }) => ({ clusterIds: ids }))]);

export const POST = apiRoute({ auth: "user", body, permission: "write", status: 202 }, async ({ ctx, body }) => {
  const run = await startGenerateIdeas(ctx, body.clusterIds);
  return { taskId: run.id, run };
});
