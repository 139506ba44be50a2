import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { runIdSchema } from "@/lib/runs/schemas";
import { cancelRun } from "@/lib/runs/service";
import { runResponse } from "@/lib/runs/responses";

export const POST = apiRoute({ summary: "Cancel a run", response: runResponse, params: z.object({ id: runIdSchema }), auth: "user", permission: "write" }, async ({ ctx, params }) => cancelRun(scoped(ownAccount(ctx)), ctx, parseInput(runIdSchema, params.id)));
