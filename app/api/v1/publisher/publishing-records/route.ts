import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { listRecordsQuerySchema, publishSchema } from "@/lib/publishing/schemas";
import { listRecords, requestPublish } from "@/lib/publishing/service";
import { publishStartedResponse, recordResponse } from "@/lib/publishing/responses";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List publishing records", response: listOf(recordResponse), auth: "user", query: listRecordsQuerySchema }, async ({ ctx, query }) => paginated(await listRecords(scoped(ctx), query), query));

/** Creating a record is requesting a publish (one record per destination); 202 with the run. */
export const POST = apiRoute({ summary: "Request a publish: one record per destination (202)", response: publishStartedResponse, auth: "user", body: publishSchema, permission: "write", status: 202 }, async ({ ctx, body }) => {
  const started = await requestPublish(scoped(ctx), ctx, body);
  return { taskId: started.runId, records: started.records };
});
