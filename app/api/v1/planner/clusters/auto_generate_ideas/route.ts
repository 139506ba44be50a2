import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { generateIdeasSchema } from "@/lib/ai/schemas";
import { startGenerateIdeas } from "@/lib/ai/service";
import { startedRunResponse } from "@/lib/runs/responses";

// The reference takes `{ ids }` for bulk actions; `cluster_ids` is accepted too.
const body = z.union([generateIdeasSchema.strict(), z.object({ ids: generateIdeasSchema.shape.clusterIds }).strict().transform(({ ids }) => ({ clusterIds: ids }))]);

export const POST = apiRoute({ summary: "Generate content ideas for clusters with AI (202)", response: startedRunResponse, auth: "user", body, permission: "write", status: 202 }, async ({ ctx, body }) => {
  const run = await startGenerateIdeas(ctx, body.clusterIds);
  return { taskId: run.id, run };
});
