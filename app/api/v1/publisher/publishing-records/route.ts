import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { listRecordsQuerySchema, publishSchema } from "@/lib/publishing/schemas";
import { listRecords, requestPublish } from "@/lib/publishing/service";

export const GET = apiRoute({ auth: "user", query: listRecordsQuerySchema }, async ({ ctx, query }) => paginated(await listRecords(scoped(ctx), query), query));

/** Creating a record is requesting a publish (one record per destination); 202 with the run. */
export const POST = apiRoute({ auth: "user", body: publishSchema, permission: "write", status: 202 }, async ({ ctx, body }) => {
  const started = await requestPublish(scoped(ctx), ctx, body);
  return { taskId: started.runId, records: started.records };
});
