import { z } from "zod";
import { assertValidId } from "@/lib/auth/service";
import { apiRoute } from "@/lib/http/route";
import { idSchema } from "@/lib/http/validation";
import { startedRunResponse } from "@/lib/runs/responses";
import { startGeneratePages } from "@/lib/site-builder/service";

const body = z.object({ pageIds: z.array(idSchema).min(1).max(500).optional(), all: z.boolean().optional().describe("Rewrite pages that already have copy too") }).strict();

export const POST = apiRoute({ summary: "Write the copy of the blueprint's pages with AI (202)", response: startedRunResponse, auth: "user", body, status: 202 }, async ({ ctx, params, body }) => {
  const run = await startGeneratePages(ctx, assertValidId(params.id), body);
  return { taskId: run.id, run };
});
