import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { listOptimizationsQuerySchema } from "@/lib/optimizer/schemas";
import { listOptimizations } from "@/lib/optimizer/service";
import { optimizationResponse } from "@/lib/linker/responses";
import { listOf } from "@/lib/http/route-meta";
import { pageOf, pageQuerySchema } from "@/lib/http/validation";

/** An article's proposals, newest first (`?content_id=…&status=proposed`). */
export const GET = apiRoute({ summary: "List an article's optimization proposals", response: listOf(optimizationResponse), auth: "user", query: listOptimizationsQuerySchema.extend(pageQuerySchema.shape) }, async ({ ctx, query }) =>
  paginated(pageOf(await listOptimizations(scoped(ctx), query), query), query),
);
