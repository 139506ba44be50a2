import { apiRoute } from "@/lib/http/route";
import { startBatchLinking } from "@/lib/linker/batch";
import { batchLinksSchema } from "@/lib/linker/schemas";
import { startedRunResponse } from "@/lib/runs/responses";

export const POST = apiRoute({ summary: "Link many articles in the background (202)", response: startedRunResponse, auth: "user", body: batchLinksSchema, permission: "write", status: 202 }, async ({ ctx, body }) => {
  const run = await startBatchLinking(ctx, body);
  return { taskId: run.id, run };
});
