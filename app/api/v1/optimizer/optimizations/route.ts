import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { listOptimizationsQuerySchema } from "@/lib/optimizer/schemas";
import { listOptimizations } from "@/lib/optimizer/service";

/** An article's proposals, newest first (`?content_id=…&status=proposed`). */
export const GET = apiRoute({ auth: "user", query: listOptimizationsQuerySchema }, async ({ ctx, query }) => listOptimizations(scoped(ctx), query));
