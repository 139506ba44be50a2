import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { listIndustries } from "@/lib/reference/service";
import { industryResponse } from "@/lib/auth/responses";
import { listOf } from "@/lib/http/route-meta";
import { pageOf, pageQuerySchema } from "@/lib/http/validation";

export const GET = apiRoute({ summary: "List industries with their sectors", response: listOf(industryResponse), auth: "user", query: pageQuerySchema }, async ({ ctx, query }) => paginated(pageOf(await listIndustries(scoped(ctx)), query), query));
