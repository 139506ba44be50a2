import { apiRoute } from "@/lib/http/route";
import { contentResource, presentingConflict } from "@/lib/writer/responses";
import { applyOptimizationSchema } from "@/lib/optimizer/schemas";
import { applyOptimization } from "@/lib/optimizer/service";
import { applyOptimizationResponse } from "@/lib/linker/responses";

/** Applies the accepted edits of a proposal through the writer's versioned save. */
export const POST = apiRoute({ summary: "Apply accepted edits of a proposal", response: applyOptimizationResponse, auth: "user", body: applyOptimizationSchema, permission: "write" }, async ({ ctx, body }) => {
  const result = await presentingConflict(applyOptimization(ctx, body));
  return { ...result, content: contentResource(result.content) };
});
