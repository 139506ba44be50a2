import { apiRoute, paginated } from "@/lib/http/route";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { listRunsQuerySchema } from "@/lib/runs/schemas";
import { listRuns } from "@/lib/runs/service";

export const GET = apiRoute({ auth: "user", query: listRunsQuerySchema }, async ({ ctx, query }) => paginated(await listRuns(scoped(ownAccount(ctx)), query, ownAccount(ctx)), query));
