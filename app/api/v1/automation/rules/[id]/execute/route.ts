import { assertValidId } from "@/lib/auth/service";
import { executeRule } from "@/lib/automation/service";
import { executeResponse } from "@/lib/automation/responses";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute({ summary: "Execute an automation rule now (202; refused when its budget cannot cover one item)", response: executeResponse, auth: "user", permission: "write", status: 202 }, async ({ ctx, params }) => {
  const started = await executeRule(scoped(ctx), ctx, assertValidId(params.id));
  return { taskId: started.run.id, ...started };
});
