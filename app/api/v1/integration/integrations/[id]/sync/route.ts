import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { requestSync } from "@/lib/integration/sync";
import { z } from "zod";

/** Starts a two-way sync: 202 with the run id (progress: /api/v1/system/settings/task_progress/{id}/). */
export const POST = apiRoute({ summary: "Start a two-way sync (202 with task_id)", response: z.object({ taskId: z.string() }), auth: "user", permission: "manageAccount", status: 202 }, async ({ ctx, params }) => {
  const { runId } = await requestSync(scoped(ctx), ctx, assertValidId(params.id));
  return { taskId: runId };
});
