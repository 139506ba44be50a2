import { apiRoute } from "@/lib/http/route";
import { applyOptimizationSchema } from "@/lib/optimizer/schemas";
import { applyOptimization } from "@/lib/optimizer/service";

/** Applies the accepted edits of a proposal through the writer's versioned save. */
export const POST = apiRoute({ auth: "user", body: applyOptimizationSchema, permission: "write" }, async ({ ctx, body }) => applyOptimization(ctx, body));
