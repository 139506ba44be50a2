import { assertValidId } from "@/lib/auth/service";
import { apiRoute } from "@/lib/http/route";
import { startedRunResponse } from "@/lib/runs/responses";
import { startGenerateStructure } from "@/lib/site-builder/service";

/** Replaces the blueprint's page tree with the model's (202; poll the run). */
export const POST = apiRoute({ summary: "Generate the site structure with AI (202)", response: startedRunResponse, auth: "user", status: 202 }, async ({ ctx, params }) => {
  const run = await startGenerateStructure(ctx, assertValidId(params.id));
  return { taskId: run.id, run };
});
