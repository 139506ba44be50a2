import { apiRoute, paginated } from "@/lib/http/route";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { listRunsQuerySchema } from "@/lib/runs/schemas";
import { listRuns } from "@/lib/runs/service";
import { runResponse } from "@/lib/runs/responses";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List runs (background work)", response: listOf(runResponse), auth: "user", query: listRunsQuerySchema }, async ({ ctx, query }) => paginated(await listRuns(scoped(ownAccount(ctx)), query, ownAccount(ctx)), query));
