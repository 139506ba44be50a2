import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { listActiveSectors } from "@/lib/sites/service";
import { sectorResponse } from "@/lib/sites/responses";
import { listOf } from "@/lib/http/route-meta";
import { pageOf, pageQuerySchema } from "@/lib/http/validation";

export const GET = apiRoute({ summary: "List a site's active sectors", response: listOf(sectorResponse), auth: "user", query: pageQuerySchema }, async ({ ctx, params, query }) =>
  paginated(pageOf(await listActiveSectors(scoped(ctx), assertValidId(params.id)), query), query),
);
