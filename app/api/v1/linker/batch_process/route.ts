import { apiRoute } from "@/lib/http/route";
import { startBatchLinking } from "@/lib/linker/batch";
import { batchLinksSchema } from "@/lib/linker/schemas";

export const POST = apiRoute({ auth: "user", body: batchLinksSchema, permission: "write", status: 202 }, async ({ ctx, body }) => {
  const run = await startBatchLinking(ctx, body);
  return { taskId: run.id, run };
});
