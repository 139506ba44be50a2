import { assertValidId } from "@/lib/auth/service";
import { apiRoute } from "@/lib/http/route";
import { startedRunResponse } from "@/lib/runs/responses";
import { startGeneratePageContent } from "@/lib/site-builder/service";

export const POST = apiRoute({ summary: "Write a page's copy with AI (202)", response: startedRunResponse, auth: "user", status: 202 }, async ({ ctx, params }) => {
  const run = await startGeneratePageContent(ctx, assertValidId(params.id), false);
  return { taskId: run.id, run };
});
