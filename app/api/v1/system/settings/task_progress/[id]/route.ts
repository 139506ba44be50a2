import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { runIdSchema } from "@/lib/runs/schemas";
import { getTaskProgress } from "@/lib/runs/service";
import { taskProgressResponse } from "@/lib/runs/responses";

export const GET = apiRoute({ summary: "A run's progress (poll after a 202)", response: taskProgressResponse, params: z.object({ id: runIdSchema }), auth: "user" }, async ({ ctx, params }) =>
  getTaskProgress(scoped(ownAccount(ctx)), ownAccount(ctx), parseInput(runIdSchema, params.id)),
);
